import type { EngineResult, SourceSegment, TranslationEngine } from './translation-engine';

/**
 * Chooses the engine by the article's source language: `routes` maps a
 * language to an engine (Arabic to the MT service, say), every other
 * language goes to `fallback` (the stub). The chosen engine's own name is
 * in the result, so records say which engine rendered them.
 */
export class RoutingTranslationEngine implements TranslationEngine {
  readonly name = 'router';
  readonly version = '1';

  constructor(
    private readonly routes: ReadonlyMap<string, TranslationEngine>,
    private readonly fallback: TranslationEngine,
  ) {}

  translate(segments: SourceSegment[], from: string | null, to: string): Promise<EngineResult> {
    const engine = (from !== null && this.routes.get(from)) || this.fallback;
    return engine.translate(segments, from, to);
  }
}
