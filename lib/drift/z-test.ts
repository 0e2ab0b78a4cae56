import { normalTwoSided } from './special';
import { DriftInputError, presentCategories, type CategoricalSample } from './samples';

/** Result of {@link zTestProportions}. */
export interface ZTestResult {
  statistic: number;
  pValue: number;
}

/**
 * Two-proportion z-test with a pooled proportion, no continuity correction, two-sided, as
 * Evidently's `z` stattest (used for binary columns).
 *
 *   p_ref = share of `positive` in ref, p_cur likewise, P = (x_ref + x_cur) / (n_ref + n_cur),
 *   z = (p_ref − p_cur) / √(P(1 − P)(1/n_ref + 1/n_cur)),  pValue = 2·(1 − Φ(|z|)).
 *
 * `positive` defaults to the last of the (at most two) categories in sorted order, so '0'/'1',
 * 'false'/'true' and 'no'/'yes' all count the second as the success; only the sign of z
 * depends on it. Evidently picks an arbitrary key; a fixed rule keeps charts stable.
 *
 * Edge cases: when both samples hold the same single value, P is 0 or 1 and the variance is
 * 0, so the result is statistic 0, p = 1 (Evidently's rule) rather than 0/0.
 * @throws DriftInputError for an empty side or more than two categories in the union.
 */
export function zTestProportions(
  ref: CategoricalSample,
  cur: CategoricalSample,
  options: { positive?: string } = {},
): ZTestResult {
  const refValues = presentCategories(ref, 'reference');
  const curValues = presentCategories(cur, 'current');
  const keys = [...new Set([...refValues, ...curValues])].sort();
  if (keys.length > 2) {
    throw new DriftInputError(
      `The z-test needs a binary column, but the samples hold ${keys.length} categories; use chiSquareTest.`,
    );
  }
  const positive = options.positive ?? keys[keys.length - 1];
  const n1 = refValues.length;
  const n2 = curValues.length;
  const x1 = refValues.filter((v) => v === positive).length;
  const x2 = curValues.filter((v) => v === positive).length;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  // Same expression as Evidently's (p1·n1 + p2·n2)/(n1 + n2), so the digits agree.
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  if (pooled === 0 || pooled === 1) return { statistic: 0, pValue: 1 };
  const statistic = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return { statistic, pValue: normalTwoSided(statistic) };
}
