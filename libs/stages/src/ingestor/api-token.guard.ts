import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { INGEST_OPTIONS, IngestStageOptions } from './ingest-stage.options';

/** With an API token configured, only `Authorization: Bearer <token>` gets in; without one the API is open. */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(INGEST_OPTIONS) options: IngestStageOptions) {
    this.expected = options.apiToken ? Buffer.from(options.apiToken) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) return true;
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers.authorization;
    const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
    if (given.length === this.expected.length && timingSafeEqual(given, this.expected)) return true;
    throw new UnauthorizedException({ statusCode: 401, error: 'UNAUTHORIZED', message: 'a valid bearer token is required' });
  }
}
