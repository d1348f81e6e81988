import { ArticleTranslatedV1, TOPICS } from '@eventwire/contracts';
import { EventExtractor } from '@eventwire/extraction';
import { KnowledgeBase } from '@eventwire/kb';
import { StageOutput } from '@eventwire/kafka';
import { Injectable } from '@nestjs/common';

/** Stateless: any instance of the extractor can take any partition. */
@Injectable()
export class ExtractService {
  private readonly extractor = new EventExtractor(KnowledgeBase.bundled());

  extract(article: ArticleTranslatedV1): StageOutput<typeof TOPICS.eventsExtracted> {
    return { topic: TOPICS.eventsExtracted, key: article.articleId, value: this.extractor.extract(article) };
  }
}
