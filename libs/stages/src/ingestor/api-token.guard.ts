import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';

/** The bearer token of the HTTP APIs (`INGEST_API_TOKEN`), or null when they are open. */
export const API_TOKEN = Symbol('API_TOKEN');

/**
 * With an API token configured, only `Authorization: Bearer <token>` gets in; without one the API is open.
 * The ingestor's write API and the aggregator's audit share the token.
 */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(API_TOKEN) token: string | null) {
    this.expected = token ? Buffer.from(token) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) return true;
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers.authorization;
    const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
    if (given.length === this.expected.length && timingSafeEqual(given, this.expected)) return true;
    throw new UnauthorizedException({ statusCode: 401, error: 'UNAUTHORIZED', message: 'a valid bearer token is required' });
  }
}
