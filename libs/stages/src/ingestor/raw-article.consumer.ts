import { RawArticleV1, TOPICS } from '@eventwire/contracts';
import { StageOutput } from '@eventwire/kafka';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { IngestService } from './ingest.service';

@Controller()
export class RawArticleConsumer {
  constructor(private readonly ingest: IngestService) {}

  @EventPattern(TOPICS.articlesRaw)
  handle(@Payload() raw: RawArticleV1): StageOutput<typeof TOPICS.articlesIngested>[] {
    return [this.ingest.ingest(raw)];
  }
}
