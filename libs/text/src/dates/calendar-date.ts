/**
 * Calendar arithmetic on plain day dates ("YYYY-MM-DD", proleptic
 * Gregorian, no time zone): event dates are days, and doing the sums in UTC
 * keeps a server's zone out of them.
 */

const DAY_MS = 86_400_000;

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** A day that exists: 29 February only in leap years; when the year is unknown, any year will do. */
export function isValidDay(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (year === null ? (month === 2 ? 29 : daysInMonth(2000, month)) : daysInMonth(year, month));
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function weekdayOfIso(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The day of a timestamp or date, or null when it is not one. A timestamp
 * that starts with its date ("2015-07-21 02:16:17", "2022-01-06T23:30:00-05:00")
 * gives that date as written: the day where it was stamped, with no time
 * zone arithmetic to move it.
 */
export function toIsoDay(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const leading = /^(\d{4})-(\d{2})-(\d{2})(?![0-9])/.exec(value);
  if (leading) return isValidDay(Number(leading[1]), Number(leading[2]), Number(leading[3])) ? leading[0] : null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString().slice(0, 10);
}

/**
 * The latest date on or before `notAfter` that falls on day/month and, when
 * given, on `weekday`; null when none does within `maxYearsBack` years.
 * This is how a weekday fixes a year the text leaves out: Thursday 6 January
 * before 2026-11-23 is 2022-01-06.
 */
export function latestDayMonth(month: number, day: number, notAfter: string, weekday: number | null, maxYearsBack = 28): string | null {
  const lastYear = Number(notAfter.slice(0, 4));
  for (let year = lastYear; year >= lastYear - maxYearsBack; year--) {
    if (!isValidDay(year, month, day)) continue;
    const iso = isoDate(year, month, day);
    if (iso > notAfter) continue;
    if (weekday === null || weekdayOf(year, month, day) === weekday) return iso;
  }
  return null;
}

/** The latest date on or before `onOrBefore` that falls on `weekday` (strictly before when `strict`). */
export function latestWeekday(weekday: number, onOrBefore: string, strict = false): string {
  const back = (weekdayOfIso(onOrBefore) - weekday + 7) % 7;
  return addDays(onOrBefore, back === 0 && strict ? -7 : -back);
}

/** The first date after `after` (strictly) that falls on `weekday`. */
export function nextWeekday(weekday: number, after: string): string {
  const ahead = (weekday - weekdayOfIso(after) + 7) % 7;
  return addDays(after, ahead === 0 ? 7 : ahead);
}

const UMM_AL_QURA = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
const hijriCache = new Map<string, string | null>();

/**
 * A Hijri date as a Gregorian ISO date, by the Umm al-Qura calendar Saudi
 * outlets use (through Intl, which carries its tables): the arithmetic
 * calendar gives a first guess within two days, which is then checked
 * against Intl. Null when the day does not exist (e.g. 30 of a 29-day month).
 */
export function hijriToGregorian(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 30 || year < 1) return null;
  const key = `${year}-${month}-${day}`;
  const cached = hijriCache.get(key);
  if (cached !== undefined) return cached;
  // Days from 1 Muharram 1 AH (622-07-19 proleptic Gregorian) in the arithmetic calendar.
  const days = (year - 1) * 354 + Math.floor((3 + 11 * year) / 30) + Math.ceil(29.5 * (month - 1)) + day - 1;
  const guess = Date.UTC(622, 6, 19) + days * DAY_MS;
  let found: string | null = null;
  for (const shift of [0, -1, 1, -2, 2, -3, 3]) {
    const time = guess + shift * DAY_MS;
    const parts = UMM_AL_QURA.formatToParts(new Date(time));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
    if (get('year') === year && get('month') === month && get('day') === day) {
      found = new Date(time).toISOString().slice(0, 10);
      break;
    }
  }
  hijriCache.set(key, found);
  return found;
}

/** The Umm al-Qura year in which a Gregorian day falls. */
export function hijriYearOf(iso: string): number {
  const parts = UMM_AL_QURA.formatToParts(new Date(`${iso}T00:00:00Z`));
  return Number(parts.find((p) => p.type === 'year')?.value);
}
