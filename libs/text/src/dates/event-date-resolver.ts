import { normalizeArabic } from '../normalize/arabic-normalizer';
import { addDays, hijriToGregorian, hijriYearOf, isoDate, latestDayMonth, latestWeekday, toIsoDay, weekdayOfIso } from './calendar-date';
import { DateMention, extractDates } from './date-extractor';

/**
 * The day the article's main event happened, and why we think so.
 *
 * - `explicit`: the text states the full date of the event.
 * - `relative-to-published`: a relative word or weekday ("أمس", "الخميس") resolved against the publication date.
 * - `relative-to-text-date`: the same, against a full date the text itself gives for the day of writing.
 * - `weekday-and-day-month`: the text gives a day and month without a year and the weekday of that day; the
 *   year is the latest one (not after ingestion) in which that day falls on that weekday.
 * - `published`: the text gives no date at all; the publication date stands in for it.
 * - `none`: nothing in the text or metadata fixes the day.
 */
export interface EventDate {
  date: string | null;
  basis: 'explicit' | 'relative-to-published' | 'weekday-and-day-month' | 'relative-to-text-date' | 'published' | 'none';
  /** The surface texts the answer rests on, in the order they were used. */
  evidence: string[];
}

export interface EventDateInput {
  text: string;
  title?: string | null;
  publishedAt?: string | null;
  /** ISO timestamp; defaults to now. No event date is ever later than this day. */
  ingestedAt?: string;
  language?: string | null;
  /** Mentions already extracted from `text`; extracted here when absent. */
  dates?: DateMention[];
}

type Basis = EventDate['basis'];

/** The day of writing, as far as the text and metadata fix it. */
interface Anchor {
  date: string;
  basis: Basis;
  evidence: string[];
}

const NONE: EventDate = { date: null, basis: 'none', evidence: [] };
/** Arabic letters, for word boundaries in patterns run on the text as written. */
const AR = '\\u0621-\\u064A';

/**
 * Rules, in order, each one explainable from the text:
 *
 * 1. Mentions that cannot date the event are set aside: a lone date line at
 *    the top of the page (the page's own date, before the title), dates in
 *    background sentences ("يشار إلى أن ... انبثق في 2002"), dates whose year
 *    is well before the text's latest year (founding dates, history), ranges,
 *    and anything in the future of the day of writing.
 * 2. The day of writing ("today") comes from the publication date; without
 *    one, from the text: a relative word joined to a full date ("اليوم الأحد
 *    الموافق 26 يوليو 2015"), a full date in the dateline of the lead, or a
 *    stated weekday of today ("اليوم الخميس") matched with a date in the
 *    text that falls on that weekday ("6 يناير"; without a year the latest
 *    year in which 6 January was a Thursday).
 * 3. The event is the first remaining mention in text order: news states
 *    the main event first. A full date is taken as written; a relative word
 *    or weekday is resolved against the day of writing. When that first
 *    mention cannot be resolved the answer is `none`: a later date in the
 *    text is more likely background than the event.
 */
export function resolveEventDate(input: EventDateInput): EventDate {
  const text = input.text;
  const ingest = toIsoDay(input.ingestedAt ?? null) ?? new Date().toISOString().slice(0, 10);
  const published = toIsoDay(input.publishedAt ?? null);
  const publishedDay = published !== null && published <= ingest ? published : null;
  const mentions = input.dates ?? extractDates(text, input.language);
  if (mentions.length === 0) return publishedDay ? fromPublished(publishedDay) : NONE;

  const lines = splitLines(text);
  const chromeEnd = pageHeadEnd(lines, mentions, input.title ?? null);
  const usable = mentions.filter((m) => m.start >= chromeEnd && !inBackgroundSentence(text, m));
  const referenceYear = latestStatedYear(usable, publishedDay ?? ingest);
  const current = usable.filter((m) => !isHistorical(m, publishedDay, referenceYear));

  const anchor: Anchor | null = publishedDay
    ? { date: publishedDay, basis: 'relative-to-published', evidence: [] }
    : anchorFromText(text, lines, chromeEnd, current, ingest);

  const leadEnd = leadZoneEnd(lines, chromeEnd);
  for (const mention of current) {
    if (mention.start >= leadEnd) break;
    if (!isEventCandidate(text, mention)) continue;
    const resolved = resolveMention(mention, anchor, ingest);
    if (resolved === 'unresolved') return publishedDay ? fromPublished(publishedDay) : NONE;
    if (resolved === null || resolved.date === null || resolved.date > ingest) continue;
    return resolved;
  }
  return publishedDay ? fromPublished(publishedDay) : NONE;
}

