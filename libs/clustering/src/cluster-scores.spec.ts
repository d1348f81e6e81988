import { clusterScores } from './cluster-scores';

const map = (entries: Record<string, string>): Map<string, string> => new Map(Object.entries(entries));

describe(clusterScores.name, () => {
  it('is perfect when the clusters are the gold stories', () => {
    const s = clusterScores(map({ a: 'x', b: 'x', c: 'y' }), map({ a: '1', b: '1', c: '2' }));
    expect(s.pairwise).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(s.bcubed).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('scores a split story and a merged one as in the worked examples', () => {
    // Gold: {a,b,c,d} and {e}. Predicted: {a,b}, {c,d,e}.
    const s = clusterScores(map({ a: 'p', b: 'p', c: 'q', d: 'q', e: 'q' }), map({ a: '1', b: '1', c: '1', d: '1', e: '2' }));
    // Predicted pairs: ab, cd, ce, de = 4; right: ab, cd = 2; gold pairs: 6.
    expect(s.pairwise.precision).toBeCloseTo(2 / 4);
    expect(s.pairwise.recall).toBeCloseTo(2 / 6);
    // B-cubed precision: a,b 1; c,d 2/3; e 1/3 → (1+1+2/3+2/3+1/3)/5. Recall: a,b,c,d 2/4; e 1 → (0.5*4+1)/5.
    expect(s.bcubed.precision).toBeCloseTo((1 + 1 + 2 / 3 + 2 / 3 + 1 / 3) / 5);
    expect(s.bcubed.recall).toBeCloseTo(3 / 5);
  });

  it('scores only the items the gold labels', () => {
    const s = clusterScores(map({ a: 'p', b: 'p', z: 'p' }), map({ a: '1', b: '1' }));
    expect(s.items).toBe(2);
    expect(s.bcubed.f1).toBe(1);
  });
});
