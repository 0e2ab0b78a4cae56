import { describe, expect, it } from 'vitest';
import { acknowledge, alertBadgeCount, defaultAlertRules, evaluateAlerts, isSilenced, metricValue, silence, validateRule, type AlertRuleInput } from './alerts';
import type { AlertRecord, AlertRule, ColumnDriftResult, EstimatedMetric } from './types';
import type { MonitorWindow } from './window-types';

const ids = () => {
  let n = 0;
  return () => `id${++n}`;
};

const drift = (column: string, drifted: boolean): ColumnDriftResult => ({
  column, kind: 'numerical', test: 'ks', testLabel: 'Kolmogorov–Smirnov', scoreKind: 'p-value', statistic: 0.2,
  score: drifted ? 0.001 : 0.4, threshold: 0.05, drifted, reason: 'reference has 500 rows', referenceRows: 500, currentRows: 100, uniqueValues: 300,
});

const estimate = (value: number | null): EstimatedMetric => ({ metric: 'accuracy', value, samplingError: 0.01, lower: 0.8, upper: 0.9, realized: null, rows: 100 });

/** A closed window whose dataset drift share is `share` (out of 10 columns). */
function win(window: number, share: number, extra: Partial<MonitorWindow> = {}): MonitorWindow {
  const drifted = Math.round(share * 10);
  return {
    endpoint: 'ep', window, start: window * 1000, end: (window + 1) * 1000, rows: 100, referenceRows: 500,
    features: Array.from({ length: 10 }, (_, i) => drift(`f${i}`, i < drifted)), prediction: null, target: null,
    dataset: { driftedColumns: drifted, totalColumns: 10, share: drifted / 10, threshold: 0.5, drifted: drifted >= 5 },
    quality: [], missingShare: 0, errorRate: 0, rejectRate: 0, issues: {}, estimated: [], realized: null, closed: true, updatedAt: 0,
    ...extra,
  };
}

const rule = (forWindows: number, extra: Partial<AlertRule> = {}): AlertRule => ({
  id: 'r1', endpoint: 'ep', name: 'Dataset drift', metric: 'dataset-drift-share', column: null, comparator: '>=', threshold: 0.5,
  forWindows, severity: 'warning', enabled: true, silencedUntil: null, builtIn: false, ...extra,
});

/** Feeds the windows one at a time, as the monitor closes them, and keeps the store of records. */
function run(rules: AlertRule[], shares: Array<number | MonitorWindow>) {
  const store = new Map<string, AlertRecord>();
  let last: Record<string, number> = {};
  const makeId = ids();
  const windows: MonitorWindow[] = [];
  shares.forEach((s, i) => {
    windows.push(typeof s === 'number' ? win(i, s) : s);
    const open = [...store.values()].filter((a) => a.state !== 'resolved');
    const out = evaluateAlerts({ rules, windows, open, now: 100 + i, makeId, lastEvaluatedWindow: last });
    for (const a of out.changed) store.set(a.id, a);
    last = out.lastEvaluatedWindow;
  });
  return { alerts: [...store.values()], last, windows };
}

const states = (a: AlertRecord) => a.history.map((h) => `${h.state}@${h.window}`);

