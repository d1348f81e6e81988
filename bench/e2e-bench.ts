import 'reflect-metadata';
import { pipelineTopics, TOPICS } from '@eventwire/contracts';
import { KafkaMessageBroker, PrefixedMessageBroker } from '@eventwire/kafka';
import { auditPipeline, stageGroupId, stageLags, STAGES } from '@eventwire/stages';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Admin, Kafka, logLevel, Producer } from 'kafkajs';
import { Client } from 'pg';
import { arg } from '../eval/cli-args';
import { rawArticles, RawRecord } from './article-corpus';
import { freePort } from './free-port';
import { breakdownTables, costBreakdown, CostBreakdown, difference, Sample, scrape } from './cost-breakdown';

/**
 * npm run bench:e2e [-- --articles 10000 --runs ceiling,1,2 --rounds 3]
 * npm run bench:e2e -- --runs 1,steady --rounds 1 [--loads 0.25,0.5,0.75 --steady-seconds 60 --capacity N]
 *
 * N real articles through the four services (separate processes, over the
 * broker: KAFKA_BROKERS, else the local broker of scripts/kafka.sh, started
 * and stopped here) with 1 and then 2 extractors; and, in the same run, the
 * same records through four pass-through hops with no processing (the
 * broker-and-client ceiling). Reports sustained articles/s (first record in
 * to last story update out), p50/p99 latency from a record's send to the
 * first story record that holds its article, per-stage throughput (from the
 * record timestamps on each stage's output topic) and each process's peak
 * memory (VmHWM); and, for each pipeline run, where each process's CPU went
 * per article (the phases on its /metrics, GC) and the bytes per record on
 * each topic (see cost-breakdown.ts). `steady` runs offer articles at a
 * fixed rate instead of as a backlog (see `steadyRuns`), so the latencies
 * are what a subscriber waits under that load.
 */
const REPO = join(__dirname, '..', '..');
const N = Number(arg('articles', '10000'));
const ADMIN_DB = process.env.EVENTWIRE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Run {
  label: string;
  articles: number;
  seconds: number;
  rate: number;
  p50?: number;
  p95?: number;
  p99?: number;
  stages?: Record<string, number>;
  peakMiB?: Record<string, number>;
  /** CPU seconds per 1,000 articles: each process, and the machine as a whole. */
  cpuPerThousand?: Record<string, number>;
  /** Each stage process's CPU per article by phase, and the record sizes on each topic. */
  breakdown?: CostBreakdown;
  /** Where the latency goes: p50/p95/p99 ms of each hop, from the record timestamps (see `hopLatencies`). */
  hops?: Array<{ hop: string; p50: number; p95: number; p99: number }>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

function peakMiB(child: ChildProcess): number {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds the whole machine has been busy (every core, every process: the broker and PostgreSQL too). */
function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
  return (ticks.slice(0, 8).reduce((a, b) => a + b, 0) - idle) / 100;
}

/** Starts counting CPU: the returned function gives the CPU seconds of each process since, and of the machine. */
function cpuMeter(processes: Array<[string, ChildProcess]>): () => Record<string, number> {
  const atStart = processes.map(([, child]) => cpuSeconds(child.pid));
  const busyAtStart = machineBusySeconds();
  return () => {
    const out = Object.fromEntries(processes.map(([name, child], i) => [name, cpuSeconds(child.pid) - atStart[i]!]));
    return { ...out, machine: machineBusySeconds() - busyAtStart };
  };
}

/** CPU seconds per 1,000 articles, to a tenth. */
const perThousand = (seconds: Record<string, number>, articles: number): Record<string, number> =>
  Object.fromEntries(Object.entries(seconds).map(([name, s]) => [name, Math.round((s / articles) * 1000 * 10) / 10]));

/** Each process's /metrics, by name. */
async function scrapeAll(ports: Map<string, number>): Promise<Record<string, Sample[]>> {
  return Object.fromEntries(await Promise.all([...ports].map(async ([name, port]) => [name, await scrape(port)] as const)));
}

function startProcess(script: string, args: string[], env: Record<string, string>, name = script): ChildProcess {
  // BENCH_PROFILE=<dir>: each process writes a V8 CPU profile there when it exits (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE, '--cpu-prof-name', `${name.replace(/\W+/g, '-')}-${Date.now()}.cpuprofile`] : [];
  const child = spawn(process.execPath, [...profile, join(REPO, 'dist', script), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr!.on('data', (chunk: Buffer) => {
    if (process.env.BENCH_VERBOSE) process.stderr.write(chunk);
  });
  return child;
}

async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null || c.signalCode !== null) return resolve();
          c.once('exit', () => resolve());
          c.kill('SIGTERM');
          setTimeout(() => c.kill('SIGKILL'), 20_000).unref();
        }),
    ),
  );
}

