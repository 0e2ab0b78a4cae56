import { describe, expect, it } from 'vitest';
import { compareMetrics, keyMetric } from './metrics';

describe('keyMetric', () => {
  it('judges RMSE for regression, ROC AUC for two classes and log loss for more, against their baselines by the margin', () => {
    expect(keyMetric({ val_loss: 3, val_rmse: 10, baseline_val_rmse: 12 }, 'regression')).toMatchObject({ key: 'val_rmse', value: 10, baseline: 12, lowerIsBetter: true, status: 'beats' });
    // 0.6 % lower RMSE is short of the 1 % margin: amber, not green.
    expect(keyMetric({ val_rmse: 31.8, baseline_val_rmse: 32 }, 'regression')).toMatchObject({ status: 'short' });
    // 77.3 % accuracy next to a 77.3 % majority rate says nothing; AUC 0.53 is short of 0.55.
    expect(keyMetric({ val_accuracy: 0.773, baseline_val_accuracy: 0.773, val_auc: 0.53, baseline_val_auc: 0.5 }, 'classification')).toMatchObject({ key: 'val_auc', status: 'short', lowerIsBetter: false });
    expect(keyMetric({ val_log_loss: 0.3, baseline_val_log_loss: 1.05 }, 'classification')).toMatchObject({ key: 'val_log_loss', status: 'beats' });
  });

  it('says when a figure is missing, and is null when the model has none', () => {
    expect(keyMetric({ val_rmse: 3 }, 'regression')).toMatchObject({ key: 'val_rmse', baseline: null, status: 'unknown' });
    expect(keyMetric({ val_rmse: 3, baseline_val_rmse: 4 }, '')).toMatchObject({ key: 'val_rmse', status: 'beats' });
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
