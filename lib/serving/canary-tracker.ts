import type { Task } from '../data/datasets/catalog';
import type { Endpoint } from '../tracking/serving-types';
import { applyCanaryDecision, canaryDecision, type CanaryDecision } from './canary';
import type { CanaryRollout } from './canary-plan';
import type { AnsweredRequest } from './engine';
import type { DeliveredLabel } from './replay-labels';
import { createStatsAccumulator, type StatsAccumulator } from './window-stats';

/** A canary change the tracker decided, ready for `changeRoutes`. */
export interface CanaryChange {
  decision: CanaryDecision;
  routes: Endpoint['routes'];
  rollout: CanaryRollout | null;
}

/**
 * Watches a canary step by step while traffic runs: the candidate's and the primary's traffic in
 * the current step (requests answered in it, and the labels of those requests as they arrive),
 * judged by `canaryDecision` after each batch. A new step (or a rollout started or ended by hand)
 * starts fresh totals.
 */
export class CanaryTracker {
  private stepKey = '';
  private canaryKey = '';
  /** Simulated time this replay first saw the current step. */
  private seenAt = 0;
  private candidate: StatsAccumulator;
  private primary: StatsAccumulator;
  /** Request ids the candidate answered in the current step: only their labels count for it. */
  private inStep = new Set<string>();
  /** Request ids the primary answered during the canary. */
  private primaryIds = new Set<string>();

  constructor(private readonly task: Task) {
    this.candidate = createStatsAccumulator(task);
    this.primary = createStatsAccumulator(task);
  }

  private sync(rollout: CanaryRollout, nowSim: number): void {
    const key = `${rollout.candidate}:${rollout.stepIndex}:${rollout.stepStartedAt}`;
    if (key === this.stepKey) return;
    this.stepKey = key;
    this.seenAt = nowSim;
    this.candidate = createStatsAccumulator(this.task);
    this.inStep = new Set();
    // The primary does not change between steps: its totals run over the whole canary, so the
    // metric guard can still compare at the 100 % step, where the primary answers nothing.
    const canaryKey = `${rollout.candidate}:${rollout.steps.join(',')}`;
    if (canaryKey !== this.canaryKey) {
      this.canaryKey = canaryKey;
      this.primary = createStatsAccumulator(this.task);
      this.primaryIds = new Set();
    }
  }

  /** Counts answered requests toward the current step (no-op without a canary). */
  observe(endpoint: Endpoint, answered: readonly AnsweredRequest[], nowSim: number): void {
    const rollout = endpoint.rollout;
    if (rollout?.strategy !== 'canary') return;
    this.sync(rollout, nowSim);
    for (const a of answered) {
      if (a.answer.version === rollout.candidate) {
        this.candidate.add(a.answer.outcome);
        this.inStep.add(a.requestId);
      } else {
        this.primary.add(a.answer.outcome);
        this.primaryIds.add(a.requestId);
      }
    }
  }

  /** Counts arrived labels of requests answered in the current step. */
  observeLabels(endpoint: Endpoint, delivered: readonly DeliveredLabel[], nowSim: number): void {
    const rollout = endpoint.rollout;
    if (rollout?.strategy !== 'canary') return;
    this.sync(rollout, nowSim);
    for (const d of delivered) {
      const id = d.arrival.requestId;
      for (const l of d.losses) {
        if (l.role !== 'answer') continue;
        if (l.version === rollout.candidate && this.inStep.has(id)) this.candidate.addLabel(l.loss);
        else if (l.version !== rollout.candidate && this.primaryIds.has(id)) this.primary.addLabel(l.loss);
      }
    }
  }

  /** The canary's next move, or null while it holds (or when no canary runs). */
  decide(endpoint: Endpoint, nowSim: number): CanaryChange | null {
    const rollout = endpoint.rollout;
    if (rollout?.strategy !== 'canary') return null;
    this.sync(rollout, nowSim);
    // A step started by hand, or in another replay, carries a simulated time from another
    // timeline (each replay starts its own days): its hours count from when this replay saw it.
    const started = rollout.stepStartedAt <= nowSim ? Math.max(rollout.stepStartedAt, this.seenAt) : this.seenAt;
    const decision = canaryDecision({ ...rollout, stepStartedAt: started }, this.candidate.toStats(), this.primary.toStats(), nowSim, this.task);
    if (decision.action === 'hold') return null;
    const applied = applyCanaryDecision(endpoint.routes, rollout, decision);
    return { decision, routes: applied.routes, rollout: applied.rollout };
  }
}
