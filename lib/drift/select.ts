/**
 * Evidently's default drift test per column (`get_default_stattest`), the verdict it gives, and
 * dataset drift, as DESIGN.md "Drift and monitoring" states them. Every result says in one
 * sentence which rule picked the test and with which numbers, so the choice is visible.
 */
import type { ColumnDriftResult, DatasetDriftResult, DriftTestName } from '../monitoring/types';
import { chiSquareTest } from './chi-square';
import { jensenShannonDistance, jensenShannonOfShares, psi, psiOfShares } from './divergence';
import { ksTest } from './ks';
import { normedWassersteinAgainstCdf } from './wasserstein-cdf';
import {
  normedWassersteinSorted,
  normedWassersteinSortedWithUnique,
  sortedUniqueOf,
  numbersAsCategories,
  prepare,
  requireUsable,
  unionUniqueCounts,
  unionUniqueSorted,
  usableCount,
  type PreparedSample,
  type RawSample,
} from './prepare';
import { DriftInputError, type ColumnKind } from './samples';
import { zTestProportions } from './z-test';

/** What a drift test reports, and how its score is compared with the threshold. */
export interface DriftTestInfo {
  name: DriftTestName;
  /** Human name, as in {@link ColumnDriftResult.testLabel}. */
  label: string;
  scoreKind: 'p-value' | 'distance';
  /** Evidently's default threshold. */
  defaultThreshold: number;
  /** Drift when `score comparator threshold`. */
  comparator: '<=' | '<' | '>=';
  /** The rule in words, for a select's hint: "drift when p ≤ threshold". */
  comparatorText: string;
  /** Column kinds the test accepts (K-S and Wasserstein need numbers). */
  kinds: readonly ColumnKind[];
}

const BOTH: readonly ColumnKind[] = ['numerical', 'categorical'];
const NUMERICAL: readonly ColumnKind[] = ['numerical'];

/**
 * Every drift test with its label, score kind, Evidently's default threshold and comparator
 * (K-S: p ≤ 0.05; chi-square and z: p < 0.05; distances: ≥ 0.1). Insertion order is the order
 * for UI selects.
 */
export const DRIFT_TESTS: Readonly<Record<DriftTestName, DriftTestInfo>> = {
  ks: { name: 'ks', label: 'Kolmogorov–Smirnov', scoreKind: 'p-value', defaultThreshold: 0.05, comparator: '<=', comparatorText: 'drift when p ≤ threshold', kinds: NUMERICAL },
  chisquare: { name: 'chisquare', label: 'Chi-square', scoreKind: 'p-value', defaultThreshold: 0.05, comparator: '<', comparatorText: 'drift when p < threshold', kinds: BOTH },
  z: { name: 'z', label: 'Z-test (two proportions)', scoreKind: 'p-value', defaultThreshold: 0.05, comparator: '<', comparatorText: 'drift when p < threshold', kinds: BOTH },
  wasserstein: { name: 'wasserstein', label: 'Wasserstein (normed)', scoreKind: 'distance', defaultThreshold: 0.1, comparator: '>=', comparatorText: 'drift when distance ≥ threshold', kinds: NUMERICAL },
  jensenshannon: { name: 'jensenshannon', label: 'Jensen–Shannon distance', scoreKind: 'distance', defaultThreshold: 0.1, comparator: '>=', comparatorText: 'drift when distance ≥ threshold', kinds: BOTH },
  psi: { name: 'psi', label: 'PSI', scoreKind: 'distance', defaultThreshold: 0.1, comparator: '>=', comparatorText: 'drift when PSI ≥ threshold', kinds: BOTH },
};

/** Reference rows up to which Evidently uses the p-value tests (inclusive). */
export const SMALL_REFERENCE_ROWS = 1000;
/** A numerical column with at most this many unique values (both samples) is compared as categories. */
export const MAX_CATEGORICAL_UNIQUE = 5;
/** Share of drifted columns at or above which the dataset drifts. */
export const DEFAULT_DRIFT_SHARE = 0.5;

