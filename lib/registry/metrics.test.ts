import { describe, expect, it } from 'vitest';
import { compareMetrics, keyMetric, validationMetrics } from './metrics';

describe('validationMetrics', () => {
  it('keeps val_* and baseline_val_* at their best value, falling back to the last, dropping non-finite ones', () => {
    const metrics = validationMetrics({
      bestMetrics: { val_loss: { value: 0.2, step: 3 }, loss: { value: 0.1, step: 9 }, val_accuracy: { value: 0.9, step: 10 } },
      lastMetrics: { val_loss: 0.4, loss: 0.1, val_accuracy: 0.9, baseline_val_accuracy: 0.6, val_auc: Number.NaN, interval_val_x: 1 },
    });
    expect(metrics).toEqual({ val_loss: 0.2, val_accuracy: 0.9, baseline_val_accuracy: 0.6 });
  });
});

describe('keyMetric', () => {
  it('picks RMSE for regression and accuracy for classification, against their baselines', () => {
    expect(keyMetric({ val_loss: 3, val_rmse: 10, baseline_val_rmse: 12 }, 'regression')).toEqual({ key: 'val_rmse', value: 10, baselineKey: 'baseline_val_rmse', baseline: 12, lowerIsBetter: true, beatsBaseline: true });
    expect(keyMetric({ val_accuracy: 0.55, baseline_val_accuracy: 0.6 }, 'classification')).toMatchObject({ key: 'val_accuracy', lowerIsBetter: false, beatsBaseline: false });
  });

  it('falls back to other metrics, tries both lists for an unknown task, and is null without any', () => {
    expect(keyMetric({ val_loss: 3 }, 'regression')).toMatchObject({ key: 'val_loss', baseline: null, beatsBaseline: null });
    expect(keyMetric({ val_accuracy: 0.7 }, '')).toMatchObject({ key: 'val_accuracy' });
    expect(keyMetric({}, 'regression')).toBeNull();
  });
});

describe('compareMetrics', () => {
  it('marks the better side per metric (lower for errors, higher otherwise), headline first, baselines left out', () => {
    const rows = compareMetrics({ val_rmse: 9, val_r2: 0.2, val_mae: 4, baseline_val_rmse: 12 }, { val_rmse: 10, val_r2: 0.3, val_mae: 4, val_loss: 1 }, 'val_rmse');
    expect(rows).toEqual([
      { key: 'val_rmse', mine: 9, theirs: 10, better: 'mine' },
      { key: 'val_loss', mine: null, theirs: 1, better: null },
      { key: 'val_mae', mine: 4, theirs: 4, better: 'tie' },
      { key: 'val_r2', mine: 0.2, theirs: 0.3, better: 'theirs' },
    ]);
  });
});
