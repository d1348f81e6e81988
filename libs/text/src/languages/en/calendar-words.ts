import type { CalendarWords } from '../language-module';

/** English months with their three-letter abbreviations and "Sept", as wire copy and embedded posts write them. */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

export const ENGLISH_CALENDAR: CalendarWords = {
  months: {
    gregorian: MONTHS.map((name, i): [number, string[]] => [i + 1, i === 8 ? [name, name.slice(0, 3), 'sept'] : [name, name.slice(0, 3)]]),
  },
  weekdays: [
    [0, ['sunday']],
    [1, ['monday']],
    [2, ['tuesday']],
    [3, ['wednesday']],
    [4, ['thursday']],
    [5, ['friday']],
    [6, ['saturday']],
  ],
};
