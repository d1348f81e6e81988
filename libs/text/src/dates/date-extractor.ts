import { FoldedText, FoldedToken, foldText, withProclitics } from '../numbers/folded-text';
import type { LanguageModule } from '../languages/language-module';
import { ownTextLanguage } from '../languages/language-registry';
import { addDays, hijriToGregorian, isoDate, isValidDay, weekdayOfIso } from './calendar-date';
import {
  ARABIC_MONTHS,
  ENGLISH_MONTH_NAMES,
  ORDINAL_DAYS,
  WEEKDAY_NAMES,
  arabicMonthPattern,
  englishMonthPattern,
  lookupMonth,
  ordinalDayPattern,
  weekdayPattern,
} from './calendar-names';

/**
 * A date as the text states it. Nothing is inferred here: a day and month
 * without a year keep `year: null` and `date: null`, "اليوم" is
 * `relativeDays: 0` with no date; the event-date resolver decides what they
 * mean against the publication date or the text's other dates.
 *
 * Why our own parser and not chrono-node: chrono 2.10 ships an Arabic
 * locale, but on news text it splits combined month names ("كانون الثاني/
 * يناير" becomes two dates), drops the Urdu year mark ("2022ء"), has no
 * Maghrebi or Hijri months, misses clitics ("الـ17"), reads "في 5" as five
 * o'clock and resolves bare weekdays forward in time. We need spans on the
 * original text, what was stated versus implied, and Arabic first; the
 * handful of English forms below do not justify a second engine.
 */
export interface DateMention {
  /** YYYY-MM-DD (Gregorian) when the mention alone fixes the day. */
  date: string | null;
  year: number | null;
  month: number | null;
  day: number | null;
  /** 0 = Sunday … 6 = Saturday, when the text names the weekday. */
  weekday: number | null;
  kind: 'explicit' | 'relative' | 'weekday' | 'range';
  /** The mention as written and its half-open offsets in the text given. */
  text: string;
  start: number;
  end: number;
  /** For relative mentions: days from the day of writing ("أمس" = -1, "أول أمس" = -2, "غدا" = 1). */
  relativeDays?: number;
  /**
   * What the text says of the mention relative to the day of writing: "الخميس الماضي" / "last Thursday" and
   * "7 يونيو الماضي" are past, "المقبل" / "next" ahead, "5 يناير الحالي" / "الجاري" in the current month.
   */
  direction?: 'past' | 'next' | 'current';
  /** For ranges ("من 5 إلى 19 كانون الثاني"): the last day; `day` holds the first. */
  rangeEndDay?: number;
  /** Set when the text dates by the Hijri calendar; `date`/`year`/`month`/`day` are then the Gregorian equivalent when known. */
  calendar?: 'hijri';
  hijri?: { year: number | null; month: number | null; day: number | null };
}

/**
 * Every date mention in the text, in text order, without overlaps. Arabic
 * and English forms are always read (Arabic pages embed English posts);
 * `language` adds the forms of a language read only in its own texts
 * (French: "25 juillet 2015", "le 3 mars", "jeudi").
 */
export function extractDates(text: string, language?: string | null): DateMention[] {
  return extractDatesFolded(foldText(text), language);
}

/** As {@link extractDates}, on an already folded text (the quantity extractor shares its fold). */
export function extractDatesFolded(folded: FoldedText, language?: string | null): DateMention[] {
  const t = folded.text;
  const tokens = folded.tokens();
  const raw: RawMention[] = [];
  const windows = anchorWindows(tokens);
  for (const [start, end] of windows.month) {
    collect(DAY_MONTH, t, start, end, raw, readDayMonth);
    collect(ORDINAL_DAY_MONTH, t, start, end, raw, readOrdinalDayMonth);
    collect(ENGLISH_MONTH_DAY, t, start, end, raw, readEnglishMonthDay);
    collect(MONTH_YEAR, t, start, end, raw, readMonthYear);
  }
  for (const [start, end] of windows.year) collect(YEAR_ONLY, t, start, end, raw, readYearOnly);
  for (const [start, end] of windows.weekday) {
    collect(WEEKDAY, t, start, end, raw, readWeekday);
    collect(ENGLISH_WEEKDAY, t, start, end, raw, readEnglishWeekday);
  }
  for (const [start, end] of windows.relative) {
    collect(RELATIVE, t, start, end, raw, readRelative);
    collect(ENGLISH_RELATIVE, t, start, end, raw, readEnglishRelative);
  }
  if (windows.numeric) {
    collect(NUMERIC_DMY, t, 0, t.length, raw, readNumericDmy);
    collect(NUMERIC_YMD, t, 0, t.length, raw, readNumericYmd);
  }
  const own = ownTextLanguage(language);
  // Whole-text scans: only texts of that language pay for them, so they need no anchor windows.
  if (own) for (const { pattern, read } of ownLanguagePatterns(own)) collect(pattern, t, 0, t.length, raw, read);
  const kept = merge(t, dropOverlaps(raw));
  return kept.map((m) => toMention(folded, m));
}