/** Options of {@link defaultDriftTest}. */
export interface DriftTestOptions {
  /** Use this test instead of Evidently's choice (the reason then says "chosen by you"). */
  test?: DriftTestName;
  /** Use this threshold instead of the test's default. */
  threshold?: number;
  /** Column name copied into the result and error messages ('' when left out). */
  column?: string;
}

/** Whether `score` means drift for `test` at `threshold` (see {@link DRIFT_TESTS} comparators). */
export function isDrifted(test: DriftTestName, score: number, threshold: number): boolean {
  const c = DRIFT_TESTS[test].comparator;
  return c === '<=' ? score <= threshold : c === '<' ? score < threshold : score >= threshold;
}

/**
 * Evidently's default test for one column and its verdict. After missing and non-finite values
 * are dropped (see prepare.ts: numeric strings count as numbers in a numerical column), with
 * n_unique the distinct values over both samples and rows the reference's usable rows:
 *
 * | rows ≤ 1,000 | numerical, n_unique > 5: `ks` (drift p ≤ 0.05) | otherwise: `chisquare` if n_unique > 2, else `z` (drift p < 0.05) |
 * | rows > 1,000 | numerical, n_unique > 5: `wasserstein` normed (drift ≥ 0.1) | otherwise: `jensenshannon` (drift ≥ 0.1) |
 *
 * A numerical column with ≤ 5 unique values is compared as categories (`String` of each
 * number). The z-test counts the share of the **last** value of the sorted union (as
 * {@link zTestProportions}, so '1', 'true', 'yes' are the success); only the sign of z depends
 * on it. A constant column (one value in both samples) gets the z-test with statistic 0, p = 1.
 * `options.test` overrides the choice (K-S and Wasserstein need a numerical column), and
 * `options.threshold` the threshold. `referenceRows`/`currentRows` count usable values.
 * Never NaN: chi-square with a category unseen in the reference gives p = 0.
 * @throws DriftInputError when a side has no usable value, K-S or Wasserstein is asked for a
 *   categorical column, or the z-test for a column with more than two values.
 * @throws RangeError when `options.threshold` is not a finite number.
 */
export function defaultDriftTest(ref: RawSample, cur: RawSample, kind: ColumnKind, options: DriftTestOptions = {}): ColumnDriftResult {
  return driftOfPrepared(prepare(ref, kind), prepare(cur, kind), options);
}

/**
 * {@link defaultDriftTest} over columns already prepared (prepare.ts) with the same kind, so a
 * report prepares each column once for quality and drift.
 */
