import 'reflect-metadata';
import { ClustererOptions } from '@eventwire/clustering';
import type { RawArticleV1 } from '@eventwire/contracts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { arg } from './cli-args';
import { clusterStream, SHIPPED_CLUSTERER, shuffleStream, streamSaudiNewsNet, StreamedArticle } from './dev-week-stream';
import type { GoldFile } from './gold-file';
import { NaiveStoryClusterer } from './naive-story-clusterer';
import { SeedPipeline } from './seed-pipeline';
import { readStoryGold, scoreStories, StoryGold, StoryScore } from './story-gold';

/**
 * npm run eval:stories [-- --gold FILE --articles DIR --cache FILE --shuffle-days N --seed N --orders N]
 *
 * Streams articles in crawl order through the stages (ingest → translate →
 * extract, in process) into the story clusterer and scores its stories
 * against story gold (`../shared/eval/dev/stories/story_gold.dev.json` over
 * the SaudiNewsNet dev week by default; see that folder's README): B-cubed
 * precision, recall and F1 over gold members, macro-F1 over stories, hard
 * negatives joined, and per gold story the pieces it came out in, the
 * largest piece and the non-members joined to it. The naive baseline of the
 * gold's README (TF-IDF cosine to cluster centroids, 3-day window) runs on
 * the same stream beside it. `--articles` takes a folder of SaudiNewsNet
 * day zips (other weeks), or the seeds folder with seeds.gold.json;
 * `--shuffle-days N` shuffles arrival within ±N days (seeded) to measure
 * order stability; `--cache FILE` keeps the extracted records between runs.
 * `--orders N` also clusters N shuffled orders (±1 day, seeds 1..N; the
 * shuffle days and seed above when given) and prints each row, their mean
 * and the largest drift from the first: on one week a single order moves
 * B-cubed F1 by up to 0.05, so a change is judged on the mean.
 */
const REPO = resolve(__dirname, '..', '..');
const DEV = join(REPO, '..', 'shared', 'eval', 'dev');
const goldPath = resolve(arg('gold', join(DEV, 'stories', 'story_gold.dev.json')));
const articlesPath = resolve(arg('articles', join(DEV, 'saudinewsnet')));
const cache = arg('cache', null);
const shuffleDays = Number(arg('shuffle-days', '0'));
const seed = Number(arg('seed', '1'));
const orders = Number(arg('orders', '0'));
const NAIVE_THRESHOLDS = [0.2, 0.15, 0.1];
/** The same without the cut: what it adds, on every run. */
const UNCUT: Partial<ClustererOptions> = { ...SHIPPED_CLUSTERER, splitMinArticles: 0 };

/** Story gold, or seeds.gold.json's one story read as story gold (its file stems as urls). */
function readGold(path: string): StoryGold {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as GoldFile & Partial<StoryGold>;
  if (parsed.story) return { stories: [{ label: parsed.story.label, members: parsed.story.articles }], hardNegatives: [] };
  return readStoryGold(path);
}

/** A folder of article files (seeds) streamed through the stages, keyed by file stem, in order of date. */
async function streamFiles(dir: string): Promise<StreamedArticle[]> {
  const pipeline = new SeedPipeline();
  const out: StreamedArticle[] = [];
  for (const f of readdirSync(dir).filter((f) => /\.(txt|html?)$/.test(f)).sort()) {
    const raw = { body: readFileSync(join(dir, f), 'utf8'), file: f, format: extname(f) === '.txt' ? 'txt' : 'html' } as RawArticleV1;
    try {
      const event = await pipeline.run(raw);
      out.push({ url: basename(f, extname(f)), title: event.title ?? f, body: raw.body, time: event.publishedAt ?? event.ingestedAt, event });
    } catch (error: unknown) {
      out.push({ url: basename(f, extname(f)), title: f, body: raw.body, time: '', event: null, rejected: String(error) });
    }
  }
  return out;
}

const f3 = (x: number): string => x.toFixed(3);

/** The stream through a fresh clusterer, scored against the gold. */
function clusterAndScore(gold: StoryGold, stream: readonly StreamedArticle[], options: Partial<ClustererOptions> = SHIPPED_CLUSTERER): { score: StoryScore; storyCount: number } {
  const { clusterer, clusterOf } = clusterStream(stream, options);
  return { score: scoreStories(gold, clusterOf), storyCount: [...clusterer.stories()].length };
}

function summary(name: string, s: StoryScore, stories: number): string {
  return `| ${name} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${f3(s.macroF1)} | ${s.hardNegativesJoined.length}/${s.hardNegatives} | ${stories} |`;
}

