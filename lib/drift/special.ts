/**
 * Special functions behind the p-values in lib/drift: log-gamma, the regularized upper
 * incomplete gamma Q(a, x), and the two tails built on it (chi-square and two-sided normal).
 * Implemented here rather than imported so the module stays dependency-free and pure.
 */

// Lanczos approximation, g = 7, n = 9: relative error below 1e-15 for x > 0, which keeps
// exp(a·ln x − x − lnΓ(a)) accurate far beyond the 1e-7 p-value tolerance.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
] as const;

/**
 * ln Γ(x) for x > 0 (Lanczos). Uses the reflection formula below 0.5, where the series
 * loses accuracy. Throws for x ≤ 0, which no caller in lib/drift produces.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`logGamma needs x > 0, got ${x}.`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

const EPS = 1e-16;
const MAX_ITER = 10_000;
const TINY = 1e-300;

/**
 * Regularized upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a), for a > 0 and x ≥ 0.
 *
 * Series for P when x < a + 1 (converges fast there), else the Lentz continued fraction for Q
 * directly, which keeps relative accuracy in the far tail (p ≈ 1e-169 and below) where 1 − P
 * would round to 0. Edge cases: x = 0 → 1; x = +∞ → 0.
 */
export function gammaQ(a: number, x: number): number {
  if (!(a > 0) || !(x >= 0)) throw new RangeError(`gammaQ needs a > 0 and x ≥ 0, got a=${a}, x=${x}.`);
  if (x === 0) return 1;
  if (x === Infinity) return 0;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < MAX_ITER; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return Math.max(0, 1 - sum * Math.exp(logPrefix));
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.min(1, Math.exp(logPrefix) * h);
}

/** Chi-square upper tail P(X ≥ x) with k degrees of freedom: Q(k/2, x/2). x ≤ 0 → 1. */
export function chiSquareSf(x: number, k: number): number {
  if (x <= 0) return 1;
  return gammaQ(k / 2, x / 2);
}

/**
 * Two-sided normal tail 2·(1 − Φ(|z|)) = erfc(|z|/√2) = Q(1/2, z²/2). Computed as the
 * survival function, not 1 − CDF, so that large |z| keeps its digits (SciPy's norm.sf).
 */
export function normalTwoSided(z: number): number {
  if (z === 0) return 1;
  return gammaQ(0.5, (z * z) / 2);
}
