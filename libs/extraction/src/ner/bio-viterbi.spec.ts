import { bioViterbi } from './bio-viterbi';
import { LABEL_COUNT, NER_LABELS } from './ner-labels';

const L = LABEL_COUNT;
const label = (name: string): number => NER_LABELS.indexOf(name as (typeof NER_LABELS)[number]);

describe(bioViterbi.name, () => {
  it('never puts I-X after O or after another type, even when the token scores favour it', () => {
    const emission = new Float64Array(2 * L);
    emission[0 * L + label('O')] = 1;
    emission[1 * L + label('I-PER')] = 5;
    emission[1 * L + label('B-PER')] = 4;
    const labels = bioViterbi(2, emission, () => new Float64Array(L * L));
    expect([...labels].map((l) => NER_LABELS[l])).toEqual(['O', 'B-PER']);
  });

  it('lets a transition bonus carry a name over a weak token', () => {
    const emission = new Float64Array(2 * L);
    emission[0 * L + label('B-ORG')] = 2;
    emission[1 * L + label('O')] = 1;
    const bonus = new Float64Array(L * L);
    bonus[label('B-ORG') * L + label('I-ORG')] = 3;
    const labels = bioViterbi(2, emission, () => bonus);
    expect([...labels].map((l) => NER_LABELS[l])).toEqual(['B-ORG', 'I-ORG']);
  });
});