describe('evaluateAlerts', () => {
  it('goes pending → firing → resolved with K = 2', () => {
    const { alerts } = run([rule(2)], [0.1, 0.6, 0.6, 0.7, 0.2]);
    expect(alerts).toHaveLength(1);
    const a = alerts[0]!;
    expect(states(a)).toEqual(['pending@1', 'firing@2', 'resolved@4']);
    expect(a).toMatchObject({ state: 'resolved', startWindow: 1, firingWindow: 2, resolvedWindow: 4, startedAt: 101, firedAt: 102, resolvedAt: 104, value: 0.2 });
    expect(a.message).toBe('Resolved in window 4: dataset drift share 0.20 is no longer ≥ 0.50 (it held in windows 1–3)');
  });

  it('writes readable messages while pending and firing', () => {
    const { alerts } = run([rule(2)], [0.6]);
    expect(alerts[0]!.message).toBe('Dataset drift share 0.60 ≥ 0.50 in window 0 (pending: 1 of 2 windows)');
    const firing = run([rule(2)], [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.6, 0.6]).alerts[0]!;
    expect(firing.message).toBe('Dataset drift share 0.60 ≥ 0.50 for 2 windows (windows 8–9)');
  });

  it('fires on the first window with K = 1, recording pending and firing in the same window', () => {
    const a = run([rule(1)], [0.5]).alerts[0]!;
    expect(a.state).toBe('firing');
    expect(states(a)).toEqual(['pending@0', 'firing@0']);
    expect(a.message).toBe('Dataset drift share 0.50 ≥ 0.50 for 1 window (window 0)');
  });

  it('fires only after three consecutive windows with K = 3', () => {
    const { alerts } = run([rule(3)], [0.6, 0.6]);
    expect(alerts[0]!.state).toBe('pending');
    const fired = run([rule(3)], [0.6, 0.6, 0.6]).alerts[0]!;
    expect(states(fired)).toEqual(['pending@0', 'firing@2']);
  });

  it('drops a pending alert when the condition flaps, and a later episode starts a new record', () => {
    const { alerts } = run([rule(3)], [0.6, 0.6, 0.1, 0.6, 0.6, 0.6]);
    expect(alerts).toHaveLength(2);
    expect(states(alerts[0]!)).toEqual(['pending@0', 'resolved@2']);
    expect(alerts[0]!.firingWindow).toBeNull();
    expect(alerts[0]!.message).toBe('Stopped before firing in window 2: dataset drift share 0.10 is no longer ≥ 0.50 (held 2 of 3 windows)');
    expect(states(alerts[1]!)).toEqual(['pending@3', 'firing@5']);
    expect(alerts[1]!.id).not.toBe(alerts[0]!.id);
  });

  it('evaluates several new windows in one call as it would one by one', () => {
    const windows = [0.1, 0.6, 0.6, 0.2, 0.6].map((s, i) => win(i, s));
    const out = evaluateAlerts({ rules: [rule(2)], windows, open: [], now: 5, makeId: ids() });
    expect(out.changed.map(states)).toEqual([['pending@1', 'firing@2', 'resolved@3'], ['pending@4']]);
    expect(out.lastEvaluatedWindow).toEqual({ r1: 4 });
  });

  it('is idempotent: the same windows again change nothing', () => {
    const { alerts, last, windows } = run([rule(2)], [0.6, 0.6, 0.1, 0.6]);
    const open = alerts.filter((a) => a.state !== 'resolved');
    expect(open).toHaveLength(1);
    const again = evaluateAlerts({ rules: [rule(2)], windows, open, now: 999, makeId: ids(), lastEvaluatedWindow: last });
    expect(again.changed).toEqual([]);
    expect(again.lastEvaluatedWindow).toEqual(last);
    // Without the per-rule marks, an open record's own history still prevents double counting.
    const firing = run([rule(2)], [0.6, 0.6, 0.6]).alerts;
    const noMarks = evaluateAlerts({ rules: [rule(2)], windows: [0.6, 0.6, 0.6].map((s, i) => win(i, s)), open: firing, now: 999, makeId: ids() });
    expect(noMarks.changed).toEqual([]);
  });

  it('does not mutate the records it is given', () => {
    const pending = run([rule(2)], [0.6]).alerts;
    const frozen = JSON.stringify(pending);
    evaluateAlerts({ rules: [rule(2)], windows: [win(0, 0.6), win(1, 0.6)], open: pending, now: 7, makeId: ids(), lastEvaluatedWindow: { r1: 0 } });
    expect(JSON.stringify(pending)).toBe(frozen);
  });

  it('skips disabled rules and resolves their active alert', () => {
    const { alerts, last, windows } = run([rule(1)], [0.6]);
    const out = evaluateAlerts({ rules: [rule(1, { enabled: false })], windows: [...windows, win(1, 0.9)], open: alerts, now: 50, makeId: ids(), lastEvaluatedWindow: last });
    expect(out.changed).toHaveLength(1);
    expect(out.changed[0]).toMatchObject({ state: 'resolved', resolvedWindow: 1, resolvedAt: 50 });
    expect(out.changed[0]!.message).toMatch(/disabled/);
    expect(out.lastEvaluatedWindow.r1).toBe(1);
    expect(run([rule(1, { enabled: false })], [0.9, 0.9]).alerts).toEqual([]);
  });

  it('resolves the alerts of a deleted rule', () => {
    const { alerts, windows } = run([rule(1)], [0.6]);
    const out = evaluateAlerts({ rules: [], windows, open: alerts, now: 9, makeId: ids() });
    expect(out.changed[0]).toMatchObject({ state: 'resolved', message: 'Resolved in window 0: its rule was deleted' });
  });

  it('leaves the state unchanged on a window whose metric is null, and does not count it', () => {
    const noColumns = (i: number) => win(i, 0, { features: [], dataset: { driftedColumns: 0, totalColumns: 0, share: 0, threshold: 0.5, drifted: false } });
    const { alerts } = run([rule(2)], [0.6, noColumns(1), 0.6]);
    expect(states(alerts[0]!)).toEqual(['pending@0', 'firing@2']);
    expect(alerts[0]!.message).toBe('Dataset drift share 0.60 ≥ 0.50 for 2 windows (windows 0–2)');
    const stillPending = run([rule(2)], [0.6, noColumns(1)]).alerts[0]!;
    expect(stillPending.state).toBe('pending');
  });

  it('ignores open windows', () => {
    const out = evaluateAlerts({ rules: [rule(1)], windows: [win(0, 0.9, { closed: false })], open: [], now: 1, makeId: ids() });
    expect(out).toEqual({ changed: [], lastEvaluatedWindow: {} });
  });
});