/**
 * Why windows: a dozen patterns with long alternations cost more scanned
 * over a whole article than everything else in the text layer. Every date
 * form holds an anchor word a token lookup finds (a month or weekday name,
 * a relative word, a four-digit year), so each family of patterns runs only
 * on the few words around its anchors. Windows start and end at token
 * boundaries that are not glued to their neighbour, so the patterns' word
 * boundary checks see what they would see in the whole text.
 */
type Family = 'month' | 'weekday' | 'relative' | 'year';

/** Tokens before and after an anchor that a pattern of its family may span. */
const REACH: Record<Family, [number, number]> = { month: [7, 9], weekday: [4, 5], relative: [4, 3], year: [3, 2] };

const ANCHORS: ReadonlyMap<string, Family> = (() => {
  const map = new Map<string, Family>();
  const add = (words: Iterable<string>, family: Family): void => {
    for (const word of words) for (const { form } of withProclitics(word, false)) if (!map.has(form)) map.set(form, family);
  };
  add([...ARABIC_MONTHS.keys()].map((name) => name.split(' ')[0]!), 'month');
  add(ENGLISH_MONTH_NAMES.keys(), 'month');
  add(WEEKDAY_NAMES.keys(), 'weekday');
  add(['اليوم', 'امس', 'الامس', 'البارحه', 'غدا', 'الغد', 'غد', 'الليله', 'الصباح', 'المساء', 'today', 'tonight', 'yesterday', 'tomorrow', 'night', 'morning', 'evening'], 'relative');
  return map;
})();

interface AnchorWindows {
  month: Array<[number, number]>;
  weekday: Array<[number, number]>;
  relative: Array<[number, number]>;
  year: Array<[number, number]>;
  /** Digits joined by / - or . somewhere: numeric dates are possible. */
  numeric: boolean;
}

function anchorWindows(tokens: readonly FoldedToken[]): AnchorWindows {
  const ranges: Record<Family, Array<[number, number]>> = { month: [], weekday: [], relative: [], year: [] };
  let numeric = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    let family: Family | undefined;
    if (token.kind === 'number') {
      if (token.norm.length === 4) family = 'year';
      const next = tokens[i + 1];
      if (!numeric && next && (next.norm === '/' || next.norm === '-' || next.norm === '.') && tokens[i + 2]?.kind === 'number') numeric = true;
      if (!numeric && /^\d{1,2}\.\d{1,2}\.\d{4}$|^\d{4}\.\d{1,2}\.\d{1,2}$/.test(token.norm)) numeric = true;
    } else if (token.kind === 'word') {
      family = ANCHORS.get(token.norm);
    }
    if (family === undefined) continue;
    const [back, ahead] = REACH[family];
    let first = Math.max(0, i - back);
    while (first > 0 && tokens[first]!.glued) first--;
    let last = Math.min(tokens.length - 1, i + ahead);
    while (last + 1 < tokens.length && tokens[last + 1]!.glued) last++;
    const list = ranges[family];
    const previous = list[list.length - 1];
    if (previous && first <= previous[1]) previous[1] = Math.max(previous[1], last);
    else list.push([first, last]);
  }
  const toOffsets = (list: Array<[number, number]>): Array<[number, number]> => list.map(([a, b]) => [tokens[a]!.start, tokens[b]!.end]);
  return {
    month: toOffsets(ranges.month),
    weekday: toOffsets(ranges.weekday),
    relative: toOffsets(ranges.relative),
    year: toOffsets(ranges.year),
    numeric,
  };
}

interface RawMention {
  start: number;
  end: number;
  kind: DateMention['kind'];
  year: number | null;
  month: number | null;
  day: number | null;
  weekday: number | null;
  relativeDays?: number;
  direction?: 'past' | 'next' | 'current';
  rangeEndDay?: number;
  hijri?: { year: number | null; month: number | null; day: number | null };
  /** Rank when two matches overlap and have the same length: lower wins. */
  priority: number;
}

