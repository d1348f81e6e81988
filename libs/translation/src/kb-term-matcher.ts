import { GazetteerMatcher, KnowledgeBase, MinistryRecognizer } from '@eventwire/kb';
import type { TermMatcher } from './translation-engine';

type Hit = ReturnType<TermMatcher['match']>[number];

/**
 * The knowledge base as the stub engine's glossary: every known name rendered
 * by its English canonical name, and ministries named by pattern from the
 * KB's countries ("الخارجية الروسية" → "Ministry of Foreign Affairs of
 * Russia"), which win over the country inside them.
 */
export class KbTermMatcher implements TermMatcher {
  private readonly matcher: GazetteerMatcher;
  private readonly ministries: MinistryRecognizer;

  constructor(private readonly kb: KnowledgeBase) {
    this.matcher = new GazetteerMatcher(kb);
    this.ministries = new MinistryRecognizer(kb);
  }

  match(text: string): Hit[] {
    const matches = this.matcher.match(text);
    const out: Hit[] = [];
    for (const ministry of this.ministries.recognize([{ text, start: 0, matches }])) {
      for (const m of ministry.mentions) out.push({ start: m.start, end: m.end, text: m.text, target: ministry.name, kind: 'organization' });
    }
    for (const m of matches) {
      const entity = this.kb.get(m.entityId);
      if (entity && !out.some((h) => h.start < m.end && m.start < h.end)) out.push({ start: m.start, end: m.end, text: m.text, target: entity.name, kind: entity.type });
    }
    return out.sort((a, b) => a.start - b.start);
  }
}
