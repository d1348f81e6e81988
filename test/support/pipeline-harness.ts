import { STAGE_INPUTS, StageName, TOPICS } from '@eventwire/contracts';
import { KafkaMessageBroker, parseBrokers, PrefixedMessageBroker } from '@eventwire/kafka';
import { AuditReport, auditPipeline, stageGroupId, stageLags } from '@eventwire/stages';
import { Admin, Kafka, logLevel, Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { freePort, ServiceName, ServiceProcess, waitFor } from './service-process';
import { createTestDatabase, TestDatabase } from './test-database';

/**
 * One deployment of the four services as OS processes under a fresh topic
 * prefix and database, with what a fault test does to it: add and stop
 * processes, feed articles.raw.v1, watch progress, and audit.
 */
export class PipelineHarness {
  readonly prefix = `faults-${randomBytes(4).toString('hex')}.`;
  readonly services: ServiceProcess[] = [];
  private database!: TestDatabase;
  private kafka!: Kafka;
  private producer!: Producer;
  private admin!: Admin;
  private brokerClient!: KafkaMessageBroker;
  private audited!: PrefixedMessageBroker;
  private env: Record<string, string> = {};

  constructor(
    readonly brokers: string,
    private readonly extraEnv: Record<string, string> = {},
  ) {}

  /** `aggregatorEnv`: settings of the aggregator alone (its HTTP_PORT, to reach its API). */
  async start(extractors = 1, aggregatorEnv: Record<string, string> = {}): Promise<this> {
    this.database = await createTestDatabase();
    this.env = {
      DATABASE_URL: this.database.url,
      KAFKA_BROKERS: this.brokers,
      KAFKA_TOPIC_PREFIX: this.prefix,
      KAFKA_SESSION_TIMEOUT_MS: '10000',
      // EVENTWIRE_TEST_LOG_LEVEL=log: the services' info lines too (their restores, recoveries), with EVENTWIRE_TEST_LOG_DIR to keep them.
      LOG_LEVEL: process.env.EVENTWIRE_TEST_LOG_LEVEL ?? 'warn',
      ...this.extraEnv,
    };
    this.spawn('aggregator', { HTTP_PORT: String(await freePort()), ...aggregatorEnv });
    for (let i = 0; i < extractors; i++) this.spawn('extractor');
    this.spawn('translator');
    const ingestor = this.spawn('ingestor', { HTTP_PORT: String(await freePort()) });
    await waitFor('the ingestor', async () => ((await fetch(`http://127.0.0.1:${ingestor.env.HTTP_PORT}/healthz`)).ok ? true : undefined), 120_000);
    this.kafka = new Kafka({ clientId: 'eventwire-faults', brokers: parseBrokers(this.brokers), logLevel: logLevel.NOTHING, retry: { retries: 20 } });
    this.producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await this.producer.connect();
    this.admin = this.kafka.admin();
    await this.admin.connect();
    this.brokerClient = new KafkaMessageBroker({ brokers: parseBrokers(this.brokers), clientId: 'eventwire-faults-audit' });
    this.audited = new PrefixedMessageBroker(this.brokerClient, this.prefix);
    return this;
  }

  /** The aggregator's database, for a test to do to it what an operator or a failover would. */
  get databaseUrl(): string {
    return this.database.url;
  }

  /** The first aggregator's story API (`/readyz`...). */
  get aggregatorUrl(): string {
    return `http://127.0.0.1:${this.services.find((s) => s.name === 'aggregator')!.env.HTTP_PORT}`;
  }

  spawn(name: ServiceName, env: Record<string, string> = {}): ServiceProcess {
    // Port 0: the aggregator's API on any free port; the ingestor is always given one.
    const service = new ServiceProcess(name, { ...this.env, HTTP_PORT: '0', ...env });
    this.services.push(service);
    return service;
  }

  running(name: ServiceName): ServiceProcess[] {
    return this.services.filter((s) => s.name === name && s.running);
  }

  /** Puts records on articles.raw.v1 (values as given: strings, buffers, or null). */
  async produce(records: Array<{ key: string; value: string | Buffer | null }>, batch = 250): Promise<void> {
    for (let i = 0; i < records.length; i += batch) {
      await this.producer.send({ topic: this.prefix + TOPICS.articlesRaw, acks: -1, messages: records.slice(i, i + batch) });
    }
  }

  /** How many records a stage's group has committed on its input topic. */
  async committed(stage: StageName): Promise<number> {
    const topic = this.prefix + STAGE_INPUTS[stage];
    const [offsets] = await this.admin.fetchOffsets({ groupId: this.prefix + stageGroupId(stage), topics: [topic] });
    return (offsets?.partitions ?? []).reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  }

  /** Members of a stage's consumer group that hold partitions. */
  async members(stage: StageName): Promise<number> {
    const { groups } = await this.admin.describeGroups([this.prefix + stageGroupId(stage)]);
    return groups[0]?.state === 'Stable' ? groups[0].members.length : -1;
  }

  async waitUntilCommitted(stage: StageName, atLeast: number, timeoutMs = 300_000): Promise<number> {
    return waitFor(`${stage} past ${atLeast} records`, async () => {
      const n = await this.committed(stage);
      return n >= atLeast ? n : undefined;
    }, timeoutMs, 200);
  }

  /** Waits until every group has consumed its input and the audit balances; returns the last report either way on timeout. */
  async drained(timeoutMs = 600_000): Promise<AuditReport> {
    let lags: Record<StageName, number> | undefined;
    const drained = async (): Promise<true | undefined> => {
      lags = await stageLags(this.audited);
      return Object.values(lags).every((lag) => lag === 0) ? true : undefined;
    };
    await waitFor('every stage to consume its input', drained, timeoutMs, 500).catch((error: Error) => {
      throw new Error(`${error.message}; records left per stage ${JSON.stringify(lags)}`);
    });
    let report = await auditPipeline(this.audited);
    const deadline = Date.now() + 60_000;
    while (!report.balanced && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      report = await auditPipeline(this.audited);
    }
    return report;
  }

  logs(): string {
    return this.services.map((s) => s.logs()).join('\n');
  }

  async stop(): Promise<void> {
    await Promise.all(this.services.map((s) => s.stop()));
    await this.producer?.disconnect();
    await this.admin?.disconnect();
    await this.brokerClient?.close();
    // EVENTWIRE_KEEP_TEST_DB=1 keeps the aggregator's database of a failing run to look into.
    if (process.env.EVENTWIRE_KEEP_TEST_DB) process.stderr.write(`kept ${this.database?.url}\n`);
    else await this.database?.drop();
  }
}
