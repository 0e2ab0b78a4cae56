import type { ColumnDriftResult } from '@/lib/monitoring/types';

/** A drift score as the dashboard prints it: p-values under 0.001 in exponent form, else 3 decimals. */
export function formatScore(result: Pick<ColumnDriftResult, 'score' | 'scoreKind'>): string {
  const x = result.score;
  if (result.scoreKind === 'p-value' && x < 0.001) return x === 0 ? '0' : x.toExponential(1);
  return x.toFixed(3);
}

/** A metric value (accuracy, F1, AUC to 3 decimals; MAE, RMSE to 3 significant digits), or a dash. */
export function formatMetric(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(3);
}

/** Names of estimated metrics as the dashboard shows them. */
export const METRIC_LABELS: Record<string, string> = { accuracy: 'Accuracy', f1: 'F1', roc_auc: 'ROC AUC', mae: 'MAE', rmse: 'RMSE' };
