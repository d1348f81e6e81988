import { TOPICS } from '@eventwire/contracts';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, ServiceName, ServiceProcess, waitFor } from './support/service-process';
import { subscribeToStories } from './support/sse-subscriber';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { TopicCollector } from './support/topic-collector';

const SEEDS = join(__dirname, '..', 'seeds');

const SERVICES: ServiceName[] = ['aggregator', 'extractor', 'translator', 'ingestor'];

/** The value of the sample `name` whose labels include `labels`, in a Prometheus text exposition; undefined when there is none. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const own = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => own[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/**
 * What an operator asks the four services over HTTP, each its own process on
 * the real broker: liveness, readiness once the consumer has joined its
 * group (translator and extractor on a port of their own), and metrics that
 * count the seeds through every stage and a poison record dead-lettered;
 * logs that say where each runs, what it was given and what it did.
 */
describe('service operations: probes, metrics and logs on every service', () => {
  const brokers = process.env.KAFKA_BROKERS!;
  const prefix = `ops-${randomBytes(4).toString('hex')}.`;
  const services = new Map<ServiceName, ServiceProcess>();
  const ports = new Map<ServiceName, number>();
  let database: TestDatabase;

  const get = async (service: ServiceName, path: string): Promise<{ status: number; text: string }> => {
    const response = await fetch(`http://127.0.0.1:${ports.get(service)}${path}`);
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    for (const name of SERVICES) ports.set(name, await freePort());
    // One environment for all, as a deployment shares one: the stages' own port variables keep them off HTTP_PORT.
    const env = {
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_PREFIX: prefix,
      LOG_LEVEL: 'log',
      LOG_THROUGHPUT_INTERVAL_MS: '1000',
      DATABASE_URL: database.url,
      HTTP_PORT: String(ports.get('ingestor')),
    };
    const own: Record<ServiceName, Record<string, string>> = {
      aggregator: { HTTP_PORT: String(ports.get('aggregator')) },
      extractor: { EXTRACTOR_HTTP_PORT: String(ports.get('extractor')) },
      translator: { TRANSLATOR_HTTP_PORT: String(ports.get('translator')) },
      ingestor: {},
    };
    for (const name of SERVICES) services.set(name, new ServiceProcess(name, { ...env, ...own[name] }));
  });

  afterAll(async () => {
    await Promise.all([...services.values()].map((s) => s.stop()));
    await database?.drop();
  });

  afterEach(() => {
    const dead = [...services.values()].filter((s) => !s.running);
    if (dead.length > 0) process.stderr.write(dead.map((s) => s.logs()).join('\n'));
  });

  it.each(SERVICES)('%s answers /livez, and /readyz once its consumer has joined its group', async (name) => {
    await waitFor(`${name} /livez`, async () => ((await get(name, '/livez')).status === 200 ? true : undefined), 120_000);
    expect(JSON.parse((await get(name, '/livez')).text)).toEqual({ status: 'ok' });
    const ready = await waitFor(`${name} /readyz`, async () => {
      const answer = await get(name, '/readyz');
      return answer.status === 200 ? answer : undefined;
    }, 60_000);
    expect(JSON.parse(ready.text)).toEqual({ ready: true, waiting: {} });
  });

  it('counts the five seeds through every stage on /metrics, the poison record by its reason, with the process metrics', async () => {
    const lines = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => JSON.stringify({ body: readFileSync(join(SEEDS, f), 'utf8') }));
    const posted = await fetch(`http://127.0.0.1:${ports.get('ingestor')}/v1/articles/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: [...lines, '{"body":'].join('\n'),
    });
    expect(posted.status).toBe(207);
    const producer = TopicCollector.kafka(brokers).producer();
    await producer.connect();
    await producer.send({ topic: prefix + TOPICS.articlesRaw, messages: [{ key: 'poison', value: '{"body":' }] });
    await producer.disconnect();

    const metrics = async (name: ServiceName): Promise<string> => {
      const answer = await fetch(`http://127.0.0.1:${ports.get(name)}/metrics`);
      expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      return answer.text();
    };
    const aggregator = await waitFor('the aggregator to count five articles', async () => {
      const text = await metrics('aggregator');
      return sample(text, 'eventwire_records_consumed_total', { topic: TOPICS.eventsExtracted }) === 5 ? text : undefined;
    }, 90_000);
    expect(sample(aggregator, 'eventwire_handler_duration_seconds_count', { service: 'aggregator', topic: TOPICS.eventsExtracted })).toBe(5);
    expect(sample(aggregator, 'eventwire_consumer_lag', { topic: TOPICS.eventsExtracted, partition: '0' })).toBe(0);
    // The seeds are one story: one article opened it, four joined it.
    expect(sample(aggregator, 'eventwire_story_decisions_total', { decision: 'created' })).toBe(1);
    expect(sample(aggregator, 'eventwire_story_decisions_total', { decision: 'joined' })).toBe(4);
    expect(sample(aggregator, 'eventwire_stories_live')).toBe(1);
    expect(sample(aggregator, 'eventwire_story_records_published_total', { kind: 'record' })).toBeGreaterThanOrEqual(1);

    const ingestor = await waitFor('the ingestor to dead-letter the poison record', async () => {
      const text = await metrics('ingestor');
      return sample(text, 'eventwire_records_dead_lettered_total', { topic: TOPICS.articlesRaw, reason: 'INVALID_JSON' }) === 1 ? text : undefined;
    }, 30_000);
    expect(sample(ingestor, 'eventwire_http_articles_total', { outcome: 'accepted' })).toBe(5);
    expect(sample(ingestor, 'eventwire_http_articles_total', { outcome: 'refused', reason: 'INVALID_JSON' })).toBe(1);
    expect(sample(ingestor, 'eventwire_records_consumed_total', { topic: TOPICS.articlesRaw })).toBe(1);
    // The batch answered 207 (one line refused, the rest taken), counted by its route pattern.
    expect(sample(ingestor, 'eventwire_http_requests_total', { method: 'POST', route: '/v1/articles/batch', status: '207' })).toBe(1);
    expect(sample(await metrics('aggregator'), 'eventwire_http_requests_total', { method: 'GET', route: '/metrics', status: '200' })).toBeGreaterThanOrEqual(1);

    const translator = await metrics('translator');
    expect(sample(translator, 'eventwire_records_consumed_total', { topic: TOPICS.articlesIngested, service: 'translator' })).toBe(5);
    expect(sample(translator, 'eventwire_records_produced_total', { topic: TOPICS.articlesTranslated })).toBe(5);
    const extractor = await metrics('extractor');
    expect(sample(extractor, 'eventwire_records_consumed_total', { topic: TOPICS.articlesTranslated })).toBe(5);
    expect(sample(extractor, 'eventwire_records_produced_total', { topic: TOPICS.eventsExtracted })).toBe(5);
    expect(sample(extractor, 'eventwire_batch_records_sum', { topic: TOPICS.articlesTranslated })).toBe(5);
    // Where the time went, and the bytes carried: each phase of the extractor's work, and the aggregator's store write.
    for (const phase of ['decode', 'contract', 'handler', 'encode', 'produce', 'commit']) {
      expect(sample(extractor, 'eventwire_stage_phase_seconds_total', { topic: TOPICS.articlesTranslated, phase })).toBeGreaterThan(0);
    }
    expect(sample(aggregator, 'eventwire_stage_phase_seconds_total', { topic: TOPICS.eventsExtracted, phase: 'complete' })).toBeGreaterThan(0);
    expect(sample(aggregator, 'eventwire_record_bytes_count', { topic: TOPICS.eventsEnriched, direction: 'produced' })).toBe(
      sample(aggregator, 'eventwire_story_records_published_total', { kind: 'record' }),
    );
    expect(sample(extractor, 'eventwire_record_bytes_count', { topic: TOPICS.articlesTranslated, direction: 'consumed' })).toBe(5);
    expect(sample(extractor, 'eventwire_record_bytes_count', { topic: TOPICS.eventsExtracted, direction: 'produced' })).toBe(5);
    expect(sample(extractor, 'eventwire_topic_bytes_total', { topic: TOPICS.articlesTranslated, direction: 'consumed' })).toBe(
      sample(extractor, 'eventwire_record_bytes_sum', { topic: TOPICS.articlesTranslated, direction: 'consumed' }),
    );
    expect(sample(translator, 'eventwire_topic_bytes_total', { topic: TOPICS.articlesTranslated, direction: 'produced' })).toBe(
      sample(extractor, 'eventwire_topic_bytes_total', { topic: TOPICS.articlesTranslated, direction: 'consumed' }),
    );
    for (const text of [aggregator, ingestor, translator, extractor]) {
      expect(sample(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
      expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
      expect(text).toMatch(/^# TYPE nodejs_gc_duration_seconds histogram$/m);
    }
  });

  it('logs where each service runs, the partitions it was given and, once a second here, what it did', async () => {
    const lines = (name: ServiceName): Array<Record<string, unknown>> =>
      services
        .get(name)!
        .logs()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const name of SERVICES) {
      expect(lines(name)).toContainEqual(
        expect.objectContaining({ msg: 'service started', brokers, topicPrefix: prefix, groupId: `${prefix}eventwire.${name}`, httpPort: ports.get(name) }),
      );
      expect(lines(name)).toContainEqual(expect.objectContaining({ msg: 'partitions assigned', groupId: `eventwire.${name}`, assignment: expect.any(Object) }));
    }
    // The translator's input has three partitions, all given to its one member.
    expect(lines('translator')).toContainEqual(expect.objectContaining({ msg: 'partitions assigned', assignment: { [TOPICS.articlesIngested]: [0, 1, 2] } }));
    const throughput = await waitFor('the extractor to log its throughput', async () => {
      const said = lines('extractor').filter((line) => line.msg === 'throughput');
      return said.reduce((sum, line) => sum + (line.in as number), 0) === 5 ? said : undefined;
    }, 10_000);
    expect(throughput[0]).toMatchObject({ level: 'log', stage: 'extractor', out: expect.any(Number), deadLettered: 0, inPerSecond: expect.any(Number), lag: 0 });
    const ingestorSaid = lines('ingestor').filter((line) => line.msg === 'throughput');
    expect(ingestorSaid).toContainEqual(expect.objectContaining({ in: 1, deadLettered: 1, deadLetteredBy: { INVALID_JSON: 1 } }));
  });

  it('stops the aggregator on SIGTERM within seconds while a live stream subscriber is connected, its stream ended', async () => {
    const aggregator = services.get('aggregator')!;
    const subscriber = await subscribeToStories(ports.get('aggregator')!, true);
    expect(subscriber.status()).toBe(200);
    const exited = new Promise<number>((resolve) => aggregator.child.once('exit', () => resolve(Date.now())));
    const started = Date.now();
    aggregator.child.kill('SIGTERM');
    const tookMs = (await Promise.race([exited, new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 10_000))])) - started;
    if (Number.isNaN(tookMs)) aggregator.child.kill('SIGKILL');
    expect(tookMs).toBeLessThan(3000);
    // Nest closed the app and then raised the signal again: exit by SIGTERM, no crash.
    expect(aggregator.child.signalCode).toBe('SIGTERM');
    await waitFor('the stream to end', async () => (subscriber.closed() ? true : undefined), 2000, 50);
    expect(aggregator.logs()).toContain('"msg":"throughput"');
  });
});

