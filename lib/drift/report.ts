/**
 * A whole drift report over two tables (reference and current): per-column drift by Evidently's
 * default tests, dataset drift, data quality of both sides, and the columns that could not be
 * compared with the reason. Each column is read and sorted once; quality and drift share it.
 */
import type { ColumnDriftResult, ColumnQuality, DatasetDriftResult, DriftTestName } from '../monitoring/types';
import { prepare, toCategory, toFiniteNumber, sortedUnique, usableCount, type PreparedSample, type RawSample } from './prepare';
import { DriftInputError, type ColumnKind } from './samples';
import { datasetDrift, driftOfPrepared } from './select';

/** One column of a table, with the kind it is compared as. */
export interface ColumnSample {
  name: string;
  kind: ColumnKind;
  values: RawSample;
}

/** Per-column overrides and the dataset share; keys of `tests`/`thresholds` are column names. */
export interface DriftReportOptions {
  tests?: Record<string, DriftTestName>;
  thresholds?: Record<string, number>;
  /** Share of drifted columns at or above which the dataset drifts (default 0.5). */
  share?: number;
}

/** What {@link driftReport} returns. */
export interface DriftReport {
  /** Compared columns, in reference order. */
  columns: ColumnDriftResult[];
  /** Over `columns` only (skipped columns do not count). */
  dataset: DatasetDriftResult;
  quality: { reference: ColumnQuality[]; current: ColumnQuality[] };
  /** Columns not compared, each with a sentence saying why. */
  skipped: Array<{ column: string; reason: string }>;
}

/** How many most frequent values {@link columnQuality} lists. */
export const TOP_VALUES = 10;

/**
 * Data quality of one column. Missing: null, undefined, '', NaN and ±∞; in a numerical column
 * also any cell that is not a plain decimal number (booleans, words). missingShare = missing /
 * rows (0 for no rows). Numerical columns get min, max, mean and the population std (ddof 0,
 * as np.std) of the finite values (null when there are none) and `top` empty; categorical columns
 * get null figures and `top`: the 10 most frequent values, ties in sorted order. `unique`
 * counts distinct present values (1 and '1' are one value).
 */
export function columnQuality(name: string, kind: ColumnKind, values: RawSample): ColumnQuality {
  return qualityOfPrepared(name, prepare(values, kind));
}

/** {@link columnQuality} of a column already prepared (prepare.ts), so drift and quality share one pass. */
export function qualityOfPrepared(column: string, s: PreparedSample): ColumnQuality {
  const present = usableCount(s);
  const missing = s.rows - present;
  const base = { column, kind: s.kind, rows: s.rows, missing, missingShare: s.rows === 0 ? 0 : missing / s.rows };
  if (s.kind === 'categorical') {
    return { ...base, min: null, max: null, mean: null, std: null, unique: s.counts.size, top: topValues(s.counts) };
  }
  const a = s.sorted;
  if (a.length === 0) return { ...base, min: null, max: null, mean: null, std: null, unique: 0, top: [] };
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] as number;
  const mean = sum / a.length;
  // Second pass about the mean: the one-pass Σx² − n·mean² loses every digit for large offsets.
  let squares = 0;
  for (let i = 0; i < a.length; i++) squares += ((a[i] as number) - mean) ** 2;
  return { ...base, min: a[0] as number, max: a[a.length - 1] as number, mean, std: Math.sqrt(squares / a.length), unique: sortedUnique(a), top: [] };
}

/** The most frequent values by a single pass keeping the best 10, so an ID column costs no sort. */
function topValues(counts: Map<string, number>): Array<{ value: string; count: number }> {
  const top: Array<{ value: string; count: number }> = [];
  const before = (a: string, na: number, b: { value: string; count: number }): boolean => na > b.count || (na === b.count && a < b.value);
  for (const [value, count] of counts) {
    if (top.length === TOP_VALUES && !before(value, count, top[TOP_VALUES - 1] as { value: string; count: number })) continue;
    let i = Math.min(top.length, TOP_VALUES - 1);
    while (i > 0 && before(value, count, top[i - 1] as { value: string; count: number })) i--;
    top.splice(i, 0, { value, count });
    if (top.length > TOP_VALUES) top.pop();
  }
  return top;
}

