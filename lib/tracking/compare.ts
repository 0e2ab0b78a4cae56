import { lttb, type Point } from '@/lib/charts/lttb';
import type { WorkbenchDatabase } from './db';
import { lowerIsBetter, type ParamValue, type RunRecord } from './run-types';

/** The most runs one comparison shows; further ids in a link are left out (and the page says so). */
export const MAX_COMPARE_RUNS = 20;

/** Where the compare view lives. */
export const COMPARE_PATH = '/workbench/compare';

/**
 * The link to the compare view of `runIds` (in that order, duplicates and blanks dropped), e.g.
 * `/workbench/compare?runs=a,b&metric=val_loss`. Each id is URI-encoded and the ids are joined by
 * literal commas, so the link stays readable; run ids are UUIDs, which never contain a comma.
 * Ids beyond `MAX_COMPARE_RUNS` are kept: the view itself says it shows only the first ones.
 */
export function compareHref(runIds: readonly string[], metric?: string): string {
  const ids = uniqueIds(runIds);
  const query = [`runs=${ids.map(encodeURIComponent).join(',')}`];
  if (metric) query.push(`metric=${encodeURIComponent(metric)}`);
  return `${COMPARE_PATH}?${query.join('&')}`;
}

/**
 * Reads the `runs` search param (already URI-decoded, as `URLSearchParams.get` returns it): ids
 * split on commas, trimmed, blanks and duplicates dropped. The first `MAX_COMPARE_RUNS` are
 * compared (`ids`); the rest are kept in `overflow`, so removing a run can bring the next one in.
 */
export function parseRunIds(param: string | null): { ids: string[]; overflow: string[] } {
  const all = uniqueIds((param ?? '').split(','));
  return { ids: all.slice(0, MAX_COMPARE_RUNS), overflow: all.slice(MAX_COMPARE_RUNS) };
}

function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.trim()).filter((id) => id !== ''))];
}

/** Metric keys of the compared runs: `shared` by every run, `partial` logged by only some; both sorted. */
export interface MetricKeys {
  shared: string[];
  partial: string[];
}

