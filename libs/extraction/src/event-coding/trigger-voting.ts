import type { ExtractedEntity, PloverEventType } from '@eventwire/contracts';
import { finiteVerb, insideName, mayStart, negated, Sentence } from './coding-sentences';
import { EventLexicons, LEXICON_BIT, TriggerValue } from './event-lexicons';
import { PhraseMatch } from './phrase-lexicon';

/** A sentence's vote: its main trigger and the type it codes, weighted by where the sentence stands. */
export interface Candidate {
  sentence: Sentence;
  match: PhraseMatch<TriggerValue>;
  type: PloverEventType;
  weight: number;
}

const COOPERATIVE_MATERIAL = new Set<PloverEventType>(['COOPERATE', 'AID', 'CONCEDE', 'RETREAT', 'CONSULT', 'SUPPORT']);
const CONFLICTUAL_MATERIAL = new Set<PloverEventType>(['FIGHT', 'ASSAULT', 'COERCE', 'SANCTION', 'MOBILIZE', 'PROTEST']);
/** How far before a trigger an intent word ("will", "مستعد") still governs it. */
const INTENT_WINDOW = 6;

/**
 * Chooses the article's main event from the triggers of its sentences.
 * Each sentence votes for its main trigger (in English the first finite
 * verb, else the first trigger), leaving out negated triggers and trigger
 * words that are part of a name; the main event is the type with most
 * votes, weighted by place (title 3, lead 2, next paragraphs 1), the
 * earliest on a tie, coded from its vote in the heaviest sentence.
 */
export class TriggerVoting {
  constructor(private readonly lexicons: EventLexicons) {}

  /** The winning vote, or null when no sentence has a trigger. */
  mainEvent(sentences: readonly Sentence[], entities: readonly ExtractedEntity[]): Candidate | null {
    // Each sentence votes once, for its main trigger: the first finite verb, else the first trigger.
    const votes: Candidate[] = [];
    const mentions = entities.flatMap((e) => e.mentions);
    for (const sentence of sentences) {
      const names = mentions.filter((m) => m.start < sentence.end && m.end > sentence.start);
      const triggers = this.lexicons.triggers
        .match(sentence.tokens, sentence.forms, mayStart(sentence, LEXICON_BIT.triggers))
        .filter((match) => !negated(sentence, match.first, this.lexicons.negations) && !insideName(sentence, match, names));
      const main = triggers.find((m) => finiteVerb(sentence.tokens[m.first])) ?? triggers[0];
      if (main) votes.push({ sentence, match: main, type: this.typeWithIntent(sentence, main), weight: sentence.weight });
    }
    if (votes.length === 0) return null;
    const score = new Map<PloverEventType, number>();
    for (const v of votes) score.set(v.type, (score.get(v.type) ?? 0) + v.weight);
    let best = votes[0];
    for (const v of votes) {
      const better = score.get(v.type)! > score.get(best.type)! || (v.type === best.type && v.weight > best.weight);
      if (better) best = v;
    }
    return best;
  }

  /** A material event promised ("will withdraw", "مستعد لإرسال") is intent: AGREE for cooperation, THREATEN for force. */
  private typeWithIntent(sentence: Sentence, match: PhraseMatch<TriggerValue>): PloverEventType {
    const type = match.entry.value.type;
    if (!COOPERATIVE_MATERIAL.has(type) && !CONFLICTUAL_MATERIAL.has(type)) return type;
    const from = Math.max(0, match.first - INTENT_WINDOW);
    const window = sentence.tokens.slice(from, match.first);
    const hasIntent = this.lexicons.intent.match(window, sentence.forms.slice(from, match.first), mayStart(sentence, LEXICON_BIT.intent, from)).length > 0;
    if (!hasIntent) return type;
    return COOPERATIVE_MATERIAL.has(type) ? 'AGREE' : 'THREATEN';
  }
}

/**
 * The type and mode the chosen vote is coded with, once its source is
 * known. Violence by armed forces is conventional fighting (CAMEO 19), not
 * an assault (18); troops arriving are deployed. The trigger's mode holds
 * only while the type is still the trigger's own (or its military one).
 */
export function codedType(chosen: Candidate, armed: boolean): { type: PloverEventType; mode: string | null } {
  const value = chosen.match.entry.value;
  const military = chosen.type === value.type ? value.military : null;
  const type = armed && military ? military : armed && chosen.type === 'ASSAULT' ? 'FIGHT' : chosen.type;
  return { type, mode: type === value.type || type === military ? value.mode : null };
}
