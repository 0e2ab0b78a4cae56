// The one-sample Kolmogorov distribution of D for n observations (SciPy's `kstwo`), which the
// two-sample test reads at N = round(n1·n2/(n1+n2)) beyond its exact range.
const clip01 = (p: number): number => Math.min(1, Math.max(0, p));
const at = (a: ArrayLike<number>, i: number): number => a[i] as number;

const E128 = 2 ** 128;
const EM128 = 2 ** -128;

/**
 * Survival function P(D_N ≥ x) of the one-sample two-sided Kolmogorov statistic, following
 * SciPy's `kstwo.sf` (`_kolmogn`, Simard & L'Ecuyer 2011) branch by branch:
 * x ≥ 1 → 0; x ≤ 0 → 1; Nx ≤ 1/2 → 1; Nx ≤ 1 → 1 − N!/Nᴺ·(2Nx − 1)ᴺ (Ruben–Gambino);
 * Nx ≥ N − 1 → 2(1 − x)ᴺ; x ≥ 1/2 → 2·smirnov(N, x). Then with s = Nx²: for N ≤ 140,
 * s ≤ 0.754693 → Durbin matrix, s ≤ 4 → exact CDF (SciPy uses Pomeranz; the Durbin matrix is
 * also exact, so both agree to rounding), else 2·smirnov; for N > 140, s ≥ 370 → 0,
 * s ≥ 2.2 → 2·smirnov, N ≤ 100 000 and N·x^1.5 ≤ 1.4 → Durbin matrix, else Pelz–Good.
 */
export function kolmogorovSf(n: number, x: number): number {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      for (let i = 1; i <= n; i++) prob *= i * (1 / n) * (2 * t - 1);
    } else {
      prob = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clip01(1 - prob);
  }
  if (t >= n - 1) return clip01(2 * (1 - x) ** n);
  if (x >= 0.5) return clip01(2 * smirnovSf(n, x));
  const s = t * x;
  if (n <= 140) {
    if (s <= 4) return clip01(1 - durbinCdf(n, x));
    return clip01(2 * smirnovSf(n, x));
  }
  if (s >= 370) return 0;
  if (s >= 2.2) return clip01(2 * smirnovSf(n, x));
  const cdf = n <= 100_000 && n * x ** 1.5 <= 1.4 ? durbinCdf(n, x) : pelzGoodCdf(n, x);
  return clip01(1 - clip01(cdf));
}

const STIRLING = [
  -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3,
  8.4175084175084175084e-4, -5.952380952380952381e-4, 7.9365079365079365079e-4,
  -2.7777777777777777778e-3, 8.3333333333333333333e-2,
] as const;

/** ln(N!/Nᴺ) by Stirling's series (as SciPy's `_log_nfactorial_div_n_pow_n`). */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  const u = rn / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * u + c;
  return Math.log(n) / 2 - n + Math.log(2 * Math.PI) / 2 + rn * poly;
}

/**
 * One-sided Smirnov tail P(D⁺_N ≥ x), exact (Birnbaum–Tingey):
 *   x·Σ_{j=0}^{⌊N(1−x)⌋} C(N, j) (1 − x − j/N)^{N−j} (x + j/N)^{j−1},
 * all terms positive, summed in logs.
 */
export function smirnovSf(n: number, x: number): number {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  if (n === 1) return 1 - x;
  const last = Math.floor(n * (1 - x));
  const logs: number[] = [];
  let logBinom = 0;
  for (let j = 0; j <= last; j++) {
    if (j > 0) logBinom += Math.log((n - j + 1) / j);
    const left = (n - n * x - j) / n;
    if (left <= 0 && n - j > 0) continue;
    logs.push(logBinom + (n - j) * Math.log(left > 0 ? left : 1) + (j - 1) * Math.log(x + j / n));
  }
  if (logs.length === 0) return 0;
  const top = Math.max(...logs);
  let sum = 0;
  for (const l of logs) sum += Math.exp(l - top);
  return clip01(x * sum * Math.exp(top));
}

/** m×m product (row-major Float64Arrays). */
function matmul(p: Float64Array, q: Float64Array, m: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const v = at(p, i * m + k);
      if (v === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j] = at(out, i * m + j) + v * at(q, k * m + j);
    }
  }
  return out;
}

