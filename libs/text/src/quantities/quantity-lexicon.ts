import type { EventCategory, QuantityCategory, QuantityQualifier } from './quantity.types';
import type { LanguageModule, QuantityWords } from '../languages/language-module';
import { byTextLanguage } from '../languages/language-registry';
import { foldWord } from '../numbers/folded-text';
import { PhraseMatcher } from '../numbers/phrase-matcher';

export type { EventCategory } from './quantity.types';

/**
 * A counted noun. `personLike` nouns (people, troops, protesters) say who
 * was counted but not what happened to them, so an event cue nearby
 * ("أصيبوا", "نقلوا إلى المستشفى") decides the category; other nouns decide
 * it themselves ("50 مركبة" are vehicles whatever the verb).
 */
export interface CountedNoun {
  category: QuantityCategory;
  personLike: boolean;
}

/**
 * The quantity words of a set of languages (see QuantityWords), compiled
 * into matchers. The words stay in the language modules so that a language
 * is one folder; this is only how the extractor looks them up.
 */
export interface QuantityLexicon {
  /** Counted nouns, also with the article ("عشرات المتظاهرين", "آلاف المواطنين"). */
  countedNouns: PhraseMatcher<CountedNoun>;
  dualNouns: PhraseMatcher<CountedNoun>;
  eventCues: PhraseMatcher<EventCategory>;
  peacekeepingCues: PhraseMatcher<true>;
  countOfCues: PhraseMatcher<true>;
  qualifiersBefore: PhraseMatcher<QuantityQualifier>;
  qualifiersAfter: PhraseMatcher<QuantityQualifier>;
  negations: PhraseMatcher<true>;
  /** Matched without the article: "الرقم" is listed where it is a label. */
  labelWords: PhraseMatcher<true>;
  timeOfDay: PhraseMatcher<true>;
  percentWords: PhraseMatcher<true>;
  /** Folded, one token each. */
  partitives: ReadonlySet<string>;
  /** Folded. */
  functionWords: ReadonlySet<string>;
}

/** Currency signs written before the amount; signs belong to no language. */
export const CURRENCY_SIGNS = new Set(['$', '€', '£', '¥']);

function quantityLexiconOf(modules: readonly LanguageModule[]): QuantityLexicon {
  const all = <T>(piece: (words: QuantityWords) => readonly T[]): T[] => modules.flatMap((module) => piece(module.quantities));
  const nouns = (piece: (words: QuantityWords) => QuantityWords['countedNouns']): Array<readonly [string, CountedNoun]> =>
    all(piece).flatMap(([category, personLike, forms]) => forms.map((form) => [form, { category, personLike }] as const));
  const tagged = <T>(piece: (words: QuantityWords) => ReadonlyArray<readonly [T, readonly string[]]>): Array<readonly [string, T]> =>
    all(piece).flatMap(([value, forms]) => forms.map((form) => [form, value] as const));
  const flags = (piece: (words: QuantityWords) => readonly string[]): Array<readonly [string, true]> => all(piece).map((form) => [form, true] as const);
  return {
    countedNouns: new PhraseMatcher(nouns((w) => w.countedNouns), { article: true }),
    dualNouns: new PhraseMatcher(nouns((w) => w.dualNouns), { article: true }),
    eventCues: new PhraseMatcher(tagged((w) => w.eventCues)),
    peacekeepingCues: new PhraseMatcher(flags((w) => w.peacekeepingCues)),
    countOfCues: new PhraseMatcher(flags((w) => w.countOfCues)),
    qualifiersBefore: new PhraseMatcher(tagged((w) => w.qualifiersBefore)),
    qualifiersAfter: new PhraseMatcher(tagged((w) => w.qualifiersAfter)),
    negations: new PhraseMatcher(flags((w) => w.negations)),
    labelWords: new PhraseMatcher(flags((w) => w.labelWords), { article: false }),
    timeOfDay: new PhraseMatcher(flags((w) => w.timeOfDay)),
    percentWords: new PhraseMatcher(flags((w) => w.percentWords)),
    partitives: new Set(all((w) => w.partitives).map(foldWord)),
    functionWords: new Set(all((w) => w.functionWords).map(foldWord)),
  };
}

/**
 * The quantity words read in a text of the given language: Arabic and
 * English in every text (articles mix them, embedded posts especially),
 * plus those of a language read only in its own texts (French), so that its
 * words ("plus", "morts") never count in another language's text.
 */
export const quantityLexicon = byTextLanguage(quantityLexiconOf);
