import type { LanguageModule, NumberWord, NumberWordRole } from '../languages/language-module';
import { foldWord } from './folded-text';

/**
 * Number words of the languages read in every text (Arabic and English),
 * from the language registry, keyed folded the way FoldedText folds running
 * text (أ إ آ → ا, ة → ه, ى → ي, ئ → ي), so "مائة" and "مايه" meet. A
 * language read only in its own texts (French) is added for those texts by
 * the number parser.
 */
export type { NumberWord, NumberWordRole, VagueCount } from '../languages/language-module';

/** Folded number word → its role and value, over the given languages (later ones win a shared spelling). */
export function numberWordsOf(modules: readonly LanguageModule[]): Map<string, NumberWord> {
  const words = new Map<string, NumberWord>();
  for (const module of modules) for (const [forms, word] of module.numberWords) for (const form of forms) words.set(foldWord(form), word);
  return words;
}

/** Vague plurals also read with the article: "المئات", "الآلاف", "العشرات", "الملايين". */
export const DEFINITE_NUMBER_ROLES: ReadonlySet<NumberWordRole> = new Set(['vague', 'plural-scale']);
