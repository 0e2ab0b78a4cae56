import {
  countBy,
  finiteValues,
  presentCategories,
  unionKeys,
  type CategoricalSample,
  type ColumnKind,
  type NumericSample,
} from './samples';

/** Numerical columns with more reference unique values than this are binned (Evidently's n). */
export const MAX_UNBINNED_UNIQUE = 20;

/** A bin edge for people: 6 significant digits, so float noise (13.379999999999999) reads 13.38. */
function edgeText(x: number): string {
  return String(Number(x.toPrecision(6)));
}

/** Shares per bin for each side; `labels` name the bins (values or "[lo, hi)"). */
export interface BinnedShares {
  labels: string[];
  reference: number[];
  current: number[];
}

/**
 * numpy's `histogram_bin_edges(values, bins='sturges')`: width = range / (log₂ n + 1),
 * ceil(range / width) equal bins from min to max (edges i·step + min, last edge = max, as
 * `np.linspace`). A zero range gets one bin [min − 0.5, max + 0.5], as numpy does.
 */
export function sturgesEdges(values: readonly number[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of values) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (lo === hi) return [lo - 0.5, hi + 0.5];
  const width = (hi - lo) / (Math.log2(values.length) + 1);
  const bins = Math.ceil((hi - lo) / width);
  const step = (hi - lo) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => i * step + lo);
  edges[bins] = hi;
  return edges;
}

/**
 * Counts as `np.histogram(values, edges)`: bins are [e_i, e_{i+1}) except the last, which is
 * closed so the maximum lands in it; values outside the edges are not counted.
 */
export function histogramCounts(values: readonly number[], edges: readonly number[]): number[] {
  const bins = edges.length - 1;
  const counts = new Array<number>(bins).fill(0);
  const last = edges[bins] as number;
  for (const x of values) {
    if (x < (edges[0] as number) || x > last) continue;
    // Binary search for the number of edges ≤ x.
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((edges[mid] as number) <= x) lo = mid + 1;
      else hi = mid;
    }
    const bin = Math.min(lo - 1, bins - 1);
    counts[bin] = (counts[bin] as number) + 1;
  }
  return counts;
}

/**
 * Evidently's `get_binned_data` with DESIGN.md's choice of Sturges edges: a numerical column
 * whose reference has more than 20 unique values is cut into Sturges equal-width bins over the
 * reference and current values combined; any other column (categorical, or numerical with few
 * values) gets one bin per value of the sorted union. Shares are count / sample size; empty
 * bins stay 0 here (see {@link fillEmptyShares} for PSI).
 * @throws DriftInputError when a side has no usable value.
 */
export function binnedShares(
  ref: NumericSample | CategoricalSample,
  cur: NumericSample | CategoricalSample,
  kind: ColumnKind,
): BinnedShares {
  if (kind === 'numerical') {
    const r = finiteValues(ref as NumericSample, 'reference');
    const c = finiteValues(cur as NumericSample, 'current');
    if (new Set(r).size > MAX_UNBINNED_UNIQUE) {
      const edges = sturgesEdges([...r, ...c]);
      return {
        labels: edges.slice(0, -1).map((e, i) => `[${edgeText(e)}, ${edgeText(edges[i + 1]!)}${i === edges.length - 2 ? ']' : ')'}`),
        reference: histogramCounts(r, edges).map((n) => n / r.length),
        current: histogramCounts(c, edges).map((n) => n / c.length),
      };
    }
    return byValue(r.map(String), c.map(String));
  }
  return byValue(presentCategories(ref as CategoricalSample, 'reference'), presentCategories(cur as CategoricalSample, 'current'));
}

function byValue(r: string[], c: string[]): BinnedShares {
  const rc = countBy(r);
  const cc = countBy(c);
  const labels = unionKeys(rc, cc);
  return {
    labels,
    reference: labels.map((k) => (rc.get(k) ?? 0) / r.length),
    current: labels.map((k) => (cc.get(k) ?? 0) / c.length),
  };
}

/**
 * Evidently's `feel_zeroes`: an empty bin gets 1e-4, or (min non-zero share) / 10⁶ when that
 * minimum is ≤ 1e-4, so the logarithm in PSI stays finite. Applied per side.
 */
export function fillEmptyShares(shares: readonly number[]): number[] {
  let min = Infinity;
  for (const s of shares) if (s > 0 && s < min) min = s;
  const fill = min <= 0.0001 ? min / 1e6 : 0.0001;
  return shares.map((s) => (s === 0 ? fill : s));
}
