import { ProcliticSplit, procliticSplits, splitKey } from './arabic-proclitics';

function readings(key: string): Array<[string, number, boolean]> {
  const out: ProcliticSplit[] = [];
  const n = procliticSplits(key, out);
  return out.slice(0, n).map((s) => [splitKey(key, s), s.offset, s.articleRemoved]);
}

describe('procliticSplits', () => {
  it('peels a conjunction and a preposition', () => {
    // A name that starts like a proclitic is also read as one; the plain lookup still finds it first.
    expect(readings('كازاخستان')).toEqual([['ازاخستان', 1, false]]);
    expect(readings('وروسيا')).toEqual([['روسيا', 1, false]]);
    expect(readings('لكازاخستان')).toEqual([['كازاخستان', 1, false]]);
    expect(readings('وبموسكو')).toEqual(expect.arrayContaining([['بموسكو', 1, false], ['موسكو', 2, false]]));
  });

  it('offers the word without its article for demonyms only, keeping the article in the mention', () => {
    expect(readings('الروسيه')).toEqual([['روسيه', 0, true]]);
    expect(readings('والولايات')).toEqual(expect.arrayContaining([['الولايات', 1, false], ['ولايات', 1, true]]));
  });

  it('restores the article that ل elides', () => {
    expect(readings('للولايات')).toEqual(expect.arrayContaining([['الولايات', 1, false], ['ولايات', 1, true]]));
    expect(readings('وللامم')).toEqual(expect.arrayContaining([['الامم', 2, false]]));
  });

  it('offers nothing for words without proclitics or too short to hold a name behind them', () => {
    expect(readings('روسيا')).toEqual([]);
    expect(readings('وله')).toEqual([]);
  });
});
