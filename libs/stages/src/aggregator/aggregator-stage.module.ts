import { Module } from '@nestjs/common';
import { AggregateService } from './aggregate.service';
import { EventExtractedConsumer } from './event-extracted.consumer';

/** Stateful: one instance per partition set; stories are kept and published keyed by storyId. */
@Module({ controllers: [EventExtractedConsumer], providers: [AggregateService] })
export class AggregatorStageModule {}
