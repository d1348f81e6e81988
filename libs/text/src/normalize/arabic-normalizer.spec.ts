import { normalizeArabic, normalizeForMatching } from './arabic-normalizer';

describe('normalizeArabic', () => {
  it('folds alef and hamza forms so seed spellings of Almaty meet', () => {
    expect(normalizeArabic('ألما آتا')).toBe(normalizeArabic('ألما اتا'));
    expect(normalizeArabic('ألما أتا')).toBe('الما اتا');
  });

  it('folds ta marbuta, alef maqsura, Persian letters and digits', () => {
    expect(normalizeArabic('منظمة')).toBe('منظمه');
    expect(normalizeArabic('مستشفى')).toBe('مستشفي');
    expect(normalizeArabic('أردو بوینت نتورك')).toBe('اردو بوينت نتورك');
    expect(normalizeArabic('کابل')).toBe('كابل');
    expect(normalizeArabic('٢٠٢٢ و ۱۴۰۰')).toBe('2022 و 1400');
  });

  it('removes diacritics, tatweel and bidi marks', () => {
    expect(normalizeArabic('تمامًا')).toBe('تماما');
    expect(normalizeArabic('توجّه')).toBe('توجه');
    expect(normalizeArabic('الســلام')).toBe('السلام');
    expect(normalizeArabic('\u200eكازاخستان\u200f')).toBe('كازاخستان');
  });

  it('lower-cases Latin text and leaves it otherwise alone', () => {
    expect(normalizeArabic('Russian Peacekeepers')).toBe('russian peacekeepers');
  });
});

describe('normalizeForMatching', () => {
  it('collapses whitespace so the same text reflowed compares equal', () => {
    expect(normalizeForMatching(' قوات  حفظ\nالسلام ')).toBe('قوات حفظ السلام');
  });
});
