/**
 * The feature matrix DLE's loss model reads, built the same way on the reference (to fit it) and
 * on each window (to estimate): every input as one number (fitDle adds the prediction). Numerical
 * inputs keep their value (missing → the reference mean, so a gap does not read as an extreme);
 * categorical inputs become their index among the reference's sorted categories (unseen or
 * missing → −1). Trees split on thresholds, so an ordinal code is enough for them.
 */
import type { ReferenceColumn } from './profile-types';

/** How each reference column is encoded: the numerical mean, or the categorical index. */
export interface DleEncoding {
  means: Array<number | null>;
  categories: Array<Map<string, number> | null>;
}

/** The encoding of a reference's columns (computed once per profile). */
export function dleEncoding(reference: readonly ReferenceColumn[]): DleEncoding {
  const means: Array<number | null> = [];
  const categories: Array<Map<string, number> | null> = [];
  for (const column of reference) {
    if (column.kind === 'numerical') {
      let sum = 0;
      let n = 0;
      for (const v of column.values) {
        if (Number.isFinite(v)) {
          sum += v;
          n++;
        }
      }
      means.push(n > 0 ? sum / n : 0);
      categories.push(null);
    } else {
      const seen = [...new Set(column.values.filter((v): v is string => v !== null))].sort();
      means.push(null);
      categories.push(new Map(seen.map((v, i) => [v, i])));
    }
  }
  return { means, categories };
}

/**
 * Rows `rows` (indexes) of `columns` as a row-major matrix, one column per input. `columns` holds
 * raw values in the reference's column order.
 */
export function dleMatrix(encoding: DleEncoding, columns: ReadonlyArray<ArrayLike<number | string | null>>, rows: readonly number[]): { features: Float64Array; width: number } {
  const width = columns.length;
  const features = new Float64Array(rows.length * width);
  rows.forEach((r, i) => {
    for (let c = 0; c < columns.length; c++) {
      const v = columns[c]![r];
      const map = encoding.categories[c];
      let x: number;
      if (map) x = typeof v === 'string' ? (map.get(v) ?? -1) : -1;
      else x = typeof v === 'number' && Number.isFinite(v) ? v : encoding.means[c]!;
      features[i * width + c] = x;
    }
  });
  return { features, width };
}
