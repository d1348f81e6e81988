import { NER_LABELS } from './ner-labels';
import { NerModel } from './ner-model';
import { NerModelError } from './ner-model.error';

describe(NerModel.name, () => {
  it('stores weights in 16 bits and reads them back within the quantisation step', () => {
    const weights = new Float64Array(2 * NER_LABELS.length);
    weights[1] = 2.5;
    weights[NER_LABELS.length + 3] = -1.25;
    const file = NerModel.toJson(['a', 'b', 'never-weighted'], new Float64Array([...weights, ...new Float64Array(NER_LABELS.length)]), ['كلمة'], { كلمة: [3, 0, 0, 0] }, {});
    expect(file.features).toEqual(['a', 'b']);
    const model = NerModel.fromJson(file);
    expect(model.weights[model.row('a') + 1]).toBeCloseTo(2.5, 3);
    expect(model.weights[model.row('b') + 3]).toBeCloseTo(-1.25, 3);
    expect(model.row('never-weighted')).toBe(-1);
    expect(model.vocabulary.has('كلمة')).toBe(true);
    expect(model.statistics.get('كلمة')).toEqual([3, 0, 0, 0]);
  });

  it('refuses a file of another format or with other labels', () => {
    const file = NerModel.toJson(['a'], new Float64Array(NER_LABELS.length).fill(1), [], {}, {});
    expect(() => NerModel.fromJson({ ...file, format: 'other/1' })).toThrow(NerModelError);
    expect(() => NerModel.fromJson({ ...file, labels: ['O', 'B-X'] })).toThrow(NerModelError);
  });

  it('loads the bundled model in under a second', () => {
    const started = process.hrtime.bigint();
    const model = NerModel.fromFile(require.resolve('../../data/ner-model.json'));
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
    expect(model.featureCount).toBeGreaterThan(10_000);
  });
});