async function waitForGroups(admin: Admin, groups: string[], members: number[]): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const { groups: described } = await admin.describeGroups(groups);
    if (described.every((g, i) => g.state === 'Stable' && g.members.length >= members[i]!)) return;
    if (Date.now() > deadline) throw new Error(`consumer groups not ready: ${described.map((g) => `${g.groupId} ${g.state} ${g.members.length}`).join(', ')}`);
    await sleep(250);
  }
}

/**
 * Sends the records: all at once in batches of 500 (a backlog), or, with
 * `pace` (articles/s), a tenth of a second's worth at a time on a fixed
 * schedule (a steady stream: a late send does not make the next ones wait
 * less, so the offered rate holds).
 */
async function send(producer: Producer, topic: string, records: RawRecord[], sentAt?: Map<string, number>, pace?: number): Promise<void> {
  const size = pace ? Math.max(1, Math.round(pace / 10)) : 500;
  const t0 = Date.now();
  for (let i = 0; i < records.length; i += size) {
    if (pace) await sleep(t0 + (i / pace) * 1000 - Date.now());
    const batch = records.slice(i, i + size);
    const now = Date.now();
    for (const r of batch) sentAt?.set(r.key, now);
    await producer.send({ topic, acks: -1, messages: batch });
  }
}

/** Topic timestamps: records per second between a topic's first and last record. */
async function topicRates(broker: PrefixedMessageBroker, topics: string[]): Promise<Record<string, number>> {
  const span = new Map<string, { n: number; first: number; last: number }>();
  await broker.scan(topics, (m) => {
    const t = Number(m.timestamp);
    const s = span.get(m.topic) ?? { n: 0, first: t, last: t };
    s.n++;
    s.first = Math.min(s.first, t);
    s.last = Math.max(s.last, t);
    span.set(m.topic, s);
  });
  return Object.fromEntries([...span].map(([topic, s]) => [topic, Math.round(s.n / Math.max(0.001, (s.last - s.first) / 1000))]));
}

/** The key an article goes by on every topic after the ingestor, as on the raw topic: its URL, else its file. */
function articleKey(value: Buffer | null): string | null {
  if (!value) return null;
  const source = (JSON.parse(value.toString()) as { source?: { url: string | null; file: string | null } }).source;
  return source?.url ?? source?.file ?? null;
}

/**
 * Each article's time on each hop: from its send to its ingested record,
 * then from one stage's record to the next one's (the producers' record
 * timestamps), and from its extracted record to the first story record
 * that holds it (as the subscriber saw it). A hop's time is the stage's
 * wait for its turn (in the consumer's batch, for a core) and its work.
 */
async function hopLatencies(broker: PrefixedMessageBroker, sentAt: Map<string, number>, firstSeen: Map<string, number>): Promise<NonNullable<Run['hops']>> {
  const topics = [TOPICS.articlesIngested, TOPICS.articlesTranslated, TOPICS.eventsExtracted];
  const at = new Map<string, Map<string, number>>(topics.map((t) => [t, new Map()]));
  await broker.scan(topics, (m) => {
    const key = articleKey(m.value);
    const times = at.get(m.topic);
    if (key && times && !times.has(key)) times.set(key, Number(m.timestamp));
  });
  const stages: Array<[string, Map<string, number>]> = [
    ['send', sentAt],
    ['ingestor', at.get(TOPICS.articlesIngested)!],
    ['translator', at.get(TOPICS.articlesTranslated)!],
    ['extractor', at.get(TOPICS.eventsExtracted)!],
    ['story record', firstSeen],
  ];
  const out: NonNullable<Run['hops']> = [];
  for (let i = 1; i < stages.length; i++) {
    const [from, before] = stages[i - 1]!;
    const [to, after] = stages[i]!;
    const ms = [...after].flatMap(([key, t]) => (before.has(key) ? [t - before.get(key)!] : [])).sort((a, b) => a - b);
    if (ms.length > 0) out.push({ hop: `${from} → ${to}`, p50: quantile(ms, 0.5), p95: quantile(ms, 0.95), p99: quantile(ms, 0.99) });
  }
  return out;
}

