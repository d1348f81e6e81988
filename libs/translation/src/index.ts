export * from './translation-engine';
export * from './stub-translation-engine';
export * from './article-translator';
export * from './kb-term-matcher';
export * from './http-translation-engine';
export * from './routing-translation-engine';
export * from './glossary-term-matcher';
