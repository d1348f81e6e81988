import { FoldedText } from './folded-text';
import { PhraseMatcher } from './phrase-matcher';

describe(PhraseMatcher.name, () => {
  const matcher = new PhraseMatcher<string>([
    ['أكثر من', 'more-than'],
    ['العناية المركزة', 'icu'],
    ['على الأقل', 'at-least'],
    ['مستشفى', 'hospital'],
    ['at least', 'at-least'],
  ]);

  it('matches multi-word phrases on folded tokens, longest first', () => {
    const tokens = new FoldedText('و62 في العناية المركزة').tokens();
    expect(matcher.matchAt(tokens, 3)).toMatchObject({ value: 'icu', start: 3, end: 5, conj: false });
  });

  it('matches the first word with proclitics and reports a conjunction', () => {
    const tokens = new FoldedText('وأكثر من 10').tokens();
    expect(matcher.matchAt(tokens, 0)).toMatchObject({ value: 'more-than', conj: true });
  });

  it('finds the phrase that ends just before a token', () => {
    const tokens = new FoldedText('لن تستغرق أكثر من 10 أيام').tokens();
    expect(matcher.matchEndingAt(tokens, 4)).toMatchObject({ value: 'more-than', start: 2 });
    expect(matcher.matchEndingAt(tokens, 3)).toBeNull();
  });

  it('adds the article to the first word only when asked', () => {
    const tokens = new FoldedText('نقلوا إلى المستشفى').tokens();
    expect(matcher.matchAt(tokens, 2)).toBeNull();
    expect(new PhraseMatcher([['مستشفى', 1]], { article: true }).matchAt(tokens, 2)?.value).toBe(1);
  });

  it('matches English case-insensitively and does not cross a line break', () => {
    expect(matcher.matchAt(new FoldedText('At least 5').tokens(), 0)?.value).toBe('at-least');
    expect(matcher.matchAt(new FoldedText('at\nleast').tokens(), 0)).toBeNull();
  });
});
