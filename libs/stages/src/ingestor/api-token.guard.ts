import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';

/** The bearer token of the HTTP APIs (`INGEST_API_TOKEN`), or null when they are open. */
export const API_TOKEN = Symbol('API_TOKEN');

/** SHA-256 digests are always 32 bytes: compared in constant time, they reveal neither the token nor its length. */
function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/** The answer to a request without the token. */
export function unauthorized(): UnauthorizedException {
  return new UnauthorizedException({ statusCode: 401, error: 'UNAUTHORIZED', message: 'a valid bearer token is required' });
}

/**
 * With an API token configured, only `Authorization: Bearer <token>` gets
 * in; without one the API is open. The ingestor's write API and the
 * aggregator's audit share the token. The ingestor also checks it in a
 * middleware ahead of the body parsers (`admits`), so a caller without the
 * token cannot make it read a body; the guard holds wherever the
 * controller is mounted.
 */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  private readonly expected: Buffer | null;

  constructor(@Inject(API_TOKEN) token: string | null) {
    this.expected = token ? digest(token) : null;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) return true;
    const header = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers.authorization;
    if (this.admits(header)) return true;
    throw unauthorized();
  }

  /** Whether an `Authorization` header carries the token; the same work whatever it holds. */
  admits(header: string | undefined): boolean {
    if (!this.expected) return true;
    const given = digest(header?.startsWith('Bearer ') ? header.slice(7) : '');
    return timingSafeEqual(given, this.expected);
  }
}
