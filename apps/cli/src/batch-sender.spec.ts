import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { BatchLine, BatchRequestError, BatchSender } from './batch-sender';

type Answer = (lines: string[], attempt: number) => { status: number; body: unknown };

/** A stand-in ingestor answering each batch with `answer`; the request bodies it received, line by line. */
async function ingestor(answer: Answer): Promise<{ url: string; requests: string[][]; close: () => Promise<void> }> {
  const requests: string[][] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const lines = body.split('\n').filter(Boolean);
      requests.push(lines);
      const { status, body: out } = answer(lines, requests.length);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(out));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const lines = (...texts: string[]): BatchLine[] => texts.map((text, i) => ({ origin: `f.ndjson:${i + 1}`, text }));

describe(BatchSender.name, () => {
  it('counts a 207 line by line and names the refused lines by their origin', async () => {
    const server = await ingestor(() => ({
      status: 207,
      body: { lines: 3, accepted: [{ line: 1 }, { line: 3 }], refused: [{ line: 2, error: 'INVALID_JSON', message: 'Unexpected token' }], failed: [] },
    }));
    const problems: string[] = [];
    const sender = new BatchSender({ url: server.url, onProblem: (origin, error) => problems.push(`${origin} ${error}`) });
    await sender.send(lines('{"body":"a"}', '{oops', '{"body":"c"}'));
    await server.close();
    expect(sender.tally).toEqual({ sent: 3, accepted: 2, refused: 1, failed: 0, reasons: { INVALID_JSON: 1 } });
    expect(problems).toEqual(['f.ndjson:2 INVALID_JSON']);
  });

  it('sends the lines the broker did not confirm again, and only those, until they are taken', async () => {
    const server = await ingestor((sent, attempt) =>
      attempt === 1
        ? { status: 207, body: { lines: 2, accepted: [{ line: 1 }], refused: [], failed: [{ line: 2, error: 'BROKER_UNAVAILABLE', message: 'down' }] } }
        : { status: 202, body: { lines: sent.length, accepted: sent.map((_, i) => ({ line: i + 1 })), refused: [], failed: [] } },
    );
    const sender = new BatchSender({ url: server.url, backoffMs: 1 });
    await sender.send(lines('{"body":"a"}', '{"body":"b"}'));
    await server.close();
    expect(server.requests).toEqual([['{"body":"a"}', '{"body":"b"}'], ['{"body":"b"}']]);
    expect(sender.tally).toMatchObject({ sent: 2, accepted: 2, failed: 0 });
  });

  it('counts lines still failing after the last try as failed', async () => {
    const server = await ingestor(() => ({ status: 503, body: { lines: 1, accepted: [], refused: [], failed: [{ line: 1, error: 'BROKER_UNAVAILABLE', message: 'down' }] } }));
    const sender = new BatchSender({ url: server.url, attempts: 2, backoffMs: 1 });
    await sender.send(lines('{"body":"a"}'));
    await server.close();
    expect(server.requests).toHaveLength(2);
    expect(sender.tally).toMatchObject({ sent: 1, accepted: 0, failed: 1, reasons: { BROKER_UNAVAILABLE: 1 } });
  });

  it('stops on an answer about the request as a whole (a missing token, a batch too large)', async () => {
    const server = await ingestor(() => ({ status: 401, body: { statusCode: 401, message: 'Unauthorized' } }));
    const sender = new BatchSender({ url: server.url });
    await expect(sender.send(lines('{"body":"a"}'))).rejects.toThrow(BatchRequestError);
    await expect(sender.send(lines('{"body":"a"}'))).rejects.toThrow(/401 .*--token/);
    await server.close();
  });
});
