/**
 * The canary's automatic decision after each flush of traffic: hold the step, advance to the next,
 * promote at the last, or roll back on a breached guard, and the split that follows. Like
 * SageMaker's deployment guardrails and Argo Rollouts: each step is a share of traffic held for a
 * baking period while alarms watch; an alarm rolls everything back by itself.
 */
import type { Task } from '../data/datasets/catalog';
import type { CanaryGuards, TrafficRoute } from '../tracking/serving-types';
import { findBreach, type GuardTotals, metricGuardReady } from './canary-guards';
import { type CanaryRollout, canaryRoutes, currentCanaryShare, MIN_REQUESTS_TO_JUDGE } from './canary-plan';
import { ServingError } from './errors';
import { formatCount, formatShare } from './format';
import { primaryVersion, replaceRoutes, rollbackRoutes } from './rollout-plans';
import { validateRoutes } from './routing';

const HOUR_MS = 3_600_000;

/** What the canary does next, and why, in a sentence for the deployment timeline. */
export interface CanaryDecision {
  action: 'hold' | 'advance' | 'promote' | 'rollback';
  reason: string;
  /** The guard that tripped (rollback only). */
  breached: keyof CanaryGuards | null;
  /** The candidate's share after the decision: the next step, 100 on promote, 0 on rollback, null on hold (unchanged). */
  nextShare: number | null;
  /** Simulated epoch ms of the decision: the next step begins here. */
  at: number;
  /** Candidate requests counted in the step judged (they move `stepStartRequests` on advance). */
  stepRequests: number;
}

/** Tuning of `canaryDecision`. */
export interface CanaryDecisionOptions {
  /** Candidate requests in a step before guards judge and the step may pass (default `MIN_REQUESTS_TO_JUDGE`, 50). */
  minRequests?: number;
}

function holdProgress(rollout: CanaryRollout, requests: number, nowSim: number): { done: boolean; text: string } {
  const { hold } = rollout;
  if ('requests' in hold) return { done: requests >= hold.requests, text: `${formatCount(Math.min(requests, hold.requests))} of ${formatCount(hold.requests)} requests` };
  const hours = Math.max(0, nowSim - rollout.stepStartedAt) / HOUR_MS;
  return { done: hours >= hold.hours, text: `${Number(Math.min(hours, hold.hours).toFixed(1))} of ${hold.hours} simulated hours (${formatCount(requests)} requests)` };
}

function heldFor(rollout: CanaryRollout, requests: number): string {
  return 'requests' in rollout.hold ? `${formatCount(requests)} requests` : `${rollout.hold.hours} simulated hours (${formatCount(requests)} requests)`;
}

/**
 * Decides a canary's next move from the traffic of its current step.
 *
 * 1. Rollback if a guard is breached (`findBreach`: error rate, p95 latency, reject rate once the
 *    candidate has `minRequests` requests; the live metric once both sides have `minLabelled`
 *    labelled rows). The reason names the guard with the figures.
 * 2. Else, when the hold is satisfied (candidate requests ≥ `hold.requests`, or simulated hours
 *    since `stepStartedAt` ≥ `hold.hours`) and the candidate has at least `minRequests` requests
 *    (a step never passes unjudged, even a quiet one held by hours): advance to the next step, or
 *    promote after the last (100 %) step.
 * 3. Else hold.
 *
 * @param candidate the candidate's totals since the current step began (a fresh
 *   `createStatsAccumulator` per step), not since the canary started.
 * @param primary the primary's totals over the same time, for the metric guard. At a 100 % step
 *   the primary answers nothing; pass its figures from before the step (e.g. its last window).
 * @param nowSim simulated epoch ms now.
 * @param task which way the metric points (RMSE lower is better, accuracy higher).
 */
export function canaryDecision(rollout: CanaryRollout, candidate: GuardTotals, primary: GuardTotals, nowSim: number, task: Task, options: CanaryDecisionOptions = {}): CanaryDecision {
  const minRequests = options.minRequests ?? MIN_REQUESTS_TO_JUDGE;
  const share = currentCanaryShare(rollout);
  const v = `v${rollout.candidate}`;
  const base = { at: nowSim, stepRequests: candidate.requests };

  const breach = findBreach(rollout.guards, candidate, primary, task, rollout.candidate, minRequests);
  if (breach) return { ...base, action: 'rollback', reason: breach.reason, breached: breach.guard, nextShare: 0 };

  const progress = holdProgress(rollout, candidate.requests, nowSim);
  if (candidate.requests === 0) return { ...base, action: 'hold', reason: `Holding ${v} at ${formatShare(share)}: no requests yet in this step.`, breached: null, nextShare: null };
  if (!progress.done) {
    const guards = candidate.requests < minRequests ? `the guards judge from ${formatCount(minRequests)} requests` : 'every guard within its limit';
    return { ...base, action: 'hold', reason: `Holding ${v} at ${formatShare(share)}: ${progress.text} so far, ${guards}.`, breached: null, nextShare: null };
  }
  if (candidate.requests < minRequests) {
    return { ...base, action: 'hold', reason: `Holding ${v} at ${formatShare(share)}: the hold is over but only ${formatCount(candidate.requests)} requests came, fewer than the ${formatCount(minRequests)} the guards need to judge.`, breached: null, nextShare: null };
  }

  const metricNote = metricGuardReady(rollout.guards, candidate, primary)
    ? ''
    : ` The metric guard has not judged yet: it waits for ${formatCount(rollout.guards.minLabelled)} labelled rows on each side (${v} has ${formatCount(candidate.labelled)}, the primary ${formatCount(primary.labelled)}).`;
  const held = `${v} held ${formatShare(share)} for ${heldFor(rollout, candidate.requests)} with every guard within its limit`;
  const next = rollout.steps[rollout.stepIndex + 1];
  if (next === undefined) return { ...base, action: 'promote', reason: `${held}: promoted to serve all traffic.${metricNote}`, breached: null, nextShare: 100 };
  return { ...base, action: 'advance', reason: `${held}: advancing to ${formatShare(next)}.${metricNote}`, breached: null, nextShare: next };
}

/**
 * The endpoint's split and rollout after a decision: hold → the same split (copied) and rollout;
 * advance → the next step's split, `stepIndex + 1`, the step restarted at `decision.at` and
 * `stepStartRequests` moved on by the step's requests; promote → the candidate alone, rollout
 * null; rollback → the primary alone, rollout null. Throws a ServingError when the decision does
 * not fit the rollout (advancing past the last step).
 */
export function applyCanaryDecision(routes: readonly TrafficRoute[], rollout: CanaryRollout, decision: CanaryDecision): { routes: TrafficRoute[]; rollout: CanaryRollout | null } {
  switch (decision.action) {
    case 'hold':
      return { routes: [...routes], rollout };
    case 'promote':
      return { routes: replaceRoutes(rollout.candidate), rollout: null };
    case 'rollback':
      return { routes: rollbackRoutes({ routes: [...routes] }), rollout: null };
    case 'advance': {
      const stepIndex = rollout.stepIndex + 1;
      const share = rollout.steps[stepIndex];
      if (share === undefined) throw new ServingError(`The canary of v${rollout.candidate} is at its last step: it can be promoted, not advanced.`);
      const next = canaryRoutes(primaryVersion(routes), rollout.candidate, share);
      validateRoutes(next);
      return { routes: next, rollout: { ...rollout, stepIndex, stepStartedAt: decision.at, stepStartRequests: rollout.stepStartRequests + decision.stepRequests } };
    }
  }
}

