import { describe, expect, it } from 'vitest';
import { createScheduler, median, medianStopping, rungEpochs, successiveHalving, type TrialScheduler } from './scheduler';

/** Feeds each trial's curve in turn (trials run one after another); returns the epoch each trial was stopped at, or null. */
function runSequential(scheduler: TrialScheduler, curves: Record<string, number[]>): Record<string, number | null> {
  const stoppedAt: Record<string, number | null> = {};
  for (const [id, curve] of Object.entries(curves)) {
    stoppedAt[id] = null;
    for (const [i, v] of curve.entries()) {
      if (scheduler.decide(id, i + 1, v) === 'stop') {
        stoppedAt[id] = i + 1;
        break;
      }
    }
  }
  return stoppedAt;
}

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('median stopping rule', () => {
  const good = [1.0, 0.8, 0.6, 0.5, 0.4];
  it('stops a trial whose best so far is worse than the median running average of the others, after the grace period', () => {
    const s = medianStopping({ direction: 'minimize', graceEpochs: 1, minTrials: 3 });
    const stopped = runSequential(s, { a: good, b: good.map((v) => v + 0.01), c: good.map((v) => v - 0.01), bad: [2, 1.9, 1.8, 1.7, 1.6] });
    expect(stopped).toEqual({ a: null, b: null, c: null, bad: 2 });
  });

  it('compares with running averages, not the others’ latest values', () => {
    const s = medianStopping({ direction: 'minimize', graceEpochs: 1, minTrials: 3 });
    // Others fall from 3 to 1: their running average at epoch 2 is 2. A trial at 1.5 beats it though it is worse than their epoch-2 value.
    const others = { a: [3, 1], b: [3, 1], c: [3, 1] };
    expect(runSequential(s, { ...others, probe: [1.5, 1.5] })).toMatchObject({ probe: null });
  });

  it('never judges during the grace period or before enough other trials reached the epoch', () => {
    const s = medianStopping({ direction: 'minimize', graceEpochs: 3, minTrials: 2 });
    expect(runSequential(s, { a: [1, 1, 1, 1], b: [1, 1, 1, 1], bad: [9, 9, 9, 9] })).toEqual({ a: null, b: null, bad: 4 });
    const few = medianStopping({ direction: 'minimize', graceEpochs: 1, minTrials: 3 });
    expect(runSequential(few, { a: [1, 1, 1], b: [1, 1, 1], bad: [9, 9, 9] })).toEqual({ a: null, b: null, bad: null });
  });

  it('maximises too, and ignores non-finite values', () => {
    const s = medianStopping({ direction: 'maximize', graceEpochs: 1, minTrials: 2 });
    expect(runSequential(s, { a: [0.5, 0.8, 0.9], b: [0.5, 0.8, 0.9], low: [0.3, 0.4, 0.5], high: [0.6, 0.9, 0.95] })).toEqual({ a: null, b: null, low: 2, high: null });
    expect(s.decide('nan', 3, NaN)).toBe('continue');
  });

  it('is deterministic: the same reports give the same decisions', () => {
    const curves = { a: [1, 0.9, 0.8], b: [1.2, 1.1, 1.0], c: [0.9, 0.7, 0.6], d: [1.3, 1.25, 1.2], e: [1, 0.85, 0.75] };
    const first = runSequential(medianStopping({ direction: 'minimize', minTrials: 2 }), curves);
    expect(runSequential(medianStopping({ direction: 'minimize', minTrials: 2 }), curves)).toEqual(first);
    expect(first.d).toBe(2);
  });
});

describe('successive halving (asynchronous)', () => {
  it('puts rungs at r, rη, rη², … below the last epoch', () => {
    expect(rungEpochs(1, 3, 20)).toEqual([1, 3, 9]);
    expect(rungEpochs(2, 3, 20)).toEqual([2, 6, 18]);
    expect(rungEpochs(1, 2, 8)).toEqual([1, 2, 4]);
    expect(rungEpochs(5, 3, 5)).toEqual([]);
  });

  it('lets a trial past a rung only in the top 1/η of the trials that reached it', () => {
    const s = successiveHalving({ direction: 'minimize', minEpochs: 1, reduction: 2, maxEpochs: 4 });
    // Rungs at 1 and 2. a is first at every rung; b is worse than a at rung 1 (1 of 2 kept: a); c is the best so far.
    const stopped = runSequential(s, { a: [1.0, 0.9, 0.8, 0.7], b: [1.1, 1.0, 0.9, 0.8], c: [0.5, 0.4, 0.3, 0.2], d: [0.8, 0.35, 0.3, 0.3] });
    expect(stopped.a).toBeNull();
    expect(stopped.b).toBe(1);
    expect(stopped.c).toBeNull();
    // d at rung 1: values {1.0, 1.1, 0.5, 0.8}, keep ⌊4/2⌋ = 2, one better (0.5) → goes on; rung 2: {0.9, 0.4, 0.35}, keep 1, none better → goes on.
    expect(stopped.d).toBeNull();
  });

  it('records a trial’s best so far at the rung, and never stops the first trial', () => {
    const s = successiveHalving({ direction: 'maximize', minEpochs: 2, reduction: 3, maxEpochs: 10 });
    expect(runSequential(s, { first: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1] })).toEqual({ first: null });
    // Rung 2 holds 0.1 (first). A trial that peaked at 0.9 in epoch 1 and dipped to 0.05 at epoch 2 counts as 0.9.
    expect(s.decide('dip', 1, 0.9)).toBe('continue');
    expect(s.decide('dip', 2, 0.05)).toBe('continue');
    expect(s.decide('worse', 1, 0.01)).toBe('continue');
    expect(s.decide('worse', 2, 0.02)).toBe('stop');
  });

  it('keeps ties together and is deterministic', () => {
    const curves = { a: [1, 1, 1], b: [1, 1, 1], c: [1, 1, 1] };
    const first = runSequential(successiveHalving({ direction: 'minimize', maxEpochs: 3 }), curves);
    expect(first).toEqual({ a: null, b: null, c: null });
    expect(() => successiveHalving({ direction: 'minimize', maxEpochs: 3, reduction: 1 })).toThrow(/at least 2/);
  });
});

describe('createScheduler', () => {
  it('builds each rule, and "none" never stops', () => {
    expect(createScheduler('median', 'minimize', 20).name).toBe('median');
    expect(createScheduler('successive-halving', 'minimize', 20).name).toBe('successive-halving');
    const none = createScheduler('none', 'minimize', 20);
    expect(runSequential(none, { a: [1, 1], b: [1, 1], c: [1, 1], d: [99, 99] })).toEqual({ a: null, b: null, c: null, d: null });
  });
});
