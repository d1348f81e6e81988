import { EventExtractedV1 } from '@eventwire/contracts';
import { EventExtractor } from '@eventwire/extraction';
import { ArticleIngester } from '@eventwire/ingestion';
import { KnowledgeBase } from '@eventwire/kb';
import { ArticleTranslator, KbTermMatcher, StubTranslationEngine } from '@eventwire/translation';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SEEDS = join(__dirname, '..', '..', 'seeds');

/** The seed articles through the real ingest, translate and extract steps, once. */
export async function extractedSeeds(): Promise<EventExtractedV1[]> {
  const kb = KnowledgeBase.bundled();
  const ingester = new ArticleIngester({ maxBodyBytes: 8 * 1024 * 1024 });
  const translator = new ArticleTranslator(new StubTranslationEngine(new KbTermMatcher(kb)), 'en');
  const extractor = new EventExtractor(kb);
  const out: EventExtractedV1[] = [];
  for (const file of readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort()) {
    const ingested = ingester.ingest({ body: readFileSync(join(SEEDS, file), 'utf8'), file, outlet: `outlet-${file.slice(0, 3)}`, format: 'txt' });
    out.push(extractor.extract(await translator.translate(ingested)));
  }
  return out;
}

/**
 * Copy `n` of the seed articles: new article ids, published in one of
 * `stories` years, so copies of a year join one story and every copy makes
 * that story's record larger.
 */
export function seedCopy(seeds: EventExtractedV1[], n: number, stories: number): EventExtractedV1[] {
  const year = 2000 + (n % stories);
  return seeds.map((event, i) => ({
    ...event,
    articleId: `${event.articleId.slice(0, 40)}${n.toString(16).padStart(8, '0')}`,
    source: { ...event.source, outlet: `${event.source.outlet ?? 'outlet'}-${n}` },
    publishedAt: `${year}-01-11T08:0${i}:00.000Z`,
    eventDate: { ...event.eventDate, date: event.eventDate.date === null ? null : `${year}${event.eventDate.date.slice(4)}` },
  }));
}
