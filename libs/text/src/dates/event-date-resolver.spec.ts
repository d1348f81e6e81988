import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractDates } from './date-extractor';
import { resolveEventDate } from './event-date-resolver';

const SEEDS = join(__dirname, '..', '..', '..', '..', 'seeds');
const seed = (name: string): string => readFileSync(join(SEEDS, `${name}.txt`), 'utf8');
const INGESTED = '2026-11-23T08:00:00Z';

describe(resolveEventDate.name, () => {
  describe('the seed articles, without publication dates', () => {
    it('000: "اليوم الخميس" with "6 يناير 2022" in the text, not the page date above the title', () => {
      const result = resolveEventDate({ text: seed('000_bad8e802af1c2755'), ingestedAt: INGESTED });
      expect(result).toEqual({ date: '2022-01-06', basis: 'relative-to-text-date', evidence: ['اليوم الخميس', '6 يناير 2022'] });
    });

    it('001: the dateline "11 كانون الثاني 2022ء", not the earlier decision of 9 January', () => {
      const result = resolveEventDate({ text: seed('001_92923d39de616abf'), ingestedAt: INGESTED });
      expect(result).toMatchObject({ date: '2022-01-11', basis: 'explicit' });
      expect(result.date).not.toBe('2022-01-09');
    });

    it('002: a bare "اليوم" with nothing to anchor it gives no date', () => {
      expect(resolveEventDate({ text: seed('002_030cbb14993c2279'), ingestedAt: INGESTED })).toEqual({ date: null, basis: 'none', evidence: [] });
    });

    it('003: Thursday and "ليلة 5 على 6 يناير" fix the year to 2022', () => {
      const result = resolveEventDate({ text: seed('003_c6bd811635cf9353'), ingestedAt: INGESTED });
      expect(result).toMatchObject({ date: '2022-01-06', basis: 'weekday-and-day-month' });
      expect(result.evidence).toEqual(expect.arrayContaining(['اليوم الخميس', 'ليلة 5 على 6 يناير']));
    });

    it('004: "اليوم الخميس" with "January 6, 2022" in the embedded posts; never the founding dates 2002 and 1992', () => {
      const result = resolveEventDate({ text: seed('004_32a7d781b44889d9'), ingestedAt: INGESTED });
      expect(result).toMatchObject({ date: '2022-01-06', basis: 'relative-to-text-date' });
      expect(['2002-10-07', '1992-05-17']).not.toContain(result.date);
    });

    it('gives the same answers when the title is passed and the page head is stripped', () => {
      const text = seed('000_bad8e802af1c2755').split('\n').slice(16).join('\n');
      const title = 'منظمة معاهدة الأمن الجماعي بقيادة روسيا ترسل قوات حفظ سلام إلى كازاخستان';
      expect(resolveEventDate({ text, title, ingestedAt: INGESTED }).date).toBe('2022-01-06');
    });
  });

  describe('with a publication date', () => {
    it('resolves "أمس" against it', () => {
      const text = 'أعلنت وزارة الداخلية أمس القبض على خمسة مشتبه بهم في الرياض.';
      expect(resolveEventDate({ text, publishedAt: '2015-07-22T06:00:00Z', ingestedAt: '2015-07-28' })).toEqual({
        date: '2015-07-21',
        basis: 'relative-to-published',
        evidence: ['أمس'],
      });
    });

    it('resolves a weekday to the latest such day, and lets the stated weekday win over midnight arithmetic', () => {
      expect(resolveEventDate({ text: 'Russian troops arrived in Almaty on Thursday, officials said.', publishedAt: '2022-01-07T10:00:00Z' }).date).toBe(
        '2022-01-06',
      );
      expect(resolveEventDate({ text: 'أعلنت المنظمة اليوم الخميس إرسال قوات', publishedAt: '2022-01-07T00:30:00Z' }).date).toBe('2022-01-06');
    });

    it('falls back to the publication date when the text states none', () => {
      expect(resolveEventDate({ text: 'دعت الأمم المتحدة إلى ضبط النفس.', publishedAt: '2022-01-06T12:00:00Z' })).toEqual({
        date: '2022-01-06',
        basis: 'published',
        evidence: [],
      });
    });

    it('takes a full date in the lead as written', () => {
      const text = 'وقعت الحكومة في 3 يناير 2022 اتفاقا مع النقابات.';
      expect(resolveEventDate({ text, publishedAt: '2022-01-06' })).toMatchObject({ date: '2022-01-03', basis: 'explicit' });
    });

    it('ignores a publication date after ingestion', () => {
      expect(resolveEventDate({ text: 'أعلن أمس أن', publishedAt: '2030-01-01', ingestedAt: '2022-01-06' })).toMatchObject({ date: null, basis: 'none' });
    });
  });

  describe('without a publication date', () => {
    it('anchors today on a relative word joined to its date', () => {
      const text = 'أعلنت الهيئة أمس الاثنين الموافق 20 يوليو 2015 عن بدء التسجيل.';
      expect(resolveEventDate({ text, ingestedAt: '2015-07-28' })).toMatchObject({ date: '2015-07-20', basis: 'explicit' });
      expect(resolveEventDate({ text: `قالت الهيئة إنها ستبدأ اليوم.\n${text}`, ingestedAt: '2015-07-28' })).toMatchObject({
        date: '2015-07-21',
        basis: 'relative-to-text-date',
      });
    });

    it('anchors today on a dateline at the head of the lead', () => {
      const text = 'الرياض - 21 يوليو 2015 (واس): أعلنت وزارة الصحة أمس تسجيل ثلاث حالات جديدة في المنطقة الشرقية.';
      expect(resolveEventDate({ text, ingestedAt: '2015-07-28' })).toMatchObject({ date: '2015-07-21', basis: 'explicit' });
    });

    it('does not take a date the text places in the past, the future or a plan as today', () => {
      const text = 'أعلنت الشركة اليوم الخميس أن الانتخابات التي جرت في السابع من يونيو الماضي أظهرت تقدما، ومن المقرر أن تعلن النتائج في 13 أغسطس.';
      expect(resolveEventDate({ text, ingestedAt: '2015-07-28' })).toEqual({ date: null, basis: 'none', evidence: [] });
    });

    it('never takes a date after ingestion, or a historical one from a background sentence', () => {
      expect(resolveEventDate({ text: 'تنطلق البطولة في 12 أغسطس 2015 بمشاركة عشرة فرق.', ingestedAt: '2015-07-28' }).date).toBeNull();
      const history = 'يشار إلى أن المنظمة انبثقت في 7 أكتوبر 2002 عن معاهدة الأمن الجماعي.';
      expect(resolveEventDate({ text: history, ingestedAt: '2015-07-28' }).date).toBeNull();
    });

    it('answers none when the first date of the lead needs an anchor it does not have', () => {
      const text = 'أعلنت الوزارة أمس أن التحقيقات مستمرة.\nوكانت الحادثة وقعت في 3 يوليو 2015 في جدة.';
      expect(resolveEventDate({ text, ingestedAt: '2015-07-28' })).toEqual({ date: null, basis: 'none', evidence: [] });
    });

    it('uses mentions passed in instead of extracting again', () => {
      const text = 'وقع الاتفاق في 3 يناير 2022.';
      const dates = extractDates(text);
      expect(resolveEventDate({ text, dates, ingestedAt: INGESTED })).toMatchObject({ date: '2022-01-03', evidence: ['3 يناير 2022'] });
      expect(resolveEventDate({ text, dates: [], ingestedAt: INGESTED }).date).toBeNull();
    });
  });
});
