import { TOPICS } from '@eventwire/contracts';
import { BrokerMessage, BrokerSubscription, ConsumeOptions, DLQ_HEADERS, InMemoryMessageBroker, ORIGIN_HEADER, OutboundMessage, RetriableError } from '@eventwire/kafka';
import { KafkaJSProtocolError } from 'kafkajs';
import { CHUNK_COMPLETE, StageServer, StageServerOptions } from './stage-server';
import { StageObserver } from './stage-observer';
import { PhaseSeconds } from './stage-phases';
import { StageReadiness } from './stage-readiness';

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

/** Waits of the retry loop, recorded instead of waited. */
let waits: number[] = [];
const wait = async (ms: number): Promise<void> => void waits.push(ms);
beforeEach(() => (waits = []));

const refused = (): Error => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

async function serverWith(
  handler: (payload: unknown) => unknown,
  options: Partial<StageServerOptions> = {},
): Promise<{ server: StageServer; broker: InMemoryMessageBroker }> {
  const broker = new InMemoryMessageBroker();
  await broker.ensureTopics(topics);
  const server = new StageServer(broker, { stage: 'test', groupId: 'g', topics, wait, ...options });
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

  it('retries a transient failure with backoff for as long as it lasts, not ready meanwhile, and dead-letters nothing', async () => {
    const readiness = new StageReadiness();
    const readyDuring: boolean[] = [];
    let calls = 0;
    const { server, broker } = await serverWith(
      () => {
        readyDuring.push(readiness.ready);
        if (++calls <= 12) throw refused();
        return [];
      },
      { readiness },
    );
    await server.processBatch([message(JSON.stringify({ body: 'text' }))], control);
    expect(calls).toBe(13);
    expect(readyDuring.slice(1)).toEqual(Array(12).fill(false));
    expect(readiness.ready).toBe(true);
    expect(broker.read(`${TOPICS.articlesRaw}.dlq`)).toHaveLength(0);
    // Waits in slices of at most a second, heartbeating between them: 0.5 s, 1 s, 2 s... up to 30 s.
    expect(waits.reduce((a, b) => a + b, 0)).toBe(500 + 1000 + 2000 + 4000 + 8000 + 16000 + 6 * 30000);
    expect(Math.max(...waits)).toBe(1000);
  });

  it('counts in the dead letter the attempts a record had: transient failures, then the refusal', async () => {
    let calls = 0;
    const { server, broker } = await serverWith(() => {
      if (++calls <= 2) throw refused();
      throw Object.assign(new Error('value too long for type character varying(200)'), { name: 'error', code: '22001' });
    });
    await server.processBatch([message(JSON.stringify({ body: 'text' }))], control);
    const [dead] = broker.read(`${TOPICS.articlesRaw}.dlq`);
    expect(dead!.headers[DLQ_HEADERS.reason]).toBe('SQLSTATE_22001');
    expect(dead!.headers[DLQ_HEADERS.attempts]).toBe('3');
  });

  it('dead-letters at once what the database refuses for its content (SQLSTATE class 22), with the reason', async () => {
    const { server, broker } = await serverWith(() => {
      throw Object.assign(new Error('unsupported Unicode escape sequence'), { name: 'error', code: '22P05' });
    });
    await server.processBatch([message(JSON.stringify({ body: 'text' }))], control);
    const [dead] = broker.read(`${TOPICS.articlesRaw}.dlq`);
    expect(dead!.headers[DLQ_HEADERS.reason]).toBe('SQLSTATE_22P05');
    expect(dead!.headers[DLQ_HEADERS.errorMessage]).toBe('unsupported Unicode escape sequence');
    expect(waits).toEqual([]);
  });

  it('stops retrying at once on shutdown, commits nothing of the chunk, dead-letters nothing', async () => {
    const committed: string[] = [];
    let calls = 0;
    const { server, broker } = await serverWith(
      () => {
        calls++;
        throw new RetriableError('DB_DOWN', 'database unavailable');
      },
      // A wait that lets the event loop turn, as a real one does.
      { wait: () => new Promise((resolve) => setImmediate(resolve)) },
    );
    const closing = { ...control, commit: async (offset: string) => void committed.push(offset) };
    const batch = server.processBatch([message(JSON.stringify({ body: 'text' }))], closing);
    // SIGTERM: Nest closes the server while the record waits for the database.
    await new Promise((resolve) => setImmediate(resolve));
    await server.close();
    await batch;
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThan(100);
    expect(committed).toEqual([]);
    expect(broker.read(`${TOPICS.articlesRaw}.dlq`)).toHaveLength(0);
  });

  it('stops retrying when the partition is revoked (isRunning false) and leaves the record to its next owner', async () => {
    let running = true;
    let calls = 0;
    const { server, broker } = await serverWith(() => {
      if (++calls === 3) running = false;
      throw refused();
    });
    await server.processBatch([message(JSON.stringify({ body: 'text' }))], { ...control, isRunning: () => running });
    expect(calls).toBe(3);
    expect(broker.read(`${TOPICS.articlesRaw}.dlq`)).toHaveLength(0);
  });

  it('does a chunk again from its first record when its completion fails transiently (a store away)', async () => {
    const seen: unknown[] = [];
    let completions = 0;
    const { server, broker } = await serverWith((payload) => void seen.push(payload));
    server.addHandler(CHUNK_COMPLETE, async () => {
      if (++completions <= 2) throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    }, true);
    const committed: string[] = [];
    await server.processBatch([0, 1].map((o) => message(JSON.stringify({ body: `b${o}` }), o)), { ...control, commit: async (o) => void committed.push(o) });
    expect(seen).toEqual([{ body: 'b0' }, { body: 'b1' }, { body: 'b0' }, { body: 'b1' }, { body: 'b0' }, { body: 'b1' }]);
    expect(committed).toEqual(['1']);
    expect(broker.read(`${TOPICS.articlesRaw}.dlq`)).toHaveLength(0);
  });

  it('when a chunk\'s completion refuses it for good, takes its records one at a time and dead-letters only the one at fault', async () => {
    let inChunk: string[] = [];
    const { server, broker } = await serverWith((payload) => void inChunk.push((payload as { body: string }).body));
    server.addHandler(CHUNK_COMPLETE, async () => {
      const bad = inChunk.includes('nul');
      inChunk = [];
      if (bad) throw Object.assign(new Error('unsupported Unicode escape sequence'), { name: 'error', code: '22P05' });
    }, true);
    const committed: string[] = [];
    const bodies = ['a', 'nul', 'c'];
    await server.processBatch(bodies.map((b, o) => message(JSON.stringify({ body: b }), o)), { ...control, commit: async (o) => void committed.push(o) });
    const dead = broker.read(`${TOPICS.articlesRaw}.dlq`);
    expect(dead.map((d) => d.headers[DLQ_HEADERS.offset])).toEqual(['1']);
    expect(dead[0]!.headers[DLQ_HEADERS.reason]).toBe('SQLSTATE_22P05');
    expect(committed).toEqual(['0', '1', '2']);
  });

  it('dead-letters a record whose output is larger than its topic takes (OUTPUT_TOO_LARGE), never retrying it', async () => {
    const broker = new InMemoryMessageBroker();
    await broker.ensureTopics([...topics, { name: 'sized', partitions: 1, compacted: false }]);
    const sized = new StageServer(broker, { stage: 'test', groupId: 'g', topics: [...topics, { name: 'sized', partitions: 1, compacted: false, maxMessageBytes: 64 * 1024 }], wait });
    sized.addHandler(TOPICS.articlesRaw, async (payload: { body: string }) => [{ topic: 'sized', key: 'x', value: { body: payload.body } }], true);
    await sized.processBatch([message(JSON.stringify({ body: 'x'.repeat(100 * 1024) }), 0), message(JSON.stringify({ body: 'small' }), 1)], control);
    expect(broker.read('sized').map((m) => JSON.parse(m.value!.toString()))).toEqual([{ body: 'small' }]);
    const [dead] = broker.read(`${TOPICS.articlesRaw}.dlq`);
    expect(dead!.headers[DLQ_HEADERS.reason]).toBe('OUTPUT_TOO_LARGE');
    expect(dead!.headers[DLQ_HEADERS.errorMessage]).toMatch(/is 10\d{4} bytes; the topic takes 65536/);
    expect(waits).toEqual([]);
  });

  it('when the broker refuses a chunk\'s output as MESSAGE_TOO_LARGE, sends record by record and dead-letters the one refused', async () => {
    const { server, broker } = await serverWith((payload) => [{ topic: 'elsewhere', key: 'x', value: payload as object }]);
    await broker.ensureTopics([{ name: 'elsewhere', partitions: 1, compacted: false }]);
    const send = broker.send.bind(broker);
    // The topic's real limit is below what the stage was told (another config, or a whole batch over it).
    jest.spyOn(broker, 'send').mockImplementation(async (messages: OutboundMessage[]) => {
      if (messages.some((m) => m.topic === 'elsewhere' && String(m.value).length > 1000)) {
        throw new KafkaJSProtocolError({ type: 'MESSAGE_TOO_LARGE', code: 10, retriable: false, message: 'too large' } as never);
      }
      return send(messages);
    });
    const committed: string[] = [];
    const bodies = ['a', 'x'.repeat(2000), 'c'];
    await server.processBatch(bodies.map((b, o) => message(JSON.stringify({ body: b }), o)), { ...control, commit: async (o) => void committed.push(o) });
    expect(broker.read('elsewhere').map((m) => JSON.parse(m.value!.toString()).body)).toEqual(['a', 'c']);
    const dead = broker.read(`${TOPICS.articlesRaw}.dlq`);
    expect(dead.map((d) => [d.headers[DLQ_HEADERS.offset], d.headers[DLQ_HEADERS.reason]])).toEqual([['1', 'MESSAGE_TOO_LARGE']]);
    expect(committed).toEqual(['0', '1', '2']);
    expect(waits).toEqual([]);
  });

  it('an unclassified handler error (a bug) is dead-lettered with its message, not retried', async () => {
    const { server, broker } = await serverWith(() => {
      throw new Error('a bug');
    });
    await server.processBatch([message(JSON.stringify({ body: 'text' }))], control);
    const [dead] = broker.read(`${TOPICS.articlesRaw}.dlq`);
    expect(dead!.headers[DLQ_HEADERS.reason]).toBe('Error');
    expect(dead!.headers[DLQ_HEADERS.errorMessage]).toBe('a bug');
    expect(waits).toEqual([]);
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
    const small = new StageServer(broker, { stage: 'test', groupId: 'g', topics, commitEvery: 2, wait });
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

  it('is not ready until its consumer has joined the group, nor while the consumer is out of it after a crash', async () => {
    /** Holds back the in-memory broker's join, so the test says when the group takes the consumer in. */
    class JoinLaterBroker extends InMemoryMessageBroker {
      consumeOptions: ConsumeOptions | undefined;
      override consume(options: ConsumeOptions): Promise<BrokerSubscription> {
        this.consumeOptions = options;
        return super.consume({ ...options, onJoin: undefined });
      }
    }
    const broker = new JoinLaterBroker();
    await broker.ensureTopics(topics);
    const readiness = new StageReadiness();
    const server = new StageServer(broker, { stage: 'test', groupId: 'g', topics, wait, readiness });
    server.addHandler(TOPICS.articlesRaw, async () => [], true);
    await new Promise<void>((resolve, reject) => void server.listen((error) => (error ? reject(error as Error) : resolve())));
    expect(readiness.report()).toMatchObject({ ready: false, waiting: { 'group g': { reason: 'JOINING_GROUP' } } });
    broker.consumeOptions!.onJoin!({ [TOPICS.articlesRaw]: [0] });
    expect(readiness.ready).toBe(true);
    broker.consumeOptions!.onLeave!('KafkaJSConnectionError');
    expect(readiness.report()).toMatchObject({ ready: false, waiting: { 'group g': { reason: 'KafkaJSConnectionError' } } });
    broker.consumeOptions!.onJoin!({ [TOPICS.articlesRaw]: [0] });
    expect(readiness.ready).toBe(true);
    await server.close();
  });

  it('tells its observers what each chunk consumed, produced and dead-lettered, the time of each handler call and the lag', async () => {
    const seen: string[] = [];
    const observer: StageObserver = {
      batch: (topic, records) => seen.push(`batch ${topic} ${records}`),
      handled: (topic, seconds) => seen.push(`handled ${topic} ${seconds >= 0}`),
      consumed: (topic, records) => seen.push(`consumed ${topic} ${records}`),
      produced: (topic, records) => seen.push(`produced ${topic} ${records}`),
      deadLettered: (topic, reason) => seen.push(`dead ${topic} ${reason}`),
      retried: (topic, reason) => seen.push(`retried ${topic} ${reason}`),
      lag: (topic, partition, records) => seen.push(`lag ${topic}/${partition} ${records}`),
      phases: () => undefined,
      recordBytes: () => undefined,
    };
    let calls = 0;
    const { server, broker } = await serverWith(
      () => {
        if (++calls === 1) throw refused();
        return [{ topic: 'elsewhere', key: 'k', value: { any: 'thing' } }];
      },
      { observers: [observer] },
    );
    await broker.ensureTopics([{ name: 'elsewhere', partitions: 1, compacted: false }]);
    const valid = JSON.stringify({ body: 'text' });
    await server.processBatch([message(valid, 10), message('{"body":', 11)], { ...control, highWatermark: '15' });
    expect(seen).toEqual([
      `batch ${TOPICS.articlesRaw} 2`,
      `handled ${TOPICS.articlesRaw} true`,
      `retried ${TOPICS.articlesRaw} ECONNREFUSED`,
      `handled ${TOPICS.articlesRaw} true`,
      `handled ${TOPICS.articlesRaw} true`,
      `consumed ${TOPICS.articlesRaw} 2`,
      `produced elsewhere 1`,
      `dead ${TOPICS.articlesRaw} INVALID_JSON`,
      `lag ${TOPICS.articlesRaw}/0 3`,
    ]);
  });

  it('tells its observers the time of each phase, once a chunk, and the bytes of each record consumed and produced', async () => {
    const phases: Array<[string, PhaseSeconds]> = [];
    const bytes: Array<[string, string, readonly number[]]> = [];
    const ignore = (): void => undefined;
    const observer: StageObserver = {
      batch: ignore,
      handled: ignore,
      consumed: ignore,
      produced: ignore,
      deadLettered: ignore,
      retried: ignore,
      lag: ignore,
      phases: (topic, seconds) => phases.push([topic, { ...seconds }]),
      recordBytes: (topic, direction, sizes) => bytes.push([topic, direction, [...sizes]]),
    };
    // An async handler: the time it awaits counts as its phase's.
    const { server, broker } = await serverWith(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return [{ topic: 'elsewhere', key: 'k', value: { any: 'thing' } }];
      },
      { observers: [observer], commitEvery: 2 },
    );
    await broker.ensureTopics([{ name: 'elsewhere', partitions: 1, compacted: false }]);
    const records = [message(JSON.stringify({ body: 'text' }), 0), message(JSON.stringify({ body: 'more text' }), 1), message(JSON.stringify({ body: 'the last' }), 2)];
    await server.processBatch(records, control);

    expect(phases.map(([topic]) => topic)).toEqual([TOPICS.articlesRaw, TOPICS.articlesRaw]);
    for (const [, seconds] of phases) {
      for (const phase of ['decode', 'contract', 'encode', 'produce', 'commit'] as const) expect(seconds[phase]).toBeGreaterThan(0);
      expect(seconds.complete).toBe(0);
    }
    expect(phases[0]![1].handler).toBeGreaterThanOrEqual(0.035);
    expect(phases[1]![1].handler).toBeGreaterThanOrEqual(0.015);
    expect(phases[1]![1].handler).toBeLessThan(phases[0]![1].handler);

    // Key, value and headers: 'k', the JSON, and `origin: test` (and, produced, the origin header the server adds).
    const consumed = records.map((r) => 1 + r.value!.length + 'origin'.length + 'test'.length);
    const produced = broker.read('elsewhere').map((m) => 1 + m.value!.length + Object.entries(m.headers).reduce((sum, [k, v]) => sum + k.length + v.length, 0));
    expect(produced).toHaveLength(3);
    expect(bytes).toEqual([
      [TOPICS.articlesRaw, 'consumed', consumed.slice(0, 2)],
      ['elsewhere', 'produced', produced.slice(0, 2)],
      [TOPICS.articlesRaw, 'consumed', consumed.slice(2)],
      ['elsewhere', 'produced', produced.slice(2)],
    ]);
  });
});
