import { binnedShares, fillEmptyShares } from './binning';
import type { CategoricalSample, ColumnKind, NumericSample } from './samples';

type Sample = NumericSample | CategoricalSample;

/**
 * Jensen–Shannon distance between the binned reference and current shares, as Evidently's
 * `jensenshannon` stattest: `scipy.spatial.distance.jensenshannon(ref%, cur%)`, natural log.
 *
 *   p, q normalised to sum 1, m = (p + q)/2,
 *   JS = √( ½ Σ p_i ln(p_i/m_i) + ½ Σ q_i ln(q_i/m_i) ),  with 0·ln 0 = 0,
 *
 * so empty bins need no filling. Range [0, √ln 2 ≈ 0.8326]; disjoint samples reach the top.
 * Binning: see {@link binnedShares} (Sturges bins for numerical columns with > 20 unique
 * reference values, else by value). Drift when ≥ 0.1 by default.
 * @throws DriftInputError when a side has no usable value.
 */
export function jensenShannonDistance(ref: Sample, cur: Sample, options: { kind: ColumnKind }): number {
  const { reference, current } = binnedShares(ref, cur, options.kind);
  return jensenShannonOfShares(reference, current);
}

/** The Jensen–Shannon distance of two share vectors over the same bins (see {@link jensenShannonDistance}). */
export function jensenShannonOfShares(reference: readonly number[], current: readonly number[]): number {
  const p = normalise(reference);
  const q = normalise(current);
  let left = 0;
  let right = 0;
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] as number;
    const qi = q[i] as number;
    const mi = (pi + qi) / 2;
    if (pi > 0) left += pi * Math.log(pi / mi);
    if (qi > 0) right += qi * Math.log(qi / mi);
  }
  // Rounding can leave a tiny negative divergence for identical inputs; the square root of it
  // would be NaN, and the true value is 0.
  return Math.sqrt(Math.max(0, (left + right) / 2));
}

function normalise(shares: readonly number[]): number[] {
  let sum = 0;
  for (const s of shares) sum += s;
  return shares.map((s) => s / sum);
}

/**
 * Population Stability Index over the same bins, as Evidently's `psi` stattest:
 *
 *   PSI = Σ (r_i − c_i) · ln(r_i / c_i)
 *
 * with empty bins filled per side first ({@link fillEmptyShares}: 1e-4, or min/10⁶), which is
 * what keeps the logarithm finite for unseen categories and disjoint samples. Bands: < 0.1
 * stable, 0.1–0.25 moderate, > 0.25 significant. Identical samples give 0.
 * @throws DriftInputError when a side has no usable value.
 */
export function psi(ref: Sample, cur: Sample, options: { kind: ColumnKind }): number {
  const shares = binnedShares(ref, cur, options.kind);
  return psiOfShares(shares.reference, shares.current);
}

/** PSI of two share vectors over the same bins, empty bins filled per side (see {@link psi}). */
export function psiOfShares(reference: readonly number[], current: readonly number[]): number {
  const r = fillEmptyShares(reference);
  const c = fillEmptyShares(current);
  let total = 0;
  for (let i = 0; i < r.length; i++) {
    const ri = r[i] as number;
    const ci = c[i] as number;
    total += (ri - ci) * Math.log(ri / ci);
  }
  return total;
}
