import type { PloverEventType, QuadClass } from '@eventwire/contracts';
import { PLOVER_EVENT_TYPES } from '@eventwire/contracts';
import { everyLanguageWords, tokenize } from '@eventwire/text';
import agentData from '../../lexicon/actor-agents.json';
import eventData from '../../lexicon/plover-events.json';
import { arabicForms, PhraseEntry, PhraseLexicon, tokenForms } from './phrase-lexicon';

/** What a trigger phrase codes: its PLOVER type, its mode, and the type it takes when an armed force does it. */
export interface TriggerValue {
  type: PloverEventType;
  mode: string | null;
  /** The type when the source is an armed force. */
  military: PloverEventType | null;
}

type LexiconEntry = string | { p: string; mode?: string; military?: PloverEventType };
/** A type's codes and its trigger phrases keyed by language code. */
interface TypeData {
  cameo: string;
  quad: string;
  en: LexiconEntry[];
  ar: LexiconEntry[];
}
/** Words keyed by language code. */
interface WordLists {
  en: string[];
  ar: string[];
}

const TYPES = eventData.types as unknown as Record<PloverEventType, TypeData>;

/** Bits of `Sentence.starts`: which lexicon may match from a token. */
export const LEXICON_BIT = { triggers: 1, agents: 2, contexts: 4, intent: 8 } as const;

/** The CAMEO root and quad class a PLOVER type is listed with in the event lexicon. */
export function typeCodes(type: PloverEventType): { cameo: string; quad: QuadClass } {
  const data = TYPES[type];
  return { cameo: data.cameo, quad: data.quad as QuadClass };
}

function entriesOf<T>(lists: Record<string, WordLists>, value: (key: string) => T): PhraseEntry<T>[] {
  const entries: PhraseEntry<T>[] = [];
  for (const [key, words] of Object.entries(lists)) {
    if (typeof words !== 'object' || !Array.isArray(words.en)) continue;
    for (const pattern of everyLanguageWords<string>(words)) entries.push({ pattern, value: value(key) });
  }
  return entries;
}

/** One entry per agent pattern, with every sector it is listed under. */
function agentEntries(): PhraseEntry<string[]>[] {
  const sectorsOf = new Map<string, string[]>();
  for (const [sector, words] of Object.entries(agentData.agents as Record<string, WordLists>)) {
    for (const pattern of everyLanguageWords<string>(words)) sectorsOf.set(pattern, [...(sectorsOf.get(pattern) ?? []), sector]);
  }
  return [...sectorsOf].map(([pattern, value]) => ({ pattern, value }));
}

function triggerEntries(): PhraseEntry<TriggerValue>[] {
  const entries: PhraseEntry<TriggerValue>[] = [];
  for (const type of PLOVER_EVENT_TYPES) {
    const data = TYPES[type];
    for (const e of everyLanguageWords<LexiconEntry>(data)) {
      entries.push(
        typeof e === 'string'
          ? { pattern: e, value: { type, mode: null, military: null } }
          : { pattern: e.p, value: { type, mode: e.mode ?? null, military: e.military ?? null } },
      );
    }
  }
  return entries;
}

/**
 * The word lists the event coder reads, compiled once from
 * `lexicon/plover-events.json` and `lexicon/actor-agents.json`: trigger
 * phrases by PLOVER type, agent words by sector, context words, intent
 * words ("will", "مستعد"), and negations. The lexicons only match; what a
 * match means is the business of the parts that use them.
 */
export class EventLexicons {
  readonly triggers = new PhraseLexicon(triggerEntries());
  readonly agents = new PhraseLexicon(agentEntries());
  readonly contexts = new PhraseLexicon(entriesOf(agentData.contexts as unknown as Record<string, WordLists>, (k) => k));
  readonly intent = new PhraseLexicon(entriesOf({ intent: eventData.intent }, () => true));
  /** Arabic agent words of one word ("وزارة", "وزير"), in every written form: such a word is not split at what looks like a proclitic. */
  readonly wholeWords: ReadonlySet<string> = new Set(
    agentEntries()
      .filter((e) => /[\u0600-\u06FF]/.test(e.pattern) && !e.pattern.includes(' '))
      .flatMap((e) => arabicForms(e.pattern)),
  );
  /** Lookup forms of the negation words ("not", "لم"). */
  readonly negations: ReadonlySet<string> = new Set(
    everyLanguageWords<string>(eventData.negation).flatMap((w) => tokenForms(tokenize(w)[0] ?? { text: w, norm: w, start: 0, end: w.length, stem: w })),
  );
}
