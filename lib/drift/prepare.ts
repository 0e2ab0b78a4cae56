/**
 * One pass over a raw column into the form every drift test and quality figure reads: finite
 * numbers sorted once in a Float64Array, or present categories with their counts. The drift
 * functions re-sort what they are given, but V8's TimSort finds an already sorted array (or two
 * sorted halves) in linear time, so sorting here once makes the later sorts nearly free; the
 * normed Wasserstein distance, the default for large references, skips them altogether.
 */
import { parseNumberCell } from '../data/csv-infer';
import { DriftInputError, type ColumnKind } from './samples';
import { MIN_NORM_STD } from './wasserstein';

/** A raw cell as it comes from a table, a CSV or a prediction log. */
export type RawValue = number | string | boolean | null | undefined;
/** A raw column. */
export type RawSample = ArrayLike<RawValue>;

/** A numerical column: `sorted` holds its finite values ascending; `rows` counts every cell. */
export interface PreparedNumerical {
  kind: 'numerical';
  rows: number;
  sorted: Float64Array;
}

/** A categorical column: present values as strings, in input order, and their counts. */
export interface PreparedCategorical {
  kind: 'categorical';
  rows: number;
  values: string[];
  counts: Map<string, number>;
}

/** A column ready for drift tests and quality figures. */
export type PreparedSample = PreparedNumerical | PreparedCategorical;

/**
 * A cell as a finite number, or NaN when it is not one: finite numbers as they are, strings
 * read by the CSV reader's rule ({@link parseNumberCell}: plain decimals only), anything else
 * (null, undefined, '', booleans, words, ±∞) NaN, i.e. missing.
 */
export function toFiniteNumber(v: RawValue): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : Number.NaN;
  if (typeof v === 'string') return parseNumberCell(v) ?? Number.NaN;
  return Number.NaN;
}

/**
 * A cell as a category, or null when missing (null, undefined, '', NaN, ±∞). Numbers and
 * booleans become their `String`, so 1 and '1' are one category, as once a CSV is read.
 */
export function toCategory(v: RawValue): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return typeof v === 'string' ? v : String(v);
}

/** Finite values of a column, sorted ascending; cells that are not finite numbers are dropped. */
export function prepareNumerical(values: RawSample): PreparedNumerical {
  const buffer = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = toFiniteNumber(values[i]);
    if (x === x) buffer[n++] = x; // x === x is false only for NaN
  }
  // slice copies so a column with many missing cells does not pin the full-length buffer.
  const sorted = (n === values.length ? buffer : buffer.slice(0, n)).sort();
  return { kind: 'numerical', rows: values.length, sorted };
}

/** Present categories of a column and their counts (see {@link toCategory}). */
export function prepareCategorical(values: RawSample): PreparedCategorical {
  const present: string[] = [];
  const counts = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const c = toCategory(values[i]);
    if (c === null) continue;
    present.push(c);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return { kind: 'categorical', rows: values.length, values: present, counts };
}

/** {@link prepareNumerical} or {@link prepareCategorical} by kind. */
export function prepare(values: RawSample, kind: ColumnKind): PreparedSample {
  return kind === 'numerical' ? prepareNumerical(values) : prepareCategorical(values);
}

/** Usable (present, finite) values in a prepared column. */
export function usableCount(s: PreparedSample): number {
  return s.kind === 'numerical' ? s.sorted.length : s.values.length;
}

/**
 * Refuses a side without a usable value, with a sentence that names the side and the column.
 * @throws DriftInputError when `s` has no usable value.
 */
export function requireUsable(s: PreparedSample, side: 'reference' | 'current', column: string): void {
  if (usableCount(s) > 0) return;
  const what = s.kind === 'numerical' ? 'no finite number' : 'no value';
  const name = column === '' ? '' : ` of column "${column}"`;
  throw new DriftInputError(
    `The ${side} sample${name} has ${what} (${s.rows.toLocaleString('en-US')} given, all missing), so drift cannot be measured.`,
  );
}