type Reader = (m: RegExpExecArray, text: string) => Omit<RawMention, 'start' | 'end' | 'priority'> | null;

/** Runs `pattern` over text[from, to) and keeps what `read` accepts, with offsets into the whole text. */
function collect(pattern: RegExp, text: string, from: number, to: number, out: RawMention[], read: Reader): void {
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  pattern.lastIndex = 0;
  const priority = PRIORITY.get(pattern) ?? 9;
  for (let m = pattern.exec(slice); m !== null; m = pattern.exec(slice)) {
    const at = m.index;
    m.index = at + from;
    const fields = read(m, text);
    if (fields) out.push({ ...fields, start: m.index + leadingSkip(m[0]), end: m.index + m[0].length, priority });
    else pattern.lastIndex = at + 1;
  }
}

/** Whitespace a pattern had to consume before the mention proper. */
function leadingSkip(matched: string): number {
  let i = 0;
  while (i < matched.length && (matched[i] === ' ' || matched[i] === '\n' || matched[i] === '\t')) i++;
  return i;
}

const L = '\\u0621-\\u064A\\u066E-\\u06D3A-Za-z';
const NOT_AFTER_WORD = `(?<![${L}0-9])`;
const NOT_BEFORE_WORD = `(?![${L}0-9])`;
const MONTHS = `${arabicMonthPattern('gregorian')}|${arabicMonthPattern('hijri')}|(?:${englishMonthPattern()})\\.?`;
/** Clitics written onto a day number: "الـ17", "بـ6", "الـ ـ7" (tatweel folded away leaves "ال 7"). */
const DAY_CLITIC = '(?:[وبلف]?ال ?|[وبلف])?';
const ORDINAL_SUFFIX = '(?:st|nd|rd|th)?';
/** A second name of the same month: "كانون الثاني/ يناير", "يناير (كانون الثاني)". */
const SECOND_MONTH = `(?:\\s*[/(\\-]\\s*(?:${MONTHS})\\s*\\)?)?`;
/** "2022", "، 2022", "من عام 2022", with the marks "م" (AD), "ء" (Urdu) or "هـ" (Hijri, folded to ه). */
const YEAR_TAIL = `(?:\\s*[,،]?\\s*(?:(?:من\\s+)?(?:ال)?(?:عام|سنه)\\s+)?(\\d{4})(?:\\s?(م|ء|ه|ميلادي|ميلاديه)(?![${L}]))?(?![0-9]))?`;
const RANGE_JOIN = '(?:-|–|الي|حتي|و|to|until|and)';
/** "7 يونيو (حزيران) الماضي", "5 يناير الحالي": how the writer places the date from the day of writing. */
const DIRECTION_TAIL = '(?:\\s+(الماضي|الفايت|المنصرم|السابق|المقبل|القادم|الحالي|الجاري))?';

