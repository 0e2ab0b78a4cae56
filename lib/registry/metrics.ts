import { lowerIsBetter, type RunRecord } from '../tracking/run-types';

const VALIDATION_KEY = /^(baseline_)?val_/;

/**
 * The validation metrics a version keeps from its run: every `val_*` and `baseline_val_*` key,
 * at its best value (lowest for losses and errors, highest otherwise; `bestMetrics`), or its
 * last value when no best was kept. Evaluation metrics (`val_rmse`, `val_accuracy`…) are logged
 * once, so best = last for them; per-epoch ones (`val_loss`) take their best epoch.
 * Non-finite values (a diverged epoch) are left out.
 */
export function validationMetrics(run: Pick<RunRecord, 'bestMetrics' | 'lastMetrics'>): Record<string, number> {
  const keys = new Set([...Object.keys(run.bestMetrics), ...Object.keys(run.lastMetrics)].filter((k) => VALIDATION_KEY.test(k)));
  const out: Record<string, number> = {};
  for (const key of [...keys].sort()) {
    const best = Object.hasOwn(run.bestMetrics, key) ? run.bestMetrics[key]!.value : undefined;
    const value = best ?? (Object.hasOwn(run.lastMetrics, key) ? run.lastMetrics[key] : undefined);
    if (value !== undefined && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

/** The metric a version is judged by, with the baseline it must beat. */
export interface KeyMetric {
  key: string;
  value: number;
  /** e.g. `baseline_val_rmse`; null when the run logged no baseline for it. */
  baselineKey: string | null;
  baseline: number | null;
  lowerIsBetter: boolean;
  /** Whether the model beats its baseline; null without a baseline. */
  beatsBaseline: boolean | null;
}

const PREFERRED: Record<string, string[]> = {
  regression: ['val_rmse', 'val_mae', 'val_loss'],
  classification: ['val_accuracy', 'val_f1', 'val_loss'],
};

/**
 * The headline validation metric of a version: RMSE for regression, accuracy for
 * classification (the metrics the baselines are logged for), else MAE / F1, else `val_loss`.
 * An unknown task tries both lists. Null when the version has none of them.
 */
export function keyMetric(metrics: Readonly<Record<string, number>>, task: string): KeyMetric | null {
  const candidates = PREFERRED[task] ?? [...PREFERRED.regression!, ...PREFERRED.classification!];
  const key = candidates.find((k) => Object.hasOwn(metrics, k));
  if (!key) return null;
  const value = metrics[key]!;
  const baselineKey = Object.hasOwn(metrics, `baseline_${key}`) ? `baseline_${key}` : null;
  const baseline = baselineKey ? metrics[baselineKey]! : null;
  const lower = lowerIsBetter(key);
  return { key, value, baselineKey, baseline, lowerIsBetter: lower, beatsBaseline: baseline === null ? null : lower ? value < baseline : value > baseline };
}

/** One row of a side-by-side comparison of two versions' validation metrics. */
export interface MetricComparisonRow {
  key: string;
  mine: number | null;
  theirs: number | null;
  /** Which side is better (lower for losses and errors, higher otherwise); null when one side lacks it. */
  better: 'mine' | 'theirs' | 'tie' | null;
}

/**
 * Compares this version's validation metrics with another's (usually the champion's), key by
 * key over the keys either has. Baselines (`baseline_*`) are left out: they judge the data, not
 * the model. The `first` key (the headline metric) comes first, the rest alphabetically.
 */
export function compareMetrics(mine: Readonly<Record<string, number>>, theirs: Readonly<Record<string, number>>, first?: string): MetricComparisonRow[] {
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].filter((k) => !k.startsWith('baseline_')).sort((a, b) => (a === first ? -1 : b === first ? 1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key) => {
    const a = Object.hasOwn(mine, key) ? mine[key]! : null;
    const b = Object.hasOwn(theirs, key) ? theirs[key]! : null;
    let better: MetricComparisonRow['better'] = null;
    if (a !== null && b !== null) better = a === b ? 'tie' : (lowerIsBetter(key) ? a < b : a > b) ? 'mine' : 'theirs';
    return { key, mine: a, theirs: b, better };
  });
}