/** The pipeline with `extractors` extractor processes, fresh topics and database; with `pace`, the records are offered as a steady stream at that rate. */
async function pipelineRun(kafka: Kafka, brokers: string, records: RawRecord[], extractors: number, pace?: number): Promise<Run> {
  const prefix = `bench-${randomBytes(4).toString('hex')}.`;
  const dbName = `eventwire_bench_${randomBytes(4).toString('hex')}`;
  const pg = new Client({ connectionString: ADMIN_DB });
  await pg.connect();
  await pg.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(ADMIN_DB);
  dbUrl.pathname = `/${dbName}`;
  const env = { KAFKA_BROKERS: brokers, KAFKA_TOPIC_PREFIX: prefix, DATABASE_URL: dbUrl.toString(), LOG_LEVEL: 'error', HTTP_PORT: '0' };
  const brokerClient = new KafkaMessageBroker({ brokers: [brokers], clientId: 'eventwire-bench' });
  const broker = new PrefixedMessageBroker(brokerClient, prefix);
  await broker.ensureTopics(pipelineTopics());
  const children: ChildProcess[] = [];
  const byName: Array<[string, ChildProcess]> = [];
  // Each service's /metrics port: the aggregator and the ingestor on HTTP_PORT, the others on a variable of their own.
  const metricsPorts = new Map<string, number>();
  const portVariable = { aggregator: 'HTTP_PORT', extractor: 'EXTRACTOR_HTTP_PORT', translator: 'TRANSLATOR_HTTP_PORT', ingestor: 'HTTP_PORT' };
  const add = async (name: string): Promise<void> => {
    const service = name.replace(/-\d+$/, '') as keyof typeof portVariable;
    const port = await freePort();
    metricsPorts.set(name, port);
    const child = startProcess(`apps/${service}/src/main.js`, [], { ...env, [portVariable[service]]: String(port) }, name);
    children.push(child);
    byName.push([name, child]);
  };
  await add('aggregator');
  for (let i = 0; i < extractors; i++) await add(`extractor-${i + 1}`);
  await add('translator');
  await add('ingestor');
  const admin = kafka.admin();
  await admin.connect();
  const stages = STAGES;
  await waitForGroups(admin, stages.map((s) => prefix + stageGroupId(s)), stages.map((s) => (s === 'extractor' ? extractors : 1)));

  // The stories as a subscriber sees them: the first time each article (by its URL, the record key) is in a story.
  const firstSeen = new Map<string, number>();
  const watcher = kafka.consumer({ groupId: `${prefix}bench-watch` });
  await watcher.connect();
  await watcher.subscribe({ topic: prefix + TOPICS.eventsEnriched, fromBeginning: true });
  await watcher.run({
    eachMessage: async ({ message }) => {
      if (!message.value) return;
      const now = Date.now();
      const story = JSON.parse(message.value.toString()) as { articles: Array<{ source: { url: string | null; file: string | null } }> };
      for (const a of story.articles) {
        const key = a.source.url ?? a.source.file;
        if (key && !firstSeen.has(key)) firstSeen.set(key, now);
      }
    },
  });
  await waitForGroups(admin, [`${prefix}bench-watch`], [1]);

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const sentAt = new Map<string, number>();
  const metricsAtStart = await scrapeAll(metricsPorts);
  const cpu = cpuMeter(byName);
  const t0 = Date.now();
  await send(producer, prefix + TOPICS.articlesRaw, records, sentAt, pace);

  // Done when every stage has consumed its input and the audit balances: every article in one story (or
  // dead-lettered), nothing pending. Lag is cheap to ask for; the audit reads every topic, so it runs only then.
  const deadline = Date.now() + 30 * 60_000;
  let lastProgress = 0;
  let report: Awaited<ReturnType<typeof auditPipeline>> | undefined;
  while (Date.now() < deadline) {
    const lags = await stageLags(broker);
    if (Date.now() - lastProgress > 10_000) {
      lastProgress = Date.now();
      process.stdout.write(
        `  ${((Date.now() - t0) / 1000).toFixed(0)} s: ${firstSeen.size}/${records.length} articles in stories; lag ${Object.entries(lags).map(([stage, lag]) => `${stage} ${lag}`).join(', ')}\n`,
      );
    }
    for (const [name, child] of byName) if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode})`);
    if (Object.values(lags).every((lag) => lag === 0)) {
      report = await auditPipeline(broker);
      if (report.balanced) break;
    }
    await sleep(1000);
  }
  if (!report?.balanced) throw new Error(`the pipeline did not balance: ${JSON.stringify(report?.articles)}`);
  const peaks = Object.fromEntries(byName.map(([name, child]) => [name, peakMiB(child)]));
  const cpuSpent = cpu();
  const metricsAtEnd = await scrapeAll(metricsPorts);
  const metrics = Object.fromEntries(Object.entries(metricsAtEnd).map(([name, samples]) => [name, difference(metricsAtStart[name] ?? [], samples)]));
  const breakdown = costBreakdown(records.length, metrics, cpuSpent, [TOPICS.articlesRaw, TOPICS.articlesIngested, TOPICS.articlesTranslated, TOPICS.eventsExtracted, TOPICS.eventsEnriched]);
  const tEnd = Math.max(...firstSeen.values());
  const latencies = [...firstSeen].filter(([key]) => sentAt.has(key)).map(([key, t]) => t - sentAt.get(key)!).sort((a, b) => a - b);
  const rates = await topicRates(broker, [TOPICS.articlesIngested, TOPICS.articlesTranslated, TOPICS.eventsExtracted]);
  const hops = await hopLatencies(broker, sentAt, firstSeen);

  await producer.disconnect();
  await watcher.disconnect();
  await admin.disconnect();
  await stopAll(children);
  await brokerClient.close();
  await pg.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await pg.end();
  const articles = report.articles.inStories;
  const seconds = (tEnd - t0) / 1000;
  return {
    label: `pipeline, ${extractors} extractor${extractors > 1 ? 's' : ''}${pace ? `, steady ${Math.round(pace)}/s` : ''}`,
    articles,
    seconds,
    rate: articles / seconds,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
    p99: quantile(latencies, 0.99),
    stages: {
      ingestor: rates[TOPICS.articlesIngested] ?? 0,
      translator: rates[TOPICS.articlesTranslated] ?? 0,
      extractor: rates[TOPICS.eventsExtracted] ?? 0,
    },
    peakMiB: peaks,
    cpuPerThousand: perThousand(cpuSpent, records.length),
    breakdown,
    hops,
  };
}

async function passThroughRun(kafka: Kafka, brokers: string, records: RawRecord[]): Promise<Run> {
  const prefix = `bench-pt-${randomBytes(4).toString('hex')}.`;
  const hops = [0, 1, 2, 3, 4].map((i) => `${prefix}hop${i}`);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: hops.map((topic) => ({ topic, numPartitions: 3, configEntries: [{ name: 'max.message.bytes', value: String(16 * 1024 * 1024) }] })) });
  const relays = [0, 1, 2, 3].map((i) => startProcess('bench/relay.js', [brokers, hops[i]!, hops[i + 1]!, `${prefix}relay${i}`], {}));
  await waitForGroups(admin, [0, 1, 2, 3].map((i) => `${prefix}relay${i}`), [1, 1, 1, 1]);
  let received = 0;
  let last = 0;
  const sink = kafka.consumer({ groupId: `${prefix}sink` });
  await sink.connect();
  await sink.subscribe({ topic: hops[4]!, fromBeginning: true });
  await sink.run({
    eachBatch: async ({ batch }) => {
      received += batch.messages.length;
      last = Date.now();
    },
  });
  await waitForGroups(admin, [`${prefix}sink`], [1]);
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const cpu = cpuMeter(relays.map((r, i) => [`relay-${i + 1}`, r]));
  const t0 = Date.now();
  await send(producer, hops[0]!, records);
  while (received < records.length) await sleep(50);
  const peaks = Object.fromEntries(relays.map((r, i) => [`relay-${i + 1}`, peakMiB(r)]));
  const cpuPerThousand = perThousand(cpu(), records.length);
  await producer.disconnect();
  await sink.disconnect();
  await stopAll(relays);
  await admin.deleteTopics({ topics: hops }).catch(() => undefined);
  await admin.disconnect();
  const seconds = (last - t0) / 1000;
  return { label: 'pass-through, 4 hops', articles: records.length, seconds, rate: records.length / seconds, peakMiB: peaks, cpuPerThousand };
}

/**
 * `--runs …,steady`: the pipeline with one extractor fed a steady stream at
 * each share of its capacity in `--loads` (0.25,0.5,0.75) for
 * `--steady-seconds` (60) each. The capacity is `--capacity` (articles/s),
 * else the median backlog rate of the one-extractor runs measured before in
 * this invocation (`--runs 1,steady`).
 */
async function steadyRuns(kafka: Kafka, brokers: string, measured: number[] | undefined): Promise<Array<{ load: number; pace: number; run: Run }>> {
  const given = Number(arg('capacity', 'NaN'));
  const sorted = [...(measured ?? [])].sort((a, b) => a - b);
  const capacity = Number.isFinite(given) ? given : sorted[Math.floor((sorted.length - 1) / 2)];
  if (capacity === undefined || !Number.isFinite(capacity)) throw new Error('steady: give --capacity N, or measure it first with --runs 1,steady');
  const seconds = Number(arg('steady-seconds', '60'));
  const out: Array<{ load: number; pace: number; run: Run }> = [];
  for (const load of arg('loads', '0.25,0.5,0.75').split(',').map(Number)) {
    const pace = capacity * load;
    // Each level on a fresh pipeline, so the same articles serve each; a corpus too small for the whole time shortens the level.
    const { records } = rawArticles(Math.round(pace * seconds), true);
    process.stdout.write(`steady stream: ${Math.round(load * 100)}% of ${Math.round(capacity)} articles/s = ${Math.round(pace)}/s for ${(records.length / pace).toFixed(0)} s (${records.length} articles)\n`);
    const run = await pipelineRun(kafka, brokers, records, 1, pace);
    process.stdout.write(`  p50 ${run.p50} ms, p95 ${run.p95} ms, p99 ${run.p99} ms; by hop (p50 / p95 / p99 ms): ${(run.hops ?? []).map((h) => `${h.hop} ${h.p50} / ${h.p95} / ${h.p99}`).join(', ')}\n`);
    out.push({ load, pace, run });
  }
  return out;
}

async function main(): Promise<void> {
  const script = join(REPO, 'scripts', 'kafka.sh');
  let brokers = process.env.KAFKA_BROKERS;
  let started = false;
  if (!brokers) {
    const up = (() => {
      try {
        execFileSync('bash', [script, 'status'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
    if (!up) {
      execFileSync('bash', [script, 'start'], { stdio: 'inherit' });
      started = true;
    }
    brokers = `127.0.0.1:${process.env.KAFKA_PORT ?? '9092'}`;
  }
  if (!existsSync(join(REPO, 'dist', 'apps'))) throw new Error('build first: npm run build');
  const { records, origin } = rawArticles(N);
  const kafka = new Kafka({ clientId: 'eventwire-bench', brokers: [brokers], logLevel: logLevel.NOTHING });
  process.stdout.write(`end-to-end bench: ${records.length} articles (${origin}), ${cpus().length} cores, broker ${brokers}\n`);
  try {
    // --runs ceiling,1,2 (the default): the pass-through ceiling, then the pipeline with each number of extractors;
    // --rounds N (3) times over, each run's share of the ceiling taken against the ceiling of its own round.
    const kinds = arg('runs', 'ceiling,1,2').split(',');
    const rounds = Number(arg('rounds', '3'));
    const byKind = new Map<string, Array<{ run: Run; share: number }>>();
    const steady: Array<{ load: number; pace: number; run: Run }> = [];
    for (let round = 1; round <= rounds; round++) {
      let ceiling = NaN;
      for (const kind of kinds) {
        if (kind === 'steady') {
          steady.push(...(await steadyRuns(kafka, brokers, byKind.get('1')?.map((x) => x.run.rate))));
          continue;
        }
        process.stdout.write(`round ${round}/${rounds}: ${kind === 'ceiling' ? 'pass-through, 4 hops' : `pipeline, ${kind} extractor(s)`}\n`);
        const run = kind === 'ceiling' ? await passThroughRun(kafka, brokers, records) : await pipelineRun(kafka, brokers, records, Number(kind));
        if (kind === 'ceiling') ceiling = run.rate;
        process.stdout.write(`  ${Math.round(run.rate)} articles/s\n`);
        if (run.breakdown) process.stdout.write(`${breakdownTables(run.breakdown).join('\n')}\n`);
        byKind.set(kind, [...(byKind.get(kind) ?? []), { run, share: run.rate / ceiling }]);
      }
    }
    const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
    const lines = [
      `median of ${rounds} round(s); the other columns are from the median round`,
      '| run | articles | seconds | articles/s (each round) | share of ceiling | p50 ms | p99 ms | per stage (records/s) | peak MiB | CPU s per 1,000 articles |',
      '|---|---|---|---|---|---|---|---|---|---|',
    ];
    for (const results of byKind.values()) {
      const rate = median(results.map((x) => x.run.rate));
      const r = results.find((x) => x.run.rate === rate)!.run;
      lines.push(
        `| ${r.label} | ${r.articles} | ${r.seconds.toFixed(1)} | ${Math.round(rate)} (${results.map((x) => Math.round(x.run.rate)).join(', ')}) | ${median(results.map((x) => x.share)).toFixed(2)} | ${r.p50 ?? '-'} | ${r.p99 ?? '-'} | ${
          r.stages ? Object.entries(r.stages).map(([k, v]) => `${k} ${v}`).join(', ') : '-'
        } | ${Object.entries(r.peakMiB ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')} | ${Object.entries(r.cpuPerThousand ?? {}).map(([k, v]) => `${k} ${v}`).join(', ')} |`,
      );
    }
    for (const results of byKind.values()) {
      const rate = median(results.map((x) => x.run.rate));
      const r = results.find((x) => x.run.rate === rate)!.run;
      if (r.breakdown) lines.push('', `${r.label}, median round: where the CPU goes, per article (µs), and the bytes per record on each topic`, '', ...breakdownTables(r.breakdown));
    }
    if (steady.length > 0) {
      lines.push(
        '',
        'steady stream, 1 extractor: articles offered at a fixed share of the capacity, each level on a fresh pipeline; latency from send to the first story record that holds the article',
        '',
        '| load | offered articles/s | articles | seconds | p50 ms | p95 ms | p99 ms | CPU s per 1,000 articles (machine) |',
        '|---|---|---|---|---|---|---|---|',
        ...steady.map(
          ({ load, pace, run }) =>
            `| ${Math.round(load * 100)}% | ${Math.round(pace)} | ${run.articles} | ${run.seconds.toFixed(1)} | ${run.p50} | ${run.p95} | ${run.p99} | ${run.cpuPerThousand?.machine ?? '-'} |`,
        ),
        '',
        'where the latency goes, by hop (p50 / p95 / p99 ms; record timestamps, and the subscriber for the story record)',
        '',
        `| load | ${(steady[0]!.run.hops ?? []).map((h) => h.hop).join(' | ')} |`,
        `|---|${(steady[0]!.run.hops ?? []).map(() => '---').join('|')}|`,
        ...steady.map(({ load, run }) => `| ${Math.round(load * 100)}% | ${(run.hops ?? []).map((h) => `${h.p50} / ${h.p95} / ${h.p99}`).join(' | ')} |`),
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    if (started) execFileSync('bash', [script, 'stop'], { stdio: 'inherit' });
  }
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:e2e: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
