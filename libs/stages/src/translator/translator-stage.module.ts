import { KnowledgeBase } from '@eventwire/kb';
import {
  ArticleTranslator,
  CombinedTermMatcher,
  GlossaryTermMatcher,
  HttpTranslationEngine,
  KbTermMatcher,
  RoutingTranslationEngine,
  StubTranslationEngine,
  TranslationEngine,
} from '@eventwire/translation';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { StageErrorFilter } from '../runtime/stage-error.filter';
import { ArticleIngestedConsumer } from './article-ingested.consumer';
import { ARTICLE_TRANSLATOR, TranslateService } from './translate.service';

export interface TranslatorStageOptions {
  /** Language every article is rendered into (ISO 639-1). */
  target: string;
  /** A LibreTranslate-compatible service; without it every article goes to the stub. */
  http?: { url: string; apiKey?: string; timeoutMs?: number; languages: string[] };
}

/** The stub for everything, or the HTTP engine for the configured source languages with the stub as its fallback. */
export function translationEngine(options: TranslatorStageOptions): TranslationEngine {
  // Names from the knowledge base first, then the news-term glossary where no name stands.
  const stub = new StubTranslationEngine(new CombinedTermMatcher([new KbTermMatcher(KnowledgeBase.bundled()), new GlossaryTermMatcher()]));
  if (!options.http) return stub;
  const http = new HttpTranslationEngine({ url: options.http.url, apiKey: options.http.apiKey, timeoutMs: options.http.timeoutMs }, stub);
  return new RoutingTranslationEngine(new Map(options.http.languages.map((l) => [l, http])), stub);
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
          useFactory: () => new ArticleTranslator(translationEngine(options), options.target),
        },
      ],
    };
  }
}
