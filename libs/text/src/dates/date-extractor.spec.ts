import { DateMention, extractDates } from './date-extractor';

function only(text: string): DateMention {
  const mentions = extractDates(text);
  expect(mentions).toHaveLength(1);
  return mentions[0]!;
}

describe(extractDates.name, () => {
  describe('explicit dates', () => {
    it.each([
      ['الذي تم اتخاذه يوم 6 يناير 2022، تم إرسال', '6 يناير 2022', '2022-01-06'],
      ['سبوتنيك - 11 كانون الثاني 2022ء) أعلن', '11 كانون الثاني 2022ء', '2022-01-11'],
      ['انبثق في الـ ـ7 من تشرين الأول/أكتوبر 2002 عن', 'الـ ـ7 من تشرين الأول/أكتوبر 2002', '2002-10-07'],
      ['المبرمة في الـ17 من أيار/ مايو 1992، ويضم', 'الـ17 من أيار/ مايو 1992', '1992-05-17'],
      ['في 5 جويلية 2015 أعلنت', '5 جويلية 2015', '2015-07-05'],
      ['يوم 3 أوت 2014', '3 أوت 2014', '2014-08-03'],
      ['بتاريخ 12 فيفري 2020', '12 فيفري 2020', '2020-02-12'],
      ['في السادس من يناير 2022', 'السادس من يناير 2022', '2022-01-06'],
      ['في الحادي والعشرين من شهر يوليو 2015', 'الحادي والعشرين من شهر يوليو 2015', '2015-07-21'],
      ['على 4 إبريل 2015م', '4 إبريل 2015م', '2015-04-04'],
      ['— RT (@RT_com) January 6, 2022', 'January 6, 2022', '2022-01-06'],
      ['on 6 January 2022 the', '6 January 2022', '2022-01-06'],
      ['on 6th of January, 2022', '6th of January, 2022', '2022-01-06'],
      ['وبتاريخ ١٥/٧/٢٠١٥ م', '١٥/٧/٢٠١٥ م', '2015-07-15'],
      ['صدر في 23 - 06 - 2015', '23 - 06 - 2015', '2015-06-23'],
      ['updated 2015-07-21 at noon', '2015-07-21', '2015-07-21'],
    ])('reads %p', (text, surface, date) => {
      const mention = only(text);
      expect(mention).toMatchObject({ kind: 'explicit', date, text: surface });
      expect(text.slice(mention.start, mention.end)).toBe(surface);
    });

    it('keeps a day and month without a year unresolved', () => {
      expect(only('وفقًا لقرار المجلس في 9 كانون الثاني/ يناير، أكملت')).toMatchObject({
        kind: 'explicit',
        date: null,
        year: null,
        month: 1,
        day: 9,
        text: '9 كانون الثاني/ يناير',
      });
      expect(only('Jan. 6 was cold')).toMatchObject({ month: 1, day: 6, year: null, text: 'Jan. 6' });
    });

    it('reads "the night of the 5th to the 6th" as the 6th', () => {
      expect(only('في ليلة 5 على 6 يناير، عقد رئيس كازاخستان')).toMatchObject({ kind: 'explicit', month: 1, day: 6, text: 'ليلة 5 على 6 يناير' });
    });

    it('reads a weekday written before a date into the same mention', () => {
      expect(only('الإثنين 23 ديسمبر 2024')).toMatchObject({ kind: 'explicit', date: '2024-12-23', weekday: 1 });
      expect(only('Thursday, January 6, 2022')).toMatchObject({ date: '2022-01-06', weekday: 4 });
    });

    it('reads Hijri dates and gives their Umm al-Qura Gregorian day', () => {
      expect(only('يوم الاحد 10/10/1436هـ بفعاليات')).toMatchObject({
        date: '2015-07-26',
        weekday: 0,
        calendar: 'hijri',
        hijri: { year: 1436, month: 10, day: 10 },
        text: 'يوم الاحد 10/10/1436هـ',
      });
      expect(only('في الخامس عشر من شعبان 1436هـ')).toMatchObject({ date: '2015-06-02', calendar: 'hijri' });
      expect(only('حتى 1436/10/30هـ.').calendar).toBe('hijri');
    });

    it('reads years with their marks, and bare years after عام or in', () => {
      expect(only('منذ عام 2002 وحتى')).toMatchObject({ year: 2002, month: null, day: null, text: 'عام 2002' });
      expect(only('founded in 1992 by')).toMatchObject({ year: 1992, text: 'in 1992' });
      expect(only('ولد عام 1396هـ')).toMatchObject({ year: null, calendar: 'hijri', hijri: { year: 1396, month: null, day: null } });
      expect(only('في يناير 2022 بدأت')).toMatchObject({ year: 2022, month: 1, day: null, date: null });
    });

    it('records how the text places a date: past, next or current month', () => {
      expect(only('في السابع من يونيو (حزيران) الماضي').direction).toBe('past');
      expect(only('في 12 أغسطس المقبل').direction).toBe('next');
      expect(only('يوم 25 يوليو الجاري').direction).toBe('current');
    });

    it('rejects days that do not exist and lower-case English "may"', () => {
      expect(extractDates('في 31 فبراير')).toEqual([]);
      expect(extractDates('they may 5 times')).toEqual([]);
      expect(only('في 29 فبراير 2015').day).toBeNull();
    });
  });

  describe('ranges', () => {
    it('reads "from the 5th to the 19th of January" as one range', () => {
      expect(only('خلال الفترة الممتدة من 5 إلى 19 كانون الثاني/يناير الحالي')).toMatchObject({
        kind: 'range',
        day: 5,
        rangeEndDay: 19,
        month: 1,
        year: null,
        text: '5 إلى 19 كانون الثاني/يناير الحالي',
      });
      expect(only('from 5 to 7 March 2021')).toMatchObject({ kind: 'range', day: 5, rangeEndDay: 7, year: 2021 });
    });
  });

  describe('relative words and weekdays', () => {
    it('reads "today" with the weekday after it as one mention', () => {
      const text = 'أرسلت منظمة معاهدة الأمن الجماعي بقيادة روسيا، اليوم الخميس، قوات حفظ سلام';
      expect(only(text)).toMatchObject({ kind: 'relative', relativeDays: 0, weekday: 4, text: 'اليوم الخميس', date: null });
    });

    it.each([
      ['مساء أمس الأربعاء', -1, 3],
      ['صباح اليوم الخميس', 0, 4],
      ['أمس (الأربعاء)', -1, 3],
      ['أول أمس', -2, null],
      ['أمس الأول', -2, null],
      ['البارحة', -1, null],
      ['غداً السبت', 1, 6],
      ['الليلة الماضية', -1, null],
      ['yesterday', -1, null],
      ['today', 0, null],
      ['last night', -1, null],
    ])('reads %p as %d days from the day of writing', (text, relativeDays, weekday) => {
      expect(only(`قال ${text} إن`)).toMatchObject({ kind: 'relative', relativeDays, weekday });
    });

    it('joins a relative word, its weekday and the date it names', () => {
      expect(only('أعلن اليوم الأحد الموافق 26 يوليو 2015 أن')).toMatchObject({ kind: 'relative', relativeDays: 0, weekday: 0, date: '2015-07-26' });
    });

    it('reads "the night of Wednesday to Thursday" as Thursday', () => {
      expect(only('قتل عشرات المتظاهرين، ليل الأربعاء الخميس.')).toMatchObject({ kind: 'weekday', weekday: 4, text: 'ليل الأربعاء الخميس' });
    });

    it('reads weekdays alone, with clitics and with a direction', () => {
      expect(only('وأعلن الخميس أن')).toMatchObject({ kind: 'weekday', weekday: 4 });
      expect(only('يوم الإثنين الماضي')).toMatchObject({ weekday: 1, direction: 'past' });
      expect(only('on Monday the')).toMatchObject({ weekday: 1 });
      expect(only('last Friday')).toMatchObject({ weekday: 5, direction: 'past' });
    });

    it('does not take "اليوم" in names and fixed phrases for today', () => {
      for (const text of ['وفقا لما ذكرته شبكة "روسيا اليوم".', 'قال لـ«اليوم» إن', 'اليوم الوطني للمملكة', 'في اليوم التالي', 'حتى اليوم لم']) {
        expect(extractDates(text)).toEqual([]);
      }
    });
  });

  it('finds every date of a seed paragraph in order, with offsets into the original', () => {
    const text =
      'وأعلن رئيس كازاخستان، قاسم جومارت توكاييف، أمس الأربعاء، حالة الطوارئ في عاصمة كازاخستان، نور سلطان، خلال الفترة الممتدة من 5 إلى 19 كانون الثاني/يناير الحالي.';
    const mentions = extractDates(text);
    expect(mentions.map((m) => m.kind)).toEqual(['relative', 'range']);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
