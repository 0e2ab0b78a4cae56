import { describe, expect, it } from 'vitest';
import type { Endpoint, TrafficRoute } from '../tracking/serving-types';
import { applyCanaryDecision, canaryDecision } from './canary';
import { type GuardTotals, metricWorsening } from './canary-guards';
import { type CanaryPlan, type CanaryRollout, defaultCanaryPlan, MIN_REQUESTS_TO_JUDGE, validateCanaryPlan } from './canary-plan';
import { ServingError } from './errors';
import { startCanary } from './rollout-plans';

const T0 = Date.UTC(2015, 0, 1);
const HOUR = 3_600_000;
const serving: Pick<Endpoint, 'routes' | 'rollout'> = { routes: [{ version: 3, share: 100, role: 'primary' }], rollout: null };

/** Healthy totals: `requests` single-row requests, 10 ms p95, no labels unless given. */
const totals = (requests: number, extra: Partial<GuardTotals> = {}): GuardTotals => ({ requests, rows: requests, errors: 0, rejected: 0, p95Ms: 10, labelled: 0, metric: null, ...extra });
const quietPrimary = totals(2000);

function started(plan: CanaryPlan = defaultCanaryPlan()): { routes: TrafficRoute[]; rollout: CanaryRollout } {
  const { routes, rollout } = startCanary(serving, 4, T0, plan);
  if (rollout?.strategy !== 'canary') throw new Error('expected a canary');
  return { routes, rollout };
}

describe('defaultCanaryPlan', () => {
  it('steps 5 → 25 → 50 → 100, holds 200 requests, with the stated guards', () => {
    expect(defaultCanaryPlan()).toEqual({
      steps: [5, 25, 50, 100],
      hold: { requests: 200 },
      guards: { maxErrorRate: 0.02, maxP95Ms: 50, maxRejectRate: 0.05, maxMetricDrop: 0.1, minLabelled: 200 },
    });
    expect(() => validateCanaryPlan(defaultCanaryPlan())).not.toThrow();
  });

  it('refuses plans that cannot run, with a sentence', () => {
    const plan = defaultCanaryPlan();
    const refuse = (changed: Partial<CanaryPlan>, message: RegExp) => expect(() => validateCanaryPlan({ ...plan, ...changed })).toThrow(message);
    refuse({ steps: [] }, /at least one step/);
    refuse({ steps: [5, 50, 25, 100] }, /must rise: step 3 \(25 %\)/);
    refuse({ steps: [5, 25, 50] }, /last canary step must be 100 %, not 50 %/);
    refuse({ steps: [0, 100] }, /step 1 is 0/);
    refuse({ hold: { requests: 0 } }, /whole number of requests/);
    refuse({ hold: { hours: -1 } }, /simulated hours above 0/);
    refuse({ guards: { ...plan.guards, maxErrorRate: 2 } }, /error-rate guard must be a share between 0 and 1/);
    refuse({ guards: { ...plan.guards, maxP95Ms: 0 } }, /p95 latency guard/);
    refuse({ guards: { ...plan.guards, minLabelled: 0.5 } }, /labelled rows/);
  });
});

