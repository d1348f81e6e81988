import { pipelineTopics, TOPICS } from '@eventwire/contracts';
import { InMemoryMessageBroker, OutboundMessage } from '@eventwire/kafka';
import { BrokerConnectionMonitor } from './broker-connection.monitor';
import { IngestStageOptions } from './ingest-stage.options';
import { IngestService, MAX_LINGERING_SENDS } from './ingest.service';
import { StageReadiness } from '../transport/stage-readiness';

/** What kafkajs throws when no broker listens on the port. */
const refused = (): Error =>
  Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), { name: 'KafkaJSConnectionError', code: 'ECONNREFUSED', retriable: true });

/** An in-memory broker that refuses a send whose records add up to more than `limit` bytes, as Kafka refuses a record batch over the topic's limit. */
class LimitedBroker extends InMemoryMessageBroker {
  readonly sends: number[] = [];
  failFrom = Infinity;
  /** Sends from this one on never settle, as kafkajs retrying against a broker that is gone. */
  hangFrom = Infinity;
  /** Ends every send left hanging, as kafkajs does when it gives up. */
  private readonly hanging: Array<() => void> = [];
  giveUp(): void {
    for (const end of this.hanging.splice(0)) end();
  }
  /** What a failing send throws. */
  failure: () => Error = refused;

  constructor(private readonly limit: number) {
    super();
  }

  override async send(messages: OutboundMessage[]): Promise<void> {
    const bytes = messages.reduce((n, m) => n + Buffer.byteLength(m.value ?? '') + Buffer.byteLength(m.key ?? ''), 0);
    if (bytes > this.limit) throw Object.assign(new Error('The request included a message larger than the max message size the server will accept'), { type: 'MESSAGE_TOO_LARGE' });
    if (this.sends.length >= this.hangFrom) return new Promise<void>((_resolve, reject) => this.hanging.push(() => reject(refused())));
    if (this.sends.length >= this.failFrom) throw this.failure();
    this.sends.push(messages.length);
    await super.send(messages);
  }
}

const article = (i: number): string =>
  JSON.stringify({ body: `Officials in Dammam opened desalination plant number ${i} on Sunday, the water authority said. ${'Details follow. '.repeat(40)}`, language: 'en', outlet: 'test' });

async function service(
  limit: number,
  chunk: number,
  sendTimeoutMs?: number,
): Promise<{ ingest: IngestService; broker: LimitedBroker; connection: BrokerConnectionMonitor; readiness: StageReadiness }> {
  const broker = new LimitedBroker(limit);
  await broker.ensureTopics(pipelineTopics());
  const options: IngestStageOptions = { maxBodyBytes: 4096, batchChunkBytes: chunk, sendTimeoutMs };
  const readiness = new StageReadiness();
  const connection = new BrokerConnectionMonitor(broker, readiness, options);
  return { ingest: new IngestService(options, broker, connection), broker, connection, readiness };
}

