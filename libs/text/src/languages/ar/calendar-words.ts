import type { CalendarWords } from '../language-module';

/**
 * Arabic has three sets of Gregorian month names in daily use: Egyptian and
 * Gulf outlets transliterate (يناير), the Levant and Iraq use Syriac names
 * (كانون الثاني), the Maghreb uses French ones (جانفي); outlets often write
 * two at once ("كانون الثاني/ يناير"). Saudi outlets also date by the Hijri
 * (Umm al-Qura) calendar. Weekdays are in the definite form they are written
 * with.
 */
export const ARABIC_CALENDAR: CalendarWords = {
  months: {
    gregorian: [
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
    ],
    hijri: [
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
    ],
  },
  weekdays: [
    [0, ['الأحد']],
    [1, ['الإثنين', 'الاثنين', 'الأثنين']],
    [2, ['الثلاثاء']],
    [3, ['الأربعاء']],
    [4, ['الخميس']],
    [5, ['الجمعة']],
    [6, ['السبت']],
  ],
  ordinalDays: ordinalDays(),
};

/**
 * Ordinal day words as in "السادس من يناير" (the sixth of January): 1–10,
 * 11–19 ("الحادي عشر"), 20, 21–29 ("الحادي والعشرين"), 30, 31, in the
 * forms written after and without a case ending ("والعشرين", "والعشرون").
 * "الحادي" is 1 only in compounds; "الأول" only alone.
 */
function ordinalDays(): Array<[number, string[]]> {
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
  const days: Array<[number, string[]]> = [];
  for (const [n, forms] of units) for (const form of forms) if (form !== 'الحادي') days.push([n, [form]]);
  days.push([10, ['العاشر']]);
  for (const [n, forms] of units) {
    for (const form of forms) {
      if (n === 1 && form === 'الأول') continue;
      days.push([10 + n, [`${form} عشر`]]);
      days.push([20 + n, [`${form} والعشرين`, `${form} والعشرون`]]);
    }
  }
  days.push([20, ['العشرين', 'العشرون']], [30, ['الثلاثين', 'الثلاثون']], [31, ['الحادي والثلاثين', 'الحادي والثلاثون']]);
  return days;
}
