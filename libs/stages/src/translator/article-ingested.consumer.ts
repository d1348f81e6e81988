import { ArticleIngestedV1, TOPICS } from '@eventwire/contracts';
import { StageOutput } from '@eventwire/kafka';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { TranslateService } from './translate.service';

@Controller()
export class ArticleIngestedConsumer {
  constructor(private readonly translate: TranslateService) {}

  @EventPattern(TOPICS.articlesIngested)
  async handle(@Payload() article: ArticleIngestedV1): Promise<StageOutput<typeof TOPICS.articlesTranslated>[]> {
    return [await this.translate.translate(article)];
  }
}
