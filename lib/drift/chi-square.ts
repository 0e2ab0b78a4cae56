import { chiSquareSf } from './special';
import { countBy, presentCategories, unionKeys, type CategoricalSample } from './samples';

/** Result of {@link chiSquareTest}. */
export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  dof: number;
}

/**
 * Pearson chi-square goodness of fit of the current counts to the reference shares, as
 * Evidently's `chisquare` stattest calls `scipy.stats.chisquare(f_obs, f_exp)`.
 *
 * Over the sorted union of categories (missing values dropped first):
 *   expected_k = refCount_k × (n_cur / n_ref),  observed_k = curCount_k,
 *   statistic = Σ (observed_k − expected_k)² / expected_k,  dof = K − 1,
 *   pValue = P(χ²_dof ≥ statistic).
 *
 * Edge cases (never NaN or Infinity):
 * - A category seen in current but never in reference has expected 0: SciPy returns
 *   statistic ∞ and p = 0, and DESIGN.md keeps p = 0 (an unseen category is drift). The
 *   statistic is then `Number.MAX_VALUE`, a finite stand-in for ∞ that survives JSON.
 * - Only one category in both samples (dof 0): SciPy gives p = NaN; here statistic 0, p = 1,
 *   because the two samples cannot differ.
 * @throws DriftInputError when either side has no present value.
 */
export function chiSquareTest(ref: CategoricalSample, cur: CategoricalSample): ChiSquareResult {
  const refValues = presentCategories(ref, 'reference');
  const curValues = presentCategories(cur, 'current');
  const refCounts = countBy(refValues);
  const curCounts = countBy(curValues);
  const keys = unionKeys(refCounts, curCounts);
  const dof = keys.length - 1;
  if (dof === 0) return { statistic: 0, pValue: 1, dof };
  const kNorm = curValues.length / refValues.length;
  let statistic = 0;
  for (const key of keys) {
    const expected = (refCounts.get(key) ?? 0) * kNorm;
    const observed = curCounts.get(key) ?? 0;
    if (expected === 0) return { statistic: Number.MAX_VALUE, pValue: 0, dof };
    statistic += ((observed - expected) * (observed - expected)) / expected;
  }
  return { statistic, pValue: chiSquareSf(statistic, dof), dof };
}
