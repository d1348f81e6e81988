import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { Observable, throwError } from 'rxjs';

/**
 * Nest turns an error thrown by a message handler into a plain
 * `{status, message}` object; the StageServer needs the error itself (its
 * class, code and retriable flag) to decide between retry and dead letter.
 * HTTP errors are left to Nest's usual handling.
 */
@Catch()
export class StageErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') return throwError(() => exception);
    return super.catch(exception, host);
  }
}
