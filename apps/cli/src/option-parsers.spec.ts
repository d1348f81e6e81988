import { InvalidArgumentError } from 'commander';
import { nonNegativeInt, positiveInt } from './option-parsers';

describe(positiveInt.name, () => {
  it('takes whole numbers from 1 and refuses 0, negatives, fractions and words', () => {
    expect(positiveInt('1')).toBe(1);
    expect(positiveInt('120000')).toBe(120_000);
    for (const bad of ['0', '-1', '1.5', '', 'ten', '1e3']) expect(() => positiveInt(bad)).toThrow(InvalidArgumentError);
  });
});

describe(nonNegativeInt.name, () => {
  it('takes 0, the default of `audit --wait`, and refuses negatives, fractions and words', () => {
    expect(nonNegativeInt('0')).toBe(0);
    expect(nonNegativeInt('60000')).toBe(60_000);
    for (const bad of ['-1', '1.5', '', 'ten', '-0']) expect(() => nonNegativeInt(bad)).toThrow(InvalidArgumentError);
  });
});
