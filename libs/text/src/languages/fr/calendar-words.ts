import type { CalendarWords } from '../language-module';

/**
 * French months and weekdays, written by hand: news writes them in lower
 * case, with accents, but feeds and transliterated copy drop them
 * ("fevrier", "aout", "decembre"), and tables abbreviate ("janv.", "sept.").
 */
export const FRENCH_CALENDAR: CalendarWords = {
  months: {
    gregorian: [
      [1, ['janvier', 'janv']],
      [2, ['février', 'fevrier', 'févr', 'fevr']],
      [3, ['mars']],
      [4, ['avril', 'avr']],
      [5, ['mai']],
      [6, ['juin']],
      [7, ['juillet', 'juil']],
      [8, ['août', 'aout']],
      [9, ['septembre', 'sept']],
      [10, ['octobre', 'oct']],
      [11, ['novembre', 'nov']],
      [12, ['décembre', 'decembre', 'déc', 'dec']],
    ],
  },
  weekdays: [
    [0, ['dimanche']],
    [1, ['lundi']],
    [2, ['mardi']],
    [3, ['mercredi']],
    [4, ['jeudi']],
    [5, ['vendredi']],
    [6, ['samedi']],
  ],
  firstDay: ['1er'],
};
