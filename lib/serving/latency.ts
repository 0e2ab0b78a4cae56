/**
 * Percentiles of latencies (or any sample), the way numpy computes them by default, so a learner
 * who exports the prediction log and runs `numpy.percentile(latency_ms, 95)` gets our p95.
 */

function sortedCopy(values: readonly number[] | Float64Array): Float64Array {
  let count = 0;
  for (const value of values) if (!Number.isNaN(value)) count += 1;
  const sorted = new Float64Array(count);
  let i = 0;
  for (const value of values) if (!Number.isNaN(value)) sorted[i++] = value;
  // A typed array sorts numerically (a plain array would sort as strings without a comparator).
  return sorted.sort();
}

function checkQ(q: number): void {
  if (!(q >= 0 && q <= 100)) throw new RangeError(`Percentile ${String(q)} is not between 0 and 100.`);
}

/**
 * The q-th percentile of values already sorted ascending (no NaN), by linear interpolation
 * between closest ranks: h = (n − 1)·q/100, result = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * This is numpy's default (`method="linear"`, Hyndman & Fan type 7) and Excel's PERCENTILE.INC.
 *
 * @param q percent, 0–100 (throws RangeError outside).
 * @returns NaN for no values; the value itself for one.
 */
export function percentileSorted(sorted: ArrayLike<number>, q: number): number {
  checkQ(q);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = ((n - 1) * q) / 100;
  const lo = Math.floor(h);
  const below = sorted[lo] as number;
  if (lo + 1 >= n) return below;
  const above = sorted[lo + 1] as number;
  return below + (h - lo) * (above - below);
}

/**
 * The q-th percentile (q in percent, 0–100) of values in any order, like `numpy.percentile`
 * (linear interpolation, see `percentileSorted`). NaN values are ignored; no values → NaN.
 * Copies and sorts: O(n log n). For several percentiles of one sample, use `percentiles`.
 */
export function percentile(values: readonly number[] | Float64Array, q: number): number {
  checkQ(q);
  return percentileSorted(sortedCopy(values), q);
}

/** Several percentiles of one sample with one sort (same rule as `percentile`). */
export function percentiles(values: readonly number[] | Float64Array, qs: readonly number[]): number[] {
  qs.forEach(checkQ);
  const sorted = sortedCopy(values);
  return qs.map((q) => percentileSorted(sorted, q));
}
