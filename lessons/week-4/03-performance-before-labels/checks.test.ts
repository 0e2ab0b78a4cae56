import { describe, expect, it } from 'vitest';
import type { SnapshotParts } from '@/lib/course/test-snapshots';
import type { SnapshotMonitorWindow } from '@/lib/course/types';
import { estimate, estimateBeforeLabels, monitorWindow, replay, shift, snapshotWith, type Estimate } from '../test-snapshots';
import { comparisons } from './checks';

// Reachability: the monitor stores, per closed window, DLE's estimated MAE and RMSE (regression) or
// CBPE's accuracy, F1 and ROC AUC (classification), each with its sampling error at the window's
// rows and, once labels arrived, its realized value. A shift of origin_delay from day 7 plays
// windows 1–14; the error rises from window 8 on.
const origin = shift('s1', 1000, 'origin_delay', 1, 7);
const days = (make: (w: number) => Estimate[], input: (w: number) => Partial<SnapshotMonitorWindow> = () => ({})) =>
  Array.from({ length: 14 }, (_, i) => monitorWindow(i + 1, [], { estimated: make(i + 1), ...input(i + 1) }));
const mae = (before: [number, number | null], after: [number, number | null], se = 0.5) => (w: number) => [
  w < 8 ? estimate('mae', before[0], se, before[1]) : estimate('mae', after[0], se, after[1]),
];
const check = (parts: SnapshotParts) => estimateBeforeLabels.check(snapshotWith(parts));

describe('estimate-before-labels check', () => {
  it('passes when the estimated MAE rises by more than 2 sampling errors and the labels confirm it', () => {
    const result = check({ replays: [origin], monitorWindows: days(mae([10, 10.1], [12.5, 13])) });
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('On “flights-delay-api”, the estimated MAE rose from 10.000 in window 1 to 12.500 in window 8: 2.500 worse, 5.0 times its sampling error at window 8 (0.500)');
    expect(result.feedback).toContain('the realized MAE went from 10.100 to 13.000');
  });

  it('passes on estimated accuracy that falls, and on RMSE', () => {
    const accuracy = days((w) => [w < 8 ? estimate('accuracy', 0.8, 0.02, 0.79) : estimate('accuracy', 0.74, 0.02, 0.75), estimate('f1', 0.5, 0.01, 0.5)]);
    const result = check({ replays: [origin], monitorWindows: accuracy });
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('the estimated accuracy fell from 0.800 in window 1 to 0.740 in window 8: 0.060 worse, 3.0 times');
    expect(result.feedback).toContain('the realized accuracy went from 0.790 to 0.750');
    const rmse = days((w) => [w < 8 ? estimate('rmse', 20, 1, 21) : estimate('rmse', 24, 1, 25)]);
    expect(check({ replays: [origin], monitorWindows: rmse }).passed).toBe(true);
  });

  it('reads the window’s realized metric when the estimate has none of its own', () => {
    const windows = days(mae([10, null], [12.5, null]), (w) => ({ realized: { metric: 'mae', value: w < 8 ? 10 : 13, labelled: 500 } }));
    expect(check({ replays: [origin], monitorWindows: windows }).passed).toBe(true);
  });

  it('refuses a rise of exactly 2 sampling errors, quoting the largest move', () => {
    const result = check({ replays: [origin], monitorWindows: days(mae([10, 10], [11, 13])) });
    expect(result.passed).toBe(false);
    expect(result.notGradable).toBeUndefined();
    expect(result.feedback).toContain('The largest move on “flights-delay-api”: the estimated MAE rose from 10.000 in window 1 to 11.000 in window 8: 1.000 worse, 2.0 times its sampling error');
    expect(result.feedback).toContain('within 2 sampling errors');
  });

  it('fails when the labels do not confirm the estimate', () => {
    const result = check({ replays: [origin], monitorWindows: days(mae([10, 12], [12.5, 11])) });
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('But the labels did not confirm it: the realized MAE went from 12.000 to 11.000, no worse');
  });

  it('fails while the labels of the later window have not arrived', () => {
    const result = check({ replays: [origin], monitorWindows: days(mae([10, 10], [12.5, null])) });
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('The labels have not confirmed it yet: window 8 has no realized value');
  });

  it('fails when no estimate got worse', () => {
    const result = check({ replays: [origin], monitorWindows: days(mae([12, 12], [10, 10])) });
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('No estimated MAE on “flights-delay-api” got worse from one window to a later one of the same replay');
  });

  it('compares windows of one replay only, and closed ones only', () => {
    const calm = replay('c', 1000, { days: 7 });
    const bad = shift('s', 2000, 'origin_delay', 8, 0, { days: 7 });
    const jump = days(mae([10, 10], [12.5, 13]));
    const across = check({ replays: [calm, bad], monitorWindows: jump });
    expect(across.passed).toBe(false);
    expect(comparisons(snapshotWith({ replays: [calm, bad], monitorWindows: jump })).every((c) => (c.a.window < 8) === (c.b.window < 8))).toBe(true);
    const open = days(mae([10, 10], [12.5, 13]), (w) => ({ closed: w < 8 }));
    expect(check({ replays: [origin], monitorWindows: open }).passed).toBe(false);
  });

  it('fails with a single estimated window: nothing to compare', () => {
    const result = check({ replays: [origin], monitorWindows: [monitorWindow(3, [], { estimated: [estimate('mae', 10, 0.5, 10)] })] });
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('at most one window with an estimate');
  });

  it('is not gradable without an estimate to judge', () => {
    const none = check({ replays: [origin] });
    expect(none).toMatchObject({ passed: false, notGradable: true });
    expect(none.feedback).toContain('No monitored traffic yet');
    const noEstimator = check({ replays: [origin], monitorWindows: days(() => []) });
    expect(noEstimator).toMatchObject({ passed: false, notGradable: true });
    expect(noEstimator.feedback).toContain('the estimator could not be fitted');
    const running = check({ replays: [{ ...origin, status: 'RUNNING', requestsDone: 10 }], monitorWindows: [monitorWindow(1, [], { closed: false, estimated: [estimate('mae', 10, 0.5, null)] })] });
    expect(running).toMatchObject({ passed: false, notGradable: true });
    expect(running.feedback).toContain('is still running (10 of 7,000 requests)');
  });
});
