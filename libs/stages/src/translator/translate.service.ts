import { ArticleIngestedV1, TOPICS } from '@eventwire/contracts';
import { StageOutput } from '@eventwire/kafka';
import { ArticleTranslator } from '@eventwire/translation';
import { Inject, Injectable } from '@nestjs/common';

export const ARTICLE_TRANSLATOR = Symbol('ARTICLE_TRANSLATOR');

@Injectable()
export class TranslateService {
  constructor(@Inject(ARTICLE_TRANSLATOR) private readonly translator: ArticleTranslator) {}

  async translate(article: ArticleIngestedV1): Promise<StageOutput<typeof TOPICS.articlesTranslated>> {
    const translated = await this.translator.translate(article);
    return { topic: TOPICS.articlesTranslated, key: article.articleId, value: translated };
  }
}
