/** "850 ms", "12 s", "3 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

const LABELS: Record<string, string> = {
  loss: 'training loss',
  val_loss: 'validation loss',
  acc: 'training accuracy',
  val_acc: 'validation accuracy',
  mae: 'training MAE',
  val_mae: 'validation MAE',
  val_rmse: 'validation RMSE',
  val_r2: 'validation R²',
  baseline_val_rmse: 'baseline RMSE (mean)',
  val_accuracy: 'validation accuracy',
  val_f1: 'validation macro F1',
  val_auc: 'validation ROC AUC',
  val_log_loss: 'validation log loss',
  baseline_val_accuracy: 'baseline accuracy (majority)',
};

/** How a metric key reads in the UI ("val_loss" → "validation loss"); unknown keys as they are. */
export function metricLabel(key: string): string {
  return LABELS[key] ?? key;
}

/** A metric value for tables: 4 significant digits, or 1 decimal from 100 up. */
export function formatMetric(value: number | undefined): string {
  if (value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(4);
}
