import { Admin, Consumer, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import { STAGE_MAX_MESSAGE_BYTES } from '@eventwire/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { arg } from '../eval/cli-args';
import { rawArticles, RawRecord } from './article-corpus';

/**
 * npm run bench:kafka-clients [-- --records 10000 --rounds 3 --batch 500]
 * kafkajs against @platformatic/kafka (1.22.0, its last 1.x release whose
 * own dependencies run on Node 20) on the same broker (KAFKA_BROKERS), the
 * same records (real raw articles, or the seeds retold: see
 * article-corpus.ts) and the stages' settings: an idempotent producer with
 * acks from all in-sync replicas, sends of `batch` records; a relay hop that
 * consumes a topic of 3 partitions from the start in a new group, produces
 * every record unchanged to the next topic and commits each batch's
 * offsets once it is sent, as a stage does. Per client and phase: records
 * per second of wall time and this process's CPU microseconds per record
 * (the broker's CPU is not in it: both clients talk to the same one). The
 * clients take turns (kafkajs, then @platformatic/kafka, round after
 * round) on fresh topics; the figures are medians of the rounds, and the
 * ratios are taken from those medians in the one run.
 */
const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const recordCount = Number(arg('records', '10000'));
const rounds = Number(arg('rounds', '3'));
const batch = Number(arg('batch', '500'));
const PARTITIONS = 3;
/** The stages' record limit, set on the topics as the pipeline creates its own. */
const MAX_MESSAGE_BYTES = String(STAGE_MAX_MESSAGE_BYTES);

interface Phase {
  wallMs: number;
  cpuUs: number;
}

interface ClientRun {
  produce: Phase;
  relay: Phase;
}

/** Wall time and this process's CPU time of `work`. */
async function measured(work: () => Promise<void>): Promise<Phase> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await work();
  const used = process.cpuUsage(cpu);
  return { wallMs: Number(process.hrtime.bigint() - start) / 1e6, cpuUs: used.user + used.system };
}

async function kafkajsRun(records: RawRecord[], from: string, to: string): Promise<ClientRun> {
  const kafka = new Kafka({ clientId: 'eventwire-bench-kafkajs', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [from, to].map((topic) => ({ topic, numPartitions: PARTITIONS, configEntries: [{ name: 'max.message.bytes', value: MAX_MESSAGE_BYTES }] })),
    waitForLeaders: true,
  });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const produce = await measured(async () => {
    for (let i = 0; i < records.length; i += batch) {
      await producer.send({ topic: from, acks: -1, messages: records.slice(i, i + batch).map((r) => ({ key: r.key, value: r.value })) });
    }
  });
  const consumer = kafka.consumer({ groupId: `bench-kafkajs-${randomBytes(4).toString('hex')}`, maxBytes: batch * 16 * 1024 });
  await consumer.connect();
  await consumer.subscribe({ topic: from, fromBeginning: true });
  const relay = await measured(
    () =>
      new Promise<void>((resolve, reject) => {
        let relayed = 0;
        consumer
          .run({
            eachBatchAutoResolve: false,
            autoCommit: false,
            eachBatch: async ({ batch: fetched, resolveOffset, heartbeat, commitOffsetsIfNecessary }) => {
              await producer.send({ topic: to, acks: -1, messages: fetched.messages.map((m) => ({ key: m.key, value: m.value })) });
              resolveOffset(fetched.lastOffset());
              await commitOffsetsIfNecessary({ topics: [{ topic: fetched.topic, partitions: [{ partition: fetched.partition, offset: (BigInt(fetched.lastOffset()) + 1n).toString() }] }] });
              await heartbeat();
              relayed += fetched.messages.length;
              if (relayed >= records.length) resolve();
            },
          })
          .catch(reject);
      }),
  );
  await consumer.disconnect();
  await producer.disconnect();
  return { produce, relay };
}

