/**
 * Reference bands for label-free performance estimation, as NannyML computes its thresholds:
 * split the labelled reference into consecutive chunks, compute the REALIZED metric on each,
 * and alert outside mean ± 3 std (population std, NumPy's default `ddof=0`), clipped to the
 * metric's range. The spread over chunks also gives the sampling error at any window size.
 */

/** Band of one metric over the reference chunks; plain JSON. */
export interface ReferenceBand {
  /** Mean of the realized metric over the reference chunks where it is defined. */
  mean: number;
  /** Population std of the realized metric over those chunks (0 with fewer than 2 chunks). */
  std: number;
  /** mean − 3 std, clipped to the metric's range. */
  lower: number;
  /** mean + 3 std, clipped to the metric's range. */
  upper: number;
  /** Rows per reference chunk the std was measured at. */
  chunkSize: number;
  /**
   * std × √chunkSize: the spread of one row's contribution, so that the sampling error at n rows
   * is perRowStd / √n (= std × √(chunkSize / n)).
   */
  perRowStd: number;
  /** Reference chunks where the metric was defined (0: the band is the whole range). */
  chunks: number;
}

/** The values a metric can take; the band is clipped to it, and is all of it when unknown. */
export interface MetricRange {
  min: number;
  max: number;
}

/** Accuracy, F1 and ROC AUC live in [0, 1]. */
export const UNIT_RANGE: MetricRange = { min: 0, max: 1 };
/** MAE and RMSE are ≥ 0 with no upper limit. */
export const LOSS_RANGE: MetricRange = { min: 0, max: Number.POSITIVE_INFINITY };

/**
 * [start, end) of the consecutive reference chunks of `chunkSize` rows over `rows` rows.
 * A trailing partial chunk is dropped when there is at least one full chunk, because a smaller
 * chunk has a wider spread and would inflate the std; a reference shorter than one chunk is a
 * single chunk of all its rows, so a band always exists.
 *
 * @throws RangeError when chunkSize is not a positive integer
 */
export function chunkRanges(rows: number, chunkSize: number): Array<{ start: number; end: number }> {
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  }
  if (rows <= 0) return [];
  if (rows < chunkSize) return [{ start: 0, end: rows }];
  const out: Array<{ start: number; end: number }> = [];
  for (let start = 0; start + chunkSize <= rows; start += chunkSize) out.push({ start, end: start + chunkSize });
  return out;
}

/**
 * Band from the realized metric per reference chunk. Chunks where the metric is undefined (null,
 * e.g. ROC AUC on a one-class chunk) are left out. With no defined chunk nothing can alert, so
 * the band is the whole range (an infinite edge becomes Number.MAX_VALUE: JSON has no Infinity)
 * and std, hence the sampling error, is 0.
 *
 * @param values realized metric per reference chunk (null where undefined)
 * @param chunkSize rows per reference chunk (the rows the std was measured at)
 * @param range the metric's range the band is clipped to
 */
export function referenceBand(values: ReadonlyArray<number | null>, chunkSize: number, range: MetricRange): ReferenceBand {
  const defined = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const finiteMax = Number.isFinite(range.max) ? range.max : Number.MAX_VALUE;
  if (defined.length === 0) {
    return { mean: range.min, std: 0, lower: range.min, upper: finiteMax, chunkSize, perRowStd: 0, chunks: 0 };
  }
  const mean = defined.reduce((s, v) => s + v, 0) / defined.length;
  const variance = defined.reduce((s, v) => s + (v - mean) ** 2, 0) / defined.length;
  const std = Math.sqrt(variance);
  return {
    mean,
    std,
    lower: Math.max(range.min, mean - 3 * std),
    upper: Math.min(finiteMax, mean + 3 * std),
    chunkSize,
    perRowStd: std * Math.sqrt(chunkSize),
    chunks: defined.length,
  };
}

/**
 * Sampling error (a std, in the metric's units) of a metric over a window of `rows` rows:
 * perRowStd / √rows = std over reference chunks × √(chunkSize / rows).
 *
 * @returns null for an empty window (no estimate to have an error)
 */
export function samplingError(band: ReferenceBand, rows: number): number | null {
  if (!(rows > 0)) return null;
  return band.perRowStd / Math.sqrt(rows);
}
