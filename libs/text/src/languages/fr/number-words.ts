import type { NumberWord } from '../language-module';

/**
 * French number words, written by hand: the minimum for counts in news
 * ("deux mille soldats", "trois cents blessés", "cinq millions d'euros").
 * Hyphenated compounds ("dix-sept", "soixante-dix", "quatre-vingt-dix") and
 * "vingt et un" are not here: tokens split at the hyphen and the parser's
 * rules do not yet combine them.
 */
export const FRENCH_NUMBER_WORDS: ReadonlyArray<readonly [readonly string[], NumberWord]> = [
  [['un', 'une'], { role: 'unit', value: 1 }],
  [['deux'], { role: 'unit', value: 2 }],
  [['trois'], { role: 'unit', value: 3 }],
  [['quatre'], { role: 'unit', value: 4 }],
  [['cinq'], { role: 'unit', value: 5 }],
  [['six'], { role: 'unit', value: 6 }],
  [['sept'], { role: 'unit', value: 7 }],
  [['huit'], { role: 'unit', value: 8 }],
  [['neuf'], { role: 'unit', value: 9 }],
  [['dix'], { role: 'unit', value: 10 }],
  [['onze'], { role: 'unit', value: 11 }],
  [['douze'], { role: 'unit', value: 12 }],
  [['treize'], { role: 'unit', value: 13 }],
  [['quatorze'], { role: 'unit', value: 14 }],
  [['quinze'], { role: 'unit', value: 15 }],
  [['seize'], { role: 'unit', value: 16 }],
  [['vingt'], { role: 'ten', value: 20 }],
  [['trente'], { role: 'ten', value: 30 }],
  [['quarante'], { role: 'ten', value: 40 }],
  [['cinquante'], { role: 'ten', value: 50 }],
  [['soixante'], { role: 'ten', value: 60 }],
  [['cent', 'cents'], { role: 'hundred', value: 100 }],
  [['mille'], { role: 'scale', value: 1_000 }],
  [['million', 'millions'], { role: 'scale', value: 1_000_000 }],
  [['milliard', 'milliards'], { role: 'scale', value: 1_000_000_000 }],
  [['dizaines'], { role: 'vague', value: 10, vague: 'tens' }],
  [['centaines'], { role: 'vague', value: 100, vague: 'hundreds' }],
  [['milliers'], { role: 'plural-scale', value: 1_000, vague: 'thousands' }],
  [['plusieurs', 'quelques'], { role: 'several', value: 0 }],
];
