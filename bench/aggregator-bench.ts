import 'reflect-metadata';
import { AGGREGATOR_CLUSTERER_OPTIONS, buildStoryRecord, StoryClusterer } from '@eventwire/clustering';
import type { EventExtractedV1, RawArticleV1 } from '@eventwire/contracts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { arg } from '../eval/cli-args';
import { streamSaudiNewsNet } from '../eval/dev-week-stream';
import { SeedPipeline } from '../eval/seed-pipeline';

/**
 * npm run bench:aggregator [-- --dir DIR --articles N --cache FILE]
 * The aggregator's own work on one core: clustering each article into a
 * story and building the records of the stories that changed, coalesced per
 * 1,000 articles as the emit interval does under load. The stream is the
 * SaudiNewsNet dev week (the seeds when it is absent) run through the real
 * extractor once, then replayed as later weeks (new ids, dates moved on) up
 * to N articles, so the window fills with 100,000 articles of real
 * vocabulary (`--cache` keeps the extracted week, as eval:stories does). It prints articles per second per 10,000 articles: flat from
 * 10,000 to 100,000 of history is the claim under test.
 */
const REPO = resolve(__dirname, '..', '..');
const dir = resolve(arg('dir', join(REPO, '..', 'shared', 'eval', 'dev', 'saudinewsnet')));
const total = Number(arg('articles', '120000'));
const cache = arg('cache', null);
const SEGMENT = 10_000;
const FLUSH_EVERY = 1_000;
const DAY_MS = 86_400_000;

async function main(): Promise<void> {
  const source = existsSync(dir) ? `${dir} (SaudiNewsNet)` : 'seeds/ (no SaudiNewsNet data found)';
  const week: EventExtractedV1[] = [];
  if (existsSync(dir)) {
    // Articles the ingestor rejects are not aggregator work.
    for (const a of await streamSaudiNewsNet(dir, cache)) if (a.event) week.push(a.event);
  } else {
    const pipeline = new SeedPipeline();
    for (const f of readdirSync(join(REPO, 'seeds')).filter((f) => f.endsWith('.txt'))) {
      week.push(await pipeline.run({ body: readFileSync(join(REPO, 'seeds', f), 'utf8'), file: f, format: 'txt' } as RawArticleV1));
    }
  }
  const shift = (date: string | null, days: number): string | null => (date === null ? null : new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10));
  const shiftTime = (time: string | null, days: number): string | null => (time === null ? null : new Date(Date.parse(time) + days * DAY_MS).toISOString());
  const nth = (i: number): EventExtractedV1 => {
    const base = week[i % week.length]!;
    const replica = Math.floor(i / week.length);
    if (replica === 0) return base;
    // A month on: the replayed week does not overlap the last one (the dev week's event dates span about two weeks).
    const days = 30 * replica;
    return {
      ...base,
      articleId: `${base.articleId}-${replica}`,
      publishedAt: shiftTime(base.publishedAt, days),
      eventDate: { ...base.eventDate, date: shift(base.eventDate.date, days) },
    };
  };

  // As the service runs it: stories that leave the window live in the store, not in memory, and grown stories are cut.
  const clusterer = new StoryClusterer(AGGREGATOR_CLUSTERER_OPTIONS);
  const dirty = new Set<string>();
  const rates: number[] = [];
  const cpuRates: number[] = [];
  let records = 0;
  let segmentStart = process.hrtime.bigint();
  let cpuStart = process.cpuUsage();
  const now = new Date();
  for (let i = 0; i < total; i++) {
    const outcome = clusterer.add(nth(i));
    dirty.add(outcome.storyId);
    if (outcome.kind !== 'duplicate') for (const part of outcome.split ?? []) dirty.add(part.storyId).add(part.from);
    if ((i + 1) % FLUSH_EVERY === 0) {
      for (const id of dirty) {
        const story = clusterer.get(id);
        if (story) {
          buildStoryRecord(story, now);
          records++;
        }
      }
      dirty.clear();
    }
    if ((i + 1) % SEGMENT === 0) {
      const end = process.hrtime.bigint();
      const cpu = process.cpuUsage(cpuStart);
      rates.push(SEGMENT / (Number(end - segmentStart) / 1e9));
      cpuRates.push(SEGMENT / ((cpu.user + cpu.system) / 1e6));
      segmentStart = end;
      cpuStart = process.cpuUsage();
    }
  }
  const f = (n: number): string => n.toFixed(0);
  const lines = [
    `aggregator: ${total} articles (${week.length} extracted from ${source}, replayed as later weeks), one core`,
    `  window ${clusterer['options'].windowArticles} articles; ${clusterer.size} stories in the window at the end; ${records} story records built (changed stories, per ${FLUSH_EVERY} articles)`,
    '  articles/s per 10,000 (history before the segment → per wall second, per CPU second):',
    ...rates.map((r, k) => `    ${String(k * SEGMENT).padStart(6)} → ${f(r)}, ${f(cpuRates[k]!)}`),
  ];
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  if (rates.length >= 12) {
    // Medians of three segments each: one segment on a shared machine says little.
    const early = median(cpuRates.slice(1, 4));
    const late = median(cpuRates.slice(9, 12));
    lines.push(
      `  per CPU second, median of segments: with 10,000–30,000 of history ${f(early)}/s; with 90,000–110,000 ${f(late)}/s; ratio ${(late / early).toFixed(2)}`,
    );
  }
  lines.push(`  memory: rss ${f(process.memoryUsage().rss / 1024 / 1024)} MiB`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
