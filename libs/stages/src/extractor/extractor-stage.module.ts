import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { StageErrorFilter } from '../runtime/stage-error.filter';
import { ArticleTranslatedConsumer } from './article-translated.consumer';
import { ExtractService } from './extract.service';

/** Entities, dates, quantities and quotes of each article; scale it out by running more instances. */
@Module({ controllers: [ArticleTranslatedConsumer], providers: [{ provide: APP_FILTER, useClass: StageErrorFilter }, ExtractService] })
export class ExtractorStageModule {}