describe('silence, acknowledge and the badge', () => {
  const firingAlerts = () => run([rule(1), rule(1, { id: 'r2', metric: 'drifted-columns', threshold: 3, comparator: '>' })], [0.6]).alerts;

  it('counts firing, unacknowledged alerts of rules not silenced', () => {
    const alerts = firingAlerts();
    expect(alerts.map((a) => a.state)).toEqual(['firing', 'firing']);
    const rules = [rule(1), rule(1, { id: 'r2' })];
    expect(alertBadgeCount(alerts, rules, 0)).toBe(2);
    const silenced = [silence(rules[0]!, 1000), rules[1]!];
    expect(isSilenced(silenced[0]!, 999)).toBe(true);
    expect(isSilenced(silenced[0]!, 1000)).toBe(false);
    expect(alertBadgeCount(alerts, silenced, 500)).toBe(1);
    expect(alertBadgeCount(alerts, silenced, 1000)).toBe(1 + 1);
    expect(isSilenced(silence(silenced[0]!, null), 500)).toBe(false);
  });

  it('acknowledging keeps the alert firing but takes it off the badge', () => {
    const alerts = firingAlerts();
    const acked = acknowledge(alerts[0]!, 77);
    expect(acked).toMatchObject({ state: 'firing', acknowledgedAt: 77 });
    expect(acknowledge(acked, 90).acknowledgedAt).toBe(77);
    expect(alertBadgeCount([acked, alerts[1]!], [rule(1), rule(1, { id: 'r2' })], 0)).toBe(1);
    const pending = run([rule(2)], [0.6]).alerts;
    expect(alertBadgeCount(pending, [rule(2)], 0)).toBe(0);
  });
});

