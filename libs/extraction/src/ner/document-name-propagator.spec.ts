import { DocumentNamePropagator } from './document-name-propagator';

describe(DocumentNamePropagator.name, () => {
  const propagator = new DocumentNamePropagator();

  it('finds a tagged name and a person’s surname again where the tagger missed them', () => {
    // seeds/002: "نيد برايس" in the first paragraph, "برايس" alone later.
    const keys = [
      ['قال', 'نيد', 'برايس', 'ان', 'الولايات', 'المتحده'],
      ['و', 'تابع', 'برايس', 'ان', 'الولايات', 'المتحده'],
    ];
    const spans = propagator.propagate(keys, [
      [
        { type: 'PER', start: 1, end: 3 },
        { type: 'LOC', start: 4, end: 6 },
      ],
      [],
    ]);
    expect(spans[1]).toEqual([
      { type: 'PER', start: 2, end: 3 },
      { type: 'LOC', start: 4, end: 6 },
    ]);
  });

  it('leaves alone a string the document tags with two types', () => {
    const keys = [['واشنطن'], ['واشنطن'], ['زار', 'واشنطن']];
    const spans = propagator.propagate(keys, [[{ type: 'LOC', start: 0, end: 1 }], [{ type: 'PER', start: 0, end: 1 }], []]);
    expect(spans[2]).toEqual([]);
  });
});
