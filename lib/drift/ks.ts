import { finiteValues, type NumericSample } from './samples';
import { kolmogorovSf } from './ks-distribution';

/** Result of {@link ksTest}: D, its two-sided p-value and which distribution gave it. */
export interface KsResult {
  statistic: number;
  pValue: number;
  method: 'exact' | 'asymp';
}

/** SciPy's `MAX_AUTO_N`: with `method='auto'` the exact p-value is tried while max(n₁, n₂) ≤ this. */
export const KS_MAX_AUTO_N = 10_000;

const ascending = (a: number, b: number): number => a - b;
const clip01 = (p: number): number => Math.min(1, Math.max(0, p));
const at = (a: ArrayLike<number>, i: number): number => a[i] as number;

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** NumPy's `np.round`: halves go to the even neighbour. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Two-sample Kolmogorov–Smirnov test, as `scipy.stats.ks_2samp(ref, cur,
 * alternative='two-sided', method='auto')` (SciPy 1.17):
 *
 *   D = sup_x |F_ref(x) − F_cur(x)|
 *
 * with right-continuous empirical CDFs evaluated at every pooled value (SciPy's
 * `searchsorted(..., side='right')`), so ties are handled by stepping over all equal values at
 * once. The p-value P(D_{n₁,n₂} ≥ D) under H₀ is
 * - **exact** when max(n₁, n₂) ≤ 10 000 ({@link KS_MAX_AUTO_N}): with g = gcd(n₁, n₂),
 *   L = n₁n₂/g and h = round(D·L), the statistic is reported as h/L and p is the share of the
 *   C(n₁+n₂, n₁) monotone lattice paths from (0,0) to (n₁,n₂) that touch |x·n₂/g − y·n₁/g| ≥ h
 *   (Hodges 1958). For n₁ = n₂ = n this is the alternating series
 *   2·Σ_{k≥1} (−1)^{k−1} C(2n, n−kh)/C(2n, n), evaluated Horner-style; otherwise a column-by-column
 *   recurrence on the probability that a uniformly random path to (x, y) has already left the
 *   band: A(x,y) = (x·A(x−1,y) + y·A(x,y−1))/(x+y), A = 1 outside the band. If that ever fails
 *   (non-finite or outside [0, 1]), the asymptotic value is used, as SciPy does.
 * - **asymptotic** otherwise: the one-sample two-sided Kolmogorov distribution `kstwo.sf(D, N)`
 *   with N = round(n₁n₂/(n₁+n₂)) (half to even), computed by {@link kolmogorovSf}.
 *
 * Edge cases: identical samples (or any pair whose CDFs never separate) give D = 0, p = 1;
 * n₁ = n₂ = 1 with different values gives D = 1, p = 1 (with two values every order is equally
 * likely); disjoint samples give D = 1 and p = 2/C(n₁+n₂, n₁) (exact) — the smallest p the sizes
 * allow; constant columns are ordinary ties.
 * Missing and non-finite values are dropped first. Never NaN.
 * @throws DriftInputError when a side has no finite value.
 */
export function ksTest(ref: NumericSample, cur: NumericSample): KsResult {
  const a = finiteValues(ref, 'reference').sort(ascending);
  const b = finiteValues(cur, 'current').sort(ascending);
  const n1 = a.length;
  const n2 = b.length;
  let d = ksStatistic(a, b);
  if (Math.max(n1, n2) <= KS_MAX_AUTO_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = Math.round(d * lcm);
    d = h / lcm;
    if (h === 0) return { statistic: d, pValue: 1, method: 'exact' };
    const p = n1 === n2 ? probOutsideSquare(n1, h) : probOutsideBand(n1, n2, g, h);
    if (Number.isFinite(p) && p >= 0 && p <= 1) return { statistic: d, pValue: p, method: 'exact' };
  }
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const en = roundHalfEven((m * n) / (m + n));
  return { statistic: d, pValue: clip01(kolmogorovSf(en, d)), method: 'asymp' };
}

/** max over pooled values of |i/n₁ − j/n₂|, i, j the counts ≤ the value (inputs sorted). */
function ksStatistic(a: readonly number[], b: readonly number[]): number {
  const n1 = a.length;
  const n2 = b.length;
  let i = 0;
  let j = 0;
  let maxS = 0;
  let minS = 0;
  while (i < n1 || j < n2) {
    const z = Math.min(i < n1 ? at(a, i) : Infinity, j < n2 ? at(b, j) : Infinity);
    while (i < n1 && at(a, i) <= z) i++;
    while (j < n2 && at(b, j) <= z) j++;
    const diff = i / n1 - j / n2;
    if (diff > maxS) maxS = diff;
    if (-diff > minS) minS = -diff;
  }
  return Math.min(1, Math.max(maxS, minS));
}

/**
 * P(D_{n,n} ≥ h/n) = 2·Σ_{k≥1} (−1)^{k−1} C(2n, n−kh)/C(2n, n), written as
 * 2·A₀(1 − A₁(1 − A₂(…))) with A_k = C(2n, n−(k+1)h)/C(2n, n−kh) = Π_{j<h} (n − kh − j)/(n + kh + j + 1),
 * evaluated from the innermost k = ⌊n/h⌋ outwards so the alternating sum never cancels badly.
 */
function probOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let ratio = 1;
    for (let j = 0; j < h; j++) ratio = ((n - k * h - j) * ratio) / (n + k * h + j + 1);
    p = ratio * (1 - p);
  }
  return 2 * p;
}

/**
 * Share of lattice paths (0,0) → (m,n) that reach |x·n/g − y·m/g| ≥ h, by the probability
 * recurrence in the band, one column (x) at a time over the band's rows [lo, hi).
 */
function probOutsideBand(n1: number, n2: number, g: number, h: number): number {
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const mg = m / g;
  const ng = n / g;
  const a = new Float64Array(n + 1).fill(1);
  let hi = Math.min(Math.ceil(h / mg), n + 1);
  for (let y = 0; y < hi; y++) a[y] = 0;
  for (let x = 1; x <= m; x++) {
    const lo = Math.min(Math.max(Math.floor((ng * x - h) / mg) + 1, 0), n);
    hi = Math.min(Math.ceil((ng * x + h) / mg), n + 1);
    if (hi <= lo) return 1;
    let below = lo === 0 ? 0 : 1;
    for (let y = lo; y < hi; y++) {
      below = (at(a, y) * x + below * y) / (x + y);
      a[y] = below;
    }
  }
  return at(a, n);
}