describe('canaryDecision', () => {
  it('holds with no traffic yet, and while the hold runs', () => {
    const { rollout } = started();
    expect(canaryDecision(rollout, totals(0), quietPrimary, T0, 'regression')).toMatchObject({ action: 'hold', breached: null, nextShare: null, reason: 'Holding v4 at 5 %: no requests yet in this step.' });
    expect(canaryDecision(rollout, totals(20), quietPrimary, T0, 'regression').reason).toBe('Holding v4 at 5 %: 20 of 200 requests so far, the guards judge from 50 requests.');
    expect(canaryDecision(rollout, totals(120), quietPrimary, T0, 'regression').reason).toBe('Holding v4 at 5 %: 120 of 200 requests so far, every guard within its limit.');
  });

  it('walks every step to a promotion when the candidate stays healthy', () => {
    let { routes, rollout }: { routes: TrafficRoute[]; rollout: CanaryRollout | null } = started();
    expect(routes).toEqual([
      { version: 3, share: 95, role: 'primary' },
      { version: 4, share: 5, role: 'canary' },
    ]);
    const seen: number[] = [];
    let now = T0;
    while (rollout) {
      now += HOUR;
      const decision = canaryDecision(rollout, totals(200), quietPrimary, now, 'classification');
      expect(decision.action).not.toBe('hold');
      ({ routes, rollout } = applyCanaryDecision(routes, rollout, decision));
      if (rollout) {
        seen.push(routes[1]?.share ?? -1);
        expect(rollout.stepStartedAt).toBe(now);
        expect(rollout.stepStartRequests).toBe(200 * seen.length);
        expect(decision.reason).toMatch(/^v4 held \d+ % for 200 requests with every guard within its limit: advancing to \d+ %\. The metric guard has not judged yet/);
      } else expect(decision).toMatchObject({ action: 'promote', nextShare: 100 });
    }
    expect(seen).toEqual([25, 50, 100]);
    expect(routes).toEqual([{ version: 4, share: 100, role: 'primary' }]);
  });

  it('keeps the primary as the rollback target at the 100 % step', () => {
    const { routes, rollout } = started({ ...defaultCanaryPlan(), steps: [100] });
    expect(routes).toEqual([
      { version: 3, share: 0, role: 'primary' },
      { version: 4, share: 100, role: 'canary' },
    ]);
    const bad = canaryDecision(rollout, totals(80, { errors: 80 }), totals(0), T0, 'regression');
    expect(bad).toMatchObject({ action: 'rollback', breached: 'maxErrorRate', nextShare: 0 });
    expect(applyCanaryDecision(routes, rollout, bad)).toEqual({ routes: [{ version: 3, share: 100, role: 'primary' }], rollout: null });
    const good = canaryDecision(rollout, totals(200), totals(0), T0, 'regression');
    expect(good).toMatchObject({ action: 'promote', reason: expect.stringContaining('v4 held 100 % for 200 requests') });
  });

  it('rolls back on the error-rate guard, naming the figures, and only above the limit', () => {
    const { routes, rollout } = started();
    const decision = canaryDecision(rollout, totals(200, { errors: 5 }), quietPrimary, T0, 'regression');
    expect(decision).toMatchObject({ action: 'rollback', breached: 'maxErrorRate', nextShare: 0 });
    expect(decision.reason).toBe("v4's error rate was 2.5 % (5 of 200 rows failed), above the 2.0 % guard: rolled back.");
    expect(applyCanaryDecision(routes, rollout, decision)).toEqual({ routes: [{ version: 3, share: 100, role: 'primary' }], rollout: null });
    expect(canaryDecision(rollout, totals(200, { errors: 4 }), quietPrimary, T0, 'regression').action).toBe('advance');
  });

  it('judges rates only from the minimum number of requests, then rolls back when everything fails', () => {
    const { rollout } = started();
    const few = MIN_REQUESTS_TO_JUDGE - 1;
    expect(canaryDecision(rollout, totals(few, { errors: few }), quietPrimary, T0, 'regression').action).toBe('hold');
    const all = canaryDecision(rollout, totals(MIN_REQUESTS_TO_JUDGE, { rows: 150, errors: 150 }), quietPrimary, T0, 'regression');
    expect(all).toMatchObject({ action: 'rollback', breached: 'maxErrorRate' });
    expect(all.reason).toContain('100.0 % (150 of 150 rows failed)');
    expect(canaryDecision(rollout, totals(20, { errors: 20 }), quietPrimary, T0, 'regression', { minRequests: 10 }).action).toBe('rollback');
  });

  it('rolls back on p95 latency and on validation rejects', () => {
    const { rollout } = started();
    const slow = canaryDecision(rollout, totals(100, { p95Ms: 72.4 }), quietPrimary, T0, 'regression');
    expect(slow).toMatchObject({ breached: 'maxP95Ms', reason: "v4's p95 latency was 72.4 ms over 100 requests, above the 50 ms guard: rolled back." });
    const picky = canaryDecision(rollout, totals(100, { rows: 400, rejected: 24 }), quietPrimary, T0, 'regression');
    expect(picky).toMatchObject({ breached: 'maxRejectRate', reason: 'v4 rejected 6.0 % of rows (24 of 400) in validation, above the 5.0 % guard: rolled back.' });
  });

  it('judges the live metric against the primary once both sides have enough labels', () => {
    const { rollout } = started();
    const worse = totals(200, { labelled: 250, metric: 12 });
    const primary = totals(2000, { labelled: 900, metric: 10 });
    const decision = canaryDecision(rollout, worse, primary, T0, 'regression');
    expect(decision).toMatchObject({ action: 'rollback', breached: 'maxMetricDrop' });
    expect(decision.reason).toBe("v4's live RMSE was 12 against the primary's 10, 20.0 % worse (on 250 and 900 labelled rows), beyond the 10.0 % guard: rolled back.");
    // Too few labels on the candidate's side: the metric guard waits, and the sentence says so.
    const waiting = canaryDecision(rollout, { ...worse, labelled: 150 }, primary, T0, 'regression');
    expect(waiting.action).toBe('advance');
    expect(waiting.reason).toContain('waits for 200 labelled rows on each side (v4 has 150, the primary 900)');
    // Better than the primary is never a breach, and within 10 % passes.
    expect(canaryDecision(rollout, { ...worse, metric: 10.9 }, primary, T0, 'regression').action).toBe('advance');
  });

  it('reads accuracy the other way round', () => {
    const { rollout } = started();
    const primary = totals(2000, { labelled: 900, metric: 0.9 });
    const drop = canaryDecision(rollout, totals(200, { labelled: 300, metric: 0.8 }), primary, T0, 'classification');
    expect(drop).toMatchObject({ action: 'rollback', breached: 'maxMetricDrop' });
    expect(drop.reason).toContain("live accuracy was 80.0 % against the primary's 90.0 %, 11.1 % worse");
    expect(canaryDecision(rollout, totals(200, { labelled: 300, metric: 0.85 }), primary, T0, 'classification').action).toBe('advance');
  });

  it('holds by simulated hours, and never passes a step on too few requests', () => {
    const { rollout } = started({ ...defaultCanaryPlan(), hold: { hours: 6 } });
    expect(canaryDecision(rollout, totals(300), quietPrimary, T0 + 5 * HOUR, 'regression').reason).toBe('Holding v4 at 5 %: 5 of 6 simulated hours (300 requests) so far, every guard within its limit.');
    const quiet = canaryDecision(rollout, totals(10), quietPrimary, T0 + 7 * HOUR, 'regression');
    expect(quiet).toMatchObject({ action: 'hold', reason: 'Holding v4 at 5 %: the hold is over but only 10 requests came, fewer than the 50 the guards need to judge.' });
    const done = canaryDecision(rollout, totals(300), quietPrimary, T0 + 6 * HOUR, 'regression');
    expect(done).toMatchObject({ action: 'advance', nextShare: 25 });
    expect(done.reason).toContain('v4 held 5 % for 6 simulated hours (300 requests)');
  });
});

