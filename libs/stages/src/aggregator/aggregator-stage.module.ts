import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { StageErrorFilter } from '../runtime/stage-error.filter';
import { AggregateService } from './aggregate.service';
import { EventExtractedConsumer } from './event-extracted.consumer';

/** Stateful: one instance per partition set; stories are kept and published keyed by storyId. */
@Module({ controllers: [EventExtractedConsumer], providers: [{ provide: APP_FILTER, useClass: StageErrorFilter }, AggregateService] })
export class AggregatorStageModule {}
