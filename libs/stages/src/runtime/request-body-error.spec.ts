import { HttpException } from '@nestjs/common';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { requestBodyError } from './request-body-error';

// body-parser ships no types (and @types/body-parser is not installed): this much of it is what the test calls.
type Middleware = (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
const bodyParser = createRequire(__filename)('body-parser') as { json(options: { limit: number }): Middleware };

/** The error body-parser itself passes on for `body` sent as JSON under `limit`. */
async function refusal(body: string, limit: number): Promise<unknown> {
  const req = Object.assign(Readable.from([Buffer.from(body)]), {
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
  });
  return new Promise((resolve) => bodyParser.json({ limit })(req, {}, resolve));
}

describe(requestBodyError.name, () => {
  it('answers a body over the limit with 413 and the sizes, before it is parsed', async () => {
    const body = JSON.stringify({ body: 'a'.repeat(5000) });
    const error = requestBodyError(await refusal(body, 1024));
    expect(error).toBeInstanceOf(HttpException);
    expect(error!.getStatus()).toBe(413);
    expect(error!.getResponse()).toEqual({
      statusCode: 413,
      error: 'REQUEST_TOO_LARGE',
      message: `the request body is ${body.length} bytes; this endpoint takes at most 1024`,
      limit: 1024,
    });
  });

  it('leaves every other error alone', () => {
    expect(requestBodyError(new RangeError('Maximum call stack size exceeded'))).toBeNull();
    expect(requestBodyError(new HttpException('no', 404))).toBeNull();
    expect(requestBodyError(null)).toBeNull();
  });
});
