import { Module } from '@nestjs/common';
import { ArticleTranslatedConsumer } from './article-translated.consumer';
import { ExtractService } from './extract.service';

/** Entities, dates, quantities and quotes of each article; scale it out by running more instances. */
@Module({ controllers: [ArticleTranslatedConsumer], providers: [ExtractService] })
export class ExtractorStageModule {}
