import type { GlossaryHit } from '@eventwire/contracts';

export interface SourceSegment {
  text: string;
  language: string | null;
}

export interface EngineResult {
  engine: string;
  engineVersion: string;
  /** Per input segment: the rendering in the target language, or null when the engine has none. */
  segments: (string | null)[];
  glossary: GlossaryHit[];
  /** Set when the configured engine failed and another (the stub) answered instead. */
  fallback?: { from: string; reason: string };
}

/** The seam every translation engine plugs into; routing by language happens outside it. */
export interface TranslationEngine {
  readonly name: string;
  readonly version: string;
  translate(segments: SourceSegment[], from: string | null, to: string): Promise<EngineResult>;
}

/** Finds known terms in a text and gives their target-language form (the KB's entity names, a glossary). */
export interface TermMatcher {
  match(text: string): Array<{ start: number; end: number; text: string; target: string; kind: string }>;
}
