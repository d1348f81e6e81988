import 'reflect-metadata';
const processStart = process.hrtime.bigint();
import type { ArticleTranslatedV1 } from '@eventwire/contracts';
import { EventExtractor } from '@eventwire/extraction';
import { ArticleIngester } from '@eventwire/ingestion';
import { KnowledgeBase } from '@eventwire/kb';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readSaudiNewsNet } from '../eval/saudinewsnet-reader';
import { arg } from '../eval/cli-args';

/**
 * npm run bench:extractor [-- --dir DIR --rounds N]
 * The extractor on one core: how long the knowledge base and lexicons take
 * to load in a fresh process, articles per second of extraction (gazetteer,
 * people, quantities, quotes, dates, event coding) over real Arabic news
 * (SaudiNewsNet dev data when present, else the seeds), and memory.
 * Articles are read by the ingester first (outside the timed loop: that is
 * the ingestor's work); the figure is the median of N rounds after a
 * warm-up, for all articles and for the median-size ones (within 20% of the
 * median length), per second of wall time and per second of the process's
 * CPU time: on a shared machine a neighbour's load shows in the first and
 * hardly in the second.
 */
const MiB = 1024 * 1024;
const REPO = resolve(__dirname, '..', '..');
const dir = resolve(arg('dir', join(REPO, '..', 'shared', 'eval', 'dev', 'saudinewsnet')));
const rounds = Number(arg('rounds', '7'));

const loadStart = process.hrtime.bigint();
const kb = KnowledgeBase.bundled();
const extractor = new EventExtractor(kb);
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
const sinceStartMs = Number(process.hrtime.bigint() - processStart) / 1e6;
const rssAfterLoad = process.memoryUsage().rss;

const ingester = new ArticleIngester({ maxBodyBytes: 8 * 1024 * 1024 });
const source = existsSync(dir) ? `${dir} (SaudiNewsNet)` : 'seeds/ (no SaudiNewsNet data found)';

/** The corpus through the ingester (outside any timed loop: that is the ingestor's work). Read twice, so the median-size phase runs without the rest in memory. */
function readCorpus(): ArticleTranslatedV1[] {
  const bodies: { body: string; title: string | null }[] = existsSync(dir)
    ? readSaudiNewsNet(dir).map((a) => ({ body: a.content, title: a.title || null }))
    : readdirSync(join(REPO, 'seeds'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => ({ body: readFileSync(join(REPO, 'seeds', f), 'utf8'), title: null }));
  const out: ArticleTranslatedV1[] = [];
  for (const b of bodies) {
    try {
      const ingested = ingester.ingest({ body: b.body, ...(b.title ? { title: b.title } : {}), format: 'txt' });
      out.push({ ...ingested, translation: { engine: 'stub', engineVersion: '1', target: 'en', title: null, segments: [], glossary: [] } });
    } catch {
      // Empty or chrome-only articles are the ingester's dead letters, not extractor work.
    }
  }
  return out;
}

let corpus: ArticleTranslatedV1[] | null = readCorpus();
const corpusSize = corpus.length;
const lengths = corpus.map((a) => a.body.length).sort((a, b) => a - b);
const medianLength = lengths[Math.floor(lengths.length / 2)] ?? 0;
const medianSize = corpus.filter((a) => Math.abs(a.body.length - medianLength) <= 0.2 * medianLength);
corpus = null;

interface Rates {
  wall: number;
  cpu: number;
}

/** Articles per second of wall time, and per second of this process's CPU time (what one core gives when no neighbour takes it). */
function rate(set: readonly ArticleTranslatedV1[]): Rates {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const a of set) extractor.extract(a);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  return { wall: set.length / wall, cpu: set.length / ((cpu.user + cpu.system) / 1e6) };
}

/** Collects garbage between rounds when node runs with --expose-gc, so one round does not pay for the last. */
const collect = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

interface Summary {
  median: number;
  min: number;
  max: number;
}

function summary(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted[sorted.length - 1]! };
}

/** The highest resident set size seen after a round: what the process holds while it extracts. */
let workingRss = 0;

function median(set: readonly ArticleTranslatedV1[]): { wall: Summary; cpu: Summary } {
  rate(set);
  const rates = Array.from({ length: rounds }, () => {
    collect();
    const r = rate(set);
    workingRss = Math.max(workingRss, process.memoryUsage().rss);
    return r;
  });
  return { wall: summary(rates.map((r) => r.wall)), cpu: summary(rates.map((r) => r.cpu)) };
}

collect();
const mid = median(medianSize);
const midRss = workingRss;
const articles = readCorpus();
const all = median(articles);
const coded = articles.filter((a) => extractor.extract(a).event !== null).length;
const peakRss = process.resourceUsage().maxRSS * 1024;
const f = (n: number): string => n.toFixed(0);
const show = (r: Summary): string => `${f(r.median)} articles/s (min ${f(r.min)}, max ${f(r.max)})`;
process.stdout.write(
  `extractor: ${corpusSize} articles from ${source}, ${rounds} rounds, one core\n` +
    `  knowledge base (${kb.size} entities) + matcher + lexicons loaded in ${f(loadMs)} ms (${f(sinceStartMs)} ms from process start)\n` +
    `  median-size (${medianSize.length} articles of ~${medianLength} chars): median ${show(mid.wall)} per wall second; ${show(mid.cpu)} per CPU second\n` +
    `  all articles: median ${show(all.wall)} per wall second; ${show(all.cpu)} per CPU second\n` +
    `  event coded in ${coded}/${articles.length} articles\n` +
    `  memory: rss after load ${f(rssAfterLoad / MiB)} MiB; while extracting the median-size articles (${medianSize.length} held) ${f(midRss / MiB)} MiB; ` +
      `peak ${f(peakRss / MiB)} MiB (reading the whole corpus into memory, twice, included)\n`,
);
