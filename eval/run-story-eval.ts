import 'reflect-metadata';
import { buildStoryRecord, clusterScores, Prf, StoryClusterer } from '@eventwire/clustering';
import type { EventExtractedV1, RawArticleV1, StoryEnrichedV1 } from '@eventwire/contracts';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { GoldFile } from './gold-file';
import { crawlTime, readSaudiNewsNet } from './saudinewsnet-reader';
import { SeedPipeline } from './seed-pipeline';
import { arg } from './cli-args';

/**
 * npm run eval:stories [-- --articles DIR|FILE.jsonl --gold FILE --mix DIR]
 *
 * Streams articles through ingest → translate → extract → the story
 * clusterer, in order of date, and scores the stories against gold that
 * maps articles to story labels: pairwise and B-cubed precision, recall and
 * F1. Articles are a folder of files (the key is the file name without its
 * extension) or a JSON-lines file of {id|url, title, body|content,
 * outlet|source, publishedAt|date}. Gold is seeds.gold.json's shape
 * ({story: {label, articles}}), {stories: {label: [keys]}} or {labels:
 * {key: label}}. With --mix, the SaudiNewsNet dev days are streamed in too
 * (unlabelled): the report says how many stories the stream forms, their
 * sizes, the ten largest, and whether any mixed-in article joined a gold story.
 */
const REPO = resolve(__dirname, '..', '..');
const articlesPath = resolve(arg('articles', join(REPO, 'seeds')));
const goldPath = resolve(arg('gold', join(REPO, '..', 'shared', 'eval', 'seeds.gold.json')));
const mixArg = arg('mix', null);
const mixDir = mixArg === null ? null : resolve(mixArg);

interface Input {
  key: string;
  raw: RawArticleV1;
  /** For ordering the stream: the article's date when known, else the end. */
  order: string;
  gold: boolean;
}

function readArticles(path: string): Input[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((f) => /\.(txt|html?|json)$/.test(f))
      .sort()
      .map((f) => {
        const body = readFileSync(join(path, f), 'utf8');
        const format = extname(f) === '.txt' ? 'txt' : extname(f) === '.json' ? 'json' : 'html';
        const raw = (format === 'json' ? { ...(JSON.parse(body) as RawArticleV1), file: f } : { body, file: f, format }) as RawArticleV1;
        return { key: basename(f, extname(f)), raw, order: raw.publishedAt ?? '9999', gold: true };
      });
  }
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, n) => {
      const r = JSON.parse(line) as Record<string, string | undefined>;
      const key = r.id ?? r.url ?? String(n);
      const publishedAt = r.publishedAt ?? r.date;
      const raw = {
        body: r.body ?? r.content ?? '',
        format: 'txt',
        ...(r.title ? { title: r.title } : {}),
        ...(r.url ? { url: r.url } : {}),
        ...((r.outlet ?? r.source) ? { outlet: r.outlet ?? r.source } : {}),
        ...(publishedAt ? { publishedAt: new Date(publishedAt).toISOString() } : {}),
      } as RawArticleV1;
      return { key, raw, order: raw.publishedAt ?? '9999', gold: true };
    });
}

function readGold(path: string): Map<string, string> {
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as GoldFile & { stories?: Record<string, string[]>; labels?: Record<string, string> };
  const labels = new Map<string, string>();
  if (parsed.story) for (const key of parsed.story.articles) labels.set(key, parsed.story.label);
  for (const [label, keys] of Object.entries(parsed.stories ?? {})) for (const key of keys) labels.set(key, label);
  for (const [key, label] of Object.entries(parsed.labels ?? {})) labels.set(key, label);
  // Articles the gold describes one by one but puts in no story are each their own story.
  for (const key of Object.keys(parsed.articles ?? {})) if (!labels.has(key)) labels.set(key, `single:${key}`);
  return labels;
}

const pct = (x: number): string => x.toFixed(3);
const row = (name: string, s: Prf): string => `| ${name} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`;

