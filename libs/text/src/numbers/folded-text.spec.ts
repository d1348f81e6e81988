import { FoldedText, foldText, withProclitics } from './folded-text';

describe(FoldedText.name, () => {
  it('folds spelling variants one to one and maps every position back', () => {
    const folded = new FoldedText('أكثر من ٢٥٠٠ إصابة');
    expect(folded.text).toBe('اكثر من 2500 اصابه');
    expect(folded.originalSlice(8, 12)).toBe('٢٥٠٠');
  });

  it('removes marks and tatweel, and a span ending on a word keeps the marks written on it', () => {
    const original = 'سلميـاً الآن';
    const folded = new FoldedText(original);
    expect(folded.text).toBe('سلميا الان');
    const end = folded.text.indexOf(' ');
    expect(folded.originalSlice(0, end)).toBe('سلميـاً');
    expect(folded.originalStart(end + 1)).toBe(original.indexOf('الآن'));
  });

  it('drops bidi and zero-width controls', () => {
    expect(new FoldedText('\u200eكازاخستان\u200f').text).toBe('كازاخستان');
  });

  it('tokenizes words, numbers with separators and punctuation, marking glued tokens and line breaks', () => {
    const tokens = new FoldedText('الـ17 من أيار، و2,500\nF-16').tokens();
    expect(tokens.map((t) => t.norm)).toEqual(['ال', '17', 'من', 'ايار', '،', 'و', '2,500', 'f', '-', '16']);
    expect(tokens.map((t) => t.glued)).toEqual([false, true, false, false, true, false, true, false, true, true]);
    expect(tokens[7]!.newlineBefore).toBe(true);
    expect(tokens[6]!.kind).toBe('number');
  });

  it('keeps English apostrophes inside words and lower-cases Latin for lookups', () => {
    expect(new FoldedText("Won't Stop").tokens().map((t) => t.norm)).toEqual(["won't", 'stop']);
  });

  it('keeps accented Latin letters inside words, as French writes them', () => {
    expect(new FoldedText('Été tuées, ×2').tokens().map((t) => [t.norm, t.kind])).toEqual([
      ['été', 'word'],
      ['tuées', 'word'],
      [',', 'punct'],
      ['×', 'punct'],
      ['2', 'number'],
    ]);
  });
});

describe(foldText.name, () => {
  it('hands back the same fold for the same text, so extractors run one after another share it', () => {
    const text = 'قال شويغو إن القوات ستنسحب';
    expect(foldText(text)).toBe(foldText(`${text}`));
  });
});

describe(withProclitics.name, () => {
  it('writes ل + ال as لل and keeps the conjunction visible', () => {
    const forms = withProclitics('المستشفى', false, true).map((f) => f.form);
    expect(forms).toEqual(expect.arrayContaining(['للمستشفى', 'بالمستشفى', 'والمستشفى', 'وللمستشفى']));
    expect(withProclitics('مئات', true).find((f) => f.form === 'والمئات')).toMatchObject({ conj: true, definite: true });
  });

  it('gives Latin words no proclitics', () => {
    expect(withProclitics('troops', true)).toHaveLength(1);
  });
});
