/**
 * Totals of one version's traffic over a window (or over a canary step), built request by
 * request and label by label, summarised as the stored `VersionWindowStats`.
 */
import type { Task } from '../data/datasets/catalog';
import type { VersionWindowStats } from '../tracking/serving-types';
import { percentiles } from './latency';

/** One answered (or refused) request, as the accumulator counts it. Row counts, not shares. */
export interface RequestOutcome {
  /** Rows in the request (0 for an empty batch). */
  rows: number;
  /** Rows that failed in the model (a request that crashes fails all its rows). */
  errors: number;
  /** Rows refused by validation. */
  rejected: number;
  /** Rows imputed or passed with an issue. */
  flagged: number;
  /** 1 when the request was refused whole (a 400), else 0 or absent. */
  refused?: number;
  /** The request's latency, ms. */
  latencyMs: number;
}

/** A running total of one version's traffic; `toStats` may be called any number of times. */
export interface StatsAccumulator {
  add(request: RequestOutcome): void;
  /**
   * One labelled row's loss: the squared error (regression) or 1 for a hit and 0 for a miss
   * (classification). NaN or a negative loss is a caller bug and throws.
   */
  addLabel(loss: number): void;
  toStats(): VersionWindowStats;
}

/** Stats of a version that saw nothing: every count 0, percentiles 0, no metric. */
export function emptyStats(): VersionWindowStats {
  return { requests: 0, rows: 0, errors: 0, refused: 0, rejected: 0, flagged: 0, p50Ms: 0, p95Ms: 0, p99Ms: 0, labelled: 0, metric: null, metricSum: 0, metricSumSq: 0 };
}

/**
 * The live metric from its sums: RMSE = √(metricSum / labelled) for regression (metricSum is a
 * sum of squared errors), accuracy = metricSum / labelled for classification (a sum of hits).
 * Null when nothing is labelled yet.
 */
export function liveMetric(task: Task, metricSum: number, labelled: number): number | null {
  if (labelled <= 0) return null;
  const mean = metricSum / labelled;
  return task === 'regression' ? Math.sqrt(mean) : mean;
}

/**
 * A streaming accumulator for one version within one window. Counts are summed; latencies are
 * kept (8 bytes a request) because exact percentiles need them all: a window of 100,000 requests
 * holds 0.8 MB until it is flushed. p50/p95/p99 follow `percentile` (numpy's linear rule); with
 * no requests they are 0 rather than NaN, because NaN does not survive JSON bundles. Reset by
 * making a new accumulator (one per window, one per canary step).
 *
 * @param task which live metric `toStats` reports (RMSE or accuracy).
 */
export function createStatsAccumulator(task: Task): StatsAccumulator {
  const totals = emptyStats();
  let latencies = new Float64Array(256);
  const check = (value: number, name: string) => {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${String(value)}.`);
  };
  return {
    add(request) {
      check(request.rows, 'rows');
      check(request.errors, 'errors');
      check(request.rejected, 'rejected');
      check(request.flagged, 'flagged');
      check(request.latencyMs, 'latencyMs');
      if (totals.requests === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[totals.requests] = request.latencyMs;
      totals.requests += 1;
      totals.rows += request.rows;
      totals.errors += request.errors;
      totals.refused += request.refused ?? 0;
      totals.rejected += request.rejected;
      totals.flagged += request.flagged;
    },
    addLabel(loss) {
      check(loss, 'A label loss');
      totals.labelled += 1;
      totals.metricSum += loss;
      totals.metricSumSq += loss * loss;
    },
    toStats() {
      const [p50, p95, p99] = totals.requests > 0 ? percentiles(latencies.subarray(0, totals.requests), [50, 95, 99]) : [0, 0, 0];
      return { ...totals, p50Ms: p50 ?? 0, p95Ms: p95 ?? 0, p99Ms: p99 ?? 0, metric: liveMetric(task, totals.metricSum, totals.labelled) };
    },
  };
}

/**
 * Shares of a version's traffic, as the canary guards read them: errors and rejects over rows
 * (both count rows; a request is n rows). With no rows both are 0.
 */
export function trafficRates(stats: Pick<VersionWindowStats, 'rows' | 'errors' | 'rejected'>): { errorRate: number; rejectRate: number } {
  if (stats.rows <= 0) return { errorRate: 0, rejectRate: 0 };
  return { errorRate: stats.errors / stats.rows, rejectRate: stats.rejected / stats.rows };
}
