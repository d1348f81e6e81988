import { foldWord } from './folded-text';

/**
 * Number words, Arabic and English, with the role each plays when words
 * combine into one value. Written here as spelled; keys are folded the way
 * FoldedText folds running text (أ إ آ → ا, ة → ه, ى → ي, ئ → ي), so
 * "مائة" and "مايه" meet.
 *
 * Roles, and why they differ:
 * - `unit` / `ten`: added to the running value ("خمسة وعشرون" is 5 + 20).
 * - `teen-ten`: عشر/عشرة is 10 alone and +10 after a unit ("خمسة عشر" is 15).
 * - `hundred`: multiplies what came before, or 1 ("ثلاث مئة", "مئة").
 * - `value`: a fused word with its own value ("ثلاثمئة", "مئتين", "ألفين").
 * - `scale`: multiplies the group before it and closes it ("ثلاثة آلاف").
 * - `plural-scale`: آلاف, ملايين: a multiplier after a count ("خمسة آلاف"),
 *   but alone a vague count ("آلاف المتظاهرين" = thousands).
 * - `vague`: عشرات, مئات, dozens: an approximate count whose value is the
 *   smallest it can mean.
 * - `several`: بضع, عدة, several, a few: only a modifier of a vague plural
 *   ("عدة مئات" = several hundred); alone it counts nothing we can state.
 * - `half`: "مليون ونصف" = 1.5 million.
 *
 * Definite forms of units and tens are left out on purpose: "الخامس",
 * "الخمسين", "الاثنين" are ordinals, anniversaries and Monday far more
 * often than counts; only the vague plurals are read with the article
 * ("المئات", "الآلاف").
 */
export type NumberWordRole = 'unit' | 'ten' | 'teen-ten' | 'hundred' | 'value' | 'scale' | 'plural-scale' | 'vague' | 'several' | 'half';

export type VagueCount = 'tens' | 'dozens' | 'hundreds' | 'thousands' | 'millions' | 'billions';

export interface NumberWord {
  role: NumberWordRole;
  value: number;
  /** For vague and plural-scale words: what the vague count is of. */
  vague?: VagueCount;
  /** أحد, إحدى: "one" only in 11 ("أحد عشر"); alone they mean "one of" or Sunday. */
  teenOnly?: boolean;
}

const ARABIC: Array<[string[], NumberWord]> = [
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

const ENGLISH: Array<[string[], NumberWord]> = [
  [['one'], { role: 'unit', value: 1 }],
  [['two'], { role: 'unit', value: 2 }],
  [['three'], { role: 'unit', value: 3 }],
  [['four'], { role: 'unit', value: 4 }],
  [['five'], { role: 'unit', value: 5 }],
  [['six'], { role: 'unit', value: 6 }],
  [['seven'], { role: 'unit', value: 7 }],
  [['eight'], { role: 'unit', value: 8 }],
  [['nine'], { role: 'unit', value: 9 }],
  [['ten'], { role: 'unit', value: 10 }],
  [['eleven'], { role: 'unit', value: 11 }],
  [['twelve'], { role: 'unit', value: 12 }],
  [['thirteen'], { role: 'unit', value: 13 }],
  [['fourteen'], { role: 'unit', value: 14 }],
  [['fifteen'], { role: 'unit', value: 15 }],
  [['sixteen'], { role: 'unit', value: 16 }],
  [['seventeen'], { role: 'unit', value: 17 }],
  [['eighteen'], { role: 'unit', value: 18 }],
  [['nineteen'], { role: 'unit', value: 19 }],
  [['twenty'], { role: 'ten', value: 20 }],
  [['thirty'], { role: 'ten', value: 30 }],
  [['forty'], { role: 'ten', value: 40 }],
  [['fifty'], { role: 'ten', value: 50 }],
  [['sixty'], { role: 'ten', value: 60 }],
  [['seventy'], { role: 'ten', value: 70 }],
  [['eighty'], { role: 'ten', value: 80 }],
  [['ninety'], { role: 'ten', value: 90 }],
  [['dozen'], { role: 'value', value: 12 }],
  [['hundred'], { role: 'hundred', value: 100 }],
  [['thousand'], { role: 'scale', value: 1_000 }],
  [['million'], { role: 'scale', value: 1_000_000 }],
  [['billion'], { role: 'scale', value: 1_000_000_000 }],
  [['trillion'], { role: 'scale', value: 1_000_000_000_000 }],
  [['tens'], { role: 'vague', value: 10, vague: 'tens' }],
  [['dozens'], { role: 'vague', value: 12, vague: 'dozens' }],
  [['hundreds'], { role: 'vague', value: 100, vague: 'hundreds' }],
  [['thousands'], { role: 'plural-scale', value: 1_000, vague: 'thousands' }],
  [['millions'], { role: 'plural-scale', value: 1_000_000, vague: 'millions' }],
  [['billions'], { role: 'plural-scale', value: 1_000_000_000, vague: 'billions' }],
  [['several', 'few'], { role: 'several', value: 0 }],
  [['half'], { role: 'half', value: 0.5 }],
];

function build(): Map<string, NumberWord> {
  const words = new Map<string, NumberWord>();
  for (const [forms, word] of [...ARABIC, ...ENGLISH]) for (const form of forms) words.set(foldWord(form), word);
  for (const [unit, value] of FUSED_HUNDREDS) {
    for (const hundred of ['مئة', 'مائة']) words.set(foldWord(unit + hundred), { role: 'value', value });
  }
  return words;
}

export const NUMBER_WORDS: ReadonlyMap<string, NumberWord> = build();

/** Vague plurals also read with the article: "المئات", "الآلاف", "العشرات", "الملايين". */
export const DEFINITE_NUMBER_ROLES: ReadonlySet<NumberWordRole> = new Set(['vague', 'plural-scale']);
