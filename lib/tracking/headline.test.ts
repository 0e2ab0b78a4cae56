import { describe, expect, it } from 'vitest';
import { describeMargin, headlineRule, judgeAgainstBaseline, worthShipping } from './headline';

describe('honest baselines', () => {
  it('picks the headline by task: RMSE, ROC AUC for two classes, log loss for more', () => {
    expect(headlineRule('regression', {}).metric).toBe('rmse');
    expect(headlineRule('classification', { val_auc: 0.6 }).metric).toBe('auc');
    expect(headlineRule('classification', { val_log_loss: 0.6, val_accuracy: 0.9 }).metric).toBe('log_loss');
    expect(headlineRule(undefined, { test_rmse: 3 }).metric).toBe('rmse');
    expect(describeMargin(headlineRule('regression', {}))).toBe("at least 1 % lower than the baseline's");
    expect(describeMargin(headlineRule('classification', { val_auc: 0.6 }))).toBe("at least 0.05 higher than the baseline's");
  });

  it('is green only past the margin, amber short of it or worse, grey without a figure', () => {
    // The flights figures: 1.7 % better on validation is past the 1 % margin; 0.6 % worse on test is not.
    expect(judgeAgainstBaseline({ val_rmse: 32.12, baseline_val_rmse: 32.7 }, 'regression').status).toBe('beats');
    const test = judgeAgainstBaseline({ test_rmse: 28.17, baseline_test_rmse: 28 }, 'regression', 'test');
    expect(test).toMatchObject({ status: 'short', key: 'test_rmse', value: 28.17, baseline: 28 });
    expect(test.required).toBeCloseTo(27.72, 10);
    expect(test.reason).toBe("Test RMSE 28.17 against 28.00 for always predicting the training mean (0.6071 % worse): does not beat the baseline by the margin (at least 1 % lower than the baseline's, so 27.72 or lower).");
    // Accuracy equal to the majority rate does not matter: AUC decides, against 0.5 + 0.05.
    expect(judgeAgainstBaseline({ val_accuracy: 0.773, baseline_val_accuracy: 0.773, val_auc: 0.62, baseline_val_auc: 0.5 }, 'classification')).toMatchObject({ status: 'beats', key: 'val_auc' });
    expect(judgeAgainstBaseline({ val_auc: 0.54, baseline_val_auc: 0.5 }, 'classification').status).toBe('short');
    expect(judgeAgainstBaseline({ val_auc: 0.55, baseline_val_auc: 0.5 }, 'classification').status).toBe('beats');
    expect(judgeAgainstBaseline({ val_log_loss: 1.0, baseline_val_log_loss: 1.04 }, 'classification').status).toBe('short');
    expect(judgeAgainstBaseline({ val_rmse: 3 }, 'regression')).toMatchObject({ status: 'unknown', reason: 'Validation RMSE: no baseline figure was recorded, so it cannot be judged against the baseline.' });
    expect(judgeAgainstBaseline({ val_rmse: NaN, baseline_val_rmse: 4 }, 'regression').status).toBe('unknown');
  });

  it('calls a model worth shipping only when it beats the baseline on validation and on test', () => {
    const both = { val_rmse: 31.92, baseline_val_rmse: 32.7, test_rmse: 27.69, baseline_test_rmse: 28 };
    expect(worthShipping(both, 'regression').worthy).toBe(true);
    const noTest = worthShipping({ val_rmse: 31.92, baseline_val_rmse: 32.7 }, 'regression');
    expect(noTest).toMatchObject({ worthy: false, reason: 'Test RMSE: the model has no figure, so it cannot be judged against the baseline.' });
    expect(worthShipping({ ...both, test_rmse: 28.5 }, 'regression').worthy).toBe(false);
  });
});
