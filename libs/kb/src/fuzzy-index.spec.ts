import { FuzzyIndex, fuzzyKey } from './fuzzy-index';
import { tokenizeForMatching } from './match-tokenizer';

const same = (a: string, b: string): boolean => a === b;

function lookup(index: FuzzyIndex<string>, text: string): string | undefined {
  const tokens = tokenizeForMatching(text);
  return index.longest(tokens.keys[0], tokens, 0, () => true)?.value;
}

describe('fuzzyKey', () => {
  it('folds ق to ك, drops inner alefs, collapses doubled ي and و, and ignores spaces', () => {
    expect(fuzzyKey(['توقاييف'])).toBe(fuzzyKey(['توكايف']));
    expect(fuzzyKey(['كازخستان'])).toBe(fuzzyKey(['قازاخستان']));
    expect(fuzzyKey(['بوركينا', 'فاسو'])).toBe(fuzzyKey(['بوركينافاسو']));
  });

  it('keeps the first and the last letter, so the article-like start and the final alef still count', () => {
    expect(fuzzyKey(['المانيا'])).not.toBe(fuzzyKey(['الامني']));
    expect(fuzzyKey(['روسيا'])).not.toBe(fuzzyKey(['روسي']));
  });
});

describe(FuzzyIndex.name, () => {
  it('finds an unlisted spelling of a name, across a missing space', () => {
    const index = new FuzzyIndex<string>();
    index.add(['كازاخستان'], 'KAZ', true, same);
    index.add(['بوركينا', 'فاسو'], 'BFA', true, same);
    expect(lookup(index, 'كازخستان اليوم')).toBe('KAZ');
    expect(lookup(index, 'بوركينافاسو')).toBe('BFA');
  });

  it('ignores keys shorter than the minimum', () => {
    const index = new FuzzyIndex<string>();
    index.add(['توكايف'], 'tokayev', true, same);
    expect(lookup(index, 'توقيف')).toBeUndefined();
  });

  it('drops a key two entities share, and one a stop phrase blocks', () => {
    const index = new FuzzyIndex<string>();
    index.add(['سان', 'مارتن'], 'MAF', true, same);
    index.add(['سانمارتن'], 'SXM', true, same);
    index.add(['نيوزيلندا'], 'NZL', true, same);
    index.block(['نيوزيلاندا']);
    expect(lookup(index, 'سان مارتن')).toBeUndefined();
    expect(lookup(index, 'نيوزيلندا')).toBeUndefined();
  });

  it('never matches through a name that only guards its key', () => {
    const index = new FuzzyIndex<string>();
    index.add(['الجزائر'], 'DZA', false, same);
    expect(lookup(index, 'الجزاير')).toBeUndefined();
  });

  it('lets the caller reject a hit by its value and the words it spans', () => {
    const index = new FuzzyIndex<string>();
    index.add(['انقره'], 'ankara', true, same);
    index.add(['بوركينا', 'فاسو'], 'BFA', true, same);
    const tokens = tokenizeForMatching('بوركينا فاسو');
    expect(index.longest(tokens.keys[0], tokens, 0, (_v, words) => words <= 1)).toBeUndefined();
    expect(index.longest(tokens.keys[0], tokens, 0, () => true)?.endToken).toBe(1);
  });
});
