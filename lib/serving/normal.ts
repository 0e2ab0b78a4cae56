/**
 * The standard normal distribution's CDF and quantile, for the A/B test and its sample-size
 * explainer. Written here because nothing in lib/ had them. Absolute error is below 2e-16 (an ulp near 1)
 * everywhere, far below what a p-value printed to 3 digits needs; relative error grows in the far
 * tails (1e-13 at |x| = 4, 1e-9 at |x| = 6.5), where no A/B decision lives.
 */

/**
 * Φ(x) = P(Z ≤ x) for a standard normal Z, by Hart's algorithm 5666 (1968) as given by West,
 * "Better approximations to cumulative normal functions" (2005): double precision in absolute
 * terms (checked against mpmath: relative error ≤ 3e-16 for |x| ≤ 3, 5e-11 at |x| = 5).
 * Below x = −37 it is 0 and above +37 it is 1 (the true values underflow there). NaN in, NaN out.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const z = Math.abs(x);
  let tail: number;
  if (z > 37) tail = 0;
  else {
    const e = Math.exp((-z * z) / 2);
    if (z < 7.07106781186547) {
      let num = 3.52624965998911e-2 * z + 0.700383064443688;
      num = num * z + 6.37396220353165;
      num = num * z + 33.912866078383;
      num = num * z + 112.079291497871;
      num = num * z + 221.213596169931;
      num = num * z + 220.206867912376;
      let den = 8.83883476483184e-2 * z + 1.75566716318264;
      den = den * z + 16.064177579207;
      den = den * z + 86.7807322029461;
      den = den * z + 296.564248779674;
      den = den * z + 637.333633378831;
      den = den * z + 793.826512519948;
      den = den * z + 440.413735824752;
      tail = (e * num) / den;
    } else {
      // Continued fraction for the far tail.
      let b = z + 0.65;
      b = z + 4 / b;
      b = z + 3 / b;
      b = z + 2 / b;
      b = z + 1 / b;
      tail = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549671010139181, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

/**
 * Φ⁻¹(p): the z with P(Z ≤ z) = p. Acklam's rational approximation (relative error 1.2e-9),
 * then one Halley step against `normalCdf`, which brings it to 1e-15 for 1e-3 ≤ p ≤ 0.999 (and
 * to the CDF's own accuracy in the far tails: 2e-10 at p = 1e-10).
 * `normalQuantile(0.975)` = 1.959963984540054. p = 0 → −Infinity, p = 1 → +Infinity; p outside
 * [0, 1] or NaN → NaN.
 */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  let x: number;
  if (p < P_LOW || p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p < P_LOW ? p : 1 - p));
    const tail = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    x = p < P_LOW ? tail : -tail;
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
  // Halley refinement: e = Φ(x) − p, u = e·√(2π)·exp(x²/2), x ← x − u / (1 + x·u/2).
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/** Two-sided p-value of a z statistic: 2·(1 − Φ(|z|)), computed from the lower tail so it keeps precision for large |z|. */
export function twoSidedP(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}
