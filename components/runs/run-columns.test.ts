import { describe, expect, it } from 'vitest';
import { collectRunKeys, columnValue, defaultColumnIds, firstDirection, headlineMetricKeys, runColumns, sortRuns } from './run-columns';
import { testRun as run } from './run-test-fixtures';

const ids = (runs: { id: string }[]) => runs.map((r) => r.id);

describe('collectRunKeys', () => {
  it('unites param keys and best/last metric keys, headline metrics and val_loss first', () => {
    const keys = collectRunKeys([
      run('a', { params: { lr: 0.1, model: 'mlp' }, bestMetrics: { val_loss: { value: 1, step: 1 }, loss: { value: 1, step: 1 } }, lastMetrics: { val_rmse: 3 } }),
      run('b', { params: { batchSize: 32 }, lastMetrics: { val_auc: 0.6, val_accuracy: 0.9, accuracy: 0.8 } }),
    ]);
    expect(keys.params).toEqual(['batchSize', 'lr', 'model']);
    expect(keys.metrics).toEqual(['val_rmse', 'val_auc', 'val_loss', 'accuracy', 'loss', 'val_accuracy']);
  });
});

describe('runColumns and defaultColumnIds', () => {
  const keys = { params: ['lr'], metrics: ['val_rmse', 'val_loss', 'loss'] };
  it('offers two columns per metric, best and last', () => {
    const columns = runColumns(keys);
    expect(columns.map((c) => c.id)).toEqual([
      'name', 'status', 'dataset', 'model', 'backend', 'baseline', 'params.lr',
      'metrics.val_rmse', 'last.val_rmse', 'metrics.val_loss', 'last.val_loss', 'metrics.loss', 'last.loss', 'started', 'duration',
    ]);
    expect(columns.find((c) => c.id === 'last.val_rmse')?.label).toBe('val_rmse last');
    expect(columns.find((c) => c.id === 'metrics.val_rmse')?.label).toBe('val_rmse best');
  });
  it('defaults to name, status, dataset, headline best + last, best val_loss, started, duration', () => {
    expect(defaultColumnIds(keys)).toEqual(['name', 'status', 'dataset', 'baseline', 'metrics.val_rmse', 'last.val_rmse', 'metrics.val_loss', 'started', 'duration']);
    expect(defaultColumnIds({ params: [], metrics: [] })).toEqual(['name', 'status', 'dataset', 'baseline', 'started', 'duration']);
    // On a phone: the few columns that answer "which run is good".
    expect(defaultColumnIds(keys, true)).toEqual(['name', 'status', 'baseline', 'metrics.val_rmse']);
  });
  it('picks the headline metrics: RMSE, ROC AUC (else log loss), never accuracy; else another val_ metric', () => {
    expect(headlineMetricKeys(['val_accuracy', 'val_rmse', 'val_auc', 'val_log_loss'])).toEqual(['val_rmse', 'val_auc']);
    expect(headlineMetricKeys(['val_accuracy', 'val_log_loss'])).toEqual(['val_log_loss']);
    expect(headlineMetricKeys(['val_loss', 'val_mae'])).toEqual(['val_mae']);
    expect(headlineMetricKeys(['val_loss', 'loss'])).toEqual([]);
  });
});

describe('columnValue', () => {
  const r = run('a', { params: { target: 'delay', model: 'mlp', shuffle: true }, bestMetrics: { x: { value: 1, step: 0 }, bad: { value: Number.NaN, step: 0 } }, lastMetrics: { x: 2 }, startedAt: 100, endedAt: null, backend: null });
  it('reads fixed columns, params, best and last', () => {
    expect(columnValue(r, 'model', 0)).toBe('delay · mlp');
    expect(columnValue(r, 'params.shuffle', 0)).toBe('true');
    expect(columnValue(r, 'metrics.x', 0)).toBe(1);
    expect(columnValue(r, 'last.x', 0)).toBe(2);
    expect(columnValue(r, 'duration', 400)).toBe(300);
  });
  it('is undefined for what a run lacks', () => {
    expect(columnValue(r, 'backend', 0)).toBeUndefined();
    expect(columnValue(r, 'metrics.bad', 0)).toBeUndefined();
    expect(columnValue(r, 'params.constructor', 0)).toBeUndefined();
    expect(columnValue(run('b'), 'model', 0)).toBeUndefined();
    expect(columnValue(r, 'nonsense', 0)).toBeUndefined();
  });
});

