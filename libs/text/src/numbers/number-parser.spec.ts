import { findNumbers, parseDigits, parseNumber } from './number-parser';

describe(parseNumber.name, () => {
  it.each([
    ['واحد', 1],
    ['ثلاثة', 3],
    ['عشرة', 10],
    ['أحد عشر', 11],
    ['خمسة عشر', 15],
    ['خمسة وعشرون', 25],
    ['اثنين وأربعين', 42],
    ['مئة', 100],
    ['مائة', 100],
    ['مئتين', 200],
    ['مائتان', 200],
    ['ثلاثمئة', 300],
    ['ثلاثمائة', 300],
    ['خمس مئة', 500],
    ['مائة وخمسون', 150],
    ['ألف', 1000],
    ['ألفين', 2000],
    ['ألفان', 2000],
    ['ثلاثة آلاف', 3000],
    ['ثلاثة آلاف وخمسمائة', 3500],
    ['مائة وخمسون ألف', 150_000],
    ['عشرين ألفاً', 20_000],
    ['مليون', 1_000_000],
    ['مليون ونصف', 1_500_000],
    ['خمسة ملايين', 5_000_000],
    ['ألف و500', 1500],
  ])('reads the Arabic number words %s as %d', (text, value) => {
    expect(parseNumber(text)).toMatchObject({ value, approximate: false, vague: null, text });
  });

  it.each([
    ['2,500', 2500],
    ['2.500', 2500],
    ['٢٥٠٠', 2500],
    ['٢٬٥٠٠', 2500],
    ['1,234,567', 1_234_567],
    ['2.5', 2.5],
    ['2,5', 2.5],
    ['٢٫٥', 2.5],
    ['2.5 مليون', 2_500_000],
    ['1.200 مليار', 1_200_000_000],
    ['5 آلاف', 5000],
    ['500 ألف', 500_000],
    ['3 million', 3_000_000],
  ])('reads the digits %s as %d', (text, value) => {
    expect(parseNumber(text)?.value).toBe(value);
  });

  it.each([
    ['one', 1],
    ['twelve', 12],
    ['twenty', 20],
    ['twenty-five', 25],
    ['two hundred and fifty', 250],
    ['two hundred fifty', 250],
    ['a hundred', 100],
    ['a dozen', 12],
    ['five thousand', 5000],
    ['three thousand five hundred', 3500],
    ['one million', 1_000_000],
  ])('reads the English number words %s as %d', (text, value) => {
    expect(parseNumber(text)).toMatchObject({ value, approximate: false });
  });

  it.each([
    ['عشرات', 10, 'tens'],
    ['العشرات', 10, 'tens'],
    ['مئات', 100, 'hundreds'],
    ['المئات', 100, 'hundreds'],
    ['آلاف', 1000, 'thousands'],
    ['الآلاف', 1000, 'thousands'],
    ['ملايين', 1_000_000, 'millions'],
    ['عشرات الآلاف', 10_000, 'tens'],
    ['مئات الآلاف', 100_000, 'hundreds'],
    ['عدة مئات', 100, 'hundreds'],
    ['بضعة آلاف', 1000, 'thousands'],
    ['dozens', 12, 'dozens'],
    ['hundreds', 100, 'hundreds'],
    ['thousands', 1000, 'thousands'],
    ['tens of thousands', 10_000, 'tens'],
    ['several hundred', 100, 'hundreds'],
    ['a few thousand', 1000, 'thousands'],
  ])('reads the vague count %s as at least %d, approximate, of %s', (text, value, vague) => {
    expect(parseNumber(text)).toMatchObject({ value, approximate: true, vague });
  });

  it.each([['أحد'], ['إحدى'], ['عدة'], ['several'], ['الخمسة'], ['الاثنين'], ['ثلاثاء'], ['الفريق'], [''], ['قوات']])(
    'does not read %p as a number',
    (text) => {
      expect(parseNumber(text)).toBeNull();
    },
  );

  it('rejects text that holds more than one number', () => {
    expect(parseNumber('10 و15')).toBeNull();
  });
});

describe(findNumbers.name, () => {
  it('finds every number of a seed sentence with offsets into it', () => {
    const text = 'أكثر من ألف شخص في مناطق مختلفة من كازاخستان أصيبوا بجروح نتيجة أعمال الشغب، منهم 400 نقلوا إلى المستشفى، و62 في العناية المركزة';
    const found = findNumbers(text);
    expect(found.map((n) => n.value)).toEqual([1000, 400, 62]);
    for (const n of found) expect(text.slice(n.start, n.end)).toBe(n.text);
    expect(found[2]!.text).toBe('62');
  });

  it('keeps two numbers joined by و apart when they do not make one value', () => {
    expect(findNumbers('بين 10 و15 جنديا').map((n) => n.value)).toEqual([10, 15]);
  });

  it('leaves a proclitic out of the span: "وخمسة" starts at خ, "بالمئات" at the article', () => {
    const [five] = findNumbers('قتل اثنان وخمسة أصيبوا');
    expect(findNumbers('وخمسة أشخاص')[0]!.text).toBe('خمسة');
    expect(findNumbers('تعد بالمئات')[0]!.text).toBe('المئات');
    expect(five!.value).toBe(2);
  });

  it('maps offsets through diacritics and tatweel in the original', () => {
    const text = 'نحو خمسـةٍ وعشرينَ جندياً';
    const [n] = findNumbers(text);
    expect(n!.value).toBe(25);
    expect(text.slice(n!.start, n!.end)).toBe('خمسـةٍ وعشرينَ');
  });
});

describe(parseDigits.name, () => {
  it('treats a lone separator before a scale word as a decimal point', () => {
    expect(parseDigits('1.200')).toBe(1200);
    expect(parseDigits('1.200', true)).toBe(1.2);
  });

  it('reads the last separator as the decimal point when both kinds appear', () => {
    expect(parseDigits('1,234.5')).toBe(1234.5);
    expect(parseDigits('1.234,5')).toBe(1234.5);
  });
});

describe('French numbers', () => {
  it.each([
    ['deux', 2],
    ['dix', 10],
    ['vingt', 20],
    ['quatre cents', 400],
    ['deux mille', 2000],
    ['trois millions', 3_000_000],
    ['cinq milliards', 5_000_000_000],
    ['2 500', 2500],
    ['1\u202f200\u202f000', 1_200_000],
  ])('reads %s as %d in a French text', (text, value) => {
    expect(parseNumber(text, 'fr')).toMatchObject({ value, text });
  });

  it('reads no French word as a number outside French texts: "UN", "sept", "cent" stay English', () => {
    expect(findNumbers('deux mille soldats')).toEqual([]);
    expect(findNumbers('the UN said 5 per cent in Sept')).toEqual([expect.objectContaining({ value: 5 })]);
  });

  it('groups digits with spaces only in French texts', () => {
    expect(findNumbers('2 500 soldats', 'fr').map((n) => n.value)).toEqual([2500]);
    expect(findNumbers('2 500 soldiers').map((n) => n.value)).toEqual([2, 500]);
  });
});
