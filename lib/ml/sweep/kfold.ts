import { seededRandom, shuffled } from '../../data/random';

/** One fold of k-fold cross-validation: the rows it trains on and the rows it scores on. */
export interface Fold {
  train: number[];
  validation: number[];
}

/** Fold counts a sweep offers. */
export const FOLD_CHOICES = [3, 5] as const;

/**
 * Seeded k-fold split of `rows`: rows are shuffled with the seed and dealt round-robin into k
 * folds, so fold sizes differ by at most one; fold i validates on its own rows and trains on all
 * the others. Every row is validated exactly once. Rows keep their original order inside each
 * part. Throws when k < 2 or there are fewer rows than folds.
 */
export function kFoldSplits(rows: readonly number[], k: number, seed: number): Fold[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k-fold needs k ≥ 2 folds, got ${k}`);
  if (rows.length < k) throw new RangeError(`${k}-fold cross-validation needs at least ${k} rows, got ${rows.length}`);
  const foldOf = new Map<number, number>();
  shuffled(rows, seededRandom(seed ^ 0xf01d)).forEach((row, i) => foldOf.set(row, i % k));
  return Array.from({ length: k }, (_, f) => ({
    train: rows.filter((r) => foldOf.get(r) !== f),
    validation: rows.filter((r) => foldOf.get(r) === f),
  }));
}

/**
 * Mean and sample standard deviation (n − 1 in the denominator, as for a handful of folds) of
 * `values`; the std of a single value is 0. NaN for an empty list.
 */
export function meanStd(values: readonly number[]): { mean: number; std: number } {
  const n = values.length;
  if (n === 0) return { mean: NaN, std: NaN };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n === 1) return { mean, std: 0 };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { mean, std: Math.sqrt(variance) };
}
