import { extractQuantities } from '../../quantities/quantity-extractor';

/** Sentences as French wire copy writes them; written for the test. */
describe('French quantity words', () => {
  it.each([
    ['Au moins 25 personnes ont été tuées dans l’attaque.', 25, 'killed', 'at-least', 'Au moins 25 personnes'],
    ['Plus de 2 500 soldats ont été déployés dans la région.', 2500, 'troops', 'more-than', 'Plus de 2 500 soldats'],
    ['Le bilan fait état de 12 morts et de 40 blessés.', 12, 'killed', null, '12 morts'],
    ['Environ 300 manifestants se sont rassemblés devant le parlement.', 300, 'protesters', 'about', 'Environ 300 manifestants'],
    ['Près de 5 000 réfugiés ont franchi la frontière.', 5000, 'displaced', 'about', 'Près de 5 000 réfugiés'],
    ['Le projet coûtera 3 millions d’euros.', 3_000_000, 'money', null, '3 millions d’euros'],
    ["Le projet coûtera 3 millions d'euros.", 3_000_000, 'money', null, "3 millions d'euros"],
    ['Une aide de 20 millions de dollars a été promise.', 20_000_000, 'money', null, '20 millions de dollars'],
    ['Le chômage a baissé de 7 pour cent.', 7, 'percent', null, '7 pour cent'],
    ['Le taux atteint 12 %.', 12, 'percent', null, '12 %'],
  ])('%s', (sentence, value, category, qualifier, text) => {
    expect(extractQuantities(sentence, 'fr')[0]).toMatchObject({ value, category, qualifier, text });
  });

  it('gives the wounded of "40 blessés" their own category beside the dead', () => {
    const found = extractQuantities('Le bilan fait état de 12 morts et de 40 blessés.', 'fr');
    expect(found.map((q) => [q.value, q.category])).toEqual([
      [12, 'killed'],
      [40, 'injured'],
    ]);
  });

  it('reads French quantity words only in French texts', () => {
    expect(extractQuantities('Au moins 25 personnes ont été tuées', 'en')[0]).toMatchObject({ value: 25, category: 'other', qualifier: null });
  });
});
