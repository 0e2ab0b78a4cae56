/**
 * What a canary is made of: its steps, how long each is held, its guards; the default plan; and
 * the split of one step. Names follow the tools learners meet next: a step's share is KServe's
 * `canaryTrafficPercent` (Argo Rollouts' `setWeight`), the hold is SageMaker's baking period
 * (Argo's `pause`), a breached guard is a tripped alarm that rolls all traffic back.
 */
import type { CanaryGuards, Rollout, TrafficRoute } from '../tracking/serving-types';
import { ServingError } from './errors';

/** The canary variant of a rollout. */
export type CanaryRollout = Extract<Rollout, { strategy: 'canary' }>;

/** What the learner chooses for a canary; the rest of a `CanaryRollout` is its progress. */
export type CanaryPlan = Pick<CanaryRollout, 'steps' | 'hold' | 'guards'>;

/**
 * Requests the candidate must have answered in a step before the rate and latency guards judge
 * it, and before the step may pass: 2 errors in the first 10 requests is 20 %, which says little.
 * At 50 requests one error is 2 %, the default error guard, so a single failure cannot trip it.
 */
export const MIN_REQUESTS_TO_JUDGE = 50;

/**
 * The plan a canary starts with unless the learner changes it: 5 → 25 → 50 → 100 %, each step
 * held for 200 candidate requests; rolls back on more than 2 % of rows failing, a p95 latency
 * above 50 ms, more than 5 % of rows rejected by validation, or (once both sides have 200
 * labelled rows) a live metric more than 10 % worse than the primary's.
 */
export function defaultCanaryPlan(): CanaryPlan {
  return {
    steps: [5, 25, 50, 100],
    hold: { requests: 200 },
    guards: { maxErrorRate: 0.02, maxP95Ms: 50, maxRejectRate: 0.05, maxMetricDrop: 0.1, minLabelled: 200 },
  };
}

function checkGuards(guards: CanaryGuards): void {
  const rate = (value: number, name: string) => {
    if (!(value >= 0 && value <= 1)) throw new ServingError(`The ${name} guard must be a share between 0 and 1 (0.02 = 2 %), got ${String(value)}.`);
  };
  rate(guards.maxErrorRate, 'error-rate');
  rate(guards.maxRejectRate, 'reject-rate');
  rate(guards.maxMetricDrop, 'metric-drop');
  if (!(guards.maxP95Ms > 0) || !Number.isFinite(guards.maxP95Ms)) throw new ServingError(`The p95 latency guard must be a number of milliseconds above 0, got ${String(guards.maxP95Ms)}.`);
  if (!Number.isInteger(guards.minLabelled) || guards.minLabelled < 1) throw new ServingError(`The metric guard needs a whole number of labelled rows (1 or more), got ${String(guards.minLabelled)}.`);
}

/**
 * Refuses a plan that cannot run, with a sentence: steps must be percents in (0, 100], strictly
 * ascending, ending at 100 (a canary ends with all traffic on the candidate, then promotes); the
 * hold a whole number of requests ≥ 1 or a number of hours > 0; guards within their ranges.
 * A plan of one step, [100], is allowed: all traffic at once, still guarded and still
 * rolled back on a breach.
 */
export function validateCanaryPlan(plan: CanaryPlan): void {
  const { steps, hold } = plan;
  if (steps.length === 0) throw new ServingError('A canary needs at least one step (ending at 100 %).');
  steps.forEach((step, i) => {
    if (!Number.isFinite(step) || step <= 0 || step > 100) throw new ServingError(`Canary step ${i + 1} is ${String(step)}: each step is a percent above 0 and at most 100.`);
    const previous = steps[i - 1];
    if (previous !== undefined && step <= previous) throw new ServingError(`Canary steps must rise: step ${i + 1} (${step} %) is not above step ${i} (${previous} %).`);
  });
  if (steps[steps.length - 1] !== 100) throw new ServingError(`The last canary step must be 100 %, not ${String(steps[steps.length - 1])} %: the candidate takes all traffic before it is promoted.`);
  if ('requests' in hold) {
    if (!Number.isInteger(hold.requests) || hold.requests < 1) throw new ServingError(`Hold each step for a whole number of requests (1 or more), not ${String(hold.requests)}.`);
  } else if (!(hold.hours > 0) || !Number.isFinite(hold.hours)) throw new ServingError(`Hold each step for a number of simulated hours above 0, not ${String(hold.hours)}.`);
  checkGuards(plan.guards);
}

/** The candidate's share at the rollout's current step, in percent. Throws on a step index out of range. */
export function currentCanaryShare(rollout: CanaryRollout): number {
  const share = rollout.steps[rollout.stepIndex];
  if (share === undefined) throw new ServingError(`The canary of v${rollout.candidate} is at step ${rollout.stepIndex + 1} of ${rollout.steps.length}, which does not exist.`);
  return share;
}

/**
 * The split of one canary step: the primary first (it keeps the low buckets), the candidate
 * second with `share` percent. Keeping this order at every step makes the candidate's bucket
 * range grow downwards from 100, so a request id that reached the canary stays on it.
 */
export function canaryRoutes(primary: number, candidate: number, share: number): TrafficRoute[] {
  return [
    { version: primary, share: 100 - share, role: 'primary' },
    { version: candidate, share, role: 'canary' },
  ];
}
