import { foldWord } from '../numbers/folded-text';
import type { MonthCalendar } from '../languages/language-module';
import { requiredLanguageModule } from '../languages/language-registry';

/**
 * Month and weekday names of the languages read in every text (Arabic and
 * English, from the language registry), mapped to numbers. Forms are folded
 * at load time, as FoldedText folds the text they are matched against.
 * Arabic month names are matched folded, English ones case-insensitively
 * (and must be capitalised in the text), which is why they are kept apart.
 */
export type { MonthCalendar } from '../languages/language-module';

export interface MonthName {
  month: number;
  calendar: MonthCalendar;
}

const ARABIC_CALENDAR = requiredLanguageModule('ar').calendar;
const ENGLISH_CALENDAR = requiredLanguageModule('en').calendar;

/** Folded Arabic month name → month. */
export const ARABIC_MONTHS: ReadonlyMap<string, MonthName> = (() => {
  const map = new Map<string, MonthName>();
  for (const calendar of ['gregorian', 'hijri'] as const) {
    for (const [month, forms] of ARABIC_CALENDAR.months[calendar] ?? []) for (const form of forms) map.set(foldWord(form), { month, calendar });
  }
  return map;
})();

/** Lower-case English month name or abbreviation → month. */
export const ENGLISH_MONTH_NAMES: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const [month, forms] of ENGLISH_CALENDAR.months.gregorian ?? []) for (const form of forms) map.set(form, month);
  return map;
})();

/** A regex alternation of the folded Arabic month names, longest first, with any run of spaces inside a two-word name. */
export function arabicMonthPattern(calendar: MonthCalendar): string {
  return [...ARABIC_MONTHS]
    .filter(([, name]) => name.calendar === calendar)
    .map(([form]) => form)
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(/ /g, '\\s+'))
    .join('|');
}

export function englishMonthPattern(): string {
  return [...ENGLISH_MONTH_NAMES.keys()].sort((a, b) => b.length - a.length).join('|');
}

/** Folded month text (spaces collapsed) → month name. */
export function lookupMonth(text: string): MonthName | null {
  const key = text.replace(/\s+/g, ' ');
  const arabic = ARABIC_MONTHS.get(key);
  if (arabic) return arabic;
  const english = ENGLISH_MONTH_NAMES.get(key.toLowerCase().replace(/\.$/, ''));
  return english ? { month: english, calendar: 'gregorian' } : null;
}

/** Weekday names of Arabic and English, folded, 0 = Sunday. */
export const WEEKDAY_NAMES: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const { weekdays } of [ARABIC_CALENDAR, ENGLISH_CALENDAR]) for (const [weekday, forms] of weekdays) for (const form of forms) map.set(foldWord(form), weekday);
  return map;
})();

export function weekdayPattern(): string {
  return [...WEEKDAY_NAMES.keys()].sort((a, b) => b.length - a.length).join('|');
}

/** Ordinal day words of Arabic (its module's `calendar.ordinalDays`: "السادس من يناير"), folded → day. */
export const ORDINAL_DAYS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const [day, forms] of ARABIC_CALENDAR.ordinalDays ?? []) for (const form of forms) map.set(foldWord(form), day);
  return map;
})();

export function ordinalDayPattern(): string {
  return [...ORDINAL_DAYS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(/ /g, '\\s+'))
    .join('|');
}