export function driftOfPrepared(ref: PreparedSample, cur: PreparedSample, options: DriftTestOptions = {}): ColumnDriftResult {
  const column = options.column ?? '';
  if (ref.kind !== cur.kind) throw new DriftInputError(`Column "${column}" is ${ref.kind} in the reference but ${cur.kind} in the current sample.`);
  if (options.threshold !== undefined && !Number.isFinite(options.threshold)) {
    throw new RangeError(`The drift threshold must be a finite number, not ${options.threshold}.`);
  }
  requireUsable(ref, 'reference', column);
  requireUsable(cur, 'current', column);
  const referenceRows = usableCount(ref);
  const currentRows = usableCount(cur);
  // A large numerical reference with more than 5 values of its own is judged by the normed
  // Wasserstein distance whatever the current sample holds, and that distance's merge walk counts
  // the union's distinct values too: one pass instead of two (what a window update pays).
  let merged: { distance: number; unique: number } | null = null;
  if (ref.kind === 'numerical' && cur.kind === 'numerical' && referenceRows > SMALL_REFERENCE_ROWS && (options.test ?? 'wasserstein') === 'wasserstein' && sortedUniqueOf(ref.sorted) > MAX_CATEGORICAL_UNIQUE) {
    // A window much smaller than its reference: galloping searches into the reference's cached
    // CDF integral (m log(n/m)) beat walking all n reference values (n + m).
    merged = cur.sorted.length * 4 <= ref.sorted.length ? normedWassersteinAgainstCdf(ref.sorted, cur.sorted) : normedWassersteinSortedWithUnique(ref.sorted, cur.sorted);
  }
  const uniqueValues =
    merged !== null ? merged.unique : ref.kind === 'numerical' && cur.kind === 'numerical' ? unionUniqueSorted(ref.sorted, cur.sorted) : unionUniqueCounts(countsOf(ref), countsOf(cur));
  const asCategories = ref.kind === 'categorical' || uniqueValues <= MAX_CATEGORICAL_UNIQUE;
  const small = referenceRows <= SMALL_REFERENCE_ROWS;
  const chosen: DriftTestName = asCategories ? (small ? (uniqueValues > 2 ? 'chisquare' : 'z') : 'jensenshannon') : small ? 'ks' : 'wasserstein';
  const test = options.test ?? chosen;
  const info = DRIFT_TESTS[test];
  if (ref.kind === 'categorical' && !info.kinds.includes('categorical')) {
    throw new DriftInputError(`The ${info.label} test needs a numerical column, but column "${column}" is categorical.`);
  }
  const threshold = options.threshold ?? info.defaultThreshold;
  const categories = (s: PreparedSample): string[] => (s.kind === 'numerical' ? numbersAsCategories(s.sorted) : s.values);
  const numbers = (s: PreparedSample): Float64Array => (s.kind === 'numerical' ? s.sorted : new Float64Array(0));

  let statistic: number;
  let score: number;
  let positive: string | null = null;
  if (test === 'ks') {
    const r = ksTest(numbers(ref), numbers(cur));
    [statistic, score] = [r.statistic, r.pValue];
  } else if (test === 'wasserstein') {
    statistic = score = merged !== null ? merged.distance : normedWassersteinSorted(numbers(ref), numbers(cur));
  } else if (test === 'chisquare') {
    const r = chiSquareTest(categories(ref), categories(cur));
    [statistic, score] = [r.statistic, r.pValue];
  } else if (test === 'z') {
    if (uniqueValues > 2) {
      throw new DriftInputError(`The z-test needs a column with at most 2 values, but column "${column}" has ${uniqueValues}; use the chi-square test.`);
    }
    positive = lastCategory(ref, cur);
    const z = zTestProportions(categories(ref), categories(cur), { positive });
    [statistic, score] = [z.statistic, z.pValue];
  } else {
    // Binned by Sturges only when compared as numbers; a ≤ 5-unique column is binned by value either way.
    if (ref.kind === 'categorical' && cur.kind === 'categorical') {
      // By value, straight from the counts: a 100,000-row reference is not counted again per window.
      const { reference, current } = sharesOfCounts(ref.counts, cur.counts, ref.values.length, cur.values.length);
      statistic = score = test === 'psi' ? psiOfShares(reference, current) : jensenShannonOfShares(reference, current);
    } else {
    const both = asCategories ? ([categories(ref), categories(cur)] as const) : ([numbers(ref), numbers(cur)] as const);
    const binAs: ColumnKind = asCategories ? 'categorical' : 'numerical';
    statistic = score = test === 'psi' ? psi(both[0], both[1], { kind: binAs }) : jensenShannonDistance(both[0], both[1], { kind: binAs });
    }
  }

  const reason = explain({
    kind: ref.kind,
    referenceRows,
    uniqueValues,
    asCategories,
    chosen,
    test,
    overridden: options.test !== undefined,
    threshold,
    thresholdSet: options.threshold !== undefined,
    positive,
    single: uniqueValues === 1 ? firstCategory(ref) : null,
  });
  return {
    column,
    kind: ref.kind,
    test,
    testLabel: info.label,
    scoreKind: info.scoreKind,
    statistic,
    score,
    threshold,
    drifted: isDrifted(test, score, threshold),
    reason,
    referenceRows,
    currentRows,
    uniqueValues,
  };
}

/** Shares per value over the sorted union of both sides' values, as `binnedShares` gives them by value. */
function sharesOfCounts(ref: Map<string, number>, cur: Map<string, number>, refRows: number, curRows: number): { reference: number[]; current: number[] } {
  const keys = [...new Set([...ref.keys(), ...cur.keys()])].sort();
  return { reference: keys.map((k) => (ref.get(k) ?? 0) / refRows), current: keys.map((k) => (cur.get(k) ?? 0) / curRows) };
}

/** Counts of a categorical column (numerical columns never reach here: see the callers). */
function countsOf(s: PreparedSample): Map<string, number> {
  return s.kind === 'categorical' ? s.counts : new Map();
}