function fromPublished(day: string): EventDate {
  return { date: day, basis: 'published', evidence: [] };
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ start, end, text: text.slice(start, end) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

const TOP_LINES = 12;
/** A line is a date line when a mention covers this share of its letters: "الإثنين 23 ديسمبر 2024". */
const DATE_LINE_COVER = 0.7;

/**
 * Offset where the page head ends: past the line repeating the title, when
 * it is among the first lines (what precedes a headline is page chrome), and
 * past lone date lines at the top. Callers strip chrome; this only makes the
 * resolver robust when they did not.
 */
function pageHeadEnd(lines: Line[], mentions: DateMention[], title: string | null): number {
  let end = 0;
  const titleKey = title ? matchingKey(title) : '';
  let seen = 0;
  for (const line of lines) {
    if (seen >= TOP_LINES) break;
    const trimmed = line.text.trim();
    if (trimmed === '') continue;
    seen++;
    // Only a line about as long as the title can repeat it; the length test spares normalising whole paragraphs.
    const titleLength = title?.length ?? 0;
    const titleSized = trimmed.length >= titleLength * 0.5 && trimmed.length <= titleLength * 2;
    if (titleKey.length >= 10 && titleSized && matchingKey(trimmed) === titleKey) {
      end = line.end;
      continue;
    }
    if (seen > DATE_LINE_TOP) continue;
    let covered = 0;
    for (const m of mentions) if (m.start >= line.start && m.end <= line.end) covered += m.end - m.start;
    if (covered >= trimmed.length * DATE_LINE_COVER) end = Math.max(end, line.end);
  }
  return end;
}

/** A page's own date line sits among its first lines. */
const DATE_LINE_TOP = 3;

function matchingKey(text: string): string {
  return normalizeArabic(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Sentences that give background rather than news: "يشار إلى أن", "يذكر
 * أن", founding and birth ("انبثق", "تأسس", "ولد", "founded"), "منذ"
 * (since). Their dates are history even when recent.
 */
const BACKGROUND_CUES = new RegExp(
  `(?:^|[^${AR}])(?:يشار|يذكر|و?ت[أا]سس|ت[أا]سست|انبثق|انبثقت|[أا]نشئ|[أا]نشئت|ولد|ولدت|ت[أا]سيس|founded|established|was born)(?![${AR}])`,
  'i',
);
const SINCE_BEFORE = /(?:منذ|since)\s*$/i;

function inBackgroundSentence(text: string, mention: DateMention): boolean {
  if (SINCE_BEFORE.test(text.slice(Math.max(0, mention.start - 12), mention.start))) return true;
  return BACKGROUND_CUES.test(sentenceAround(text, mention.start, mention.end));
}

/** The sentence holding [start, end): from the last . ! ? ؟ or line break before it to the next one after. */
function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !isSentenceEnd(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !isSentenceEnd(text.charCodeAt(to))) to++;
  return text.slice(from, to);
}

function isSentenceEnd(code: number): boolean {
  return code === 0x2e || code === 0x21 || code === 0x3f || code === 0x061f || code === 0x0a;
}

/** The latest year the text states that is not after ingestion: the year the story lives in. */
function latestStatedYear(mentions: DateMention[], notAfter: string): number | null {
  const limit = Number(notAfter.slice(0, 4));
  let latest: number | null = null;
  for (const m of mentions) if (m.year !== null && m.year <= limit && (latest === null || m.year > latest)) latest = m.year;
  return latest;
}

/** More than a year before the story's year (or the publication's): history, not the event. */
function isHistorical(mention: DateMention, publishedDay: string | null, referenceYear: number | null): boolean {
  if (mention.year === null) return false;
  const reference = publishedDay ? Number(publishedDay.slice(0, 4)) : referenceYear;
  return reference !== null && mention.year < reference - 1;
}

/**
 * Ranges, bare years and months, and the future do not date an event that
 * has happened: "غدا", "السبت القادم", "12 أغسطس المقبل", and dates in a
 * sentence about what is planned ("من المقرر أن ... في 29 يوليو").
 */
function isEventCandidate(text: string, m: DateMention): boolean {
  if (m.kind === 'range' || m.direction === 'next') return false;
  if (m.kind === 'explicit') {
    if (m.day === null && (m.hijri?.day ?? null) === null) return false;
    return !FUTURE_CUES.test(normalizeArabic(sentenceAround(text, m.start, m.end)));
  }
  if (m.kind === 'relative') return (m.relativeDays ?? 0) <= 0;
  return true;
}

function anchorFromText(text: string, lines: Line[], chromeEnd: number, mentions: DateMention[], ingest: string): Anchor | null {
  // A relative word joined to its date: "اليوم الأحد الموافق 26 يوليو 2015".
  for (const m of mentions) {
    if (m.kind === 'relative' && m.date !== null) {
      const date = addDays(m.date, -(m.relativeDays ?? 0));
      if (date <= ingest) return { date, basis: 'relative-to-text-date', evidence: [m.text] };
    }
  }
  const todayWeekdays = statedWeekdaysOfToday(mentions);
  const dateline = datelineDate(text, lines, chromeEnd, mentions);
  if (dateline && dateline.date! <= ingest && (todayWeekdays.length === 0 || todayWeekdays[0]!.weekday === weekdayOfIso(dateline.date!))) {
    return { date: dateline.date!, basis: 'relative-to-text-date', evidence: [dateline.text] };
  }
  const today = todayWeekdays[0];
  if (!today) return null;
  const statedYears = [...new Set(mentions.filter((m) => m.year !== null).map((m) => m.year!))];
  const currentMonth = statedCurrentMonth(mentions);
  const candidates = mentions.filter(
    (m) => m.kind === 'explicit' && m.month !== null && m.day !== null && m.calendar !== 'hijri' && couldBeToday(text, m, today.weekday, currentMonth),
  );
  // Dates the text gives with their year first: the weekday then tests them rather than choosing their year.
  for (const m of candidates) {
    if (m.date !== null && m.date <= ingest && weekdayOfIso(m.date) === today.weekday) {
      return { date: m.date, basis: 'relative-to-text-date', evidence: [today.text, m.text] };
    }
  }
  for (const m of candidates) {
    if (m.date !== null) continue;
    const date = yearForWeekday(m.month!, m.day!, today.weekday, statedYears, ingest);
    if (date) return { date, basis: 'weekday-and-day-month', evidence: [today.text, m.text] };
  }
  return null;
}

/**
 * Whether a stated date may be the day of writing: not placed in the past
 * or future by the text ("7 يونيو الماضي", "12 أغسطس المقبل"), not a
 * deadline ("حتى 30 يوليو"), not in a sentence about what will happen
 * ("من المقرر", "سوف"), not another weekday than today's, and in the month
 * the text calls current when it names one ("25 يوليو الجاري").
 */
function couldBeToday(text: string, m: DateMention, todayWeekday: number, currentMonth: number | null): boolean {
  if (m.direction !== undefined) return false;
  if (m.weekday !== null && m.weekday !== todayWeekday) return false;
  if (currentMonth !== null && m.month !== currentMonth) return false;
  if (m.date !== null) return true;
  const before = text.slice(Math.max(0, m.start - 14), m.start);
  if (!DAY_INTRO_BEFORE.test(before) && !DAY_INTRO_START.test(m.text)) return false;
  return !FUTURE_CUES.test(sentenceAround(text, m.start, m.end));
}

/**
 * A date that names the day something happened is introduced as one: "في
 * 6 يناير", "يوم 6 يناير", "ليلة 5 على 6 يناير", "on January 6". Without
 * that it is a deadline ("حتى 30 يوليو"), a start ("منذ 29 مايو") or a name
 * ("ملعب 22 مايو", "ثورة 25 يناير").
 */
const DAY_INTRO_BEFORE = new RegExp(`(?:^|[^${AR}])(?:في|فى|يوم|ليلة|ليله|ليل|صباح|مساء|فجر|ظهر|عصر|بتاريخ|تاريخ|الموافق|on)\\s*[(،,]?\\s*$`, 'i');
const DAY_INTRO_START = /^(?:ليل|ليلة|يوم|night)/i;
/**
 * Words of plans and schedules: a date in their sentence is when something
 * is to happen ("يبدأ التقديم اعتبارا من 10/10/1436هـ", "تقيم ... مساء الأحد 26
 * يوليو"), not the reported event.
 */
const FUTURE_CUES = new RegExp(
  `(?:^|[^${AR}])[وف]?(?:سوف|المقرر|القادم|المقبل|مقرر|المنتظر|ينتظر|المتوقع|المرتقب|يعتزم|تعتزم|ستعقد|سيعقد|يعقد|تعقد|ستنطلق|سينطلق|ينطلق|تنطلق|سيبد[أا]|ستبد[أا]|يبد[أا]|تبد[أا]|يقام|تقام|يقيم|تقيم|ينظم|تنظم|سيتم|ستكون|سيكون|يستمر|تستمر|موعد|موعدا|مواعيد|اعتبار(?:ا\\u064B?|\\u064Bا?)?|ابتداء|بدء(?:ا\\u064B?|\\u064Bا?)?|will|scheduled|expected to|starting)(?![${AR}])`,
  'i',
);

/** The month the text calls current ("5 يناير الحالي", "25 يوليو الجاري"), when it names exactly one. */
function statedCurrentMonth(mentions: DateMention[]): number | null {
  const months = new Set(mentions.filter((m) => m.direction === 'current' && m.month !== null).map((m) => m.month!));
  return months.size === 1 ? [...months][0]! : null;
}

/** Today's weekday as the text states it: "اليوم الخميس" → Thursday; "أمس الأربعاء" → today is Thursday. */
function statedWeekdaysOfToday(mentions: DateMention[]): Array<{ weekday: number; text: string }> {
  const found: Array<{ weekday: number; text: string; distance: number }> = [];
  for (const m of mentions) {
    if (m.kind !== 'relative' || m.weekday === null) continue;
    const days = m.relativeDays ?? 0;
    if (days < -2 || days > 0) continue;
    found.push({ weekday: (m.weekday - days + 7 * 3) % 7, text: m.text, distance: -days });
  }
  // "اليوم الخميس" says it outright; "أمس الأربعاء" says it by one step.
  return found.sort((a, b) => a.distance - b.distance);
}

/**
 * A year for a day and month the text gives without one: a year the text
 * states elsewhere in which that day falls on `weekday`, or else the latest
 * such year not after ingestion. When the text states years and none fits,
 * the weekday contradicts them and no date is made up.
 */
function yearForWeekday(month: number, day: number, weekday: number, statedYears: number[], ingest: string): string | null {
  if (statedYears.length > 0) {
    const fits = statedYears
      .filter((year) => isoDate(year, month, day) <= ingest && weekdayOfIso(isoDate(year, month, day)) === weekday)
      .sort((a, b) => b - a);
    return fits.length > 0 ? isoDate(fits[0]!, month, day) : null;
  }
  return latestDayMonth(month, day, ingest, weekday);
}

/**
 * The part of the body that reports the news: its first paragraphs. Dates
 * past it are background more often than the event; they may still anchor
 * the day of writing, but do not date the event themselves.
 */
const LEAD_PARAGRAPHS = 3;
const LEAD_MAX_CHARS = 1500;

function leadZoneEnd(lines: Line[], chromeEnd: number): number {
  let paragraphs = 0;
  const seen = new Set<string>();
  for (const line of lines) {
    if (line.start < chromeEnd) continue;
    if (line.start - chromeEnd >= LEAD_MAX_CHARS) return line.start;
    // A headline repeated in the page (title, h1, share card) is one paragraph, not three.
    const key = line.text.trim();
    if (seen.has(key)) continue;
    seen.add(key);
    if (hasWords(line.text, LEAD_MIN_WORDS) && ++paragraphs === LEAD_PARAGRAPHS) return Math.min(line.end, chromeEnd + LEAD_MAX_CHARS);
  }
  return Math.min(lines[lines.length - 1]?.end ?? 0, chromeEnd + LEAD_MAX_CHARS);
}

/** Words in a line, counted up to `enough`. */
function hasWords(text: string, enough: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) <= 0x20;
    if (!space && !inWord && ++words >= enough) return true;
    inWord = !space;
  }
  return false;
}