async function platformaticRun(records: RawRecord[], from: string, to: string): Promise<ClientRun> {
  const admin = new Admin({ clientId: 'eventwire-bench-platformatic', bootstrapBrokers: brokers });
  await admin.createTopics({ topics: [from, to], partitions: PARTITIONS, replicas: 1, configs: [{ name: 'max.message.bytes', value: MAX_MESSAGE_BYTES }] });
  await admin.close();
  const producer = new Producer({ clientId: 'eventwire-bench-platformatic', bootstrapBrokers: brokers, serializers: stringSerializers, idempotent: true, acks: -1 });
  const produce = await measured(async () => {
    for (let i = 0; i < records.length; i += batch) {
      await producer.send({ messages: records.slice(i, i + batch).map((r) => ({ topic: from, key: r.key, value: r.value })) });
    }
  });
  const consumer = new Consumer({
    groupId: `bench-platformatic-${randomBytes(4).toString('hex')}`,
    clientId: 'eventwire-bench-platformatic',
    bootstrapBrokers: brokers,
    deserializers: stringDeserializers,
  });
  const relay = await measured(async () => {
    const stream = await consumer.consume({ topics: [from], mode: 'earliest', autocommit: false, maxBytes: batch * 16 * 1024 });
    // The stream yields one record at a time: they are sent on in batches of `batch` (the last one when all are in), and the newest record of each partition in a sent batch is committed.
    type Received = (typeof stream extends AsyncIterable<infer M> ? M : never);
    let pending: Received[] = [];
    let relayed = 0;
    const flush = async (): Promise<void> => {
      await producer.send({ messages: pending.map((m) => ({ topic: to, key: m.key, value: m.value })) });
      const newest = new Map<number, Received>();
      for (const m of pending) newest.set(m.partition, m);
      for (const m of newest.values()) await m.commit();
      relayed += pending.length;
      pending = [];
    };
    for await (const message of stream) {
      pending.push(message);
      if (pending.length >= batch || relayed + pending.length >= records.length) await flush();
      if (relayed >= records.length) break;
    }
  });
  await consumer.close(true);
  await producer.close();
  return { produce, relay };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const { records, origin } = rawArticles(recordCount);
  const bytes = records.reduce((n, r) => n + Buffer.byteLength(r.value), 0);
  process.stdout.write(`kafka clients: ${records.length} records (${origin}, mean ${Math.round(bytes / records.length)} bytes), brokers ${brokers.join(',')}, ${rounds} rounds, batches of ${batch}\n`);
  const clients = { kafkajs: kafkajsRun, '@platformatic/kafka 1.22.0': platformaticRun } as const;
  const runs: Record<string, ClientRun[]> = {};
  for (let round = 1; round <= rounds; round++) {
    for (const [name, run] of Object.entries(clients)) {
      const id = randomBytes(4).toString('hex');
      const result = await run(records, `bench-clients-${id}-from`, `bench-clients-${id}-to`);
      (runs[name] ??= []).push(result);
      const rate = (p: Phase): string => `${Math.round(records.length / (p.wallMs / 1000))}/s, ${(p.cpuUs / records.length).toFixed(1)} µs CPU`;
      process.stdout.write(`  round ${round} ${name}: produce ${rate(result.produce)}; relay ${rate(result.relay)}\n`);
    }
  }
  const summary = (name: string, phase: keyof ClientRun): { rate: number; cpu: number } => ({
    rate: median(runs[name]!.map((r) => records.length / (r[phase].wallMs / 1000))),
    cpu: median(runs[name]!.map((r) => r[phase].cpuUs / records.length)),
  });
  const lines = ['', '| client | produce records/s | produce CPU µs/record | relay records/s | relay CPU µs/record |', '|---|---|---|---|---|'];
  for (const name of Object.keys(clients)) {
    const p = summary(name, 'produce');
    const r = summary(name, 'relay');
    lines.push(`| ${name} | ${Math.round(p.rate)} | ${p.cpu.toFixed(1)} | ${Math.round(r.rate)} | ${r.cpu.toFixed(1)} |`);
  }
  const [a, b] = Object.keys(clients);
  const ratio = (phase: keyof ClientRun, key: 'rate' | 'cpu'): string => (summary(b!, phase)[key] / summary(a!, phase)[key]).toFixed(2);
  lines.push(
    `| ratio ${b} / ${a} | ${ratio('produce', 'rate')} | ${ratio('produce', 'cpu')} | ${ratio('relay', 'rate')} | ${ratio('relay', 'cpu')} |`,
    '',
    'medians of the rounds; CPU is this process (the client), not the broker',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
