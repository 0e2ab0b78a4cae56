/**
 * The reference the generators measure against: each input's training statistics, and how a table
 * row becomes a request row and a label. Computed once per stream from the training rows only,
 * as a monitor would (production is compared with what the model learned from).
 */
import { column, type Column, type DataTable } from '../../data/table';
import type { ScenarioContext } from './types';

/** Training statistics of one numeric input (types numeric, boolean and datetime). */
export interface NumericReference {
  kind: 'numeric';
  name: string;
  /** The table's type: only `numeric` columns get malformed numbers and out-of-range values. */
  type: 'numeric' | 'boolean' | 'datetime';
  /** Over the non-missing training values; 0 for all when every value is missing. */
  mean: number;
  /** Population standard deviation. */
  std: number;
  min: number;
  max: number;
  median: number;
  /** Training rows with a value. */
  count: number;
}

/** Training statistics of one categorical input. */
export interface CategoricalReference {
  kind: 'categorical';
  name: string;
  /** Every value seen in training, sorted. */
  categories: string[];
}

export type FeatureReference = NumericReference | CategoricalReference;

/** Training statistics of each input, in `ctx.features` order. */
export function featureReferences(ctx: ScenarioContext): FeatureReference[] {
  return ctx.features.map((name) => reference(column(ctx.table, name), ctx.trainRows));
}

function reference(col: Column, rows: readonly number[]): FeatureReference {
  if (col.type === 'categorical') {
    const seen = new Set<string>();
    for (const r of rows) {
      const v = col.values[r];
      if (v !== null && v !== undefined) seen.add(v);
    }
    return { kind: 'categorical', name: col.name, categories: [...seen].sort() };
  }
  const values: number[] = [];
  for (const r of rows) {
    const v = col.values[r];
    if (typeof v === 'number' && Number.isFinite(v)) values.push(v);
  }
  return { kind: 'numeric', name: col.name, type: col.type, ...numericSummary(values) };
}

/**
 * Mean, population std, min, max and median (the lower middle value for an even count) of
 * `values`; all 0 when empty.
 */
export function numericSummary(values: readonly number[]): { mean: number; std: number; min: number; max: number; median: number; count: number } {
  const n = values.length;
  if (n === 0) return { mean: 0, std: 0, min: 0, max: 0, median: 0, count: 0 };
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  const sorted = values.slice().sort((a, b) => a - b);
  return { mean, std: Math.sqrt(squares / n), min, max, median: sorted[Math.floor((n - 1) / 2)]!, count: n };
}

/** Numeric inputs that vary in training: the ones a covariate shift or a concept region can use. */
export function driftableFeatures(refs: readonly FeatureReference[]): NumericReference[] {
  return refs.filter((r): r is NumericReference => r.kind === 'numeric' && r.std > 0 && r.count > 1);
}

/** Reads request rows and labels from the table, column arrays looked up once. */
export interface RowReader {
  /** The request row of table row `r`: the raw values of each feature (numbers, strings, null). */
  row(r: number): unknown[];
  /** The label of table row `r`: a class name (classification), a number (regression), or null. */
  label(r: number): number | string | null;
  /** The target's raw numeric value (regression), or null. */
  targetNumber(r: number): number | null;
}

/** A `RowReader` over `ctx.table`. Class names follow prepareData: booleans are "false" / "true". */
export function rowReader(ctx: ScenarioContext): RowReader {
  const columns = ctx.features.map((name) => column(ctx.table, name).values);
  const target = column(ctx.table, ctx.target);
  return {
    row: (r) => columns.map((values) => values[r] ?? null),
    label: (r) => {
      const v = target.values[r];
      if (v === null || v === undefined) return null;
      if (ctx.task === 'regression') return typeof v === 'number' ? v : null;
      return target.type === 'boolean' ? (v ? 'true' : 'false') : String(v);
    },
    targetNumber: (r) => {
      const v = target.values[r];
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    },
  };
}

/** Training rows that have a target value: the pool the synthetic scenarios bootstrap. */
export function labelledTrainRows(ctx: ScenarioContext): number[] {
  const target = column(ctx.table, ctx.target).values;
  return ctx.trainRows.filter((r) => target[r] !== null && target[r] !== undefined);
}

/** The time of each row (epoch ms), NaN where missing; null when the table has no time column. */
export function rowTimes(table: DataTable, timeColumn: string | null): Float64Array | null {
  if (!timeColumn) return null;
  const values: ReadonlyArray<unknown> = column(table, timeColumn).values;
  return Float64Array.from(values, (v) => (typeof v === 'number' && Number.isFinite(v) ? v : NaN));
}
