import { AveragedPerceptron } from './averaged-perceptron';

describe(AveragedPerceptron.name, () => {
  it('learns a separable problem and averages its weights over the examples seen', () => {
    // Feature 0 marks label 1, feature 1 label 2, feature 2 label 0.
    const examples: [number[], number][] = [
      [[0], 1],
      [[1], 2],
      [[2], 0],
    ];
    const model = new AveragedPerceptron(3, 3);
    const scores = new Float64Array(3);
    const predict = (features: number[], weights?: Float64Array): number => {
      scores.fill(0);
      if (weights) for (const f of features) for (let l = 0; l < 3; l++) scores[l] += weights[f * 3 + l];
      else model.score(features, scores);
      return scores.indexOf(Math.max(...scores));
    };
    for (let epoch = 0; epoch < 5; epoch++) {
      for (const [features, label] of examples) {
        model.tick();
        model.update(features, label, predict(features));
      }
    }
    const averaged = model.averaged(3);
    for (const [features, label] of examples) expect(predict(features, averaged)).toBe(label);
    // The average is the weight held over time, never more than the final weight's size.
    expect(Math.abs(averaged[0 * 3 + 1])).toBeLessThanOrEqual(Math.abs(model.weight(0, 1)));
  });

  it('grows for features first seen during training', () => {
    const model = new AveragedPerceptron(1, 2);
    model.ensure(10);
    model.tick();
    model.update([9], 1, 0);
    expect(model.weight(9, 1)).toBe(1);
    expect(model.weight(9, 0)).toBe(-1);
  });
});
