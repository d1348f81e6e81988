import { WordInterner } from './word-interner';

describe(WordInterner.name, () => {
  it('makes one record per distinct word, found again wherever the word is written', () => {
    const made: string[] = [];
    const words = new WordInterner((word) => {
      made.push(word);
      return { word };
    });
    const text = 'وقالت روسيا إن روسيا وقالت';
    const first = words.intern(text, 6, 11);
    expect(first).toEqual({ word: 'روسيا' });
    expect(words.intern(text, 15, 20)).toBe(first);
    expect(words.intern(text, 0, 5)).toEqual({ word: 'وقالت' });
    expect(words.intern(text, 21, 26)).toBe(words.intern(text, 0, 5));
    expect(words.intern(text, 6, 8)).toEqual({ word: 'رو' });
    expect(made).toEqual(['روسيا', 'وقالت', 'رو']);
  });

  it('starts afresh when full, and still gives each word its own record', () => {
    const words = new WordInterner((word) => ({ word }), 3);
    const text = 'a b c d e a b';
    const records = [0, 2, 4, 6, 8, 10, 12].map((i) => words.intern(text, i, i + 1));
    expect(records.map((r) => r.word)).toEqual(['a', 'b', 'c', 'd', 'e', 'a', 'b']);
    expect(words.intern(text, 12, 13)).toBe(records[6]);
  });
});
