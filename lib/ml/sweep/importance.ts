import type { ParamValue } from '../../tracking/run-types';

/** The method's name, as stored in `sweep.json` (`importance.method`) and shown in the UI. */
export const IMPORTANCE_METHOD = 'Variance explained (η², one-way ANOVA)';

/** One line the UI shows under the importance chart. */
export const IMPORTANCE_EXPLANATION =
  'For each param, trials are grouped by its value (numbers with more than 4 distinct values are binned into quartiles) and η² = between-group sum of squares ÷ total sum of squares of the objective: the share of the objective’s spread that the param’s value accounts for. Scores are scaled to sum to 1. It measures association within this sweep, one param at a time, so it ignores interactions.';

/** Trials the method needs before it says anything. */
export const MIN_TRIALS_FOR_IMPORTANCE = 3;

export interface ImportanceScores {
  method: string;
  scores: Array<{ param: string; score: number }>;
}

/**
 * η² of `values` grouped by `groups` (same length): Σ_g n_g (mean_g − mean)² ÷ Σ_i (v_i − mean)².
 * 0 when every value is equal (nothing to explain) or there is one group; 1 when groups explain
 * all the spread.
 */
export function etaSquared(values: readonly number[], groups: readonly string[]): number {
  const n = values.length;
  if (n === 0) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const total = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  // Relative cut-off: sums of squares of equal values come out as tiny float noise.
  if (!(total > 1e-12 * Math.max(1, mean * mean) * n)) return 0;
  const byGroup = new Map<string, { sum: number; count: number }>();
  values.forEach((v, i) => {
    const g = byGroup.get(groups[i]!) ?? { sum: 0, count: 0 };
    g.sum += v;
    g.count += 1;
    byGroup.set(groups[i]!, g);
  });
  let between = 0;
  for (const { sum, count } of byGroup.values()) between += count * (sum / count - mean) ** 2;
  return Math.min(1, Math.max(0, between / total));
}

/**
 * Group labels for one param's values: each distinct value its own group, except numbers with
 * more than `maxLevels` distinct values, which fall into `maxLevels` quantile bins by rank (equal
 * values share a bin).
 */
export function groupLabels(values: readonly ParamValue[], maxLevels = 4): string[] {
  const distinct = new Set(values.map((v) => String(v)));
  if (distinct.size <= maxLevels || !values.every((v) => typeof v === 'number')) return values.map((v) => String(v));
  const nums = values as number[];
  const sorted = [...nums].sort((a, b) => a - b);
  return nums.map((v) => {
    const below = sorted.findIndex((x) => x >= v);
    return `q${Math.min(maxLevels - 1, Math.floor((maxLevels * below) / nums.length)) + 1}`;
  });
}

/**
 * Importance of each searched param for the objective, by `IMPORTANCE_METHOD`, over the trials
 * with a finite value: η² per param, scaled to sum to 1 (all 0 when no param explains anything),
 * highest first (ties by name). A param that never varied scores 0. Needs at least
 * `MIN_TRIALS_FOR_IMPORTANCE` trials, else a message saying how many more.
 */
export function parameterImportance(trials: ReadonlyArray<{ params: Readonly<Record<string, ParamValue>>; value: number | null }>, params: readonly string[]): { importance: ImportanceScores } | { importance: null; message: string } {
  const usable = trials.filter((t): t is { params: Record<string, ParamValue>; value: number } => t.value !== null && Number.isFinite(t.value));
  if (usable.length < MIN_TRIALS_FOR_IMPORTANCE) {
    const missing = MIN_TRIALS_FOR_IMPORTANCE - usable.length;
    return { importance: null, message: `Importance needs at least ${MIN_TRIALS_FOR_IMPORTANCE} finished trials with a value; ${usable.length} so far (${missing} more).` };
  }
  const values = usable.map((t) => t.value);
  const raw = params.map((param) => ({ param, eta: etaSquared(values, groupLabels(usable.map((t) => t.params[param] ?? ''))) }));
  const total = raw.reduce((s, r) => s + r.eta, 0);
  const scores = raw.map((r) => ({ param: r.param, score: total > 0 ? r.eta / total : 0 })).sort((a, b) => b.score - a.score || (a.param < b.param ? -1 : 1));
  return { importance: { method: IMPORTANCE_METHOD, scores } };
}
