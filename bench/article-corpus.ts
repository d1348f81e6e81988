import { KnowledgeBase } from '@eventwire/kb';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSaudiNewsNet } from '../eval/saudinewsnet-reader';

// From bench/ in the source tree and dist/bench/ once built.
const REPO = [join(__dirname, '..'), join(__dirname, '..', '..')].find((dir) => existsSync(join(dir, 'seeds')))!;

/** A raw article as producers put it on articles.raw.v1. */
export interface RawRecord {
  key: string;
  value: string;
}

/** The SaudiNewsNet dev data, when the shared eval folder is next to the repo (or named by EVENTWIRE_DEV_DATA). */
export function devDataDir(): string | undefined {
  const dir = process.env.EVENTWIRE_DEV_DATA ?? join(REPO, '..', 'shared', 'eval', 'dev', 'saudinewsnet');
  return existsSync(dir) ? dir : undefined;
}

/**
 * `n` distinct, valid raw articles (with `fewerIfReal`, at most `n`): real SaudiNewsNet articles when the dev
 * data is there, else generated from the five seeds: each seed retold about
 * another country (its Arabic name in place of Kazakhstan's), published a
 * month before the previous country's, by numbered editions of an outlet, so
 * the stream forms many stories of a few dozen articles (5,000 articles: 255
 * stories of up to 25) rather than one. Without the dates the retellings are one event to
 * the clusterer, and 5,000 of them one story whose record, sent again on each
 * change, grew to megabytes: a load no news week makes.
 */
export function rawArticles(n: number, fewerIfReal = false): { records: RawRecord[]; origin: string } {
  const dir = devDataDir();
  if (dir) {
    const seen = new Set<string>();
    const records: RawRecord[] = [];
    for (const a of readSaudiNewsNet(dir)) {
      if (records.length >= n) break;
      // A valid article has a body of some substance: the dump also holds empty pages and bare bylines.
      if ((a.content?.trim().length ?? 0) < 200 || seen.has(a.url)) continue;
      seen.add(a.url);
      records.push({ key: a.url, value: JSON.stringify({ body: a.content, title: a.title, url: a.url, outlet: a.source }) });
    }
    // `fewerIfReal`: the real articles there are, when they are fewer than asked for, rather than generated ones.
    if (records.length >= n || (fewerIfReal && records.length > 0)) return { records, origin: `SaudiNewsNet (${dir})` };
  }
  return { records: generatedFromSeeds(n), origin: 'generated from the seeds' };
}

/** When the seeds' story broke (their dates: 23 December 2024). */
const SEEDS_PUBLISHED = Date.UTC(2024, 11, 23);

function generatedFromSeeds(n: number): RawRecord[] {
  const seedDir = join(REPO, 'seeds');
  const seeds = readdirSync(seedDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(seedDir, f), 'utf8'));
  const countries = KnowledgeBase.bundled()
    .ofType('country')
    .filter((c) => c.nameAr && c.id !== 'country:KAZ')
    .map((c) => c.nameAr!);
  const records: RawRecord[] = [];
  for (let k = 0; k < n; k++) {
    const seed = k % seeds.length;
    const c = Math.floor(k / seeds.length) % countries.length;
    const country = countries[c]!;
    const edition = Math.floor(k / (seeds.length * countries.length));
    const publishedAt = new Date(SEEDS_PUBLISHED - c * 30 * 86_400_000).toISOString();
    const body = seeds[seed]!.replaceAll('كازاخستان', country);
    records.push({ key: `generated-${k}`, value: JSON.stringify({ body, outlet: `outlet-${seed}-${edition}`, file: `generated-${k}.txt`, publishedAt }) });
  }
  return records;
}
