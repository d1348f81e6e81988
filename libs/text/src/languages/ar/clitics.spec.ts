import { stemCandidates, tokenize } from '../../normalize/tokenizer';
import { ARABIC_CLITICS } from './clitics';

describe('ARABIC_CLITICS', () => {
  const { conjunctions, prepositions, article, articleAfter } = ARABIC_CLITICS;
  const stem = 'منظمه'; // منظمة, normalised

  it('every stack of proclitics the module lists comes off a word, the bare stem among its candidates', () => {
    for (const conjunction of ['', ...conjunctions]) {
      for (const preposition of ['', ...prepositions]) {
        for (const withArticle of [false, true]) {
          if (!conjunction && !preposition && !withArticle) continue;
          const written = conjunction + (withArticle ? (articleAfter[preposition] ?? preposition + article) : preposition) + stem;
          const candidates = stemCandidates(written);
          expect(candidates[0]).toBe(written);
          expect(candidates).toContain(stem);
          // After a conjunction or a preposition the definite form is offered too: gazetteers list names both ways.
          if (withArticle && (conjunction || preposition)) expect(candidates).toContain(article + stem);
        }
      }
    }
  });

  it('writes ل + ال as لل, as the tokenizer reads "للمنظمة"', () => {
    expect(articleAfter['ل']).toBe('لل');
    expect(tokenize('للمنظمة')[0]!.stem).toBe(stem);
    expect(tokenize('وبالمنظمة')[0]!.stem).toBe(stem);
  });
});
