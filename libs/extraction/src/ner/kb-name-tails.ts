import { KbEntityType, KnowledgeBase } from '@eventwire/kb';
import { stemCandidates } from '@eventwire/text';
import { foldWord } from './fold-word';

/** Fewest words of a shortened name worth linking: one word alone is too often a common word. */
const MIN_TAIL_WORDS = 2;

/**
 * Shortened knowledge-base names: the last words of a long Arabic alias
 * ("معاهدة الأمن الجماعي" of "منظمة معاهدة الأمن الجماعي"), which news often
 * writes without the head noun and which the gazetteer, matching whole
 * aliases, does not find. A tail shared by two entities names neither.
 */
export class KbNameTails {
  private readonly tails = new Map<string, { id: string; type: KbEntityType } | null>();

  constructor(kb: KnowledgeBase) {
    for (const entity of kb.entities) {
      for (const alias of entity.aliases) {
        const words = foldWord(alias).split(' ').filter(Boolean);
        if (words.length <= MIN_TAIL_WORDS || !/^[\u0621-\u064A]/.test(words[0])) continue;
        for (let from = 1; words.length - from >= MIN_TAIL_WORDS; from++) {
          const tail = words.slice(from).join(' ');
          const known = this.tails.get(tail);
          if (known === undefined) this.tails.set(tail, { id: entity.id, type: entity.type });
          else if (known && known.id !== entity.id) this.tails.set(tail, null);
        }
      }
    }
  }

  /** The entity a written name is the tail of, if one of `types`; the first word may carry proclitics ("لمعاهدة"). */
  find(name: string, types: readonly KbEntityType[]): string | undefined {
    const words = foldWord(name).split(/\s+/).filter(Boolean);
    if (words.length < MIN_TAIL_WORDS) return undefined;
    const rest = words.slice(1).join(' ');
    for (const first of stemCandidates(words[0])) {
      const hit = this.tails.get(`${first} ${rest}`);
      if (hit && types.includes(hit.type)) return hit.id;
    }
    return undefined;
  }
}