const DAY_MONTH = new RegExp(
  `${NOT_AFTER_WORD}(?:(ليله|ليل|night of)\\s+)?${DAY_CLITIC}(\\d{1,2})${ORDINAL_SUFFIX}(?:\\s*(${RANGE_JOIN}|علي)\\s*${DAY_CLITIC}(\\d{1,2})${ORDINAL_SUFFIX})?(?![0-9])\\s*(?:من\\s+|of\\s+)?(?:شهر\\s+)?(${MONTHS})${SECOND_MONTH}${YEAR_TAIL}${DIRECTION_TAIL}${NOT_BEFORE_WORD}`,
  'gi',
);
const ORDINAL_DAY_MONTH = new RegExp(
  `${NOT_AFTER_WORD}(?:[وبلف])?(${ordinalDayPattern()})\\s+من\\s+(?:شهر\\s+)?(${MONTHS})${SECOND_MONTH}${YEAR_TAIL}${DIRECTION_TAIL}${NOT_BEFORE_WORD}`,
  'gi',
);
const ENGLISH_MONTH_DAY = new RegExp(
  `(?<![A-Za-z])(${englishMonthPattern()})\\.?\\s+(\\d{1,2})${ORDINAL_SUFFIX}(?![0-9])(?:,?\\s+(\\d{4})(?![0-9]))?(?![A-Za-z])`,
  'gi',
);
const NUMERIC_DMY = new RegExp(`(?<![0-9/.\\-])(\\d{1,2})\\s{0,2}([/.\\-])\\s{0,2}(\\d{1,2})\\s{0,2}\\2\\s{0,2}(\\d{4})(?:\\s?(م|ه)(?![${L}]))?(?![0-9/])`, 'g');
const NUMERIC_YMD = new RegExp(`(?<![0-9/.\\-])(\\d{4})\\s{0,2}([/.\\-])\\s{0,2}(\\d{1,2})\\s{0,2}\\2\\s{0,2}(\\d{1,2})(?:\\s?(م|ه)(?![${L}]))?(?![0-9/])`, 'g');
const MONTH_YEAR = new RegExp(
  `${NOT_AFTER_WORD}(?:[وبلف])?(?:شهر\\s+)?(${MONTHS})${SECOND_MONTH}\\s*[,،]?\\s*(?:(?:من\\s+)?(?:ال)?(?:عام|سنه)\\s+)?(\\d{4})(?:\\s?(م|ء|ه)(?![${L}]))?(?![0-9])`,
  'gi',
);
const YEAR_ONLY = new RegExp(
  `${NOT_AFTER_WORD}(?:(?:[وبلف]?(?:ال)?(?:عام|سنه|لعام)|منذ|in|since|year|of)\\s+(\\d{4})(?:\\s?(م|ء|ه)(?![${L}]))?(?![0-9])|(?<![${L}0-9])(\\d{4})\\s?(م|ء|ه)(?![${L}0-9]))`,
  'gi',
);
const WEEKDAY = new RegExp(
  `${NOT_AFTER_WORD}(?:(ليله|ليل)\\s+)?(?:(?:[وبلف])?يوم\\s+)?(?:[وبلف])?(${weekdayPattern()})(?:\\s*(?:-|/|الي|علي)?\\s*(?:[وبلف])?(${weekdayPattern()}))?(?:\\s+(الماضي|الفايت|المنصرم|السابق|المقبل|القادم))?${NOT_BEFORE_WORD}`,
  'g',
);
const ENGLISH_WEEKDAY = /(?<![A-Za-z])(?:(last|next|on|this)\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?![A-Za-z])/gi;
const RELATIVE = new RegExp(
  `${NOT_AFTER_WORD}(?:(صباح|مساء|ظهر|عصر|فجر|ليل|ليله|يوم|نهار|منتصف\\s+ليل|منتصف\\s+ليله)\\s+)?(?:[وبلف])?(اليوم|امس\\s+الاول|اول\\s+من\\s+امس|اول\\s+امس|امس|الامس|البارحه|غدا|الغد|بعد\\s+غد|الليله\\s+الماضيه|الليله|هذا\\s+الصباح|هذا\\s+المساء)${NOT_BEFORE_WORD}`,
  'g',
);
const ENGLISH_RELATIVE = /(?<![A-Za-z])(today|tonight|yesterday|tomorrow|last\s+night|this\s+morning|this\s+evening)(?![A-Za-z])/gi;

/** Longer matches win overlaps; on equal length the more specific pattern does. */
const PRIORITY = new Map<RegExp, number>([
  [DAY_MONTH, 0],
  [ORDINAL_DAY_MONTH, 0],
  [ENGLISH_MONTH_DAY, 1],
  [NUMERIC_DMY, 1],
  [NUMERIC_YMD, 1],
  [MONTH_YEAR, 2],
  [YEAR_ONLY, 3],
  [RELATIVE, 4],
  [ENGLISH_RELATIVE, 4],
  [WEEKDAY, 5],
  [ENGLISH_WEEKDAY, 5],
]);

const HIJRI_MARK = 'ه';

/** Years a news text states: Gregorian 1000–2100, Hijri 1300–1500. */
function plausibleYear(year: number, hijri: boolean): boolean {
  return hijri ? year >= 1300 && year <= 1500 : year >= 1000 && year <= 2100;
}

/** A year with no mark is Hijri when it can only be a Hijri year of modern times (1350–1500). */
function isHijriYear(year: number, mark: string | undefined): boolean {
  if (mark === HIJRI_MARK) return true;
  if (mark) return false;
  return year >= 1350 && year <= 1500;
}

