import { ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import { Observable } from 'rxjs';
import { requestBodyError } from '../runtime/request-body-error';
import { StageErrorFilter } from '../runtime/stage-error.filter';
import { IngestRejections, Rejection } from './ingest-rejections';

/** Only what this filter reads of an Express request. */
interface ArticleRequest {
  method: string;
  path: string;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** Statuses that refuse the caller or the route, not an article: no token (401), no such endpoint (404, 405). */
const NOT_ARTICLE_REFUSALS = new Set([401, 403, 404, 405]);

/** Codes answered to a request that held no article at all. */
const NO_ARTICLE = new Set(['EMPTY_BATCH']);

/**
 * What was sent, as far as it was read: the text body-parser could not
 * parse, or the parsed body as JSON again. Null when there is none, or it
 * cannot be written back (nested deeper than JSON.stringify's stack: the
 * contract refuses those at 32 levels, JSON.parse takes 10,000).
 */
export function sentValue(body: unknown, exception?: unknown): string | null {
  const raw = (exception as { body?: unknown } | null | undefined)?.body;
  if (typeof raw === 'string') return raw;
  if (typeof body === 'string') return body;
  if (body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0)) return null;
  try {
    return JSON.stringify(body);
  } catch {
    return null;
  }
}

/**
 * The stage filter, plus: a POST to `/v1/articles` (or its batch) refused
 * with a 4xx, by body-parser (too large, not UTF-8, not JSON) or by the
 * controller (breaks the contract, no content), is recorded on the
 * rejections topic for the audit. A batch answered line by line records
 * its refused lines in the controller; this sees only requests refused
 * whole.
 */
@Catch()
export class IngestErrorFilter extends StageErrorFilter {
  private readonly logger = new Logger(IngestErrorFilter.name);

  constructor(private readonly rejections: IngestRejections) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'http') {
      // Keeping the record must never change the client's answer.
      try {
        const rejection = this.rejection(exception, host.switchToHttp().getRequest<ArticleRequest>());
        if (rejection) void this.rejections.record([rejection]);
      } catch (error) {
        this.logger.warn({ msg: 'HTTP rejection not recorded', error: (error as Error).message });
      }
    }
    return super.catch(exception, host);
  }

  private rejection(exception: unknown, request: ArticleRequest): Rejection | undefined {
    if (request.method !== 'POST' || !request.path.startsWith('/v1/articles')) return undefined;
    const http = requestBodyError(exception) ?? exception;
    if (!(http instanceof HttpException)) return undefined;
    const status = http.getStatus();
    if (status < 400 || status >= 500 || NOT_ARTICLE_REFUSALS.has(status)) return undefined;
    const answer = http.getResponse();
    const body = typeof answer === 'object' && answer !== null ? (answer as { error?: unknown; message?: unknown }) : { message: answer };
    // Every refusal of ours carries a code; a 400 without one is Nest's answer to JSON that body-parser could not parse.
    const error = typeof body.error === 'string' && /^[A-Z_]+$/.test(body.error) ? body.error : status === 400 ? 'INVALID_JSON' : `HTTP_${status}`;
    if (NO_ARTICLE.has(error)) return undefined;
    const value = sentValue(request.body, exception);
    const length = Number(request.headers['content-length']);
    return {
      value,
      error,
      message: Array.isArray(body.message) ? body.message.join('; ') : String(body.message ?? http.message),
      status,
      bytes: value === null && Number.isFinite(length) ? length : undefined,
    };
  }
}
