import { foldWord } from '../numbers/folded-text';

/**
 * Month and weekday names as news text writes them, mapped to numbers.
 * Arabic has three sets of Gregorian month names in daily use: Egyptian and
 * Gulf outlets transliterate (يناير), the Levant and Iraq use Syriac names
 * (كانون الثاني), the Maghreb uses French ones (جانفي); outlets often write
 * two at once ("كانون الثاني/ يناير"). Saudi outlets also date by the Hijri
 * (Umm al-Qura) calendar. Forms are written as spelled and folded at load
 * time, as FoldedText folds the text they are matched against.
 */
export type MonthCalendar = 'gregorian' | 'hijri';

export interface MonthName {
  month: number;
  calendar: MonthCalendar;
}

const GREGORIAN_ARABIC: Array<[number, string[]]> = [
  [1, ['يناير', 'كانون الثاني', 'كانون ثاني', 'جانفي']],
  [2, ['فبراير', 'شباط', 'فيفري']],
  [3, ['مارس', 'آذار']],
  [4, ['أبريل', 'إبريل', 'نيسان', 'أفريل']],
  [5, ['مايو', 'أيار', 'ماي']],
  [6, ['يونيو', 'يونيه', 'حزيران', 'جوان']],
  [7, ['يوليو', 'يوليه', 'تموز', 'جويلية', 'جويلة']],
  [8, ['أغسطس', 'آب', 'أوت']],
  [9, ['سبتمبر', 'أيلول']],
  [10, ['أكتوبر', 'تشرين الأول', 'تشرين أول']],
  [11, ['نوفمبر', 'تشرين الثاني', 'تشرين ثاني']],
  [12, ['ديسمبر', 'كانون الأول', 'كانون أول']],
];

const HIJRI: Array<[number, string[]]> = [
  [1, ['محرم']],
  [2, ['صفر']],
  [3, ['ربيع الأول', 'ربيع أول']],
  [4, ['ربيع الآخر', 'ربيع الثاني', 'ربيع ثاني']],
  [5, ['جمادى الأولى', 'جمادى الأول']],
  [6, ['جمادى الآخرة', 'جمادى الثانية', 'جمادى الآخر']],
  [7, ['رجب']],
  [8, ['شعبان']],
  [9, ['رمضان']],
  [10, ['شوال']],
  [11, ['ذو القعدة', 'ذي القعدة']],
  [12, ['ذو الحجة', 'ذي الحجة']],
];

const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Folded Arabic month name → month. */
export const ARABIC_MONTHS: ReadonlyMap<string, MonthName> = (() => {
  const map = new Map<string, MonthName>();
  for (const [month, forms] of GREGORIAN_ARABIC) for (const form of forms) map.set(foldWord(form), { month, calendar: 'gregorian' });
  for (const [month, forms] of HIJRI) for (const form of forms) map.set(foldWord(form), { month, calendar: 'hijri' });
  return map;
})();

/** Lower-case English month name or abbreviation → month. */
export const ENGLISH_MONTH_NAMES: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  ENGLISH_MONTHS.forEach((name, i) => {
    map.set(name, i + 1);
    map.set(name.slice(0, 3), i + 1);
  });
  map.set('sept', 9);
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

/** Weekday names, 0 = Sunday; Arabic in the definite form it is written with. */
const WEEKDAYS: Array<[number, string[]]> = [
  [0, ['الأحد', 'sunday']],
  [1, ['الإثنين', 'الاثنين', 'الأثنين', 'monday']],
  [2, ['الثلاثاء', 'tuesday']],
  [3, ['الأربعاء', 'wednesday']],
  [4, ['الخميس', 'thursday']],
  [5, ['الجمعة', 'friday']],
  [6, ['السبت', 'saturday']],
];

export const WEEKDAY_NAMES: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const [weekday, forms] of WEEKDAYS) for (const form of forms) map.set(foldWord(form), weekday);
  return map;
})();

export function weekdayPattern(): string {
  return [...WEEKDAY_NAMES.keys()].sort((a, b) => b.length - a.length).join('|');
}

/**
 * Arabic ordinal day words as used in "السادس من يناير" (the sixth of
 * January), folded: 1–10, 11–19 ("الحادي عشر"), 20, 21–29 ("الحادي
 * والعشرين"), 30, 31, masculine and feminine.
 */
export const ORDINAL_DAYS: ReadonlyMap<string, number> = (() => {
  const units: Array<[number, string[]]> = [
    [1, ['الأول', 'الحادي']],
    [2, ['الثاني']],
    [3, ['الثالث']],
    [4, ['الرابع']],
    [5, ['الخامس']],
    [6, ['السادس']],
    [7, ['السابع']],
    [8, ['الثامن']],
    [9, ['التاسع']],
  ];
  const map = new Map<string, number>();
  for (const [n, forms] of units) for (const form of forms) if (form !== 'الحادي') map.set(foldWord(form), n);
  map.set(foldWord('العاشر'), 10);
  for (const [n, forms] of units) {
    for (const form of forms) {
      if (n === 1 && form === 'الأول') continue;
      map.set(foldWord(`${form} عشر`), 10 + n);
      if (n <= 9) map.set(foldWord(`${form} والعشرين`), 20 + n);
      if (n <= 9) map.set(foldWord(`${form} والعشرون`), 20 + n);
    }
  }
  map.set(foldWord('العشرين'), 20);
  map.set(foldWord('العشرون'), 20);
  map.set(foldWord('الثلاثين'), 30);
  map.set(foldWord('الثلاثون'), 30);
  map.set(foldWord('الحادي والثلاثين'), 31);
  map.set(foldWord('الحادي والثلاثون'), 31);
  return map;
})();

export function ordinalDayPattern(): string {
  return [...ORDINAL_DAYS.keys()]
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(/ /g, '\\s+'))
    .join('|');
}
