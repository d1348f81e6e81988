/**
 * Text handling for the languages of the language registry (Arabic and English in every text, French in French ones): normalisation, tokenising, language identification,
 * article reading, and the extractors for numbers, quantities, dates and quotes.
 */
export { normalizeArabic, normalizeForMatching } from './normalize/arabic-normalizer';
export { keptText, readArticle } from './article/article-reader';
export { stemCandidates, tokenize, WordSlot } from './normalize/tokenizer';
export type { Token } from './normalize/tokenizer';
export { WordInterner } from './normalize/word-interner';
export { extractQuantities } from './quantities/quantity-extractor';
export { resolveEventDate } from './dates/event-date-resolver';
export { extractQuotes } from './quotes/quote-extractor';
export { everyLanguageWords, languageModule, languages } from './languages/language-registry';
export { byTextLanguage, everyTextLanguages, ownTextLanguage } from './languages/language-registry';
export type { CliticWords, LanguageModule, NameCueWords } from './languages/language-module';
export { ARABIC_CLITICS } from './languages/ar/clitics';
export type { PeopleWords, PersonCueUse, PersonNameScript } from './languages/language-module';