function dated(
  day: number | null,
  monthText: string,
  yearText: string | undefined,
  mark: string | undefined,
  kind: DateMention['kind'],
): Omit<RawMention, 'start' | 'end' | 'priority'> | null {
  const name = lookupMonth(monthText);
  if (!name) return null;
  if (!isCapitalisedEnglish(monthText)) return null;
  const year = yearText === undefined ? null : Number(yearText);
  const hijri = name.calendar === 'hijri';
  if (year !== null && !plausibleYear(year, hijri)) return null;
  if (day !== null && !isValidDay(hijri ? null : year, name.month, day)) return null;
  if (hijri) return hijriMention(year, name.month, day, kind);
  if (year !== null && mark === HIJRI_MARK) return null;
  return { kind, year, month: name.month, day, weekday: null };
}

function hijriMention(year: number | null, month: number, day: number | null, kind: DateMention['kind']): Omit<RawMention, 'start' | 'end' | 'priority'> {
  const gregorian = year !== null && day !== null ? hijriToGregorian(year, month, day) : null;
  return {
    kind,
    year: gregorian ? Number(gregorian.slice(0, 4)) : null,
    month: gregorian ? Number(gregorian.slice(5, 7)) : null,
    day: gregorian ? Number(gregorian.slice(8, 10)) : null,
    weekday: null,
    hijri: { year, month, day },
  };
}

/** English month names must be capitalised: "may 5" is a verb more often than a date. */
function isCapitalisedEnglish(monthText: string): boolean {
  const first = monthText.charCodeAt(0);
  return first >= 0x0600 || (first >= 0x41 && first <= 0x5a);
}

const readDayMonth: Reader = (m) => {
  const [, night, first, joinWord, second, month, year, mark, direction] = m;
  const day1 = Number(first);
  let mention: Omit<RawMention, 'start' | 'end' | 'priority'> | null;
  if (second !== undefined) {
    const day2 = Number(second);
    // "ليلة 5 على 6 يناير": the night of the 5th to the 6th is dated by the morning it ends on.
    if (night !== undefined) mention = dated(day2, month!, year, mark, 'explicit');
    else if (joinWord === 'علي' || day2 <= day1) return null;
    else {
      const start = dated(day1, month!, year, mark, 'range');
      mention = start ? { ...start, rangeEndDay: day2 } : null;
    }
  } else mention = dated(day1, month!, year, mark, 'explicit');
  return withDirection(mention, direction);
};

const readOrdinalDayMonth: Reader = (m) => {
  const day = ORDINAL_DAYS.get(m[1]!.replace(/\s+/g, ' '));
  if (day === undefined) return null;
  return withDirection(dated(day, m[2]!, m[3], m[4], 'explicit'), m[5]);
};

function withDirection(
  mention: Omit<RawMention, 'start' | 'end' | 'priority'> | null,
  word: string | undefined,
): Omit<RawMention, 'start' | 'end' | 'priority'> | null {
  if (!mention || word === undefined) return mention;
  return { ...mention, direction: directionOf(word) };
}

function directionOf(word: string): 'past' | 'next' | 'current' {
  if (PAST_WORDS.has(word)) return 'past';
  return word === 'الحالي' || word === 'الجاري' ? 'current' : 'next';
}

const readEnglishMonthDay: Reader = (m) => {
  const month = ENGLISH_MONTH_NAMES.get(m[1]!.toLowerCase());
  if (month === undefined || !isCapitalisedEnglish(m[1]!)) return null;
  const day = Number(m[2]);
  const year = m[3] === undefined ? null : Number(m[3]);
  if (year !== null && !plausibleYear(year, false)) return null;
  if (!isValidDay(year, month, day)) return null;
  return { kind: 'explicit', year, month, day, weekday: null };
};

function numeric(day: number, month: number, year: number, mark: string | undefined): Omit<RawMention, 'start' | 'end' | 'priority'> | null {
  const hijri = isHijriYear(year, mark);
  if (!plausibleYear(year, hijri)) return null;
  if (hijri) {
    if (month < 1 || month > 12 || day < 1 || day > 30) return null;
    return hijriMention(year, month, day, 'explicit');
  }
  if (!isValidDay(year, month, day)) {
    // mm/dd/yyyy as US pages write it, when dd/mm cannot be a date.
    if (isValidDay(year, day, month)) return { kind: 'explicit', year, month: day, day: month, weekday: null };
    return null;
  }
  return { kind: 'explicit', year, month, day, weekday: null };
}

