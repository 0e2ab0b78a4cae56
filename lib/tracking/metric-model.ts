import { lowerIsBetter, type RunRecord } from './run-types';

export { lowerIsBetter };

/*
 * The one metric model. A run stores one series per metric (chunks of steps and values); every
 * figure a page shows is derived from those series by the functions here:
 * - `last`: the value at the latest step;
 * - `best`: the lowest (losses and errors) or highest (everything else) finite value, earliest
 *   step on ties, with its step;
 * - `saved`: the value at the step whose weights the saved model holds (`RunRecord.savedModel`).
 *
 * Per-epoch metrics (`loss`, `val_loss`, `accuracy`/`val_accuracy` or `mae`/`val_mae`) have one
 * point per epoch. Metrics that only the saved model has (`val_rmse`, `val_auc`, `test_*`,
 * `baseline_*`) have one point, at the saved step. A key is never logged twice at one step.
 */

/** A value and the step (epoch) it was logged at. */
export interface MetricPoint {
  value: number;
  step: number;
}

/** What a series says at a glance. */
export interface SeriesSummary {
  last: MetricPoint | null;
  best: MetricPoint | null;
}

/** Names used before one name per metric: read as their current names. */
export const RENAMED_METRICS: Readonly<Record<string, string>> = { acc: 'accuracy', val_acc: 'val_accuracy' };

/** The current name of a metric key (`val_acc` → `val_accuracy`); other keys as they are. */
export function currentMetricKey(key: string): string {
  return RENAMED_METRICS[key] ?? key;
}

/**
 * Folds one more point into a series' summary (the rule of the module comment). `last` takes any
 * value, NaN included (a diverged epoch is the truth about the last epoch); `best` only finite
 * ones. Returns a new summary.
 */
export function foldPoint(summary: SeriesSummary, key: string, step: number, value: number): SeriesSummary {
  const last = !summary.last || step >= summary.last.step ? { value, step } : summary.last;
  if (!Number.isFinite(value)) return { last, best: summary.best };
  const best = summary.best;
  const improves = !best || (lowerIsBetter(key) ? value < best.value : value > best.value) || (value === best.value && step < best.step);
  return { last, best: improves ? { value, step } : best };
}

/** The summary of a whole series (steps and values of the same length), by `foldPoint`. */
export function summarizeSeries(key: string, steps: readonly number[], values: readonly number[]): SeriesSummary {
  let summary: SeriesSummary = { last: null, best: null };
  for (let i = 0; i < values.length; i++) summary = foldPoint(summary, key, steps[i]!, values[i]!);
  return summary;
}

/** The value of a series at `step`, or undefined when it has no point there. */
export function valueAtStep(series: { steps: readonly number[]; values: readonly number[] }, step: number): number | undefined {
  const i = series.steps.lastIndexOf(step);
  return i < 0 ? undefined : series.values[i];
}

/**
 * Every metric's value at `step`, the saved model's figures when `step` is its saved step.
 * Non-finite values are left out.
 */
export function metricsAtStep(series: Readonly<Record<string, { steps: readonly number[]; values: readonly number[] }>>, step: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of Object.keys(series).sort()) {
    const value = valueAtStep(series[key]!, step);
    if (value !== undefined && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

/**
 * The saved model's metrics of a run: `savedModel.metrics` when the run recorded them; for a run
 * recorded before they were (no `savedModel`), its validation metrics logged once at the end,
 * which were measured on the saved model. Empty when the run saved no model.
 */
export function savedModelMetrics(run: Pick<RunRecord, 'savedModel' | 'lastMetrics' | 'status'>): Record<string, number> {
  if (run.savedModel) return { ...run.savedModel.metrics };
  if (run.status !== 'FINISHED') return {};
  const legacy: Record<string, number> = {};
  for (const key of LEGACY_EVALUATION_KEYS) {
    const value = run.lastMetrics[key];
    if (value !== undefined && Number.isFinite(value)) legacy[key] = value;
  }
  return legacy;
}

/** What runs logged once, after training, before per-step saved metrics were recorded. */
const LEGACY_EVALUATION_KEYS = ['val_rmse', 'val_mae', 'val_r2', 'baseline_val_rmse', 'val_accuracy', 'val_f1', 'val_log_loss', 'val_auc', 'baseline_val_accuracy'];
