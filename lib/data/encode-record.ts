/**
 * How one raw record becomes model inputs. This file is also the model package's
 * `preprocess.mjs`: the build emits it as JavaScript (scripts/package-runtime.mjs), so the
 * browser, the endpoint and the packaged Node server transform inputs with the same code.
 * It must stay self-contained: type imports only.
 */

/** How one input column becomes model inputs; everything here was learned from training rows only. */
export type FeatureEncoder =
  | { kind: 'numeric'; column: string; mean: number; std: number }
  | { kind: 'onehot'; column: string; categories: string[]; mode: string | null };

/** What the transform needs of the fitted preprocessing (preprocessing.json in the package). */
export interface RecordEncoding {
  scale: boolean;
  encoders: FeatureEncoder[];
  featureNames: string[];
}

/** Shared one-hot input of categories not seen in training. */
export const OTHER = '(other)';

/**
 * Model inputs for one raw record (an object of column -> value), as a Float32Array of
 * featureNames.length values.
 * Numeric columns: numbers may arrive as strings; null, undefined, '' or anything unparseable is
 * missing and takes the training mean; then (x - mean) / std when scale is true.
 * Categorical columns: one-hot over the training categories; a missing value takes the training
 * mode; a value not seen in training sets the "(other)" input.
 */
export function transformRecord(prep: RecordEncoding, record: Readonly<Record<string, unknown>>): Float32Array {
  const out = new Float32Array(prep.featureNames.length);
  encodeRecordInto(prep, record, out, 0);
  return out;
}

/** Writes one record's model inputs at `out[at…]` (see `transformRecord`). */
function encodeRecordInto(prep: RecordEncoding, record: Readonly<Record<string, unknown>>, out: Float32Array, at: number): void {
  let offset = at;
  for (const encoder of prep.encoders) {
    const raw = record[encoder.column];
    const value = encoder.kind === 'numeric' ? (raw === null || raw === undefined || raw === '' ? null : Number(raw)) : raw === null || raw === undefined || raw === '' ? null : String(raw);
    encodeInto(encoder, prep.scale, value, out, offset);
    offset += encoderWidth(encoder);
  }
}

/** Model inputs for many records: a row-major Float32Array of records.length x featureNames.length. */
export function transformRecords(prep: RecordEncoding, records: ReadonlyArray<Readonly<Record<string, unknown>>>): Float32Array {
  const width = prep.featureNames.length;
  const x = new Float32Array(records.length * width);
  // Written in place: a 1,000-row request allocates one array, not one per row.
  records.forEach((r, i) => encodeRecordInto(prep, r, x, i * width));
  return x;
}

/** How many model inputs one column becomes: 1 (numeric) or categories + 1 (one-hot with "(other)"). */
export function encoderWidth(encoder: FeatureEncoder): number {
  return encoder.kind === 'numeric' ? 1 : encoder.categories.length + 1;
}

/** Writes one column's inputs for `value` at `out[at…]` (missing: the training mean or mode). */
export function encodeInto(encoder: FeatureEncoder, scale: boolean, value: number | string | null, out: Float32Array, at: number): void {
  if (encoder.kind === 'numeric') {
    const v = typeof value === 'number' && Number.isFinite(value) ? value : encoder.mean;
    out[at] = scale ? (v - encoder.mean) / encoder.std : v;
    return;
  }
  const v = value === null ? encoder.mode : String(value);
  const index = v === null ? -1 : encoder.categories.indexOf(v);
  out[at + (index >= 0 ? index : encoder.categories.length)] = 1;
}