const readNumericDmy: Reader = (m) => numeric(Number(m[1]), Number(m[3]), Number(m[4]), m[5]);
const readNumericYmd: Reader = (m) => numeric(Number(m[4]), Number(m[3]), Number(m[1]), m[5]);

const readMonthYear: Reader = (m) => dated(null, m[1]!, m[2], m[3], 'explicit');

const readYearOnly: Reader = (m) => {
  const yearText = m[1] ?? m[3];
  const mark = m[1] !== undefined ? m[2] : m[4];
  const year = Number(yearText);
  const hijri = isHijriYear(year, mark);
  if (!plausibleYear(year, hijri)) return null;
  // "in 2002" and "of 2002" are years only in English text; in Arabic these letters never precede digits.
  if (hijri) return { kind: 'explicit', year: null, month: null, day: null, weekday: null, hijri: { year, month: null, day: null } };
  return { kind: 'explicit', year, month: null, day: null, weekday: null };
};

const PAST_WORDS = new Set(['الماضي', 'الفايت', 'المنصرم', 'السابق']);

const readWeekday: Reader = (m) => {
  const [, night, first, second, direction] = m;
  // "ليل الأربعاء الخميس": the night from Wednesday to Thursday, dated by the Thursday it ends on.
  if (second !== undefined && night === undefined) return null;
  const weekday = WEEKDAY_NAMES.get(second ?? first!);
  if (weekday === undefined) return null;
  if (second !== undefined && WEEKDAY_NAMES.get(first!) !== (weekday + 6) % 7) return null;
  return {
    kind: 'weekday',
    year: null,
    month: null,
    day: null,
    weekday,
    ...(direction ? { direction: directionOf(direction) } : {}),
  };
};

const readEnglishWeekday: Reader = (m) => {
  const name = m[2]!;
  if (name.charCodeAt(0) > 0x5a) return null;
  const weekday = WEEKDAY_NAMES.get(name.toLowerCase());
  if (weekday === undefined) return null;
  const qualifier = m[1]?.toLowerCase();
  return {
    kind: 'weekday',
    year: null,
    month: null,
    day: null,
    weekday,
    ...(qualifier === 'last' ? { direction: 'past' as const } : qualifier === 'next' ? { direction: 'next' as const } : {}),
  };
};

const RELATIVE_DAYS: Record<string, number> = {
  اليوم: 0,
  امس: -1,
  الامس: -1,
  البارحه: -1,
  'امس الاول': -2,
  'اول من امس': -2,
  'اول امس': -2,
  غدا: 1,
  الغد: 1,
  'بعد غد': 2,
  'الليله الماضيه': -1,
  الليله: 0,
  'هذا الصباح': 0,
  'هذا المساء': 0,
};

/**
 * "اليوم" is also "the day" and part of names: "اليوم الوطني" (national
 * day), "اليوم التالي" (the next day), "روسيا اليوم" (RT), "اليوم السابع"
 * and «اليوم» (newspapers, one of them a SaudiNewsNet source), "حتى اليوم"
 * (to date). Those are not the day of writing.
 */
const NOT_TODAY_AFTER = new Set(
  [
    'الوطني', 'العالمي', 'الدولي', 'التالي', 'السابق', 'الاول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس',
    'السابع', 'الثامن', 'التاسع', 'العاشر', 'الاخير', 'نفسه', 'ذاته', 'الذي', 'التي', 'المفتوح', 'الدراسي', 'الموعود',
    'المشهود', 'الواحد', 'الاولمبي', 'الرياضي', 'الثقافي', 'العربي', 'الخليجي', 'السعودي', 'المصري', 'الجديد',
  ],
);
const NOT_TODAY_BEFORE = new Set(['روسيا', 'المصري', 'صحيفه', 'جريده', 'ذلك', 'هذا', 'حتي', 'الي', 'لحد', 'منذ', 'قناه', 'برنامج', 'موقع']);
const QUOTE_MARKS = '«»"“”\'';

function wordBefore(text: string, index: number): string {
  let end = index;
  while (end > 0 && text[end - 1] === ' ') end--;
  let start = end;
  while (start > 0 && /[\u0621-\u064A]/.test(text[start - 1]!)) start--;
  return text.slice(start, end);
}

function wordAfter(text: string, index: number): string {
  let start = index;
  while (start < text.length && text[start] === ' ') start++;
  let end = start;
  while (end < text.length && /[\u0621-\u064A]/.test(text[end]!)) end++;
  return text.slice(start, end);
}

