import { EventExtractedV1, TOPICS } from '@eventwire/contracts';
import { CHUNK_COMPLETE, StageOutput } from '@eventwire/kafka';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { AggregateService } from './aggregate.service';

@Controller()
export class EventExtractedConsumer {
  constructor(private readonly aggregate: AggregateService) {}

  @EventPattern(TOPICS.eventsExtracted)
  handle(@Payload() event: EventExtractedV1): Promise<StageOutput[]> {
    return this.aggregate.aggregate(event);
  }

  /** The chunk's changes go to the store in one transaction, before its story records are sent. */
  @EventPattern(CHUNK_COMPLETE)
  commit(): Promise<void> {
    return this.aggregate.commitChunk();
  }
}
