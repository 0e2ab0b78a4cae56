/**
 * A canary's guards, judged on the candidate's traffic since its step began (SageMaker's
 * auto-rollback alarms, Argo Rollouts' failed analysis): any one breached rolls the canary back.
 */
import type { Task } from '../data/datasets/catalog';
import type { CanaryGuards, VersionWindowStats } from '../tracking/serving-types';
import { formatCount, formatMetric, formatRate } from './format';
import { trafficRates } from './window-stats';

/** What the guards read of one version's traffic: `VersionWindowStats` or any totals with these fields. */
export type GuardTotals = Pick<VersionWindowStats, 'requests' | 'rows' | 'errors' | 'rejected' | 'p95Ms' | 'labelled' | 'metric'>;

/** A breached guard and the sentence that names it with the figures. */
export interface GuardBreach {
  guard: keyof CanaryGuards;
  reason: string;
}

/**
 * How much worse the candidate's live metric is than the primary's, relative to the primary:
 * RMSE (lower is better) `(candidate − primary) / primary`; accuracy (higher is better)
 * `(primary − candidate) / primary`. Positive is worse, negative better. A primary of 0 (a
 * perfect RMSE, or an accuracy of 0) has no relative scale: any worse candidate is `Infinity`,
 * an equal or better one 0.
 */
export function metricWorsening(task: Task, candidate: number, primary: number): number {
  const worse = task === 'regression' ? candidate - primary : primary - candidate;
  if (primary === 0) return worse > 0 ? Number.POSITIVE_INFINITY : 0;
  return worse / Math.abs(primary);
}

/** Can the metric guard judge yet? Both sides need `minLabelled` labelled rows and a metric. */
export function metricGuardReady(guards: CanaryGuards, candidate: GuardTotals, primary: GuardTotals): boolean {
  return candidate.metric !== null && primary.metric !== null && candidate.labelled >= guards.minLabelled && primary.labelled >= guards.minLabelled;
}

function metricValue(task: Task, value: number): string {
  return task === 'regression' ? formatMetric(value) : formatRate(value);
}

/**
 * The first breached guard, in this order: error rate, p95 latency, reject rate, live metric; or
 * null. The rate and latency guards judge only once the candidate has answered `minRequests`
 * requests in the step (see `MIN_REQUESTS_TO_JUDGE`); the metric guard only once
 * `metricGuardReady`. A guard breaches when the figure is strictly above its limit (an error rate
 * of exactly 2 % passes a 2 % guard). Error and reject rates are shares of rows.
 *
 * @param candidateVersion for the sentence (`v4's error rate was …`).
 */
export function findBreach(guards: CanaryGuards, candidate: GuardTotals, primary: GuardTotals, task: Task, candidateVersion: number, minRequests: number): GuardBreach | null {
  const v = `v${candidateVersion}`;
  if (candidate.requests >= minRequests) {
    const { errorRate, rejectRate } = trafficRates(candidate);
    if (errorRate > guards.maxErrorRate) {
      return { guard: 'maxErrorRate', reason: `${v}'s error rate was ${formatRate(errorRate)} (${formatCount(candidate.errors)} of ${formatCount(candidate.rows)} rows failed), above the ${formatRate(guards.maxErrorRate)} guard: rolled back.` };
    }
    if (candidate.p95Ms > guards.maxP95Ms) {
      return { guard: 'maxP95Ms', reason: `${v}'s p95 latency was ${formatMetric(candidate.p95Ms)} ms over ${formatCount(candidate.requests)} requests, above the ${formatMetric(guards.maxP95Ms)} ms guard: rolled back.` };
    }
    if (rejectRate > guards.maxRejectRate) {
      return { guard: 'maxRejectRate', reason: `${v} rejected ${formatRate(rejectRate)} of rows (${formatCount(candidate.rejected)} of ${formatCount(candidate.rows)}) in validation, above the ${formatRate(guards.maxRejectRate)} guard: rolled back.` };
    }
  }
  if (metricGuardReady(guards, candidate, primary) && candidate.metric !== null && primary.metric !== null) {
    const worsening = metricWorsening(task, candidate.metric, primary.metric);
    if (worsening > guards.maxMetricDrop) {
      const by = Number.isFinite(worsening) ? `${formatRate(worsening)} worse` : 'worse than perfect';
      return {
        guard: 'maxMetricDrop',
        reason: `${v}'s live ${task === 'regression' ? 'RMSE' : 'accuracy'} was ${metricValue(task, candidate.metric)} against the primary's ${metricValue(task, primary.metric)}, ${by} (on ${formatCount(candidate.labelled)} and ${formatCount(primary.labelled)} labelled rows), beyond the ${formatRate(guards.maxMetricDrop)} guard: rolled back.`,
      };
    }
  }
  return null;
}