/**
 * A dateline: a full date near the head of the first paragraph and closed
 * by the punctuation datelines use ("( ... / سبوتنيك - 11 كانون الثاني
 * 2022ء) أعلن", "الرياض 21 يوليو 2015 (واس):"). A date inside the
 * paragraph's sentence ("وقعت في 3 يوليو 2015 في جدة") is an event of its own.
 */
const DATELINE_REACH = 120;
const DATELINE_CLOSE = /^\s*[)(:\-–—|]/;
const LEAD_MIN_WORDS = 8;
const FIRST_PARAGRAPH_MIN_WORDS = 4;

function datelineDate(text: string, lines: Line[], chromeEnd: number, mentions: DateMention[]): DateMention | null {
  const lead = lines.find((l) => l.start >= chromeEnd && hasWords(l.text, FIRST_PARAGRAPH_MIN_WORDS));
  if (!lead) return null;
  for (const m of mentions) {
    if (m.start < lead.start || m.start > lead.start + DATELINE_REACH) continue;
    if (m.kind === 'explicit' && m.date !== null && (m.start === lead.start || DATELINE_CLOSE.test(text.slice(m.end, m.end + 4)))) return m;
    return null;
  }
  return null;
}

/** 'unresolved' when the mention needs a day of writing the text and metadata do not give. */
function resolveMention(m: DateMention, anchor: Anchor | null, ingest: string): EventDate | 'unresolved' | null {
  if (m.kind === 'explicit' || (m.kind === 'relative' && m.month !== null && m.day !== null)) {
    if (m.date !== null) return { date: m.date, basis: 'explicit', evidence: [m.text] };
    if (m.calendar === 'hijri') return resolveHijriDayMonth(m, anchor);
    if (m.month === null || m.day === null) return null;
    if (m.weekday !== null) {
      const date = latestDayMonth(m.month, m.day, anchor?.date ?? ingest, m.weekday);
      return date ? { date, basis: 'weekday-and-day-month', evidence: [m.text] } : null;
    }
    if (anchor) {
      const date = latestDayMonth(m.month, m.day, anchor.date, null);
      return date ? { date, basis: anchor.basis, evidence: [m.text, ...anchor.evidence] } : null;
    }
    return 'unresolved';
  }
  if (!anchor) return 'unresolved';
  const evidence = [m.text, ...anchor.evidence.filter((e) => e !== m.text)];
  if (m.kind === 'relative') {
    let date = addDays(anchor.date, m.relativeDays ?? 0);
    // Published just after midnight, written the day before: the stated weekday wins over the arithmetic.
    if (m.weekday !== null && weekdayOfIso(date) !== m.weekday) date = latestWeekday(m.weekday, date);
    return { date, basis: anchor.basis, evidence };
  }
  if (m.weekday === null) return null;
  return { date: latestWeekday(m.weekday, anchor.date, m.direction === 'past'), basis: anchor.basis, evidence };
}

/** A Hijri day and month without a year ("15 شعبان"): the latest such day on or before the day of writing. */
function resolveHijriDayMonth(m: DateMention, anchor: Anchor | null): EventDate | 'unresolved' | null {
  const month = m.hijri?.month ?? null;
  const day = m.hijri?.day ?? null;
  if (month === null || day === null) return null;
  if (!anchor) return 'unresolved';
  const year = hijriYearOf(anchor.date);
  for (const candidate of [year, year - 1]) {
    const date = hijriToGregorian(candidate, month, day);
    if (date !== null && date <= anchor.date) return { date, basis: anchor.basis, evidence: [m.text, ...anchor.evidence] };
  }
  return null;
}