const readRelative: Reader = (m, text) => {
  const word = m[2]!.replace(/\s+/g, ' ');
  const days = RELATIVE_DAYS[word];
  if (days === undefined) return null;
  if (word === 'اليوم' || word === 'الليله') {
    const at = m.index + m[0].length - m[2]!.length;
    const end = m.index + m[0].length;
    if (NOT_TODAY_AFTER.has(wordAfter(text, end))) return null;
    if (m[1] === undefined && NOT_TODAY_BEFORE.has(wordBefore(text, m.index))) return null;
    if (QUOTE_MARKS.includes(text[at - 1] ?? '') || QUOTE_MARKS.includes(text[end] ?? '')) return null;
  }
  return { kind: 'relative', year: null, month: null, day: null, weekday: null, relativeDays: days };
};

const ENGLISH_RELATIVE_DAYS: Record<string, number> = {
  today: 0,
  tonight: 0,
  yesterday: -1,
  tomorrow: 1,
  'last night': -1,
  'this morning': 0,
  'this evening': 0,
};

const readEnglishRelative: Reader = (m) => {
  const days = ENGLISH_RELATIVE_DAYS[m[1]!.toLowerCase().replace(/\s+/g, ' ')];
  if (days === undefined) return null;
  return { kind: 'relative', year: null, month: null, day: null, weekday: null, relativeDays: days };
};

/**
 * Dates of a Latin-script language read only in its own texts, day before
 * month as French writes them: "25 juillet 2015", "le 1er mars", "mars
 * 2015", "jeudi" (joined to a following date by {@link merge}). Month names
 * are matched case-insensitively: French writes them in lower case.
 */
interface OwnLanguagePattern {
  pattern: RegExp;
  read: Reader;
}

const OWN_LANGUAGE_PATTERNS = new Map<string, OwnLanguagePattern[]>();

