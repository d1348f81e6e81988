import { stemCandidates, tokenize, WordSlot } from './tokenizer';

describe(tokenize.name, () => {
  it('gives words with offsets into the text, folded forms and proclitic-free stems', () => {
    const text = 'وأكدت الأمانة، أن وحدة من القوات الروسية بدأت (بالفعل) للمنظمة.';
    const tokens = tokenize(text);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(tokens.map((t) => t.text)).toEqual(['وأكدت', 'الأمانة', 'أن', 'وحدة', 'من', 'القوات', 'الروسية', 'بدأت', 'بالفعل', 'للمنظمة']);
    expect(tokens[1]).toMatchObject({ text: 'الأمانة', norm: 'الامانه', start: 6, end: 13, stem: 'امانه' });
    expect(tokens.find((t) => t.text === 'بالفعل')!.stem).toBe('فعل');
    expect(tokens.find((t) => t.text === 'للمنظمة')!.stem).toBe('منظمه');
  });

  it('keeps diacritics, tatweel and joiners inside their word and folds them out of norm', () => {
    const [word] = tokenize('تمامًا');
    expect(word).toMatchObject({ text: 'تمامًا', norm: 'تماما' });
    expect(tokenize('الســلام')[0]).toMatchObject({ norm: 'السلام', stem: 'سلام' });
    expect(tokenize('می‌خواهم')).toHaveLength(1);
  });

  it('keeps hyphenated and apostrophised words whole and reads Arabic-Indic digits', () => {
    expect(tokenize("COVID-19 don't ألما-آتا ٢٠٢٢").map((t) => [t.text, t.norm, t.stem])).toEqual([
      ['COVID-19', 'covid-19', 'covid-19'],
      ["don't", "don't", "don't"],
      ['ألما-آتا', 'الما-اتا', 'الما-اتا'],
      ['٢٠٢٢', '2022', '2022'],
    ]);
  });

  it('leaves Latin words unstemmed and splits on punctuation', () => {
    expect(tokenize('Peacekeepers, (Kazakhstan)!').map((t) => [t.text, t.stem])).toEqual([
      ['Peacekeepers', 'peacekeepers'],
      ['Kazakhstan', 'kazakhstan'],
    ]);
  });

  it('returns nothing for text without words', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' ... — ، !')).toEqual([]);
  });
});

describe(stemCandidates.name, () => {
  it('offers the word, then each plausible strip, the longest strip last', () => {
    expect(stemCandidates('والمنظمه')).toEqual(['والمنظمه', 'المنظمه', 'منظمه']);
    expect(stemCandidates('وبالتالي')).toEqual(['وبالتالي', 'بالتالي', 'التالي', 'تالي']);
    expect(stemCandidates('فالقوات')).toEqual(['فالقوات', 'القوات', 'قوات']);
    expect(stemCandidates('بكازاخستان')).toEqual(['بكازاخستان', 'كازاخستان']);
  });

  it('rebuilds the definite form hidden in لل, next to the reading as ل + word', () => {
    expect(stemCandidates('للمنظمه')).toEqual(['للمنظمه', 'لمنظمه', 'المنظمه', 'منظمه']);
    expect(stemCandidates('للبنان')).toEqual(['للبنان', 'لبنان', 'البنان', 'بنان']);
  });

  it('never leaves fewer than three letters', () => {
    expect(stemCandidates('ولد')).toEqual(['ولد']);
    expect(stemCandidates('الله')).toEqual(['الله']);
    expect(stemCandidates('بها')).toEqual(['بها']);
    expect(stemCandidates('ب2022')).toEqual(['ب2022']);
  });

  it('cannot tell a proclitic from a first letter: the whole word stays first for lookups', () => {
    expect(stemCandidates('وزير')).toEqual(['وزير', 'زير']);
    expect(tokenize('وزير')[0].stem).toBe('زير');
  });

  it('leaves non-Arabic words alone', () => {
    expect(stemCandidates('kazakhstan')).toEqual(['kazakhstan']);
    expect(stemCandidates('2022')).toEqual(['2022']);
  });
});

describe(WordSlot.name, () => {
  it('works a result out once per distinct word, and without a record on every call', () => {
    const seen: string[] = [];
    const length = new WordSlot((t) => {
      seen.push(t.text);
      return t.norm.length;
    });
    const tokens = tokenize('روسيا وروسيا روسيا wordslot-spec');
    expect(tokens[0].word).toBe(tokens[2].word);
    expect(tokens.map((t) => length.of(t))).toEqual([5, 6, 5, 13]);
    expect(tokens.map((t) => length.of(t))).toEqual([5, 6, 5, 13]);
    expect(seen.filter((w) => w === 'wordslot-spec')).toHaveLength(1);
    const bare = { text: 'abc', norm: 'abc', start: 0, end: 3, stem: 'abc' };
    expect([length.of(bare), length.of(bare)]).toEqual([3, 3]);
    expect(seen.filter((w) => w === 'abc')).toHaveLength(2);
  });
});
