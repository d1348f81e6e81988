import type { EventExtractedV1, RawArticleV1 } from '@eventwire/contracts';
import { EventExtractor } from '@eventwire/extraction';
import { ArticleIngester } from '@eventwire/ingestion';
import { KnowledgeBase } from '@eventwire/kb';
import { ArticleTranslator, KbTermMatcher, StubTranslationEngine } from '@eventwire/translation';

/**
 * The per-article stages as plain function calls (no transport): what the
 * pipeline extracts from one article, for scoring and benchmarks.
 */
export class SeedPipeline {
  private readonly ingester = new ArticleIngester({ maxBodyBytes: 8 * 1024 * 1024 });
  private readonly kb = KnowledgeBase.bundled();
  private readonly translator = new ArticleTranslator(new StubTranslationEngine(new KbTermMatcher(this.kb)), 'en');
  private readonly extractor = new EventExtractor(this.kb);

  async run(raw: RawArticleV1): Promise<EventExtractedV1> {
    const ingested = this.ingester.ingest(raw);
    const translated = await this.translator.translate(ingested);
    return this.extractor.extract(translated);
  }
}
