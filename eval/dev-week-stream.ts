import { AGGREGATOR_CLUSTERER_OPTIONS, ClustererOptions, StoryClusterer } from '@eventwire/clustering';
import type { EventExtractedV1, RawArticleV1 } from '@eventwire/contracts';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { crawlTime, readSaudiNewsNet } from './saudinewsnet-reader';
import { SeedPipeline } from './seed-pipeline';
import { seededRandom } from './seeded-random';

/** One article of a stream: its url, and what the extractor made of it or why the ingestor refused it. */
export interface StreamedArticle {
  url: string;
  title: string;
  /** The text as it came in (for baselines that read words, not records). */
  body: string;
  /** Crawl time, ISO 8601: the order of the stream. */
  time: string;
  event: EventExtractedV1 | null;
  rejected?: string;
}

/**
 * The SaudiNewsNet days in `dir` as the story gold's README feeds them:
 * crawl order, `{title, body: content (or the title when it is empty), url,
 * outlet: source, publishedAt: crawl time}`, each article through ingest →
 * translate → extract in process. With `cache`, the extracted records are
 * read from that NDJSON file when it exists (and written to it when not),
 * so clustering experiments need not extract the week again; a cache is
 * only valid for the code that wrote it.
 */
export async function streamSaudiNewsNet(dir: string, cache: string | null = null, log: (line: string) => void = () => {}): Promise<StreamedArticle[]> {
  if (cache && existsSync(cache)) {
    return readFileSync(cache, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as StreamedArticle);
  }
  const articles = readSaudiNewsNet(dir)
    .map((a) => ({ a, time: crawlTime(a) }))
    .sort((x, y) => (x.time < y.time ? -1 : x.time > y.time ? 1 : 0));
  const pipeline = new SeedPipeline();
  const out: StreamedArticle[] = [];
  for (const { a, time } of articles) {
    const raw = { body: a.content || a.title, title: a.title, url: a.url, outlet: a.source, publishedAt: time, format: 'txt' } as RawArticleV1;
    try {
      out.push({ url: a.url, title: a.title, body: raw.body, time, event: await pipeline.run(raw) });
    } catch (error: unknown) {
      out.push({ url: a.url, title: a.title, body: raw.body, time, event: null, rejected: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    }
    if (out.length % 2000 === 0) log(`extracted ${out.length}/${articles.length}`);
  }
  if (cache) writeFileSync(cache, out.map((r) => JSON.stringify(r)).join('\n'));
  return out;
}

/**
 * The stream in another arrival order: each article's time moves by a
 * seeded offset within ±`days`, then the stream is sorted again
 * (deterministic: the same seed gives the same order on every machine).
 */
export function shuffleStream(stream: readonly StreamedArticle[], days: number, seed: number): StreamedArticle[] {
  const random = seededRandom(seed);
  return stream
    .map((a) => ({ a, t: Date.parse(a.time) + (random() * 2 - 1) * days * 86_400_000 }))
    .sort((x, y) => x.t - y.t)
    .map((x) => x.a);
}

/** The clusterer as the aggregator runs it (grown stories cut), keeping retired stories so that every article can be scored. */
export const SHIPPED_CLUSTERER: Partial<ClustererOptions> = { ...AGGREGATOR_CLUSTERER_OPTIONS, keepRetired: true };

/** The stream through a fresh clusterer: the clusterer, and the story of each article by url. */
export function clusterStream(stream: readonly StreamedArticle[], options: Partial<ClustererOptions> = SHIPPED_CLUSTERER): { clusterer: StoryClusterer; clusterOf: Map<string, string> } {
  const clusterer = new StoryClusterer(options);
  for (const a of stream) if (a.event) clusterer.add(a.event);
  const clusterOf = new Map<string, string>();
  for (const a of stream) if (a.event) clusterOf.set(a.url, clusterer.storyOf(a.event.articleId)!);
  return { clusterer, clusterOf };
}