async function main(): Promise<void> {
  if (!existsSync(goldPath)) throw new Error(`no gold at ${goldPath} (give one with --gold)`);
  const gold = readGold(goldPath);
  const inputs = readArticles(articlesPath);
  if (mixDir) {
    for (const a of readSaudiNewsNet(mixDir)) {
      const publishedAt = crawlTime(a);
      inputs.push({
        key: a.url,
        raw: { body: a.content, title: a.title, url: a.url, outlet: a.source, publishedAt, format: 'txt' } as RawArticleV1,
        order: publishedAt,
        gold: false,
      });
    }
  }
  inputs.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));

  const pipeline = new SeedPipeline();
  const clusterer = new StoryClusterer();
  const keyOf = new Map<string, string>();
  let rejected = 0;
  let clusterMs = 0;
  for (const input of inputs) {
    let event: EventExtractedV1;
    try {
      event = await pipeline.run(input.raw);
    } catch {
      rejected++; // The ingester's dead letters: empty or chrome-only bodies.
      continue;
    }
    keyOf.set(event.articleId, input.key);
    const start = process.hrtime.bigint();
    clusterer.add(event);
    clusterMs += Number(process.hrtime.bigint() - start) / 1e6;
  }

  const predicted = new Map<string, string>();
  for (const [articleId, key] of keyOf) predicted.set(key, clusterer.storyOf(articleId)!);
  const scores = clusterScores(predicted, gold);
  const stories = [...clusterer.stories()];
  const lines = [
    `gold: ${goldPath} (${gold.size} labelled articles, ${new Set(gold.values()).size} stories); articles: ${articlesPath}${mixDir ? ` + ${mixDir}` : ''}`,
    `${inputs.length} articles streamed, ${rejected} rejected by the ingester, ${stories.length} stories; clustering ${clusterMs.toFixed(0)} ms in all`,
    '',
    `| measure (${scores.items} labelled articles) | P | R | F1 |`,
    '|---|---|---|---|',
    row('pairwise', scores.pairwise),
    row('B-cubed', scores.bcubed),
  ];

  // Each gold story: which predicted stories hold it, and whether unlabelled articles joined them.
  const goldKeys = new Set(gold.keys());
  const labels = [...new Set(gold.values())].filter((l) => !l.startsWith('single:'));
  for (const label of labels) {
    const members = [...gold].filter(([, l]) => l === label).map(([k]) => k);
    const storyIds = [...new Set(members.map((k) => predicted.get(k)).filter((s): s is string => s !== undefined))];
    lines.push('', `gold story "${label}": ${members.length} articles in ${storyIds.length} predicted ${storyIds.length === 1 ? 'story' : 'stories'}`);
    for (const storyId of storyIds) {
      const story = clusterer.get(storyId)!;
      const record: StoryEnrichedV1 = buildStoryRecord(story, new Date());
      const intruders = story.articles.filter((a) => !goldKeys.has(keyOf.get(a.articleId) ?? ''));
      lines.push(
        `  ${storyId}: ${record.numArticles} articles, ${record.numSources} sources, dateRange ${record.dateRange.start}..${record.dateRange.end}, ` +
          `${intruders.length} articles from outside the gold${intruders.length ? ` (${intruders.map((a) => a.title ?? a.articleId).slice(0, 3).join(' | ')})` : ''}`,
      );
      for (const e of record.events ?? []) {
        lines.push(`    event ${e.date ?? 'undated'} ${e.type ?? '-'}: ${e.source.map((a) => a.name).join(', ') || '-'} → ${e.target.map((a) => a.name).join(', ') || '-'} at ${e.location?.name ?? '-'} (${e.articleIds.length} articles)`);
      }
      for (const q of record.quantities) {
        lines.push(`    ${q.category}: ${q.claims.map((c) => `${c.approximate ? '~' : ''}${c.value} [${c.articleIds.length} art.]`).join(', ')}${q.conflict ? ' CONFLICT' : ''}`);
      }
    }
  }

  if (mixDir) {
    const sizes = stories.map((s) => s.articles.length).sort((a, b) => b - a);
    const bucket = (lo: number, hi: number): number => sizes.filter((n) => n >= lo && n <= hi).length;
    lines.push(
      '',
      `story sizes: 1: ${bucket(1, 1)}, 2: ${bucket(2, 2)}, 3-5: ${bucket(3, 5)}, 6-10: ${bucket(6, 10)}, 11-50: ${bucket(11, 50)}, >50: ${bucket(51, Infinity)}; largest ${sizes.slice(0, 10).join(', ')}`,
      '',
      'the ten largest stories:',
    );
    for (const story of [...stories].sort((a, b) => b.articles.length - a.articles.length || (a.storyId < b.storyId ? -1 : 1)).slice(0, 10)) {
      const record = buildStoryRecord(story, new Date());
      lines.push(`  ${record.numArticles} articles, ${record.numSources} sources, ${record.dateRange.start}..${record.dateRange.end}: ${record.title}`);
      for (const a of record.articles.slice(0, 4)) lines.push(`      - ${a.source.outlet ?? '?'}: ${a.title}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`eval failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
