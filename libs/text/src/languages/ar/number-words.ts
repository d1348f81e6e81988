import type { NumberWord } from '../language-module';

/**
 * Arabic number words as spelled; readers fold them (أ إ آ → ا, ة → ه, ى → ي)
 * so "مائة" and "مايه" meet.
 *
 * Definite forms of units and tens are left out on purpose: "الخامس",
 * "الخمسين", "الاثنين" are ordinals, anniversaries and Monday far more
 * often than counts; only the vague plurals are read with the article
 * ("المئات", "الآلاف").
 */
const WORDS: Array<[string[], NumberWord]> = [
  [['واحد', 'واحدة', 'واحدا'], { role: 'unit', value: 1 }],
  [['أحد', 'إحدى'], { role: 'unit', value: 1, teenOnly: true }],
  [['اثنان', 'اثنين', 'اثنتان', 'اثنتين', 'اثنا', 'اثني', 'اثنتا', 'اثنتي'], { role: 'unit', value: 2 }],
  [['ثلاث', 'ثلاثة'], { role: 'unit', value: 3 }],
  [['أربع', 'أربعة'], { role: 'unit', value: 4 }],
  [['خمس', 'خمسة'], { role: 'unit', value: 5 }],
  [['ست', 'ستة'], { role: 'unit', value: 6 }],
  [['سبع', 'سبعة'], { role: 'unit', value: 7 }],
  [['ثمان', 'ثماني', 'ثمانية'], { role: 'unit', value: 8 }],
  [['تسع', 'تسعة'], { role: 'unit', value: 9 }],
  [['عشر', 'عشرة'], { role: 'teen-ten', value: 10 }],
  [['عشرون', 'عشرين'], { role: 'ten', value: 20 }],
  [['ثلاثون', 'ثلاثين'], { role: 'ten', value: 30 }],
  [['أربعون', 'أربعين'], { role: 'ten', value: 40 }],
  [['خمسون', 'خمسين'], { role: 'ten', value: 50 }],
  [['ستون', 'ستين'], { role: 'ten', value: 60 }],
  [['سبعون', 'سبعين'], { role: 'ten', value: 70 }],
  [['ثمانون', 'ثمانين'], { role: 'ten', value: 80 }],
  [['تسعون', 'تسعين'], { role: 'ten', value: 90 }],
  [['مئة', 'مائة', 'مئه', 'مائه'], { role: 'hundred', value: 100 }],
  [['مئتان', 'مئتين', 'مائتان', 'مائتين', 'مئتا', 'مائتا', 'مئتي', 'مائتي'], { role: 'value', value: 200 }],
  [['ألف', 'ألفا'], { role: 'scale', value: 1_000 }],
  [['ألفان', 'ألفين', 'ألفي'], { role: 'value', value: 2_000 }],
  [['آلاف', 'ألوف'], { role: 'plural-scale', value: 1_000, vague: 'thousands' }],
  [['مليون', 'مليونا'], { role: 'scale', value: 1_000_000 }],
  [['مليونان', 'مليونين', 'مليوني'], { role: 'value', value: 2_000_000 }],
  [['ملايين'], { role: 'plural-scale', value: 1_000_000, vague: 'millions' }],
  [['مليار', 'مليارا', 'بليون'], { role: 'scale', value: 1_000_000_000 }],
  [['ملياران', 'مليارين'], { role: 'value', value: 2_000_000_000 }],
  [['مليارات', 'بلايين'], { role: 'plural-scale', value: 1_000_000_000, vague: 'billions' }],
  [['تريليون', 'ترليون'], { role: 'scale', value: 1_000_000_000_000 }],
  [['عشرات'], { role: 'vague', value: 10, vague: 'tens' }],
  [['مئات', 'مئآت'], { role: 'vague', value: 100, vague: 'hundreds' }],
  [['بضع', 'بضعة', 'عدة'], { role: 'several', value: 0 }],
  [['نصف'], { role: 'half', value: 0.5 }],
];

/** Units fused with مئة/مائة ("ثلاثمئة"), written as one word. */
const FUSED_HUNDREDS: Array<[string, number]> = [
  ['ثلاث', 300],
  ['أربع', 400],
  ['خمس', 500],
  ['ست', 600],
  ['سبع', 700],
  ['ثمان', 800],
  ['ثماني', 800],
  ['تسع', 900],
];

export const ARABIC_NUMBER_WORDS: ReadonlyArray<readonly [readonly string[], NumberWord]> = [
  ...WORDS,
  ...FUSED_HUNDREDS.map(([unit, value]): [string[], NumberWord] => [['مئة', 'مائة'].map((hundred) => unit + hundred), { role: 'value', value }]),
];
