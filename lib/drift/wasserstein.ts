import { finiteValues, type NumericSample } from './samples';

const ascending = (a: number, b: number): number => a - b;

/**
 * First Wasserstein (earth mover's) distance between two 1-D empirical distributions, as
 * `scipy.stats.wasserstein_distance(ref, cur)`:
 *
 *   W₁ = ∫ |F_ref(x) − F_cur(x)| dx = Σ_i |F_ref(z_i) − F_cur(z_i)| · (z_{i+1} − z_i)
 *
 * over the sorted pooled values z (empirical CDFs taken right-continuous, as SciPy's
 * `searchsorted(..., 'right')`). Ties and n = 1 need nothing special: equal z give zero-width
 * steps. Identical samples give 0. Units are those of the data.
 * @throws DriftInputError when a side has no finite value (missing and ±∞ are dropped first).
 */
export function wassersteinDistance(ref: NumericSample, cur: NumericSample): number {
  const u = finiteValues(ref, 'reference').sort(ascending);
  const v = finiteValues(cur, 'current').sort(ascending);
  const all = [...u, ...v].sort(ascending);
  let iu = 0;
  let iv = 0;
  let total = 0;
  for (let i = 0; i + 1 < all.length; i++) {
    const z = all[i] as number;
    // Pointers only move forward because z is non-decreasing: O(n log n) overall, from the sorts.
    while (iu < u.length && (u[iu] as number) <= z) iu++;
    while (iv < v.length && (v[iv] as number) <= z) iv++;
    total += Math.abs(iu / u.length - iv / v.length) * ((all[i + 1] as number) - z);
  }
  return total;
}

/** Population standard deviation (numpy's default ddof = 0), two-pass for accuracy. */
export function populationStd(values: readonly number[]): number {
  let sum = 0;
  for (const x of values) sum += x;
  const mean = sum / values.length;
  let squares = 0;
  for (const x of values) squares += (x - mean) * (x - mean);
  return Math.sqrt(squares / values.length);
}

/** Evidently's floor on the reference spread, so a constant reference column is still usable. */
export const MIN_NORM_STD = 0.001;

/**
 * Evidently's normed Wasserstein distance, its default for numerical columns with more than
 * 1,000 reference rows (drift when ≥ 0.1):
 *
 *   W₁(ref, cur) / max(std(ref), 0.001)      (std with ddof = 0, as np.std)
 *
 * Unit-free, so one threshold serves every column. Edge case: a constant reference has std 0;
 * the 0.001 floor (Evidently's rule) keeps the result finite, but it then reads as 1000 × W₁ and
 * flags any shift at all, which is the honest answer for a column that never varied.
 * @throws DriftInputError when a side has no finite value.
 */
export function normedWassersteinDistance(ref: NumericSample, cur: NumericSample): number {
  const refValues = finiteValues(ref, 'reference');
  return wassersteinDistance(refValues, cur) / Math.max(populationStd(refValues), MIN_NORM_STD);
}