/**
 * A column's kind from its values, for reports on arbitrary CSVs: numerical when every present
 * value is a finite number or a plain decimal string ("3.5", " -2e3 "; not "1,234", hex or
 * "Infinity"), otherwise categorical. Booleans make a column categorical. Missing cells (null,
 * undefined, '', NaN, ±∞) are ignored; a column with no present value is categorical, since no
 * numerical figure can be computed for it.
 */
export function inferColumnKind(values: RawSample): ColumnKind {
  let present = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (toCategory(v) === null) continue;
    present++;
    if (typeof v === 'number') continue;
    if (Number.isNaN(toFiniteNumber(v))) return 'categorical';
  }
  return present > 0 ? 'numerical' : 'categorical';
}

const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * Drift of every column the reference and current share, by {@link driftOfPrepared} (Evidently's
 * default test unless `options.tests` names one), dataset drift over the compared columns, and
 * quality of every column on each side. A column is compared as its reference kind (the current
 * is re-read that way if its kind differs). Instead of throwing, a column goes to `skipped` with
 * a sentence when it is missing on one side, has no usable value on a side, repeats a name
 * (the first is used), or its chosen test cannot run (K-S on categories, z-test on > 2 values).
 * Cost: O(n log n) per column, one Float64Array sort per numerical column and side.
 * @throws RangeError for a share outside [0, 1] or a non-finite threshold.
 */
export function driftReport(reference: readonly ColumnSample[], current: readonly ColumnSample[], options: DriftReportOptions = {}): DriftReport {
  const skipped: DriftReport['skipped'] = [];
  const refSide = prepareSide(reference, 'reference', skipped);
  const curSide = prepareSide(current, 'current', skipped);
  const columns: ColumnDriftResult[] = [];
  for (const [name, ref] of refSide) {
    const found = curSide.get(name);
    if (found === undefined) {
      skipped.push({ column: name, reason: `Column "${name}" is in the reference but not in the current data, so it cannot be compared.` });
      continue;
    }
    const cur = found.prepared.kind === ref.prepared.kind ? found.prepared : prepare(found.values, ref.prepared.kind);
    const threshold = own(options.thresholds, name);
    if (threshold !== undefined && !Number.isFinite(threshold)) throw new RangeError(`The drift threshold for column "${name}" must be a finite number, not ${threshold}.`);
    try {
      columns.push(driftOfPrepared(ref.prepared, cur, { column: name, test: own(options.tests, name), threshold }));
    } catch (error) {
      if (!(error instanceof DriftInputError)) throw error;
      skipped.push({ column: name, reason: error.message });
    }
  }
  for (const name of curSide.keys()) {
    if (!refSide.has(name)) skipped.push({ column: name, reason: `Column "${name}" is in the current data but not in the reference, so it cannot be compared.` });
  }
  return {
    columns,
    dataset: datasetDrift(columns, options.share === undefined ? {} : { share: options.share }),
    quality: {
      reference: [...refSide].map(([name, c]) => qualityOfPrepared(name, c.prepared)),
      current: [...curSide].map(([name, c]) => qualityOfPrepared(name, c.prepared)),
    },
    skipped,
  };
}

interface Side {
  prepared: PreparedSample;
  values: RawSample;
}

/** Each column of one side prepared once, by name, first occurrence winning. */
function prepareSide(samples: readonly ColumnSample[], side: 'reference' | 'current', skipped: DriftReport['skipped']): Map<string, Side> {
  const out = new Map<string, Side>();
  for (const c of samples) {
    if (out.has(c.name)) {
      skipped.push({ column: c.name, reason: `Column "${c.name}" appears more than once in the ${side}; only the first is used.` });
      continue;
    }
    out.set(c.name, { prepared: prepare(c.values, c.kind), values: c.values });
  }
  return out;
}
