import { describe, expect, it } from 'vitest';
import type { SnapshotParts } from '@/lib/course/test-snapshots';
import { alert, alertOnShiftQuietOnControl, datasetDriftRule, replay, rule, shift, snapshotWith, windowsFrom } from '../test-snapshots';
import { catchesOf, falseAlarmOn } from './checks';

// Reachability: a replay's day d is the endpoint's window windowOffset + d, and the drift starts on
// day truth.startDay. Here the control plays windows 1–14 and a shift of `distance` windows 15–28,
// drifting from its day 7: window 22. A rule "distance drifted ≥ 1 for 2 windows" goes pending in
// 22 and fires in 23, as lib/monitoring/alerts.ts evaluates it.
const control = replay('c1', 1000);
const distanceShift = shift('s1', 2000, 'distance', 15, 7);
const quietThenShifted = [...windowsFrom(1, 14), ...windowsFrom(15, 28, (w) => (w >= 22 ? ['distance', 'origin'] : ['origin']))];
const distanceRule = rule('r-distance', { name: 'distance moved' });

const check = (parts: SnapshotParts) => alertOnShiftQuietOnControl.check(snapshotWith(parts));
const base = (extra: SnapshotParts = {}): SnapshotParts => ({ replays: [control, distanceShift], monitorWindows: quietThenShifted, alertRules: [distanceRule], alerts: [alert(distanceRule, 22, 23)], ...extra });