describe('default rules and metric values', () => {
  const rules = defaultAlertRules('ep', ids());
  const byMetric = (m: AlertRule['metric']) => rules.find((r) => r.metric === m)!;

  it('are the four built-in rules with their thresholds', () => {
    expect(rules.map((r) => [r.metric, r.comparator, r.threshold, r.forWindows, r.severity, r.builtIn])).toEqual([
      ['dataset-drift-share', '>=', 0.5, 2, 'warning', true],
      ['estimated-performance-outside-band', '>=', 1, 1, 'critical', true],
      ['missing-share', '>', 0.1, 2, 'warning', true],
      ['error-rate', '>', 0.01, 1, 'critical', true],
    ]);
    expect(new Set(rules.map((r) => r.id)).size).toBe(4);
  });

  it('read a fabricated window', () => {
    const w = win(3, 0.6, { missingShare: 0.15, errorRate: 0.02, estimated: [estimate(0.85), { ...estimate(0.7), metric: 'f1' }] });
    expect(metricValue(byMetric('dataset-drift-share'), w)).toBe(0.6);
    expect(metricValue(byMetric('estimated-performance-outside-band'), w)).toBe(1);
    expect(metricValue(byMetric('missing-share'), w)).toBe(0.15);
    expect(metricValue(byMetric('error-rate'), w)).toBe(0.02);
    expect(metricValue({ ...rule(1), metric: 'drifted-columns' }, w)).toBe(6);
    expect(metricValue({ ...rule(1), metric: 'feature-drift', column: 'f0' }, w)).toBe(1);
    expect(metricValue({ ...rule(1), metric: 'feature-drift', column: 'f9' }, w)).toBe(0);
    expect(metricValue({ ...rule(1), metric: 'feature-drift', column: 'gone' }, w)).toBeNull();
    expect(metricValue(byMetric('estimated-performance-outside-band'), win(3, 0, { estimated: [estimate(0.85)] }))).toBe(0);
    expect(metricValue(byMetric('estimated-performance-outside-band'), win(3, 0, { estimated: [estimate(null)] }))).toBeNull();
    expect(metricValue(byMetric('missing-share'), win(3, 0, { rows: 0 }))).toBeNull();
    expect(metricValue(byMetric('error-rate'), win(3, 0, { rows: 0 }))).toBeNull();
    expect(metricValue(byMetric('error-rate'), win(3, 0, { rows: 0, rejectRate: 1 }))).toBe(0);
  });

  it('fire on it with the expected messages', () => {
    const w = (i: number) => win(i, 0.6, { missingShare: 0.15, errorRate: 0.02, estimated: [estimate(0.7)] });
    const out = evaluateAlerts({ rules, windows: [w(8), w(9)], open: [], now: 1, makeId: ids() });
    expect(out.changed.map((a) => [a.ruleName, a.state, a.message])).toEqual([
      ['Dataset drift', 'firing', 'Dataset drift share 0.60 ≥ 0.50 for 2 windows (windows 8–9)'],
      ['Estimated performance outside the reference band', 'firing', 'Estimated accuracy 0.70 is outside the reference band 0.80–0.90 for 2 windows (windows 8–9)'],
      ['Missing values', 'firing', 'Missing share 0.15 > 0.10 for 2 windows (windows 8–9)'],
      ['Error rate', 'firing', 'Error rate 0.02 > 0.01 for 2 windows (windows 8–9)'],
    ]);
  });
});

describe('validateRule', () => {
  const input: AlertRuleInput = { id: 'x', endpoint: 'ep', name: '  Age drift ', metric: 'feature-drift', column: ' age ', comparator: '>=', threshold: '1', forWindows: '3', severity: 'info' };

  it('returns a clean rule', () => {
    expect(validateRule(input)).toEqual({
      rule: { id: 'x', endpoint: 'ep', name: 'Age drift', metric: 'feature-drift', column: 'age', comparator: '>=', threshold: 1, forWindows: 3, severity: 'info', enabled: true, silencedUntil: null, builtIn: false },
    });
    expect(validateRule({ ...input, metric: 'error-rate' })).toMatchObject({ rule: { column: null } });
  });

  it.each([
    [{ name: '   ' }, /name/],
    [{ name: 'x'.repeat(81) }, /81 characters/],
    [{ threshold: 'abc' }, /threshold/],
    [{ threshold: '' }, /threshold/],
    [{ threshold: Infinity }, /threshold/],
    [{ forWindows: 0 }, /1 to 50/],
    [{ forWindows: 51 }, /1 to 50/],
    [{ forWindows: 2.5 }, /1 to 50/],
    [{ column: '' }, /column/],
    [{ column: null }, /column/],
    [{ metric: 'latency' }, /Unknown metric/],
    [{ comparator: '==' }, /comparison/],
    [{ severity: 'loud' }, /severity/],
  ] as Array<[Partial<AlertRuleInput>, RegExp]>)('refuses %o', (change, message) => {
    const result = validateRule({ ...input, ...change });
    expect('error' in result && result.error).toMatch(message);
  });

  it('accepts the limits', () => {
    expect('rule' in validateRule({ ...input, name: 'x'.repeat(80), forWindows: 50 })).toBe(true);
    expect('rule' in validateRule({ ...input, forWindows: 1, threshold: -0.5 })).toBe(true);
  });
});