describe('firstDirection', () => {
  it('is newest first for started, best first for metrics, ascending otherwise', () => {
    expect(firstDirection('started')).toBe('desc');
    expect(firstDirection('metrics.val_loss')).toBe('asc');
    expect(firstDirection('last.val_rmse')).toBe('asc');
    expect(firstDirection('metrics.val_accuracy')).toBe('desc');
    expect(firstDirection('name')).toBe('asc');
    expect(firstDirection('params.lr')).toBe('asc');
  });
});

describe('sortRuns', () => {
  const runs = [
    run('a', { name: 'run 10', bestMetrics: { val_loss: { value: 3, step: 1 } }, params: { lr: '0.1' } }),
    run('b', { name: 'run 2', bestMetrics: { val_loss: { value: 1, step: 1 } }, params: { lr: 0.01 } }),
    run('c', { name: 'Run 3', params: { lr: 'adaptive' } }),
    run('d', { name: 'run 1', bestMetrics: { val_loss: { value: 1, step: 1 } } }),
  ];
  it('sorts metrics both ways with missing values last, ties in original order', () => {
    expect(ids(sortRuns(runs, 'metrics.val_loss', 'asc', 0))).toEqual(['b', 'd', 'a', 'c']);
    expect(ids(sortRuns(runs, 'metrics.val_loss', 'desc', 0))).toEqual(['a', 'b', 'd', 'c']);
  });
  it('sorts names naturally and case-insensitively', () => {
    expect(ids(sortRuns(runs, 'name', 'asc', 0))).toEqual(['d', 'b', 'c', 'a']);
  });
  it('sorts numeric text as numbers, numbers before text', () => {
    expect(ids(sortRuns(runs, 'params.lr', 'asc', 0))).toEqual(['b', 'a', 'c', 'd']);
    expect(ids(sortRuns(runs, 'params.lr', 'desc', 0))).toEqual(['c', 'a', 'b', 'd']);
  });
  it('sorts durations against the clock for running runs', () => {
    const timed = [run('long', { startedAt: 0, endedAt: 500 }), run('live', { startedAt: 900, endedAt: null })];
    expect(ids(sortRuns(timed, 'duration', 'asc', 1000))).toEqual(['live', 'long']);
    expect(ids(sortRuns(timed, 'duration', 'asc', 2000))).toEqual(['long', 'live']);
  });
  it('does not change its input', () => {
    const before = ids(runs);
    sortRuns(runs, 'name', 'desc', 0);
    expect(ids(runs)).toEqual(before);
  });
});

describe('the baseline column', () => {
  it('judges the saved model against its baseline: green past the margin, amber short of it, empty without a model', () => {
    const good = run('good', { params: { task: 'regression' }, savedModel: { step: 3, metrics: { val_rmse: 30, baseline_val_rmse: 32.7 } } });
    const weak = run('weak', { params: { task: 'regression' }, savedModel: { step: 3, metrics: { val_rmse: 32.6, baseline_val_rmse: 32.7 } } });
    expect(columnValue(good, 'baseline', 0)).toBe('beats the baseline');
    expect(columnValue(weak, 'baseline', 0)).toBe('does not beat the baseline');
    expect(columnValue(run('none', { status: 'FAILED' }), 'baseline', 0)).toBeUndefined();
  });
});

describe('metric labels', () => {
  it('spell the split, the baseline, the unit and, with the task, what the loss is', async () => {
    const { metricLabel } = await import('./format');
    expect(metricLabel('val_loss')).toBe('validation loss');
    expect(metricLabel('loss', 'regression')).toBe('training loss (MSE, squared target units)');
    expect(metricLabel('val_loss', 'classification')).toBe('validation loss (cross-entropy)');
    expect(metricLabel('val_rmse')).toBe('validation RMSE (target units)');
    expect(metricLabel('baseline_test_rmse')).toBe('baseline test RMSE (target units)');
    expect(metricLabel('val_pr_auc')).toBe('validation PR AUC');
    expect(metricLabel('val_acc')).toBe('validation accuracy (recorded as val_acc)');
    expect(metricLabel('cv_val_loss_mean')).toBe('cv_val_loss_mean');
  });
});
