import { originalOffsetOfKeyChar, TOKEN_ALL_UPPER, TOKEN_ARABIC, TOKEN_JOINS_PREVIOUS, tokenizeForMatching } from './match-tokenizer';

function words(text: string): Array<{ key: string; surface: string }> {
  const t = tokenizeForMatching(text);
  return t.keys.map((key, i) => ({ key, surface: text.slice(t.starts[i], t.ends[i]) }));
}

describe('tokenizeForMatching', () => {
  it('gives folded keys with offsets into the original text', () => {
    expect(words('أرسلت منظمة، قوات إلى كازاخستان.')).toEqual([
      { key: 'ارسلت', surface: 'أرسلت' },
      { key: 'منظمه', surface: 'منظمة' },
      { key: 'قوات', surface: 'قوات' },
      { key: 'الي', surface: 'إلى' },
      { key: 'كازاخستان', surface: 'كازاخستان' },
    ]);
  });

  it('keeps diacritics, tatweel and zero-width joiners inside their word and out of its key', () => {
    expect(words('وَرُوسْيَا بـروسيا روسيا\u200Cالبيضاء')).toEqual([
      { key: 'وروسيا', surface: 'وَرُوسْيَا' },
      { key: 'بروسيا', surface: 'بـروسيا' },
      { key: 'روسياالبيضاء', surface: 'روسيا\u200Cالبيضاء' },
    ]);
  });

  it('folds Latin case and accents and Arabic-Indic digits', () => {
    expect(words('Türkiye RUSSIA ٢٠٢٢').map((w) => w.key)).toEqual(['turkiye', 'russia', '2022']);
  });

  it('flags Arabic words, words in capitals and words joined to the previous one by soft separators only', () => {
    const t = tokenizeForMatching('the U.S. said, "UN" الأمم-المتحدة\nروسيا');
    const flag = (i: number, f: number): boolean => (t.flags[i] & f) !== 0;
    expect(t.keys).toEqual(['the', 'u', 's', 'said', 'un', 'الامم', 'المتحده', 'روسيا']);
    expect([1, 2, 4].every((i) => flag(i, TOKEN_ALL_UPPER))).toBe(true);
    expect(flag(0, TOKEN_ALL_UPPER) || flag(3, TOKEN_ALL_UPPER)).toBe(false);
    expect(flag(2, TOKEN_JOINS_PREVIOUS)).toBe(true); // U.S.
    expect(flag(4, TOKEN_JOINS_PREVIOUS)).toBe(false); // comma and quote
    expect(flag(6, TOKEN_JOINS_PREVIOUS)).toBe(true); // hyphen
    expect(flag(7, TOKEN_JOINS_PREVIOUS)).toBe(false); // line break
    expect([5, 6, 7].every((i) => flag(i, TOKEN_ARABIC))).toBe(true);
    expect(flag(0, TOKEN_ARABIC)).toBe(false);
  });

  it('maps a key position back to the original text across dropped characters', () => {
    const text = 'وَرُوسْيَا';
    expect(text.slice(originalOffsetOfKeyChar(text, 0, text.length, 1))).toBe('رُوسْيَا');
    const tatweel = 'بـروسيا';
    expect(tatweel.slice(originalOffsetOfKeyChar(tatweel, 0, tatweel.length, 1))).toBe('روسيا');
  });
});
