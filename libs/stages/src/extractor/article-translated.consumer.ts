import { ArticleTranslatedV1, TOPICS } from '@eventwire/contracts';
import { StageOutput } from '@eventwire/kafka';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ExtractService } from './extract.service';

@Controller()
export class ArticleTranslatedConsumer {
  constructor(private readonly extract: ExtractService) {}

  @EventPattern(TOPICS.articlesTranslated)
  handle(@Payload() article: ArticleTranslatedV1): StageOutput<typeof TOPICS.eventsExtracted>[] {
    return [this.extract.extract(article)];
  }
}
