import { currentMetricKey } from '@/lib/tracking/metric-model';

/** "850 ms", "12 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** Metric names (after their split prefix) as they read, with their unit where one helps. */
const NAMES: Record<string, string> = {
  loss: 'loss',
  accuracy: 'accuracy',
  mae: 'MAE (target units)',
  rmse: 'RMSE (target units)',
  r2: 'R²',
  f1: 'macro F1',
  auc: 'ROC AUC',
  pr_auc: 'PR AUC',
  log_loss: 'log loss',
};
const SPLITS: Record<string, string> = { val: 'validation', test: 'test' };

/**
 * How a metric key reads in the UI: "val_loss" → "validation loss", "baseline_test_rmse" →
 * "baseline test RMSE (target units)". With the run's task, the loss says what it is: MSE in
 * squared target units for a regression (its square root is the RMSE), cross-entropy for a
 * classification. Old names read as their current ones ("val_acc" → "validation accuracy
 * (recorded as val_acc)"); unknown keys as they are.
 */
export function metricLabel(key: string, task?: string): string {
  const current = currentMetricKey(key);
  const m = /^(baseline_)?(?:(val|test)_)?(.+)$/.exec(current)!;
  const name = NAMES[m[3]!];
  if (!name) return key;
  const loss = m[3] === 'loss' && task ? (task === 'regression' ? 'loss (MSE, squared target units)' : 'loss (cross-entropy)') : name;
  const label = `${m[1] ? 'baseline ' : ''}${m[2] ? SPLITS[m[2]] : 'training'} ${loss}`;
  return current === key ? label : `${label} (recorded as ${key})`;
}

/** A metric value for tables: 4 significant digits, or 1 decimal from 100 up. */
export function formatMetric(value: number | undefined): string {
  if (value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(4);
}
