import { describe, expect, it } from 'vitest';
import { accuracy, confusionMatrix, logLoss, mae, macroPrecisionRecallF1, majorityClass, meanBaseline, r2, rmse, rocAuc } from './metrics';

describe('regression metrics', () => {
  const y = [3, -0.5, 2, 7];
  const p = [2.5, 0, 2, 8];
  it('match scikit-learn on its documented example', () => {
    expect(mae(y, p)).toBeCloseTo(0.5, 12);
    expect(rmse(y, p)).toBeCloseTo(Math.sqrt(0.375), 12);
    expect(r2(y, p)).toBeCloseTo(0.9486081370449679, 12);
  });
  it('handle constant targets and reject mismatched lengths', () => {
    expect(r2([1, 1], [1, 1])).toBe(1);
    expect(r2([1, 1], [1, 2])).toBe(0);
    expect(r2([1, 2, 3], [2, 2, 2])).toBeCloseTo(0, 12);
    expect(() => rmse([1], [1, 2])).toThrow(RangeError);
  });
  it('give the mean as the baseline', () => {
    expect(meanBaseline([1, 2, 3, 6])).toBe(3);
  });
});

describe('classification metrics', () => {
  // scikit-learn's documented example for precision_recall_fscore_support(average='macro').
  const yTrue = [0, 1, 2, 0, 1, 2];
  const yPred = [0, 2, 1, 0, 0, 1];
  it('accuracy, confusion matrix and macro P/R/F1', () => {
    expect(accuracy(yTrue, yPred)).toBeCloseTo(1 / 3, 12);
    expect(confusionMatrix(yTrue, yPred, 3)).toEqual([
      [2, 0, 0],
      [1, 0, 1],
      [0, 2, 0],
    ]);
    const m = macroPrecisionRecallF1(yTrue, yPred, 3);
    expect(m.precision).toBeCloseTo(0.2222222222222222, 12);
    expect(m.recall).toBeCloseTo(0.3333333333333333, 12);
    expect(m.f1).toBeCloseTo(0.26666666666666666, 12);
  });

  it('ROC AUC with ties, and NaN with one class', () => {
    // scikit-learn roc_auc_score example: 0.75.
    expect(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(0.75, 12);
    expect(rocAuc([0, 1], [0.5, 0.5])).toBeCloseTo(0.5, 12);
    expect(rocAuc([1, 1], [0.2, 0.9])).toBeNaN();
  });

  it('log loss with clipping', () => {
    // scikit-learn log_loss example: 0.21616187468057912.
    // log_loss(['spam','ham','ham','spam'], …) with ham = 0, spam = 1.
    expect(logLoss([1, 0, 0, 1], [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]])).toBeCloseTo(0.21616187468057912, 12);
    expect(logLoss([0], [[0, 1]])).toBeCloseTo(-Math.log(1e-15), 6);
  });

  it('majority class baseline, lowest index on ties', () => {
    expect(majorityClass([2, 2, 1, 0, 2], 3)).toBe(2);
    expect(majorityClass([1, 0], 2)).toBe(0);
  });
});

describe('average precision and the threshold picker', () => {
  it('matches scikit-learn’s average_precision_score and gives the positive share for a constant score', async () => {
    const { averagePrecision } = await import('./metrics');
    // scikit-learn's documented example: average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) = 0.8333…
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])).toBeCloseTo(5 / 6, 12);
    expect(averagePrecision([0, 1, 0, 0, 1], [0.5, 0.5, 0.5, 0.5, 0.5])).toBeCloseTo(0.4, 12);
    expect(averagePrecision([0, 0], [0.2, 0.3])).toBeNaN();
  });

  it('counts the confusion matrix at a threshold (score ≥ threshold is positive)', async () => {
    const { confusionAtThreshold } = await import('./metrics');
    const y = [0, 0, 1, 1, 1];
    const p = [0.1, 0.6, 0.4, 0.6, 0.9];
    expect(confusionAtThreshold(y, p, 0.5)).toEqual({ threshold: 0.5, tp: 2, fp: 1, tn: 1, fn: 1, accuracy: 0.6, precision: 2 / 3, recall: 2 / 3, flagged: 0.6 });
    expect(confusionAtThreshold(y, p, 0)).toMatchObject({ tp: 3, fp: 2, flagged: 1 });
    expect(confusionAtThreshold(y, p, 1)).toMatchObject({ tp: 0, fp: 0, precision: NaN, recall: 0, accuracy: 0.4 });
  });
});
