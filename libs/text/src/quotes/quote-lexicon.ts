import type { LanguageModule, QuoteCueKind, QuoteWords } from '../languages/language-module';
import { byTextLanguage } from '../languages/language-registry';
import { foldText } from '../numbers/folded-text';
import { PhraseMatcher } from '../numbers/phrase-matcher';

export type { QuoteCueKind } from '../languages/language-module';

/** The quote words of a set of languages (see QuoteWords), compiled into what the extractor looks up. */
export interface QuoteLexicon {
  cues: PhraseMatcher<QuoteCueKind>;
  /** The sets hold words folded as FoldedText folds tokens, Latin lower-cased. */
  subjectStops: ReadonlySet<string>;
  pronouns: ReadonlySet<string>;
  titleWords: ReadonlySet<string>;
  statementWords: ReadonlySet<string>;
  clauseWordsBeforeVerb: ReadonlySet<string>;
}

function quoteLexiconOf(modules: readonly LanguageModule[]): QuoteLexicon {
  const all = <T>(piece: (words: QuoteWords) => readonly T[]): T[] => modules.flatMap((module) => piece(module.quotes));
  const folded = (piece: (words: QuoteWords) => readonly string[]): Set<string> => new Set(all(piece).map((w) => foldText(w).text.toLowerCase()));
  return {
    cues: new PhraseMatcher(all((w) => w.cues).flatMap(([kind, forms]) => forms.map((form) => [form, kind] as const))),
    subjectStops: folded((w) => w.subjectStops),
    pronouns: folded((w) => w.pronouns),
    titleWords: folded((w) => w.titleWords),
    statementWords: folded((w) => w.statementWords),
    clauseWordsBeforeVerb: folded((w) => w.clauseWordsBeforeVerb),
  };
}

/**
 * The quote words read in a text of the given language: Arabic and English
 * in every text, plus those of a language read only in its own texts
 * (French), so that "selon" or "que" mean nothing in another language's text.
 */
export const quoteLexicon = byTextLanguage(quoteLexiconOf);