/**
 * The last value of the sorted union as a string (what zTestProportions counts by default).
 * Called with at most 2 unique values, where each side's min and max already name them all.
 */
function lastCategory(ref: PreparedSample, cur: PreparedSample): string {
  const keys = new Set<string>();
  for (const s of [ref, cur]) {
    if (s.kind === 'numerical') [s.sorted[0], s.sorted[s.sorted.length - 1]].forEach((x) => keys.add(String(x)));
    else for (const k of s.counts.keys()) keys.add(k);
  }
  return [...keys].sort()[keys.size - 1] as string;
}

function firstCategory(s: PreparedSample): string {
  return s.kind === 'numerical' ? String(s.sorted[0]) : (s.values[0] as string);
}

const LONG_NAMES: Record<DriftTestName, string> = {
  ks: 'the Kolmogorov–Smirnov test',
  chisquare: 'the chi-square test',
  z: 'the two-proportion z-test',
  wasserstein: 'the normed Wasserstein distance (W₁ / reference std)',
  jensenshannon: 'the Jensen–Shannon distance',
  psi: 'the Population Stability Index',
};

interface Explained {
  kind: ColumnKind;
  referenceRows: number;
  uniqueValues: number;
  asCategories: boolean;
  chosen: DriftTestName;
  test: DriftTestName;
  overridden: boolean;
  threshold: number;
  thresholdSet: boolean;
  positive: string | null;
  single: string | null;
}

/** The one sentence behind `reason`: the rule that applied, with its numbers. */
function explain(e: Explained): string {
  const fmt = (n: number): string => n.toLocaleString('en-US');
  const rows = `${fmt(e.referenceRows)} rows (${e.referenceRows <= SMALL_REFERENCE_ROWS ? '≤' : '>'} 1,000)`;
  const unique = `${fmt(e.uniqueValues)} unique ${e.uniqueValues === 1 ? 'value' : 'values'}`;
  let why: string;
  if (e.overridden) {
    why = `${cap(LONG_NAMES[e.test])} was chosen by you (for a reference of ${rows} and ${unique} Evidently would use ${LONG_NAMES[e.chosen]})`;
  } else {
    const bound = e.asCategories ? (e.kind === 'numerical' ? ' (≤ 5), compared as categories' : '') : ' (> 5)';
    const pick = e.test === 'chisquare' ? ' (more than 2 values)' : e.test === 'z' ? ' (at most 2 values)' : '';
    why = `The reference has ${rows} and the samples ${unique}${bound}, so Evidently uses ${LONG_NAMES[e.test]}${pick}`;
  }
  if (e.test === 'z' && e.single !== null) why += `; both samples hold only "${e.single}", so they cannot differ (p = 1)`;
  else if (e.test === 'z' && e.positive !== null) why += ` on the share of "${e.positive}"`;
  const info = DRIFT_TESTS[e.test];
  const score = info.scoreKind === 'p-value' ? 'p' : e.test === 'psi' ? 'PSI' : 'the distance';
  const rule = `${score} ${info.comparator === '<=' ? '≤' : info.comparator === '<' ? '<' : '≥'} ${e.threshold}`;
  return `${why}; drift when ${rule}${e.thresholdSet ? ' (threshold set by you)' : ''}.`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Dataset drift as Evidently's DatasetDriftMetric: share = drifted columns / all columns, drift
 * when share ≥ `share` (default 0.5). No columns gives share 0 and no drift, whatever `share`.
 * @throws RangeError when `share` is not a number in [0, 1].
 */
export function datasetDrift(columns: readonly { drifted: boolean }[], { share = DEFAULT_DRIFT_SHARE }: { share?: number } = {}): DatasetDriftResult {
  if (!(share >= 0 && share <= 1)) throw new RangeError(`The dataset drift share must be between 0 and 1, not ${share}.`);
  let drifted = 0;
  for (const c of columns) if (c.drifted) drifted++;
  const total = columns.length;
  const observed = total === 0 ? 0 : drifted / total;
  return { driftedColumns: drifted, totalColumns: total, share: observed, threshold: share, drifted: total > 0 && observed >= share };
}
