import { EventExtractedV1, TOPICS } from '@eventwire/contracts';
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { AggregateService } from './aggregate.service';
import { CHUNK_COMPLETE } from '../transport/stage-server';

@Controller()
export class EventExtractedConsumer {
  constructor(private readonly aggregate: AggregateService) {}

  @EventPattern(TOPICS.eventsExtracted)
  /** Takes the article into the open chunk: the chunk's stories are stored and published when it is complete. */
  handle(@Payload() event: EventExtractedV1): Promise<void> {
    return this.aggregate.aggregate(event);
  }

  /** The chunk's changes go to the store in one transaction, before its story records are sent. */
  @EventPattern(CHUNK_COMPLETE)
  commit(): Promise<void> {
    return this.aggregate.commitChunk();
  }
}
