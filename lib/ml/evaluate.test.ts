import { describe, expect, it } from 'vitest';
import { EVALUATION_PLOT_POINTS, evaluateClassification, evaluateRegression } from './evaluate';

describe('evaluateRegression', () => {
  it('reports metrics next to the training-mean baseline, with bounded plots', () => {
    const yTrue = Array.from({ length: 5000 }, (_, i) => i % 100);
    const yPred = yTrue.map((y) => y + 1);
    const e = evaluateRegression(yTrue, yPred, [10, 20, 30]);
    expect(e.rmse).toBeCloseTo(1, 12);
    expect(e.mae).toBeCloseTo(1, 12);
    expect(e.baseline.prediction).toBe(20);
    expect(e.baseline.rmse).toBeGreaterThan(e.rmse);
    expect(e.predictedVsActual.length).toBeLessThanOrEqual(EVALUATION_PLOT_POINTS);
    expect(e.residuals.every((p) => p.y === -1)).toBe(true);
  });
});

describe('evaluateClassification', () => {
  it('reports accuracy, macro scores, AUC, log loss and the confusion matrix against the majority class', () => {
    const yTrue = [0, 0, 1, 1];
    const probabilities = [
      [0.9, 0.1],
      [0.6, 0.4],
      [0.35, 0.65],
      [0.2, 0.8],
    ];
    const e = evaluateClassification(yTrue, probabilities, [0, 0, 0, 1], ['on time', 'delayed']);
    expect(e.accuracy).toBe(1);
    expect(e.f1).toBe(1);
    expect(e.rocAuc).toBe(1);
    expect(e.confusion).toEqual([
      [2, 0],
      [0, 2],
    ]);
    expect(e.baseline.prediction).toBe('on time');
    expect(e.baseline.accuracy).toBe(0.5);
    expect(e.baseline.f1).toBeCloseTo((2 / 3 + 0) / 2, 12);
    // Baseline probabilities are the training shares 0.75 / 0.25.
    expect(e.baseline.logLoss).toBeCloseTo(-(2 * Math.log(0.75) + 2 * Math.log(0.25)) / 4, 12);
  });

  it('has no AUC for more than two classes', () => {
    const e = evaluateClassification([0, 1, 2], [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [0, 1, 2], ['a', 'b', 'c']);
    expect(e.rocAuc).toBeNull();
    expect(e.accuracy).toBe(1);
  });
});