/** Which metric keys the runs share and which only some of them logged (from `lastMetrics`). */
export function metricKeys(runs: readonly RunRecord[]): MetricKeys {
  const counts = new Map<string, number>();
  for (const run of runs) for (const key of Object.keys(run.lastMetrics)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const all = [...counts.keys()].sort();
  return { shared: all.filter((k) => counts.get(k) === runs.length), partial: all.filter((k) => counts.get(k)! < runs.length) };
}

/**
 * The metric to compare: `requested` when some run logged it; otherwise `val_loss` when every run
 * has it, else the first shared key, else the first key any run has; null when no run logged any.
 */
export function chooseMetric(keys: MetricKeys, requested: string | null): string | null {
  if (requested && (keys.shared.includes(requested) || keys.partial.includes(requested))) return requested;
  if (keys.shared.includes('val_loss')) return 'val_loss';
  return keys.shared[0] ?? keys.partial[0] ?? null;
}

/** Whether param values differ: a run without the param differs from one with it; `1` ≠ `"1"`. */
export function valuesDiffer(values: readonly (ParamValue | undefined)[]): boolean {
  return values.some((v) => !Object.is(v, values[0]));
}

/**
 * Splits the params of the runs into those whose values differ between runs and those every
 * run has with the same value. Both lists sorted by name. With fewer than two runs nothing differs.
 */
export function differingParams(runs: readonly RunRecord[]): { differing: string[]; identical: string[] } {
  const keys = [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort();
  const differing = keys.filter((k) => valuesDiffer(runs.map((r) => (Object.hasOwn(r.params, k) ? r.params[k] : undefined))));
  return { differing, identical: keys.filter((k) => !differing.includes(k)) };
}

/** The runs holding the best value of one metric, by their best and by their last value. */
export interface MetricLeaders {
  key: string;
  lowerIsBetter: boolean;
  /** Ids of the run(s) whose best value is the best (ties share it); empty when none has a finite one or all tie. */
  byBest: string[];
  /** Ids of the run(s) whose last value is the best. */
  byLast: string[];
}

/**
 * For each metric key, which runs lead by best and by last value; the direction comes from
 * `lowerIsBetter(key)`. Ties share the lead, but when every run with a value ties, none leads.
 * Non-finite values (a NaN loss) never lead; a single run with a value leads alone. Baselines
 * (`baseline_*`) never lead: they score the data (always predicting the mean), not the model, so
 * "the best baseline" would only mark the run with the easiest validation rows.
 */
export function metricLeaders(runs: readonly RunRecord[], keys: readonly string[]): MetricLeaders[] {
  return keys.map((key) => {
    const lower = lowerIsBetter(key);
    const leaders = (valueOf: (r: RunRecord) => number | undefined) => {
      if (key.startsWith('baseline_')) return [];
      const scored = runs.map((r) => ({ id: r.id, v: valueOf(r) })).filter((s): s is { id: string; v: number } => s.v !== undefined && Number.isFinite(s.v));
      if (scored.length === 0) return [];
      const best = lower ? Math.min(...scored.map((s) => s.v)) : Math.max(...scored.map((s) => s.v));
      const leading = scored.filter((s) => s.v === best).map((s) => s.id);
      // A lead every run shares (all equal) tells the learner nothing: mark none.
      return leading.length === scored.length && scored.length > 1 ? [] : leading;
    };
    return { key, lowerIsBetter: lower, byBest: leaders((r) => r.bestMetrics[key]?.value), byLast: leaders((r) => r.lastMetrics[key]) };
  });
}

/** One metric's history: parallel arrays, steps ascending. */
export interface MetricHistory {
  steps: number[];
  values: number[];
}

/**
 * Reads one metric's full history for each run, in one read transaction, the runs' chunk
 * ranges requested in parallel (not one after another). Runs that never logged the metric are
 * absent from the result. Cost: one index range per run; chunks hold `METRIC_CHUNK_POINTS` points.
 */
export async function readMetricHistories(db: WorkbenchDatabase, runIds: readonly string[], key: string): Promise<Map<string, MetricHistory>> {
  return db.transaction('r', db.metricChunks, () => readHistoriesInTransaction(db, runIds, key));
}

async function readHistoriesInTransaction(db: WorkbenchDatabase, runIds: readonly string[], key: string): Promise<Map<string, MetricHistory>> {
  const perRun = await Promise.all(runIds.map((runId) => db.metricChunks.where('[runId+key+chunk]').between([runId, key, -Infinity], [runId, key, Infinity]).toArray()));
  const histories = new Map<string, MetricHistory>();
  perRun.forEach((chunks, i) => {
    if (chunks.length === 0) return;
    // Join by index into preallocated arrays: flatMap/spread of 10 × 1,000 points is slower and can overflow the stack.
    const total = chunks.reduce((n, c) => n + c.values.length, 0);
    const steps = new Array<number>(total);
    const values = new Array<number>(total);
    let at = 0;
    for (const c of chunks) {
      for (let j = 0; j < c.values.length; j++, at++) {
        steps[at] = c.steps[j]!;
        values[at] = c.values[j]!;
      }
    }
    histories.set(runIds[i]!, { steps, values });
  });
  return histories;
}

/** Everything the compare view draws, read together. */
export interface Comparison {
  /** Found runs, in the order of the requested ids. */
  runs: RunRecord[];
  /** Requested ids with no run in this browser (deleted, or from another browser). */
  missingIds: string[];
  keys: MetricKeys;
  /** The metric compared (see `chooseMetric`); null when no run logged any metric. */
  metric: string | null;
  /** That metric's history per run id; runs without it are absent. */
  histories: Map<string, MetricHistory>;
}

/**
 * Loads a comparison in one read transaction: the runs by id, then only the chosen metric's
 * history for each of them (in parallel). Safe inside Dexie's `liveQuery`, which then re-runs it
 * when one of these runs or its chunks of this metric change.
 */
export async function loadComparison(db: WorkbenchDatabase, ids: readonly string[], requestedMetric: string | null): Promise<Comparison> {
  return db.transaction('r', db.runs, db.metricChunks, async () => {
    const found = await db.runs.bulkGet([...ids]);
    const runs = found.filter((r): r is RunRecord => r !== undefined);
    const missingIds = ids.filter((_, i) => found[i] === undefined);
    const keys = metricKeys(runs);
    const metric = chooseMetric(keys, requestedMetric);
    const histories = metric ? await readHistoriesInTransaction(db, runs.map((r) => r.id), metric) : new Map<string, MetricHistory>();
    return { runs, missingIds, keys, metric, histories };
  });
}

/** The most points drawn per line of a chart, however long the run (design rule). */
export const MAX_POINTS_PER_LINE = 1000;

/**
 * Points to draw per line for a plot `plotWidthPx` pixels wide: one per pixel column (more
 * cannot be seen), rounded up to a multiple of 100 so resizing does not resample every pixel,
 * at least 100 and at most `MAX_POINTS_PER_LINE`. A width that is not yet known (0, NaN) gets
 * the maximum.
 */
export function pointsPerLine(plotWidthPx: number): number {
  if (!(plotWidthPx > 0)) return MAX_POINTS_PER_LINE;
  return Math.min(MAX_POINTS_PER_LINE, Math.max(100, Math.ceil(plotWidthPx / 100) * 100));
}

/** One run's line of the overlaid curves, ready to draw, with the numbers of its table row. */
export interface CurveLine {
  /** Downsampled finite points (LTTB), at most the requested number. */
  points: Point[];
  /** Points logged. */
  logged: number;
  /** Logged points not drawn because their value is NaN or infinite (a diverged loss). */
  nonFinite: number;
  /** The best finite value and its step, by `lowerIsBetter` of the metric; null when none. */
  best: { value: number; step: number } | null;
  /** The last logged value (possibly NaN) and its step; null for an empty history. */
  last: { value: number; step: number } | null;
}

/**
 * Shapes one history for drawing: drops non-finite values (they cannot be placed on an axis;
 * the count is kept so the table can say so), then downsamples with LTTB to `maxPoints`
 * (clamped to `MAX_POINTS_PER_LINE`). Also finds the best and last values for the table.
 * O(n) in the history's length.
 */
export function shapeCurve(history: MetricHistory, maxPoints: number, lower: boolean): CurveLine {
  const { steps, values } = history;
  const n = values.length;
  // Preallocated, and the best kept in two numbers: a falling loss sets a new best at every
  // step, and an object per step made this 5× slower for 20 × 10,000 points.
  const finite: Point[] = new Array<Point>(n);
  let kept = 0;
  let bestValue = lower ? Infinity : -Infinity;
  let bestStep = Number.NaN;
  for (let i = 0; i < n; i++) {
    const y = values[i]!;
    if (!Number.isFinite(y)) continue;
    const x = steps[i]!;
    finite[kept++] = { x, y };
    if (lower ? y < bestValue : y > bestValue) {
      bestValue = y;
      bestStep = x;
    }
  }
  finite.length = kept;
  const points = lttb(finite, Math.min(Math.max(3, Math.floor(maxPoints)), MAX_POINTS_PER_LINE));
  return {
    points,
    logged: n,
    nonFinite: n - kept,
    best: kept > 0 ? { value: bestValue, step: bestStep } : null,
    last: n > 0 ? { value: values[n - 1]!, step: steps[n - 1]! } : null,
  };
}
