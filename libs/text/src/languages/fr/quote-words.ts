import type { QuoteWords } from '../language-module';

/**
 * French: a minimum. Reporting verbs come in the passé composé, subject
 * first ("le ministre a déclaré") or inverted after the quote ("«...», a
 * déclaré le ministre"), the order `subject-verb` reads.
 */
export const FRENCH_QUOTE_WORDS: QuoteWords = {
  cues: [
    ['source', ['selon']],
    ['subject-verb', ['a déclaré', 'a affirmé', 'a indiqué', 'a ajouté', 'a dit', 'déclare', 'affirme']],
  ],
  subjectStops: ['que', 'à', 'au', 'lors', 'dans', 'devant', 'mardi', 'lundi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  pronouns: ['il', 'elle', 'ils', 'elles', 'on', 'nous', 'je'],
  titleWords: [],
  statementWords: ['communiqué'],
  clauseWordsBeforeVerb: ['que', 'et', 'mais', 'qui', 'lorsque', 'quand'],
};
