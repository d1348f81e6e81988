import { NestExpressApplication } from '@nestjs/platform-express';
import { refuseInvalidUtf8 } from '../runtime/request-body-error';
import { ApiTokenGuard, unauthorized } from './api-token.guard';
import { maxArticleRequestBytes } from './ingest-stage.options';

export interface IngestHttpLimits {
  /** Largest accepted article body. */
  maxBodyBytes: number;
  /** Largest NDJSON batch request. */
  maxBatchBytes: number;
}

/**
 * What the ingest API needs of its Express app before its routes: the app is created without Nest's body parsers
 * (`bodyParser: false`), these take their place.
 */
export function setUpIngestHttp(app: NestExpressApplication, limits: IngestHttpLimits): void {
  // The token before the body: without it, nothing is read (the guard checks it again where the routes are).
  const token = app.get(ApiTokenGuard);
  app.use('/v1/articles', (request: { headers: { authorization?: string } }, _response: unknown, next: (error?: unknown) => void) =>
    next(token.admits(request.headers.authorization) ? undefined : unauthorized()),
  );
  // A single article is its body plus a little metadata; batches are NDJSON text. body-parser refuses a larger request
  // from its Content-Length before reading it (413, see StageErrorFilter). Bytes that are not UTF-8 are refused (400), as
  // the raw topic dead-letters them.
  app.useBodyParser('json', { limit: maxArticleRequestBytes(limits.maxBodyBytes), verify: refuseInvalidUtf8 });
  app.useBodyParser('text', { type: ['application/x-ndjson', 'application/ndjson', 'text/plain'], limit: limits.maxBatchBytes, verify: refuseInvalidUtf8 });
}
