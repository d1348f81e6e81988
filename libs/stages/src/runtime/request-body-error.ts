import { HttpException, HttpStatus } from '@nestjs/common';
import { isUtf8 } from 'node:buffer';

/**
 * body-parser's `verify`: a body declared UTF-8 (JSON's only charset, and
 * the default) that is not valid UTF-8 is refused, 400 `INVALID_UTF8`.
 * body-parser would decode it with U+FFFD in place of the bad bytes, while
 * the same bytes on `articles.raw.v1` are dead-lettered as INVALID_UTF8: one
 * rule on both ways in, and an article is never taken with text it did not
 * have.
 */
export function refuseInvalidUtf8(_request: unknown, _response: unknown, body: Buffer, encoding?: string): void {
  if (encoding !== undefined && !/^utf-?8$/i.test(encoding)) return;
  if (!isUtf8(body)) throw Object.assign(new Error('the request body is not valid UTF-8'), { status: 400, type: 'encoding.invalid' });
}

/** What body-parser (through raw-body and http-errors) attaches to the errors it passes on. */
interface BodyParserError {
  type: string;
  status: number;
  message: string;
  limit?: number;
  length?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  const e = error as Partial<BodyParserError> | null;
  return typeof e === 'object' && e !== null && typeof e.type === 'string' && typeof e.status === 'number' && e.status >= 400 && e.status < 500;
}

/**
 * A request body that body-parser refused, as the JSON error the API
 * answers everywhere else. Unmapped, Nest answers its bare message
 * ("request entity too large") and logs the caller's mistake as a server
 * error. The size is checked by body-parser from Content-Length before a
 * byte is read (and while reading a chunked body), so an oversized request
 * is never parsed. (JSON that does not parse never gets here: Nest answers
 * body-parser's SyntaxError with 400 itself.) Null when `error` is not
 * body-parser's.
 */
export function requestBodyError(error: unknown): HttpException | null {
  if (!isBodyParserError(error)) return null;
  switch (error.type) {
    case 'entity.too.large':
      return new HttpException(
        {
          statusCode: HttpStatus.PAYLOAD_TOO_LARGE,
          error: 'REQUEST_TOO_LARGE',
          message: `the request body is ${error.length ?? 'more than the limit of'} bytes; this endpoint takes at most ${error.limit ?? 'its limit'}`,
          limit: error.limit,
        },
        HttpStatus.PAYLOAD_TOO_LARGE,
      );
    case 'encoding.invalid':
      return new HttpException({ statusCode: HttpStatus.BAD_REQUEST, error: 'INVALID_UTF8', message: error.message }, HttpStatus.BAD_REQUEST);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new HttpException({ statusCode: HttpStatus.UNSUPPORTED_MEDIA_TYPE, error: 'UNSUPPORTED_ENCODING', message: error.message }, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    default:
      return new HttpException({ statusCode: error.status, error: 'INVALID_REQUEST', message: error.message }, error.status);
  }
}
