import { ArticleIngestedV1, RawArticleV1, TOPICS } from '@eventwire/contracts';
import { ArticleIngester, ArticleRejectedError } from '@eventwire/ingestion';
import { NonRetriableError, StageOutput } from '@eventwire/kafka';
import { Inject, Injectable } from '@nestjs/common';
import { INGEST_OPTIONS, IngestStageOptions } from './ingest-stage.options';

/** The article cannot enter the pipeline (only page chrome, too large): its code says which. */
export class ArticleRejectedStageError extends NonRetriableError {}

@Injectable()
export class IngestService {
  private readonly ingester: ArticleIngester;

  constructor(@Inject(INGEST_OPTIONS) options: IngestStageOptions) {
    this.ingester = new ArticleIngester({ maxBodyBytes: options.maxBodyBytes });
  }

  /** The ingested record for one raw article, ready for `articles.ingested.v1`. */
  ingest(raw: RawArticleV1): StageOutput & { value: ArticleIngestedV1 } {
    try {
      const article = this.ingester.ingest(raw);
      return { topic: TOPICS.articlesIngested, key: article.articleId, value: article };
    } catch (error) {
      if (error instanceof ArticleRejectedError) throw new ArticleRejectedStageError(error.code, error.message, { cause: error });
      throw error;
    }
  }
}
