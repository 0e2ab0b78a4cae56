/**
 * Shifting a distribution by resampling real rows (exponential tilting). To move a column's mean
 * by δ standard deviations without inventing rows, each row is drawn with weight
 * w = exp(θ·z), z = (x − mean) / std, θ chosen so that the weighted mean of z is δ. For a normal
 * column θ = δ exactly (the weights are the likelihood ratio N(δ, 1) / N(0, 1)); for any other
 * shape θ is found by bisection, since the weighted mean grows monotonically with θ.
 *
 * Why resample rather than add δ·std to the values: a resampled row keeps its own label and its
 * other inputs, so P(label | inputs) stays the training relationship (a pure covariate shift, or,
 * tilted on the target, a pure prior shift). Adding to the values would change that relationship,
 * which is concept drift. The cost: the mean cannot move past the most extreme training rows;
 * `reached` says how far it got.
 */

/** Largest |θ| tried: beyond it the weights sit on the few most extreme rows anyway. */
const MAX_THETA = 40;
const BISECTIONS = 60;

/** Draws pool rows with tilted weights; `reached` is the weighted mean of z achieved (std units). */
export interface TiltedSampler {
  draw(random: () => number): number;
  reached: number;
}

/**
 * A sampler over `rows` whose values (aligned with rows; null = missing) are tilted so that the
 * non-missing values' mean moves by `shift` × std. Rows with a missing value keep their share
 * (drawn first with probability missing / total, then uniformly), so the missing rate does not
 * drift with the mean. `shift` 0, a zero std or no values: uniform draws.
 *
 * @param mean reference mean of the values
 * @param std reference standard deviation (> 0 for a shift to happen)
 * @param shift wanted mean shift in std units; negative moves down
 */
export function tiltedSampler(rows: readonly number[], values: ReadonlyArray<number | null>, mean: number, std: number, shift: number): TiltedSampler {
  const valued: number[] = [];
  const z: number[] = [];
  const missing: number[] = [];
  rows.forEach((r, i) => {
    const v = values[i];
    if (v === null || v === undefined || !Number.isFinite(v)) missing.push(r);
    else {
      valued.push(r);
      z.push(std > 0 ? (v - mean) / std : 0);
    }
  });
  if (valued.length === 0 || std <= 0 || shift === 0) return uniformWithMissing(valued, missing, rows.length, z);
  const theta = solveTheta(z, shift);
  const weights = tiltWeights(z, theta);
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  let weightedZ = 0;
  weights.forEach((w, i) => {
    total += w;
    weightedZ += w * z[i]!;
    cumulative[i] = total;
  });
  const missingShare = missing.length / rows.length;
  return {
    reached: weightedZ / total,
    draw: (random) => {
      if (missing.length > 0 && random() < missingShare) return missing[Math.min(missing.length - 1, Math.floor(random() * missing.length))]!;
      return valued[searchCumulative(cumulative, random() * total)]!;
    },
  };
}

function uniformWithMissing(valued: number[], missing: number[], n: number, z: number[]): TiltedSampler {
  const all = [...valued, ...missing];
  const reached = z.length === 0 ? 0 : z.reduce((a, b) => a + b, 0) / z.length;
  return { reached, draw: (random) => all[Math.min(n - 1, Math.floor(random() * n))]! };
}

/** exp(θ·z), scaled by the largest term so that no weight overflows (θ·z can reach hundreds). */
function tiltWeights(z: readonly number[], theta: number): Float64Array {
  let top = -Infinity;
  for (const v of z) top = Math.max(top, theta * v);
  return Float64Array.from(z, (v) => Math.exp(theta * v - top));
}

/** Σ z·exp(θz) / Σ exp(θz), without allocating (bisection calls it ~60 times per sampler). */
function weightedMean(z: readonly number[], theta: number): number {
  let top = -Infinity;
  for (const v of z) top = Math.max(top, theta * v);
  let total = 0;
  let sum = 0;
  for (const v of z) {
    const w = Math.exp(theta * v - top);
    total += w;
    sum += w * v;
  }
  return sum / total;
}

/** θ with weightedMean(z, θ) = shift, by bisection; ±MAX_THETA when the shift is out of reach. */
function solveTheta(z: readonly number[], shift: number): number {
  let low = shift > 0 ? 0 : -MAX_THETA;
  let high = shift > 0 ? MAX_THETA : 0;
  if (shift > 0 && weightedMean(z, high) <= shift) return high;
  if (shift < 0 && weightedMean(z, low) >= shift) return low;
  for (let i = 0; i < BISECTIONS; i++) {
    const middle = (low + high) / 2;
    if (weightedMean(z, middle) < shift) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** First index whose cumulative weight exceeds `u` (binary search). */
export function searchCumulative(cumulative: Float64Array, u: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! > u) high = middle;
    else low = middle + 1;
  }
  return low;
}