/** Distinct values in an ascending array (runs of equal values count once). */
export function sortedUnique(a: Float64Array): number {
  let unique = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) unique++;
  return unique;
}

/** Distinct values over two ascending arrays together, by a merge walk: O(n₁ + n₂). */
export function unionUniqueSorted(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let unique = 0;
  let last = Number.NaN; // NaN equals nothing, so the first value always counts
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number)) ? (a[i++] as number) : (b[j++] as number);
    if (x !== last) {
      unique++;
      last = x;
    }
  }
  return unique;
}

/** Distinct categories over two count maps together. */
export function unionUniqueCounts(a: Map<string, number>, b: Map<string, number>): number {
  let unique = a.size;
  for (const key of b.keys()) if (!a.has(key)) unique++;
  return unique;
}

/**
 * An ascending numerical column as categories (`String` of each number). Walking runs means one
 * string per distinct value, not one per row.
 */
export function numbersAsCategories(sorted: Float64Array): string[] {
  const out = new Array<string>(sorted.length);
  let label = '';
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) label = String(sorted[i]);
    out[i] = label;
  }
  return out;
}

/**
 * {@link normedWassersteinDistance} for two ascending arrays, without its copies and sorts:
 * W₁ / max(std(u), 0.001), std with ddof 0. The pooled values are produced by a merge instead
 * of sorting `[...u, ...v]`, and the sums run in the same order as there, so the result is the
 * same number (std summed in ascending order, as when that function is given sorted input).
 * Inputs must be non-empty, finite and sorted; nothing is checked (callers prepared them).
 */
export function normedWassersteinSorted(u: Float64Array, v: Float64Array): number {
  return normedWassersteinSortedWithUnique(u, v).distance;
}

/**
 * {@link normedWassersteinSorted}, and the number of distinct values over both arrays, which its
 * merge walk visits one by one anyway (`unionUniqueSorted` without a second pass).
 */
export function normedWassersteinSortedWithUnique(u: Float64Array, v: Float64Array): { distance: number; unique: number } {
  const nu = u.length;
  const nv = v.length;
  // i, j: values ≤ z on each side. Equal values are stepped over together: the terms they would
  // add are (next − z) = 0, and adding an exact 0 leaves the sum bit for bit the same.
  let i = 0;
  let j = 0;
  let total = 0;
  let z = j >= nv || (i < nu && (u[0] as number) <= (v[0] as number)) ? (u[0] as number) : (v[0] as number);
  let unique = 1;
  for (;;) {
    while (i < nu && (u[i] as number) <= z) i++;
    while (j < nv && (v[j] as number) <= z) j++;
    if (i >= nu && j >= nv) break;
    const next = j >= nv || (i < nu && (u[i] as number) <= (v[j] as number)) ? (u[i] as number) : (v[j] as number);
    total += Math.abs(i / nu - j / nv) * (next - z);
    z = next;
    unique++;
  }
  return { distance: total / Math.max(populationStdOfSorted(u), MIN_NORM_STD), unique };
}

const uniques = new WeakMap<Float64Array, number>();

/** {@link sortedUnique}, kept per array (a reference is asked again for every window). */
export function sortedUniqueOf(a: Float64Array): number {
  let n = uniques.get(a);
  if (n === undefined) uniques.set(a, (n = sortedUnique(a)));
  return n;
}

const stds = new WeakMap<Float64Array, number>();

/**
 * Population std (ddof 0) of a sorted array, summed in ascending order; kept per array, since a
 * reference is judged against window after window.
 */
function populationStdOfSorted(u: Float64Array): number {
  const known = stds.get(u);
  if (known !== undefined) return known;
  const nu = u.length;
  let sum = 0;
  for (let k = 0; k < nu; k++) sum += u[k] as number;
  const mean = sum / nu;
  let squares = 0;
  for (let k = 0; k < nu; k++) squares += ((u[k] as number) - mean) * ((u[k] as number) - mean);
  const std = Math.sqrt(squares / nu);
  stds.set(u, std);
  return std;
}
