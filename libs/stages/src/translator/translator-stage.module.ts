import { KnowledgeBase } from '@eventwire/kb';
import { ArticleTranslator, KbTermMatcher, StubTranslationEngine } from '@eventwire/translation';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { StageErrorFilter } from '../runtime/stage-error.filter';
import { ArticleIngestedConsumer } from './article-ingested.consumer';
import { ARTICLE_TRANSLATOR, TranslateService } from './translate.service';

export interface TranslatorStageOptions {
  /** Language every article is rendered into (ISO 639-1). */
  target: string;
}

/** Renders each article into the target language with the configured engine (the honest stub by default). */
@Module({})
export class TranslatorStageModule {
  static register(options: TranslatorStageOptions): DynamicModule {
    return {
      module: TranslatorStageModule,
      controllers: [ArticleIngestedConsumer],
      providers: [
        { provide: APP_FILTER, useClass: StageErrorFilter },
        TranslateService,
        {
          provide: ARTICLE_TRANSLATOR,
          useFactory: () => new ArticleTranslator(new StubTranslationEngine(new KbTermMatcher(KnowledgeBase.bundled())), options.target),
        },
      ],
    };
  }
}