function ownLanguagePatterns(module: LanguageModule): OwnLanguagePattern[] {
  const cached = OWN_LANGUAGE_PATTERNS.get(module.code);
  if (cached) return cached;
  const months = new Map<string, number>();
  for (const [month, forms] of module.calendar.months.gregorian ?? []) for (const form of forms) months.set(form.toLowerCase(), month);
  const weekdays = new Map<string, number>();
  for (const [weekday, forms] of module.calendar.weekdays) for (const form of forms) weekdays.set(form.toLowerCase(), weekday);
  const firstDay = new Set((module.calendar.firstDay ?? []).map((form) => form.toLowerCase()));
  const alternation = (forms: Iterable<string>): string => [...forms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const before = '(?<![\\p{L}\\p{N}])';
  const after = '(?![\\p{L}\\p{N}])';
  // An abbreviation's dot belongs to the date only before a year: in "depuis le 3 mars." it ends the sentence.
  const month = `(${alternation(months.keys())})(?:\\.(?=\\s+\\d{4}))?`;
  const day = `(${[...firstDay].map(escapeRegExp).concat('\\d{1,2}').join('|')})`;
  const monthOf = (text: string): number | undefined => months.get(text.toLowerCase());
  const dayMonth: Reader = (m) => {
    const monthNumber = monthOf(m[2]!);
    const dayNumber = firstDay.has(m[1]!.toLowerCase()) ? 1 : Number(m[1]);
    const year = m[3] === undefined ? null : Number(m[3]);
    if (monthNumber === undefined || (year !== null && !plausibleYear(year, false)) || !isValidDay(year, monthNumber, dayNumber)) return null;
    return { kind: 'explicit', year, month: monthNumber, day: dayNumber, weekday: null };
  };
  const monthYear: Reader = (m) => {
    const monthNumber = monthOf(m[1]!);
    const year = Number(m[2]);
    if (monthNumber === undefined || !plausibleYear(year, false)) return null;
    return { kind: 'explicit', year, month: monthNumber, day: null, weekday: null };
  };
  const weekday: Reader = (m) => {
    const number = weekdays.get(m[1]!.toLowerCase());
    return number === undefined ? null : { kind: 'weekday', year: null, month: null, day: null, weekday: number };
  };
  const patterns: OwnLanguagePattern[] = [
    { pattern: new RegExp(`${before}${day}\\s+${month}(?:\\s+(\\d{4}))?${after}`, 'giu'), read: dayMonth },
    { pattern: new RegExp(`${before}${month}\\s+(\\d{4})${after}`, 'giu'), read: monthYear },
    { pattern: new RegExp(`${before}(${alternation(weekdays.keys())})${after}`, 'giu'), read: weekday },
  ];
  // Same ranks as the Arabic and English day-month, month-year and weekday patterns.
  patterns.forEach(({ pattern }, i) => PRIORITY.set(pattern, [0, 2, 5][i]!));
  OWN_LANGUAGE_PATTERNS.set(module.code, patterns);
  return patterns;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function dropOverlaps(raw: RawMention[]): RawMention[] {
  raw.sort((a, b) => b.end - b.start - (a.end - a.start) || a.priority - b.priority || a.start - b.start);
  const kept: RawMention[] = [];
  for (const m of raw) {
    if (kept.some((k) => m.start < k.end && k.start < m.end)) continue;
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** What may separate a relative word from its weekday, or either from the date it names: "أمس (الأربعاء)", "اليوم الأحد الموافق 26 يوليو". */
const JOIN_GAP = /^[\s,،()\-–]*(?:الموافق\s*ل?\s*)?$/;

/**
 * Joins what the text says about one day into one mention: "مساء أمس" +
 * "الأربعاء" (yesterday, which was a Wednesday), "الإثنين" + "23 ديسمبر
 * 2024" (a weekday and a date: one day, whose weekday can then fix or check
 * the year).
 */
function merge(text: string, mentions: RawMention[]): RawMention[] {
  const out: RawMention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    let current = { ...mentions[i]! };
    for (;;) {
      const next = mentions[i + 1];
      if (!next) break;
      const gap = text.slice(current.end, next.start);
      if (!JOIN_GAP.test(gap)) break;
      const joined = join(current, next);
      if (!joined) break;
      // "أمس (الأربعاء)": the closing parenthesis belongs to the mention too.
      if (gap.includes('(') && text[joined.end] === ')') joined.end++;
      current = joined;
      i++;
    }
    out.push(current);
  }
  return out;
}

function join(a: RawMention, b: RawMention): RawMention | null {
  const span = { start: a.start, end: b.end, priority: Math.min(a.priority, b.priority) };
  if (a.kind === 'relative' && b.kind === 'weekday' && a.weekday === null && b.direction === undefined) {
    return { ...a, ...span, weekday: b.weekday };
  }
  if ((a.kind === 'relative' || a.kind === 'weekday') && b.kind === 'explicit' && b.day !== null && b.month !== null) {
    const weekday = a.weekday ?? b.weekday;
    const fields = { ...b, ...span, kind: a.kind === 'relative' ? ('relative' as const) : ('explicit' as const), weekday };
    if (a.relativeDays !== undefined) fields.relativeDays = a.relativeDays;
    // "الثلاثاء المقبل 28 يوليو الحالي": the weekday's next or past says more than the month's current.
    if (a.direction !== undefined && (b.direction === undefined || b.direction === 'current')) fields.direction = a.direction;
    return fields;
  }
  return null;
}

function toMention(folded: FoldedText, m: RawMention): DateMention {
  const start = folded.originalStart(m.start);
  const end = folded.originalEnd(m.end);
  let { year, month, day } = m;
  let date = year !== null && month !== null && day !== null ? isoDate(year, month, day) : null;
  // A Hijri date converted by tables can be a day off what the outlet printed; its own weekday settles it.
  if (date && m.hijri && m.weekday !== null && weekdayOfIso(date) !== m.weekday) {
    for (const shift of [-1, 1]) {
      const shifted = addDays(date, shift);
      if (weekdayOfIso(shifted) === m.weekday) {
        date = shifted;
        [year, month, day] = [Number(shifted.slice(0, 4)), Number(shifted.slice(5, 7)), Number(shifted.slice(8, 10))];
        break;
      }
    }
  }
  const mention: DateMention = {
    date,
    year,
    month,
    day,
    weekday: m.weekday,
    kind: m.kind,
    text: folded.original.slice(start, end),
    start,
    end,
  };
  if (m.relativeDays !== undefined) mention.relativeDays = m.relativeDays;
  if (m.direction) mention.direction = m.direction;
  if (m.rangeEndDay !== undefined) mention.rangeEndDay = m.rangeEndDay;
  if (m.hijri) {
    mention.calendar = 'hijri';
    mention.hijri = m.hijri;
  }
  return mention;
}
