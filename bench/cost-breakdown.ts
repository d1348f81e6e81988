import { cpus, loadavg } from 'node:os';

/**
 * Where each stage's CPU goes, per article, from the services' own `/metrics`
 * (scraped when the articles are sent and again once the pipeline balances,
 * the difference taken so start-up does not count): the phases StageServer
 * times, what is left of the process's CPU once they are taken out, GC time,
 * and the size of the records on each topic.
 */

/** One sample of a Prometheus text exposition. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (comments and blank lines skipped). */
export function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** A service's /metrics; its port opens just after its consumer joins the group, so a refused connection is tried again for up to 30 s. */
export async function scrape(port: number): Promise<Sample[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/metrics`);
      if (!answer.ok) throw new Error(`GET /metrics on port ${port}: ${answer.status}`);
      return parseMetrics(await answer.text());
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** The samples of `after`, less those of `before` with the same name and labels (counters and histograms). */
export function difference(before: Sample[], after: Sample[]): Sample[] {
  const key = (s: Sample): string => `${s.name}${JSON.stringify(Object.entries(s.labels).sort())}`;
  const was = new Map(before.map((s) => [key(s), s.value]));
  return after.map((s) => ({ ...s, value: s.value - (was.get(key(s)) ?? 0) }));
}

const sum = (samples: Sample[], name: string, labels: Record<string, string> = {}): number =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((total, s) => total + s.value, 0);

/** The `q` quantile of a histogram's cumulative buckets, interpolated within its bucket as Prometheus' histogram_quantile does. */
export function histogramQuantile(buckets: Array<{ le: number; count: number }>, q: number): number {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted[sorted.length - 1]?.count ?? 0;
  if (total === 0) return NaN;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const { le, count } of sorted) {
    if (count >= rank) {
      if (le === Infinity) return lower;
      return lower + (le - lower) * ((rank - below) / Math.max(1, count - below));
    }
    lower = le;
    below = count;
  }
  return lower;
}

export const PHASES = ['decode', 'contract', 'handler', 'encode', 'complete', 'produce', 'commit'] as const;

/** One process's cost per article: CPU, each phase, the rest, in µs; GC in ms per 1,000 articles. */
export interface ProcessCost {
  cpuUs: number;
  phasesUs: Record<(typeof PHASES)[number], number>;
  restUs: number;
  gcMsPerThousand: number;
}

/** Bytes per record on a topic: as produced by its stage, or as consumed when no stage produces it (the raw articles). */
export interface TopicSize {
  records: number;
  meanBytes: number;
  p99Bytes: number;
}

export interface CostBreakdown {
  processes: Record<string, ProcessCost>;
  topics: Record<string, TopicSize>;
  /** The machine's 1-minute load average at the end of the run, and its cores: the phases are wall time, so a busy machine inflates them. */
  load: { oneMinute: number; cores: number };
}

/**
 * The breakdown of one run of `articles` articles: `metrics` is each process's
 * samples over the run (see {@link difference}), `cpuSeconds` its CPU over the
 * same span (from /proc); topics are listed in `topicOrder`, the pipeline's.
 */
export function costBreakdown(articles: number, metrics: Record<string, Sample[]>, cpuSeconds: Record<string, number>, topicOrder: string[]): CostBreakdown {
  const processes: Record<string, ProcessCost> = {};
  for (const [name, samples] of Object.entries(metrics)) {
    const us = (seconds: number): number => (seconds / articles) * 1e6;
    const phasesUs = Object.fromEntries(PHASES.map((phase) => [phase, us(sum(samples, 'eventwire_stage_phase_seconds_total', { phase }))])) as ProcessCost['phasesUs'];
    const cpuUs = us(cpuSeconds[name] ?? 0);
    const gcUs = us(sum(samples, 'nodejs_gc_duration_seconds_sum'));
    processes[name] = { cpuUs, phasesUs, restUs: cpuUs - Object.values(phasesUs).reduce((a, b) => a + b, 0), gcMsPerThousand: gcUs };
  }
  const all = Object.values(metrics).flat();
  const topics: Record<string, TopicSize> = {};
  const names = new Set(all.filter((s) => s.name === 'eventwire_record_bytes_count').map((s) => s.labels.topic!));
  const rank = (topic: string): number => (topicOrder.includes(topic) ? topicOrder.indexOf(topic) : topicOrder.length);
  for (const topic of [...names].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) {
    const direction = sum(all, 'eventwire_record_bytes_count', { topic, direction: 'produced' }) > 0 ? 'produced' : 'consumed';
    const of = { topic, direction };
    const records = sum(all, 'eventwire_record_bytes_count', of);
    const byLe = new Map<number, number>();
    for (const s of all) {
      if (s.name !== 'eventwire_record_bytes_bucket' || s.labels.topic !== topic || s.labels.direction !== direction) continue;
      const le = s.labels.le === '+Inf' ? Infinity : Number(s.labels.le);
      byLe.set(le, (byLe.get(le) ?? 0) + s.value);
    }
    const buckets = [...byLe].map(([le, count]) => ({ le, count }));
    topics[topic] = { records, meanBytes: records > 0 ? sum(all, 'eventwire_record_bytes_sum', of) / records : NaN, p99Bytes: histogramQuantile(buckets, 0.99) };
  }
  return { processes, topics, load: { oneMinute: loadavg()[0]!, cores: cpus().length } };
}

/** The breakdown as two markdown tables: each process's cost per article, and each topic's record sizes. */
export function breakdownTables(breakdown: CostBreakdown): string[] {
  const r = (n: number): string => (Number.isFinite(n) ? String(Math.round(n)) : '-');
  const { oneMinute, cores } = breakdown.load;
  const lines = [
    `load average ${oneMinute.toFixed(1)} on ${cores} cores${oneMinute > cores ? ': above the core count, the phases (wall time) take in waits for a core, and rest comes out low or negative' : ''}`,
    '',
    `| process | CPU µs/article | ${PHASES.join(' | ')} | rest | GC ms/1,000 articles |`,
    `|---|---|${PHASES.map(() => '---|').join('')}---|---|`,
  ];
  for (const [name, c] of Object.entries(breakdown.processes)) {
    lines.push(`| ${name} | ${r(c.cpuUs)} | ${PHASES.map((p) => r(c.phasesUs[p])).join(' | ')} | ${r(c.restUs)} | ${r(c.gcMsPerThousand)} |`);
  }
  lines.push('', '| topic | records | mean bytes | p99 bytes |', '|---|---|---|---|');
  for (const [topic, t] of Object.entries(breakdown.topics)) lines.push(`| ${topic} | ${t.records} | ${r(t.meanBytes)} | ${r(t.p99Bytes)} |`);
  return lines;
}
