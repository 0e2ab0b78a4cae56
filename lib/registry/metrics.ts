import { judgeAgainstBaseline, type BaselineVerdict } from '../tracking/headline';
import { lowerIsBetter } from '../tracking/run-types';

/** The metric a version is judged by, with the baseline it must beat (see `judgeAgainstBaseline`). */
export interface KeyMetric {
  key: string;
  value: number | null;
  baseline: number | null;
  lowerIsBetter: boolean;
  /** `beats`: by the stated margin; `short`: not by it; `unknown`: a figure is missing. */
  status: BaselineVerdict['status'];
  /** One sentence with the figures and the margin. */
  reason: string;
}

/**
 * The headline validation metric of a version (RMSE for regression, ROC AUC for two classes,
 * log loss for more) judged against its baseline by the stated margin. Null when the version
 * has no figure for it at all.
 */
export function keyMetric(metrics: Readonly<Record<string, number>>, task: string): KeyMetric | null {
  const verdict = judgeAgainstBaseline(metrics, task || undefined, 'val');
  if (verdict.value === null) return null;
  return { key: verdict.key, value: verdict.value, baseline: verdict.baseline, lowerIsBetter: verdict.rule.lowerIsBetter, status: verdict.status, reason: verdict.reason };
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