describe('applyCanaryDecision', () => {
  it('leaves the split alone on hold and refuses to advance past the last step', () => {
    const { routes, rollout } = started();
    const hold = canaryDecision(rollout, totals(10), quietPrimary, T0, 'regression');
    expect(applyCanaryDecision(routes, rollout, hold)).toEqual({ routes, rollout });
    const last: CanaryRollout = { ...rollout, stepIndex: 3 };
    const forced = { ...hold, action: 'advance' as const, nextShare: 100 };
    expect(() => applyCanaryDecision(routes, last, forced)).toThrow(ServingError);
    expect(() => applyCanaryDecision(routes, last, forced)).toThrow(/promoted, not advanced/);
  });
});

describe('metricWorsening', () => {
  it('is relative to the primary, positive when worse, and handles a perfect primary', () => {
    expect(metricWorsening('regression', 11, 10)).toBeCloseTo(0.1, 12);
    expect(metricWorsening('regression', 9, 10)).toBeCloseTo(-0.1, 12);
    expect(metricWorsening('classification', 0.81, 0.9)).toBeCloseTo(0.1, 12);
    expect(metricWorsening('regression', 0.5, 0)).toBe(Number.POSITIVE_INFINITY);
    expect(metricWorsening('regression', 0, 0)).toBe(0);
    expect(metricWorsening('classification', 0.2, 0)).toBe(0);
  });
});
