import { GazetteerMatcher, KnowledgeBase } from '@eventwire/kb';
import type { TermMatcher } from './translation-engine';

/** The knowledge base as the stub engine's glossary: every known name rendered by its English canonical name. */
export class KbTermMatcher implements TermMatcher {
  private readonly matcher: GazetteerMatcher;

  constructor(private readonly kb: KnowledgeBase) {
    this.matcher = new GazetteerMatcher(kb);
  }

  match(text: string): Array<{ start: number; end: number; text: string; target: string; kind: string }> {
    const out: Array<{ start: number; end: number; text: string; target: string; kind: string }> = [];
    for (const m of this.matcher.match(text)) {
      const entity = this.kb.get(m.entityId);
      if (entity) out.push({ start: m.start, end: m.end, text: m.text, target: entity.name, kind: entity.type });
    }
    return out;
  }
}
