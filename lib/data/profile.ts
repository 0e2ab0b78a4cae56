/**
 * Column profiles for the dataset page: counts, summary statistics, histograms and top
 * categories, and the distribution of a chosen target. Pure functions over a `DataTable`.
 */
import { column as findColumn, type Column, type ColumnType, type DataTable } from './table';

/** One equal-width histogram bin: [from, to), the last bin closed [from, to]. */
export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface NumericSummary {
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation (divides by n), as a description of the data, not an estimate. */
  std: number;
  histogram: HistogramBin[];
}

export interface CategoryCount {
  value: string;
  count: number;
}

export interface ColumnProfile {
  name: string;
  type: ColumnType;
  /** Non-missing values. */
  count: number;
  /** Missing (null) values. */
  missing: number;
  /** Distinct non-missing values. */
  distinct: number;
  /** Numeric and datetime columns with at least one value (datetime in epoch ms). */
  numeric?: NumericSummary;
  /** Boolean and categorical columns. */
  categories?: CategoryCount[];
}

/** Label of the entry summing the categories beyond the top N. */
export const OTHER_CATEGORY = '(other)';

/**
 * Profiles one column, ignoring nulls.
 * - numeric / datetime: min, max, mean, population std and an equal-width histogram of `bins`
 *   bins (default 20) over [min, max]; a constant column gets one bin [v, v]. No `numeric` when
 *   every value is missing.
 * - boolean: `categories` = [{ "true", n₁ }, { "false", n₀ }] in that fixed order.
 * - categorical: the `top` (default 10) most frequent values, ties in alphabetical (code-unit)
 *   order, then one `(other)` entry summing the rest when there are more distinct values.
 */
export function profileColumn(column: Column, options: { bins?: number; top?: number } = {}): ColumnProfile {
  const { bins = 20, top = 10 } = options;
  const base = { name: column.name, type: column.type };
  if (column.type === 'categorical') {
    const counts = countValues(column.values);
    const present = sum(counts.values());
    const sorted = sortCounts(counts);
    const categories = sorted.slice(0, top);
    if (sorted.length > top) categories.push({ value: OTHER_CATEGORY, count: sum(sorted.slice(top).map((c) => c.count)) });
    return { ...base, count: present, missing: column.values.length - present, distinct: counts.size, categories };
  }
  const values = presentNumbers(column.values);
  const profile: ColumnProfile = { ...base, count: values.length, missing: column.values.length - values.length, distinct: new Set(values).size };
  if (column.type === 'boolean') {
    const trues = values.filter((v) => v === 1).length;
    profile.categories = [
      { value: 'true', count: trues },
      { value: 'false', count: values.length - trues },
    ];
  } else if (values.length > 0) {
    profile.numeric = summarize(values, bins);
  }
  return profile;
}

/** `profileColumn` with default options for every column of the table, in table order. */
export function profileTable(table: DataTable): ColumnProfile[] {
  return table.columns.map((c) => profileColumn(c));
}

export interface ClassShare {
  value: string;
  count: number;
  /** count / non-missing target values, in [0, 1]. */
  share: number;
}

export type TargetDistribution =
  | { task: 'classification'; count: number; missing: number; classes: ClassShare[] }
  | ({ task: 'regression'; count: number; missing: number; median: number } & NumericSummary);

/**
 * How the target is distributed, for choosing a metric and spotting imbalance.
 * - classification: every class with its count and share (0–1) of non-missing values, most
 *   frequent first (ties alphabetical). Class labels: categorical values as is, booleans as
 *   "true"/"false", numbers via `String(v)`, datetimes as ISO strings.
 * - regression: min, max, mean, population std, median (mean of the middle two for an even count)
 *   and a 20-bin equal-width histogram.
 * Missing target values are counted in `missing` and otherwise ignored.
 * Throws when the column does not exist, when a regression target is categorical, or when a
 * regression target has no values (there is nothing to summarise or train on).
 */
export function targetDistribution(table: DataTable, target: string, task: 'regression' | 'classification'): TargetDistribution {
  const col = findColumn(table, target);
  if (task === 'classification') {
    const labels = col.type === 'categorical' ? col.values : col.values.map((v) => (v === null ? null : label(col.type, v)));
    const counts = countValues(labels);
    const present = sum(counts.values());
    const classes = sortCounts(counts).map(({ value, count }) => ({ value, count, share: count / present }));
    return { task, count: present, missing: col.values.length - present, classes };
  }
  if (col.type === 'categorical') throw new Error(`target "${target}" is categorical; a regression target must be numeric`);
  const values = presentNumbers(col.values);
  if (values.length === 0) throw new Error(`target "${target}" has no values`);
  return { task, count: values.length, missing: col.values.length - values.length, median: median(values), ...summarize(values, 20) };
}

function label(type: ColumnType, v: number): string {
  if (type === 'boolean') return v === 1 ? 'true' : 'false';
  if (type === 'datetime') return new Date(v).toISOString();
  return String(v);
}

/** min, max, mean, population std and histogram of non-empty finite values. */
function summarize(values: readonly number[], bins: number): NumericSummary {
  let min = Infinity;
  let max = -Infinity;
  let total = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    total += v;
  }
  const mean = total / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { min, max, mean, std: Math.sqrt(squares / values.length), histogram: histogram(values, min, max, bins) };
}

/**
 * Equal-width bins over [min, max]; bin i covers [min + i·w, min + (i+1)·w) with w = (max−min)/bins,
 * the last one closed so max is counted. Bin edges are computed from min and i (not accumulated)
 * so rounding does not drift, and the last `to` is exactly max.
 */
function histogram(values: readonly number[], min: number, max: number, bins: number): HistogramBin[] {
  if (min === max) return [{ from: min, to: max, count: values.length }];
  const n = Math.max(1, Math.floor(bins));
  const width = (max - min) / n;
  const out: HistogramBin[] = Array.from({ length: n }, (_, i) => ({ from: min + i * width, to: i === n - 1 ? max : min + (i + 1) * width, count: 0 }));
  for (const v of values) {
    const i = Math.min(n - 1, Math.floor((v - min) / width));
    out[i]!.count++;
  }
  return out;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function presentNumbers(values: ReadonlyArray<number | null>): number[] {
  const out: number[] = [];
  for (const v of values) if (v !== null && Number.isFinite(v)) out.push(v);
  return out;
}

function countValues(values: ReadonlyArray<string | null>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** By count descending, ties by value in code-unit order (stable across locales). */
function sortCounts(counts: ReadonlyMap<string, number>): CategoryCount[] {
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
