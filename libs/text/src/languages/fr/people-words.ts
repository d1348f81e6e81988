import type { PeopleWords } from '../language-module';

/**
 * French titles before a person's name ("le ministre Jean Dupont"). The
 * article is left out of the cue: it varies ("la ministre", "du président",
 * "au porte-parole") and is not part of the role. "M." is missing: the
 * recognizer allows only blanks or a comma between a title and the name,
 * so the abbreviation's dot would need a change to the Latin reader.
 */
export const FRENCH_PEOPLE: PeopleWords = {
  nameScript: 'latin',
  cues: [[['mme', 'président', 'présidente', 'ministre', 'porte-parole', 'général'], 'title']],
  nameLinks: [],
  stops: ['le', 'la', 'les', 'un', 'une', 'de', 'du', 'des', 'et', 'à', 'au', 'aux', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  commonSurnames: [],
};