describe(IngestService.name, () => {
  it('produces a large batch in sends under the limit, every line taken once', async () => {
    const { ingest, broker } = await service(64 * 1024, 32 * 1024);
    const lines = Array.from({ length: 300 }, (_, i) => article(i));
    const result = await ingest.ingestBatch(lines.join('\n'));
    expect(result.refused).toEqual([]);
    expect(result.failed).toEqual([]);
    expect(result.accepted.map((a) => a.line)).toEqual(lines.map((_, i) => i + 1));
    expect(broker.sends.length).toBeGreaterThan(10);
    expect(broker.sends.reduce((a, b) => a + b, 0)).toBe(300);
    expect(broker.read(TOPICS.articlesIngested)).toHaveLength(300);
  });

  it('refuses an oversized, a malformed and a too deep line with their reasons and takes exactly the others', async () => {
    const { ingest, broker } = await service(64 * 1024, 32 * 1024);
    const deep = `{"body":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const lines = [article(1), article(2), JSON.stringify({ body: 'ا'.repeat(3000) }), article(3), '{not json', deep, article(4), '', article(5), article(6)];
    const result = await ingest.ingestBatch(lines.join('\n'));
    expect(result.lines).toBe(9);
    expect(result.refused.map((r) => [r.line, r.error])).toEqual([
      [3, 'BODY_TOO_LARGE'],
      [5, 'INVALID_JSON'],
      [6, 'INVALID_ARTICLE'],
    ]);
    expect(result.refused[2]!.errors).toEqual([expect.objectContaining({ field: 'body' })]);
    expect(result.accepted.map((a) => a.line)).toEqual([1, 2, 4, 7, 9, 10]);
    expect(broker.read(TOPICS.articlesIngested).map((m) => m.key).sort()).toEqual(result.accepted.map((a) => a.articleId).sort());
  });

  it('reports the lines of a send the broker did not confirm, and of the sends after it, as failed', async () => {
    const { ingest, broker } = await service(64 * 1024, 8 * 1024);
    broker.failFrom = 2;
    const lines = Array.from({ length: 40 }, (_, i) => article(i));
    const result = await ingest.ingestBatch(lines.join('\n'));
    const taken = broker.read(TOPICS.articlesIngested).map((m) => m.key);
    expect(taken.length).toBeGreaterThan(0);
    expect(result.accepted.map((a) => a.articleId).sort()).toEqual(taken.sort());
    expect(result.failed.map((f) => f.line)).toEqual(lines.map((_, i) => i + 1).slice(taken.length));
    expect(result.failed[0]).toMatchObject({ error: 'BROKER_UNAVAILABLE', message: expect.stringContaining('ECONNREFUSED') });
  });

  it('answers a single article the broker did not confirm as failed, not as an error', async () => {
    const { ingest, broker } = await service(64 * 1024, 32 * 1024);
    broker.failFrom = 0;
    expect(await ingest.ingestOne(JSON.parse(article(1)))).toEqual({
      failure: expect.objectContaining({ error: 'BROKER_UNAVAILABLE', message: expect.stringContaining('Kafka (memory) cannot be reached: ECONNREFUSED') }),
    });
    expect(await ingest.ingestOne({ body: 'ا'.repeat(3000) })).toEqual({ refusal: expect.objectContaining({ error: 'BODY_TOO_LARGE' }) });
    broker.failure = () => new Error('something nobody classified');
    expect(await ingest.ingestOne(JSON.parse(article(2)))).toEqual({ failure: expect.objectContaining({ error: 'NOT_CONFIRMED', message: expect.stringContaining('something nobody classified') }) });
  });

  it('answers a send the broker leaves unanswered as BROKER_UNAVAILABLE within the send timeout, never as accepted', async () => {
    const { ingest, broker } = await service(64 * 1024, 32 * 1024, 100);
    broker.hangFrom = 0;
    const started = Date.now();
    const outcome = await ingest.ingestOne(JSON.parse(article(1)));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(outcome).toEqual({ failure: expect.objectContaining({ error: 'BROKER_UNAVAILABLE', message: expect.stringMatching(/did not acknowledge this article in time .*within 100 ms.*may still be written/) }) });
    const batch = await ingest.ingestBatch([article(2), article(3)].join('\n'));
    expect(batch).toMatchObject({ accepted: [], failed: [{ line: 1, error: 'BROKER_UNAVAILABLE' }, { line: 2, error: 'BROKER_UNAVAILABLE' }] });
  });

  it('answers at once, adding nothing, while as many timed-out sends as it keeps still wait on the broker', async () => {
    const { ingest, broker } = await service(64 * 1024, 32 * 1024, 1500);
    broker.hangFrom = 0;
    await Promise.all(Array.from({ length: MAX_LINGERING_SENDS }, (_, i) => ingest.ingestOne(JSON.parse(article(i)))));
    const started = Date.now();
    const outcome = await ingest.ingestOne(JSON.parse(article(100)));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(outcome).toEqual({ failure: expect.objectContaining({ error: 'BROKER_UNAVAILABLE', message: expect.stringContaining(`BROKER_BACKLOG (${MAX_LINGERING_SENDS} earlier sends`) }) });
    broker.hangFrom = Infinity;
    broker.giveUp();
    await new Promise((resolve) => setImmediate(resolve));
    expect(await ingest.ingestOne(JSON.parse(article(101)))).toEqual({ accepted: expect.objectContaining({ articleId: expect.any(String) }) });
  });

  it('keeps readiness on the broker: down since the first failed send, with the connection error a later timeout does not hide, up at the next acknowledged one', async () => {
    const { ingest, broker, readiness } = await service(64 * 1024, 32 * 1024, 100);
    broker.failFrom = 0;
    await ingest.ingestOne(JSON.parse(article(1)));
    const first = readiness.report();
    expect(first).toEqual({ ready: false, waiting: { 'kafka memory': { reason: 'ECONNREFUSED: Connection error: connect ECONNREFUSED 127.0.0.1:9092', since: expect.any(String) } } });
    broker.hangFrom = 0;
    const outcome = await ingest.ingestOne(JSON.parse(article(2)));
    expect(outcome).toEqual({ failure: expect.objectContaining({ message: expect.stringContaining(`broker unreachable since ${first.waiting['kafka memory']!.since}: ECONNREFUSED`) }) });
    expect(readiness.report()).toEqual(first);
    broker.hangFrom = Infinity;
    broker.failFrom = Infinity;
    expect(await ingest.ingestOne(JSON.parse(article(3)))).toEqual({ accepted: expect.objectContaining({ articleId: expect.any(String) }) });
    expect(readiness.report()).toEqual({ ready: true, waiting: {} });
  });
});
