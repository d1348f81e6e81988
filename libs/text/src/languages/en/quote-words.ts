import type { QuoteWords } from '../language-module';

/** English words that tie a quote to its speaker (see QuoteWords). */
export const ENGLISH_QUOTE_WORDS: QuoteWords = {
  cues: [
    ['source', ['according to']],
    ['subject-verb', [
      'said', 'says', 'told', 'added', 'stated', 'wrote', 'tweeted', 'declared', 'noted', 'explained', 'warned', 'asked',
    ]],
  ],
  subjectStops: ['that', 'to', 'in', 'on', 'at', 'during', 'from', 'after', 'before', 'the'],
  pronouns: ['he', 'she', 'they', 'it', 'we', 'i'],
  titleWords: [],
  statementWords: ['statement', 'a', 'the'],
  clauseWordsBeforeVerb: ['that', 'and', 'but', 'which', 'who', 'as', 'when', 'while', 'because', 'after', 'before', 'has', 'had', 'have'],
};