describe('alert-on-shift-quiet-on-control check', () => {
  it('passes when one rule fires within three windows of the shift and never on the control', () => {
    const result = check(base());
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('Rule “distance moved” on “flights-delay-api” fired in window 23, 1 window after the “Covariate shift, sudden” replay’s drift began (window 22)');
    expect(result.feedback).toContain('stayed quiet through the control’s windows 1–14');
  });

  it('passes with a built-in rule, and with a rule firing in the drift’s very window', () => {
    const builtIn = datasetDriftRule();
    expect(check(base({ alertRules: [builtIn], alerts: [alert(builtIn, 22, 23)] })).passed).toBe(true);
    const eager = rule('eager', { forWindows: 1 });
    const result = check(base({ alertRules: [eager], alerts: [alert(eager, 22, 22)] }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('in the very window the');
  });

  it('accepts the last window of the three and refuses the fourth, saying the numbers', () => {
    expect(check(base({ alerts: [alert(distanceRule, 23, 24)] })).passed).toBe(true);
    const late = check(base({ alerts: [alert(distanceRule, 24, 25)] }));
    expect(late.passed).toBe(false);
    expect(late.feedback).toContain('played windows 15–28, and its drift began in window 22');
    expect(late.feedback).toContain('Rule “distance moved” first fired in window 25: 3 windows after the drift began, too late; a rule must be firing by window 24');
  });

  it('passes when the control came after the shift and the alert resolved as the control began', () => {
    const first = shift('s1', 1000, 'distance', 1, 7);
    const after = replay('c1', 2000, { windowOffset: 15 });
    const windows = [...windowsFrom(1, 14, (w) => (w >= 8 ? ['distance'] : [])), ...windowsFrom(15, 28)];
    const result = check({ replays: [first, after], monitorWindows: windows, alertRules: [distanceRule], alerts: [alert(distanceRule, 8, 9, { state: 'resolved', resolvedWindow: 15 })] });
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('quiet through the control’s windows 15–28');
  });

  it('fails when the alert was still firing through the control', () => {
    const first = shift('s1', 1000, 'distance', 1, 7);
    const after = replay('c1', 2000, { windowOffset: 15 });
    const result = check({ replays: [first, after], monitorWindows: windowsFrom(1, 28), alertRules: [distanceRule], alerts: [alert(distanceRule, 8, 9)] });
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('But it also fired on the no-drift control, in window 15 (the control played windows 15–28)');
  });

  it('fails when the rule fired on the control, naming the window', () => {
    const result = check(base({ alerts: [alert(distanceRule, 4, 5, { state: 'resolved', resolvedWindow: 6 }), alert(distanceRule, 22, 23)] }));
    expect(result.passed).toBe(false);
    expect(result.notGradable).toBeUndefined();
    expect(result.feedback).toContain('Rule “distance moved” caught the shift on “flights-delay-api”: it fired in window 23, and the drift began in window 22.');
    expect(result.feedback).toContain('also fired on the no-drift control, in window 5 (the control played windows 1–14): a false alarm');
  });

  it('judges a rule added after the control on the control’s windows, respecting K', () => {
    const jumpy = rule('jumpy', { name: 'jumpy', forWindows: 1 });
    const noisy = [...windowsFrom(1, 14, (w) => (w === 6 || w === 9 ? ['distance'] : [])), ...windowsFrom(15, 28, (w) => (w >= 22 ? ['distance'] : []))];
    const result = check({ replays: [control, distanceShift], monitorWindows: noisy, alertRules: [jumpy], alerts: [alert(jumpy, 22, 22)] });
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('It was not judging when the control ran, but on the control’s windows 1–14 its condition holds 1 window in a row by window 6');
    // The same isolated noisy windows do not trip a rule that waits for 2.
    expect(check({ replays: [control, distanceShift], monitorWindows: noisy, alertRules: [distanceRule], alerts: [alert(distanceRule, 22, 23)] }).passed).toBe(true);
  });

  it('fails when no rule fired during the shift', () => {
    const result = check(base({ alerts: [] }));
    expect(result.passed).toBe(false);
    expect(result.notGradable).toBeUndefined();
    expect(result.feedback).toContain('but no rule that is on now fired between window 22 and window 24');
    expect(result.feedback).toContain('A rule judges only the windows that close after you add it');
  });

  it('fails on a rule that fired before the drift began and not after', () => {
    const result = check(base({ alerts: [alert(distanceRule, 17, 18, { state: 'resolved', resolvedWindow: 19 })] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('Rule “distance moved” fired in window 18, before anything had changed: a false alarm');
  });

  it('fails when the rule that caught the shift is turned off now', () => {
    const off = { ...distanceRule, enabled: false };
    const result = check(base({ alertRules: [off] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('fired in time on the covariate shift, but it is turned off now');
  });

  it('needs one rule to do both: a catching rule that is noisy and a quiet rule that never caught fail', () => {
    const noisy = rule('noisy', { name: 'noisy', forWindows: 1 });
    const quiet = rule('quiet', { name: 'quiet', column: 'hour' });
    const result = check(base({ alertRules: [noisy, quiet], alerts: [alert(noisy, 3, 3), alert(noisy, 22, 22)] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('Rule “noisy” caught the shift');
    expect(result.feedback).toContain('in window 3');
  });

  it('is not gradable without a finished control or shift on the endpoint', () => {
    const noControl = check(base({ replays: [distanceShift] }));
    expect(noControl).toMatchObject({ passed: false, notGradable: true });
    expect(noControl.feedback).toContain('No “No drift (control)” replay has finished on “flights-delay-api” yet');
    const noShift = check(base({ replays: [control] }));
    expect(noShift).toMatchObject({ passed: false, notGradable: true });
    expect(noShift.feedback).toContain('No covariate shift has finished on “flights-delay-api” yet');
    const running = check(base({ replays: [distanceShift, replay('c1', 3000, { status: 'RUNNING', requestsDone: 100 })] }));
    expect(running).toMatchObject({ passed: false, notGradable: true });
    expect(running.feedback).toContain('The “No drift (control)” replay on “flights-delay-api” is still running (100 of 7,000 requests)');
    const stale = check(base({ replays: [control, { ...distanceShift, truth: undefined }] }));
    expect(stale).toMatchObject({ passed: false, notGradable: true });
    expect(stale.feedback).toContain('stored before the workbench kept the day its drift starts');
  });

  it('counts only firing within the shift’s own windows', () => {
    const short = shift('s1', 2000, 'distance', 15, 7, { days: 8 });
    const next = replay('c2', 3000, { windowOffset: 23 });
    const result = check(base({ replays: [control, short, next], alerts: [alert(distanceRule, 22, 23)] }));
    expect(result.passed).toBe(false);
    expect(catchesOf(snapshotWith(base({ replays: [control, short, next] })), distanceRule)).toEqual([]);
  });

  it('needs both replays on the same endpoint as the rule', () => {
    const elsewhere = { ...control, endpoint: 'other-api' };
    expect(check(base({ replays: [elsewhere, distanceShift] })).passed).toBe(false);
  });

  it('exposes what it found: catches by window, false alarms stored or judged now', () => {
    const snapshot = snapshotWith(base({ alerts: [alert(distanceRule, 22, 23), alert(distanceRule, 26, 27)] }));
    expect(catchesOf(snapshot, distanceRule).map((c) => [c.drift, c.alert.firingWindow])).toEqual([[22, 23]]);
    expect(falseAlarmOn(snapshot, distanceRule, control)).toBeNull();
  });
});
