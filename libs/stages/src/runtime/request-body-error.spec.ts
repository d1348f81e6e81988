import { HttpException } from '@nestjs/common';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { refuseInvalidUtf8, requestBodyError } from './request-body-error';

// body-parser ships no types (and @types/body-parser is not installed): this much of it is what the test calls.
type Middleware = (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
const bodyParser = createRequire(__filename)('body-parser') as { json(options: { limit: number; verify?: typeof refuseInvalidUtf8 }): Middleware };

/** The error body-parser itself passes on for `body` sent as JSON under `limit` (undefined when it takes it). */
async function refusal(body: string | Buffer, limit: number): Promise<unknown> {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const req = Object.assign(Readable.from([bytes]), {
    headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) },
  });
  return new Promise((resolve) => bodyParser.json({ limit, verify: refuseInvalidUtf8 })(req, {}, resolve));
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

  it('refuses a body that is not UTF-8 with 400 INVALID_UTF8, as the raw topic dead-letters it, and takes Arabic text', async () => {
    // {"title":"<0xff>"}: body-parser alone would read it as U+FFFD.
    const bad = Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xff]), Buffer.from('"}')]);
    const error = requestBodyError(await refusal(bad, 1024));
    expect(error!.getStatus()).toBe(400);
    expect(error!.getResponse()).toMatchObject({ statusCode: 400, error: 'INVALID_UTF8' });
    expect(await refusal(JSON.stringify({ title: 'محطة تحلية في الدمام' }), 1024)).toBeUndefined();
  });

  it('leaves every other error alone', () => {
    expect(requestBodyError(new RangeError('Maximum call stack size exceeded'))).toBeNull();
    expect(requestBodyError(new HttpException('no', 404))).toBeNull();
    expect(requestBodyError(null)).toBeNull();
  });
});
