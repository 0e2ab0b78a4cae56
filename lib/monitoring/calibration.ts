/**
 * Isotonic calibration of a classifier's scores, as scikit-learn's
 * `IsotonicRegression(out_of_bounds='clip')` that NannyML's CBPE uses by default: fit the
 * non-decreasing step function of score that is closest (least squares) to the 0/1 labels, then
 * interpolate linearly between its knots and clamp outside them.
 */

/**
 * A fitted isotonic calibration: knots (x ascending, y non-decreasing in [0, 1]). Plain JSON.
 * Empty arrays mean "fitted on nothing": `calibrate` then returns null.
 */
export interface IsotonicModel {
  x: number[];
  y: number[];
}

/**
 * Fits isotonic regression by pool-adjacent-violators on (score, label) pairs.
 *
 * Rows with a non-finite score or a label other than 0/1 are skipped (they carry no
 * information about P(label = 1 | score)). Tied scores are pooled first into one point whose
 * value is their mean label and whose weight is their count, so the fit is a function of score.
 * Interior knots of a constant run are dropped (as scikit-learn does), keeping the two ends, so
 * the interpolation stays flat inside a block and ramps only between blocks.
 *
 * Edge cases: one row → a single knot (calibrate is then that label everywhere); all labels
 * equal → a constant model (the run's two ends); no usable row → `{ x: [], y: [] }`.
 *
 * @param scores raw model scores (any monotone scale; typically P(positive) in [0, 1])
 * @param labels 0/1 labels, same length as scores
 * @throws RangeError when the lengths differ
 */
export function fitIsotonic(scores: ArrayLike<number>, labels: ArrayLike<number>): IsotonicModel {
  if (scores.length !== labels.length) {
    throw new RangeError(`scores (${scores.length}) and labels (${labels.length}) differ in length`);
  }
  const order: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const label = labels[i];
    if (Number.isFinite(scores[i]) && (label === 0 || label === 1)) order.push(i);
  }
  order.sort((a, b) => scores[a]! - scores[b]!);

  // Pool ties: one point per distinct score.
  const px: number[] = [];
  const pSum: number[] = [];
  const pWeight: number[] = [];
  for (const i of order) {
    const s = scores[i]!;
    const last = px.length - 1;
    if (last >= 0 && px[last] === s) {
      pSum[last]! += labels[i]!;
      pWeight[last]! += 1;
    } else {
      px.push(s);
      pSum.push(labels[i]!);
      pWeight.push(1);
    }
  }

  // PAV: a stack of blocks; merging while the previous block's mean exceeds the new one's.
  const bSum: number[] = [];
  const bWeight: number[] = [];
  const bPoints: number[] = [];
  for (let k = 0; k < px.length; k++) {
    bSum.push(pSum[k]!);
    bWeight.push(pWeight[k]!);
    bPoints.push(1);
    while (bSum.length > 1) {
      const top = bSum.length - 1;
      if (bSum[top - 1]! / bWeight[top - 1]! <= bSum[top]! / bWeight[top]!) break;
      bSum[top - 1]! += bSum[top]!;
      bWeight[top - 1]! += bWeight[top]!;
      bPoints[top - 1]! += bPoints[top]!;
      bSum.pop();
      bWeight.pop();
      bPoints.pop();
    }
  }

  // Each block contributes its first and last distinct score as knots at the block mean.
  const x: number[] = [];
  const y: number[] = [];
  let start = 0;
  for (let b = 0; b < bSum.length; b++) {
    const mean = bSum[b]! / bWeight[b]!;
    const end = start + bPoints[b]! - 1;
    x.push(px[start]!);
    y.push(mean);
    if (end > start) {
      x.push(px[end]!);
      y.push(mean);
    }
    start = end + 1;
  }
  return dropFlatInterior({ x, y });
}

/** PAV merges only strict violators, so neighbouring blocks can share a mean: drop the knots inside such a flat run. */
function dropFlatInterior(model: IsotonicModel): IsotonicModel {
  const { x, y } = model;
  if (x.length <= 2) return model;
  const keepX: number[] = [x[0]!];
  const keepY: number[] = [y[0]!];
  for (let i = 1; i < x.length - 1; i++) {
    if (y[i] !== y[i - 1] || y[i] !== y[i + 1]) {
      keepX.push(x[i]!);
      keepY.push(y[i]!);
    }
  }
  keepX.push(x[x.length - 1]!);
  keepY.push(y[y.length - 1]!);
  return { x: keepX, y: keepY };
}

/**
 * The calibrated probability for one raw score: linear interpolation between the model's knots,
 * clamped to the first/last knot's value outside them (±Infinity clamp too).
 *
 * @returns P(label = 1 | score) in [0, 1]; null when the score is NaN or the model is empty
 *   (nothing to calibrate with), never NaN
 */
export function calibrate(model: IsotonicModel, score: number): number | null {
  const { x, y } = model;
  const n = x.length;
  if (n === 0 || Number.isNaN(score)) return null;
  if (score <= x[0]!) return y[0]!;
  if (score >= x[n - 1]!) return y[n - 1]!;
  // Largest knot index with x[lo] <= score (binary search; n ≥ 2 here).
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (x[mid]! <= score) lo = mid;
    else hi = mid;
  }
  const x0 = x[lo]!;
  const x1 = x[hi]!;
  const t = (score - x0) / (x1 - x0);
  return y[lo]! + t * (y[hi]! - y[lo]!);
}
