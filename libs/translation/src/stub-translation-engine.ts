import type { GlossaryHit } from '@eventwire/contracts';
import type { EngineResult, SourceSegment, TermMatcher, TranslationEngine } from './translation-engine';

/**
 * The default engine where no MT service runs. It never invents text: a
 * segment already in the target language passes through; any other segment
 * gets `null` and its known terms (entity names, glossary) as hits with their
 * spans. Its name is "stub" so no consumer mistakes its output for a translation.
 */
export class StubTranslationEngine implements TranslationEngine {
  readonly name = 'stub';
  readonly version = '1';

  constructor(private readonly terms: TermMatcher) {}

  async translate(segments: SourceSegment[], _from: string | null, to: string): Promise<EngineResult> {
    const out: (string | null)[] = [];
    const glossary: GlossaryHit[] = [];
    for (const [index, segment] of segments.entries()) {
      if (segment.language === to) {
        out.push(segment.text);
      } else {
        out.push(null);
        for (const hit of this.terms.match(segment.text)) {
          glossary.push({ segment: index, source: hit.text, target: hit.target, start: hit.start, end: hit.end, kind: hit.kind });
        }
      }
    }
    return { engine: this.name, engineVersion: this.version, segments: out, glossary };
  }
}

/**
 * An English gist of a title from the stub's glossary hits: the named things
 * in the order the title names them, marked as a gist. Null when nothing is known.
 */
export function stubTitleGist(hits: Array<{ target: string }>): string | null {
  const names = [...new Set(hits.map((h) => h.target))];
  return names.length === 0 ? null : `[gist] ${names.join(' · ')}`;
}