/**
 * A service started with no broker to reach: it says so at once, with
 * kafkajs' own errors through the service's logger, rather than nothing
 * until kafkajs has spent its retries.
 */
describe('service operations: a stage started with no broker', () => {
  it('logs where it looks for the broker and that it cannot reach it within seconds', async () => {
    const port = await freePort();
    const extractor = new ServiceProcess('extractor', { KAFKA_BROKERS: `127.0.0.1:${port}`, LOG_LEVEL: 'log' });
    try {
      const started = Date.now();
      const lines = await waitFor('the extractor to say it cannot reach the broker', async () => {
        const said = extractor
          .logs()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>);
        return said.some((line) => line.msg === 'cannot reach the broker: start-up waits for it') ? said : undefined;
      }, 15_000);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(lines).toContainEqual(expect.objectContaining({ msg: 'service starting', brokers: `127.0.0.1:${port}`, groupId: 'eventwire.extractor' }));
      expect(lines).toContainEqual(
        expect.objectContaining({ level: 'error', msg: 'cannot reach the broker: start-up waits for it', brokers: `127.0.0.1:${port}`, error: expect.stringContaining('ECONNREFUSED') }),
      );
      // kafkajs' own lines, relayed at error.
      expect(lines).toContainEqual(expect.objectContaining({ level: 'error', context: 'Kafka', kafkajs: expect.any(String) }));
      expect(extractor.running).toBe(true);
    } finally {
      await extractor.stop();
    }
  });
});
