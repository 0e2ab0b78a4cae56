import { encodeInto, encoderWidth, OTHER, type FeatureEncoder } from './encode-record';
import { column, type DataTable } from './table';

// The per-record transform lives in encode-record.ts, which the model package also ships.
export { OTHER, transformRecord, type FeatureEncoder } from './encode-record';

/** The fitted preprocessing, saved with every model so serving transforms inputs the same way. */
export interface Preprocessing {
  version: 1;
  scale: boolean;
  encoders: FeatureEncoder[];
  /** Name of each model input, in order (one-hot inputs are `column=value`, and `column=(other)`). */
  featureNames: string[];
}

export interface PreprocessOptions {
  /** Standardise numeric inputs to mean 0 and standard deviation 1 (default true). */
  scale?: boolean;
  /** Categories kept per column, most frequent first; the rest share "(other)" (default 20). */
  maxCategories?: number;
}

/**
 * Fits imputation, scaling and one-hot encoding on the `trainRows` of `table` only: validation,
 * test and production values never influence the statistics (no leakage).
 * Numeric: mean and population standard deviation of the finite training values (std 0 → 1);
 * missing values are imputed with that mean. Categorical: the `maxCategories` most frequent
 * training values (ties alphabetical) plus "(other)" for the rest and unseen values; missing
 * values take the training mode.
 */
export function fitPreprocessing(table: DataTable, trainRows: readonly number[], featureColumns: readonly string[], options: PreprocessOptions = {}): Preprocessing {
  const scale = options.scale ?? true;
  const maxCategories = options.maxCategories ?? 20;
  const encoders = featureColumns.map((name): FeatureEncoder => {
    const col = column(table, name);
    if (col.type === 'categorical') {
      const counts = new Map<string, number>();
      for (const r of trainRows) {
        const v = col.values[r];
        if (v !== null && v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v);
      return { kind: 'onehot', column: name, categories: ranked.slice(0, maxCategories), mode: ranked[0] ?? null };
    }
    let sum = 0;
    let n = 0;
    for (const r of trainRows) {
      const v = col.values[r];
      if (v !== null && v !== undefined && Number.isFinite(v)) {
        sum += v;
        n++;
      }
    }
    const mean = n ? sum / n : 0;
    let sq = 0;
    for (const r of trainRows) {
      const v = col.values[r];
      if (v !== null && v !== undefined && Number.isFinite(v)) sq += (v - mean) ** 2;
    }
    const std = n ? Math.sqrt(sq / n) : 0;
    return { kind: 'numeric', column: name, mean, std: std > 0 ? std : 1 };
  });
  const featureNames = encoders.flatMap((e) => (e.kind === 'numeric' ? [e.column] : [...e.categories.map((c) => `${e.column}=${c}`), `${e.column}=${OTHER}`]));
  return { version: 1, scale, encoders, featureNames };
}

/** Model inputs for `rows` of `table`: a row-major matrix of `rows.length × featureNames.length`. */
export function transformTable(prep: Preprocessing, table: DataTable, rows: readonly number[]): Float32Array {
  const width = prep.featureNames.length;
  const out = new Float32Array(rows.length * width);
  let offset = 0;
  for (const encoder of prep.encoders) {
    const col = column(table, encoder.column);
    rows.forEach((r, i) => encodeInto(encoder, prep.scale, col.values[r] ?? null, out, i * width + offset));
    offset += encoderWidth(encoder);
  }
  return out;
}
