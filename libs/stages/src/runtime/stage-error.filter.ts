import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { Observable, throwError } from 'rxjs';
import { requestBodyError } from './request-body-error';

/**
 * Nest turns an error thrown by a message handler into a plain
 * `{status, message}` object; the StageServer needs the error itself (its
 * class, code and retriable flag) to decide between retry and dead letter.
 * HTTP errors are left to Nest's usual handling, once a request body that
 * body-parser refused is turned into the API's JSON error.
 */
@Catch()
export class StageErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') return throwError(() => exception);
    return super.catch(requestBodyError(exception) ?? exception, host);
  }
}
