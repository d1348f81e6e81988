/**
 * Translation of ingested articles: the TranslationEngine port with its stub, HTTP and
 * routing engines, the ArticleTranslator, and the glossary and KB term matchers.
 */
export type { TranslationEngine } from './translation-engine';
export { StubTranslationEngine } from './stub-translation-engine';
export { ArticleTranslator } from './article-translator';
export { KbTermMatcher } from './kb-term-matcher';
export { HttpTranslationEngine } from './http-translation-engine';
export { RoutingTranslationEngine } from './routing-translation-engine';
export { CombinedTermMatcher, GlossaryTermMatcher } from './glossary-term-matcher';
