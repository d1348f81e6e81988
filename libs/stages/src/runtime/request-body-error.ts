import { HttpException, HttpStatus } from '@nestjs/common';

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
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new HttpException({ statusCode: HttpStatus.UNSUPPORTED_MEDIA_TYPE, error: 'UNSUPPORTED_ENCODING', message: error.message }, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    default:
      return new HttpException({ statusCode: error.status, error: 'INVALID_REQUEST', message: error.message }, error.status);
  }
}