async function main(): Promise<void> {
  if (!existsSync(goldPath)) throw new Error(`no story gold at ${goldPath} (give one with --gold)`);
  const gold = readGold(goldPath);
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const zips = statSync(articlesPath).isDirectory() && readdirSync(articlesPath).some((f) => f.endsWith('.zip'));
  let stream = zips ? await streamSaudiNewsNet(articlesPath, cache, log) : await streamFiles(articlesPath);
  if (shuffleDays > 0) stream = shuffleStream(stream, shuffleDays, seed);

  const started = process.hrtime.bigint();
  const { score, storyCount } = clusterAndScore(gold, stream);
  const clusterMs = Number(process.hrtime.bigint() - started) / 1e6;

  const titleOf = new Map(stream.map((a) => [a.url, a.title]));
  const memberUrls = new Set(gold.stories.flatMap((s) => s.members));
  const rejected = stream.filter((a) => !a.event);
  const lines = [
    `gold: ${goldPath} (${gold.stories.length} stories, ${score.members} members, ${gold.hardNegatives.length} hard negatives)`,
    `articles: ${articlesPath}: ${stream.length} streamed${shuffleDays > 0 ? ` (shuffled within ±${shuffleDays} days, seed ${seed})` : ' in crawl order'}, ` +
      `${rejected.length} dead-lettered by the ingestor (${rejected.filter((a) => memberUrls.has(a.url)).length} of them gold members); ` +
      `clustering ${clusterMs.toFixed(0)} ms (${((stream.length - rejected.length) / (clusterMs / 1000)).toFixed(0)} articles/s)`,
    '',
    '| clusterer | B-cubed P | R | F1 | macro-F1 | hard negatives joined | stories |',
    '|---|---|---|---|---|---|---|',
    summary('eventwire', score, storyCount),
  ];
  if (orders > 0) {
    const scores = [score];
    for (let k = 1; k <= orders; k++) {
      const order = clusterAndScore(gold, shuffleStream(stream, shuffleDays > 0 ? shuffleDays : 1, shuffleDays > 0 ? seed + k : k));
      scores.push(order.score);
      lines.push(summary(`eventwire, shuffled ±${shuffleDays > 0 ? shuffleDays : 1} day, seed ${shuffleDays > 0 ? seed + k : k}`, order.score, order.storyCount));
    }
    const mean = (f: (s: StoryScore) => number): number => scores.reduce((sum, s) => sum + f(s), 0) / scores.length;
    const drift = Math.max(...scores.map((s) => Math.abs(s.f1 - score.f1)));
    lines.push(
      `| eventwire, mean of ${scores.length} orders | ${f3(mean((s) => s.precision))} | ${f3(mean((s) => s.recall))} | ${f3(mean((s) => s.f1))} | ${f3(mean((s) => s.macroF1))} | ` +
        `${mean((s) => s.hardNegativesJoined.length).toFixed(1)}/${score.hardNegatives} | largest F1 drift from the first order ${f3(drift)} |`,
    );
  }
  const uncut = clusterAndScore(gold, stream, UNCUT);
  lines.push(summary('eventwire without cutting grown stories (splitMinArticles 0)', uncut.score, uncut.storyCount));
  for (const threshold of NAIVE_THRESHOLDS) {
    const naive = new NaiveStoryClusterer(threshold);
    for (const a of stream) if (a.event) naive.add(a.url, `${a.title}\n${a.body}`, Date.parse(a.time));
    const assignments = naive.assignments();
    lines.push(summary(`naive TF-IDF ≥ ${threshold}`, scoreStories(gold, assignments), new Set(assignments.values()).size));
  }

  lines.push('', '| gold story | members | P | R | F1 | pieces | largest piece | non-members joined |', '|---|---|---|---|---|---|---|---|');
  for (const s of score.perStory) {
    lines.push(`| ${s.label.slice(0, 70)}… | ${s.members} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${s.pieces} | ${s.largestPiece} | ${s.joined.length} |`);
  }
  for (const s of score.perStory.filter((x) => x.joined.length > 0)) {
    lines.push('', `non-members in the pieces of "${s.label.slice(0, 60)}…" (${s.joined.length}, first 5):`);
    for (const u of s.joined.slice(0, 5)) lines.push(`  - ${titleOf.get(u) ?? u}`);
  }
  if (score.hardNegativesJoined.length > 0) {
    lines.push('', 'hard negatives joined:');
    for (const h of score.hardNegativesJoined) lines.push(`  - ${h.title ?? h.url} → ${h.nearStory.slice(0, 50)}… (${h.why ?? ''})`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`eval failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
