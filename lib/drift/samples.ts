/**
 * Input cleaning shared by every drift function, as DESIGN.md specifies: drop missing and
 * non-finite values first, then refuse an empty side with a sentence instead of returning NaN.
 */

/** A numerical sample; null, undefined, NaN and ±Infinity count as missing. */
export type NumericSample = ArrayLike<number | null | undefined>;
/** A categorical sample; null, undefined and '' count as missing. */
export type CategoricalSample = ArrayLike<string | number | boolean | null | undefined>;
/** How a column is binned: by Sturges bins (numerical, > 20 unique) or by value. */
export type ColumnKind = 'numerical' | 'categorical';

/** Thrown when a side has no usable value; the message says which side and why. */
export class DriftInputError extends Error {
  override name = 'DriftInputError';
}

/**
 * Finite values of a numerical sample, in input order.
 * @throws DriftInputError when nothing finite remains (empty, all missing or all non-finite).
 */
export function finiteValues(sample: NumericSample, side: 'reference' | 'current'): number[] {
  const out: number[] = [];
  for (let i = 0; i < sample.length; i++) {
    const v = sample[i];
    if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  }
  if (out.length === 0) {
    throw new DriftInputError(
      `The ${side} sample has no finite values (${sample.length} given, all missing or non-finite), so drift cannot be measured.`,
    );
  }
  return out;
}

/**
 * Present values of a categorical sample as strings (so 1 and '1' are one category, as they
 * are once a CSV column is read), in input order.
 * @throws DriftInputError when nothing remains.
 */
export function presentCategories(sample: CategoricalSample, side: 'reference' | 'current'): string[] {
  const out: string[] = [];
  for (let i = 0; i < sample.length; i++) {
    const v = sample[i];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'number' && !Number.isFinite(v)) continue;
    out.push(String(v));
  }
  if (out.length === 0) {
    throw new DriftInputError(
      `The ${side} sample has no values (${sample.length} given, all missing), so drift cannot be measured.`,
    );
  }
  return out;
}

/** Counts per category. */
export function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** Sorted union of the categories of both sides: a stable order keeps results reproducible. */
export function unionKeys(a: Map<string, number>, b: Map<string, number>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort();
}
