import { describe, expect, it } from 'vitest';
import { currentMetricKey, foldPoint, metricsAtStep, savedModelMetrics, summarizeSeries, valueAtStep } from './metric-model';

describe('the metric model', () => {
  it('derives last and best (with its step) from one series, by one rule', () => {
    expect(summarizeSeries('val_loss', [1, 2, 3, 4], [0.5, 0.3, 0.3, 0.4])).toEqual({ last: { value: 0.4, step: 4 }, best: { value: 0.3, step: 2 } });
    expect(summarizeSeries('val_accuracy', [1, 2, 3], [0.7, 0.773, 0.7723])).toEqual({ last: { value: 0.7723, step: 3 }, best: { value: 0.773, step: 2 } });
    // A diverged epoch is the truth about the last epoch, never the best.
    expect(summarizeSeries('loss', [1, 2], [3, NaN])).toEqual({ last: { value: NaN, step: 2 }, best: { value: 3, step: 1 } });
    expect(summarizeSeries('loss', [], [])).toEqual({ last: null, best: null });
  });

  it('folds points one at a time to the same summary as the whole series (the writer folds per flush)', () => {
    const steps = [1, 2, 3, 4, 5];
    const values = [9, 4, 6, 4, 5];
    let s = { last: null, best: null } as ReturnType<typeof summarizeSeries>;
    steps.forEach((step, i) => (s = foldPoint(s, 'val_mae', step, values[i]!)));
    expect(s).toEqual(summarizeSeries('val_mae', steps, values));
    expect(s.best).toEqual({ value: 4, step: 2 });
  });

  it('reads every metric at a step (the saved model’s figures), leaving out missing and non-finite ones', () => {
    const series = { val_loss: { steps: [1, 2, 3], values: [0.5, 0.3, 0.4] }, val_rmse: { steps: [2], values: [17.1] }, loss: { steps: [1, 2, 3], values: [1, NaN, 0.9] } };
    expect(valueAtStep(series.val_loss, 2)).toBe(0.3);
    expect(valueAtStep(series.val_rmse, 3)).toBeUndefined();
    expect(metricsAtStep(series, 2)).toEqual({ val_loss: 0.3, val_rmse: 17.1 });
  });

  it('gives the saved model’s metrics, and for runs recorded before them the figures evaluated once at the end', () => {
    expect(savedModelMetrics({ status: 'FINISHED', lastMetrics: { val_rmse: 3 }, savedModel: { step: 2, metrics: { val_rmse: 2 } } })).toEqual({ val_rmse: 2 });
    expect(savedModelMetrics({ status: 'FINISHED', lastMetrics: { val_rmse: 3, val_loss: 9, loss: 1, val_auc: NaN } })).toEqual({ val_rmse: 3 });
    expect(savedModelMetrics({ status: 'FAILED', lastMetrics: { val_rmse: 3 } })).toEqual({});
  });

  it('reads the old names of metrics as their current ones', () => {
    expect([currentMetricKey('acc'), currentMetricKey('val_acc'), currentMetricKey('val_mae')]).toEqual(['accuracy', 'val_accuracy', 'val_mae']);
  });
});
