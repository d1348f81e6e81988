import { TOPICS } from '@eventwire/contracts';
import { InMemoryMessageBroker } from './in-memory-message-broker';
import { RetriableError } from './broker-errors';
import { DLQ_HEADERS } from './dead-letter';
import type { BrokerMessage } from './message-broker';
import { ORIGIN_HEADER, StageServer } from './stage-server';

const topics = [
  { name: TOPICS.articlesRaw, partitions: 1, compacted: false },
  { name: `${TOPICS.articlesRaw}.dlq`, partitions: 1, compacted: false },
  { name: TOPICS.articlesIngested, partitions: 1, compacted: false },
];

function message(value: Buffer | string | null, offset = 0): BrokerMessage {
  return {
    topic: TOPICS.articlesRaw,
    partition: 0,
    offset: String(offset),
    key: 'k',
    value: value === null ? null : Buffer.from(value),
    headers: { origin: 'test' },
    timestamp: '0',
  };
}

const control = { heartbeat: async () => undefined, isRunning: () => true, commit: async () => undefined };

async function serverWith(handler: (payload: unknown) => unknown): Promise<{ server: StageServer; broker: InMemoryMessageBroker }> {
  const broker = new InMemoryMessageBroker();
  await broker.ensureTopics(topics);
  const server = new StageServer(broker, { stage: 'test', groupId: 'g', topics, maxAttempts: 3, retryBaseMs: 1 });
  server.addHandler(TOPICS.articlesRaw, async (payload: unknown) => handler(payload), true);
  return { server, broker };
}

describe(StageServer.name, () => {
  it('passes a valid record to its handler and produces what the handler returns', async () => {
    const { server, broker } = await serverWith(() => [{ topic: 'elsewhere', key: 'x', value: { ok: true } }]);
    await broker.ensureTopics([{ name: 'elsewhere', partitions: 1, compacted: false }]);
    await server.processBatch([message(JSON.stringify({ body: 'text' }))], control);
    expect(broker.read('elsewhere').map((m) => JSON.parse(m.value!.toString()))).toEqual([{ ok: true }]);
  });

  it.each([
    ['empty', null, 'EMPTY_RECORD'],
    ['not UTF-8', Buffer.from([0xff, 0xfe]), 'INVALID_UTF8'],
    ['not JSON', '{"body":', 'INVALID_JSON'],
    ['against the contract', JSON.stringify({ title: 'no body' }), 'ContractViolationError'],
  ])('dead-letters a record that is %s, keeping key, value and headers', async (_, value, reason) => {
    const handler = jest.fn();
    const { server, broker } = await serverWith(handler);
    await server.processBatch([message(value as never, 7)], control);
    expect(handler).not.toHaveBeenCalled();
    const [dead] = broker.read(`${TOPICS.articlesRaw}.dlq`);
    expect(dead!.headers[DLQ_HEADERS.reason]).toBe(reason);
    expect(dead!.headers[DLQ_HEADERS.offset]).toBe('7');
    expect(dead!.headers[DLQ_HEADERS.topic]).toBe(TOPICS.articlesRaw);
    expect(dead!.headers.origin).toBe('test');
    expect(dead!.key).toBe('k');
  });

  it('retries a retriable failure, then dead-letters it with the attempt count', async () => {
    const handler = jest.fn(() => {
      throw new RetriableError('DB_DOWN', 'database unavailable');
    });
    const { server, broker } = await serverWith(handler);
    await server.processBatch([message(JSON.stringify({ body: 'text' }))], control);
    expect(handler).toHaveBeenCalledTimes(3);
    const [dead] = broker.read(`${TOPICS.articlesRaw}.dlq`);
    expect(dead!.headers[DLQ_HEADERS.attempts]).toBe('3');
    expect(dead!.headers[DLQ_HEADERS.errorCode]).toBe('DB_DOWN');
  });

  it('never sends output that breaks its topic contract', async () => {
    const { server, broker } = await serverWith(() => [{ topic: TOPICS.articlesIngested, key: 'x', value: { articleId: 'nope' } }]);
    await server.processBatch([message(JSON.stringify({ body: 'text' }))], control);
    expect(broker.read(TOPICS.articlesIngested)).toHaveLength(0);
    expect(broker.read(`${TOPICS.articlesRaw}.dlq`)[0]!.headers[DLQ_HEADERS.reason]).toBe('OUTPUT_CONTRACT');
  });

  it('keeps the partition flowing: good records after a bad one are processed', async () => {
    const seen: unknown[] = [];
    const { server } = await serverWith((payload) => {
      seen.push(payload);
      return [];
    });
    await server.processBatch([message('bad', 0), message(JSON.stringify({ body: 'good' }), 1)], control);
    expect(seen).toEqual([{ body: 'good' }]);
  });

  it('commits chunk by chunk, marks each output with its origin, and on stopping leaves the rest uncommitted', async () => {
    const { broker } = await serverWith(() => []);
    await broker.ensureTopics([{ name: 'elsewhere', partitions: 1, compacted: false }]);
    const small = new StageServer(broker, { stage: 'test', groupId: 'g', topics, commitEvery: 2 });
    small.addHandler(TOPICS.articlesRaw, async () => [{ topic: 'elsewhere', key: 'x', value: { ok: true } }], true);
    const committed: string[] = [];
    let running = true;
    const stopping = {
      heartbeat: async () => undefined,
      isRunning: () => running,
      commit: async (offset: string) => {
        committed.push(offset);
        running = false; // SIGTERM arrives during the first chunk
      },
    };
    await small.processBatch([0, 1, 2, 3, 4].map((o) => message(JSON.stringify({ body: 'text' }), o)), stopping);
    expect(committed).toEqual(['1']);
    expect(broker.read('elsewhere').map((m) => m.headers[ORIGIN_HEADER])).toEqual([`${TOPICS.articlesRaw}/0/0`, `${TOPICS.articlesRaw}/0/1`]);
  });
});