/**
 * Exact P(D_N < x) by Durbin's matrix (Marsaglia, Tsang & Wang 2003): with k = ⌈Nx⌉,
 * h = k − Nx, m = 2k − 1, H[i][j] = 1/(i−j+1)! for j ≤ i+1, first column and last row
 * (1 − h^r)/r!, corner (1 − 2hᵐ + max(0, 2h − 1)ᵐ)/m!; the CDF is N!/Nᴺ·(Hᴺ)[k−1][k−1],
 * with powers of 2¹²⁸ tracked separately to avoid overflow.
 */
function durbinCdf(n: number, d: number): number {
  if (d >= 1) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const fact = new Float64Array(m + 1);
  fact[0] = 1;
  for (let j = 1; j <= m; j++) fact[j] = at(fact, j - 1) / j; // 1/j!
  let hm = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 1; j < m; j++) if (i - j + 1 >= 0) hm[i * m + j] = at(fact, i - j + 1);
  }
  for (let i = 0; i < m; i++) hm[i * m] = (1 - h ** (i + 1)) * at(fact, i + 1);
  for (let j = 0; j < m; j++) hm[(m - 1) * m + j] = (1 - h ** (m - j)) * at(fact, m - j);
  hm[(m - 1) * m] = (1 + Math.max(2 * h - 1, 0) ** m - 2 * h ** m) * at(fact, m);
  let pw = new Float64Array(m * m);
  for (let i = 0; i < m; i++) pw[i * m + i] = 1;
  let expnt = 0;
  let hExpnt = 0;
  for (let nn = n; nn > 0; nn = Math.floor(nn / 2)) {
    if (nn % 2) {
      pw = matmul(pw, hm, m);
      expnt += hExpnt;
    }
    hm = matmul(hm, hm, m);
    hExpnt *= 2;
    if (Math.abs(at(hm, (k - 1) * m + k - 1)) > E128) {
      for (let i = 0; i < hm.length; i++) hm[i] = at(hm, i) / E128;
      hExpnt += 128;
    }
  }
  let p = at(pw, (k - 1) * m + k - 1);
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= E128;
      expnt -= 128;
    }
  }
  return clip01(p * 2 ** expnt);
}

/**
 * Pelz–Good (1976) approximation of P(D_N ≤ x) = K₀ + K₁/√N + K₂/N + K₃/N^{3/2}, z = x√N,
 * each Kᵢ summed over k = ⌈16z/π⌉ … 1 in its theta-function form (as SciPy's
 * `_kolmogn_PelzGood`, used for N > 140 away from the Durbin and Smirnov regions).
 */
function pelzGoodCdf(n: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const PI2 = Math.PI ** 2;
  const PI4 = Math.PI ** 4;
  const PI6 = Math.PI ** 6;
  const SQRT2PI = Math.sqrt(2 * Math.PI);
  const z = Math.sqrt(n) * x;
  const z2 = z ** 2;
  const z3 = z ** 3;
  const z4 = z ** 4;
  const z6 = z ** 6;
  const qlog = -PI2 / 8 / z2;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const kk = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k >= 1; k--) {
    const m = 2 * k - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qp = q ** (8 * k);
    const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6];
    for (let i = 0; i < 4; i++) kk[i] = at(kk, i) * qp + at(coeffs, i);
  }
  const den = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) kk[i] = (at(kk, i) * q * SQRT2PI) / at(den, i);
  q = Math.exp(-PI2 / 2 / z2);
  let k2extra = 0;
  let k3extra = 0;
  const s3z = Math.sqrt(3) * z;
  for (let k = maxk; k >= 1; k--) {
    const k2 = k * k;
    const qk = q ** k2;
    k2extra += k2 * qk;
    k3extra += (s3z + Math.PI * k) * (s3z - Math.PI * k) * k2 * qk;
  }
  kk[2] = at(kk, 2) + (k2extra * PI2 * SQRT2PI) / (-36 * z3);
  kk[3] = at(kk, 3) + (k3extra * PI2 * SQRT2PI) / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += at(kk, i) / n ** (i / 2);
  return sum;
}
