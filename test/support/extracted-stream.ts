import { EventExtractedV1 } from '@eventwire/contracts';
import { EventExtractor } from '@eventwire/extraction';
import { ArticleIngester } from '@eventwire/ingestion';
import { KnowledgeBase } from '@eventwire/kb';
import { ArticleTranslator, KbTermMatcher, StubTranslationEngine } from '@eventwire/translation';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SEEDS = join(__dirname, '..', '..', 'seeds');

/**
 * The seed articles through the real stages, once, then copied under other
 * outlets and years: `years` stories of five articles each, for the
 * aggregator's tests (the same text a year apart is not the same story).
 */
export async function seedEventStream(years: number): Promise<EventExtractedV1[]> {
  const kb = KnowledgeBase.bundled();
  const ingester = new ArticleIngester({ maxBodyBytes: 8 * 1024 * 1024 });
  const translator = new ArticleTranslator(new StubTranslationEngine(new KbTermMatcher(kb)), 'en');
  const extractor = new EventExtractor(kb);
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  const seeds: Array<{ file: string; event: EventExtractedV1 }> = [];
  for (const file of files) {
    const ingested = ingester.ingest({ body: readFileSync(join(SEEDS, file), 'utf8'), file, outlet: `outlet-${file.slice(0, 3)}`, format: 'txt' });
    seeds.push({ file, event: extractor.extract(await translator.translate(ingested)) });
  }
  const out: EventExtractedV1[] = [];
  for (let copy = 0; copy < years; copy++) {
    const year = 2000 + copy;
    const shift = (d: string | null): string | null => (d === null ? null : `${year}${d.slice(4)}`);
    for (const { file, event } of seeds) {
      out.push({
        ...event,
        articleId: `${event.articleId.slice(0, 56)}${copy.toString(16).padStart(8, '0')}`,
        publishedAt: `${year}-01-11T08:0${file.slice(2, 3)}:00.000Z`,
        eventDate: { ...event.eventDate, date: shift(event.eventDate.date) },
      });
    }
  }
  return out;
}
