/**
 * Alert rules over closed monitoring windows, with Prometheus's `for` semantics counted in windows
 * instead of seconds: a condition that holds starts a pending alert, K consecutive windows turn it
 * firing, the first window where it stops holding resolves it. Pure functions: records in,
 * changed records out; the caller stores them.
 */
import type { AlertComparator, AlertMetric, AlertRecord, AlertRule, AlertState } from './types';
import type { MonitorWindow } from './window-types';

const METRICS: readonly AlertMetric[] = ['dataset-drift-share', 'drifted-columns', 'estimated-performance-outside-band', 'missing-share', 'error-rate', 'reject-rate', 'feature-drift'];
const COMPARATORS: readonly AlertComparator[] = ['>', '>=', '<', '<='];
const SEVERITIES: ReadonlyArray<AlertRule['severity']> = ['info', 'warning', 'critical'];
const SYMBOL: Record<AlertComparator, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };
const LABEL: Record<AlertMetric, string> = {
  'dataset-drift-share': 'Dataset drift share',
  'drifted-columns': 'Drifted columns',
  'estimated-performance-outside-band': 'Estimated performance outside the reference band',
  'missing-share': 'Missing share',
  'error-rate': 'Error rate',
  'reject-rate': 'Reject rate',
  'feature-drift': 'Column drift',
};

/** The four rules every endpoint starts with (built in: they can be edited or disabled, not deleted). */
export function defaultAlertRules(endpoint: string, makeId: () => string): AlertRule[] {
  const rule = (name: string, metric: AlertMetric, comparator: AlertComparator, threshold: number, forWindows: number, severity: AlertRule['severity']): AlertRule => ({
    id: makeId(), endpoint, name, metric, column: null, comparator, threshold, forWindows, severity, enabled: true, silencedUntil: null, builtIn: true,
  });
  return [
    rule('Dataset drift', 'dataset-drift-share', '>=', 0.5, 2, 'warning'),
    rule('Estimated performance outside the reference band', 'estimated-performance-outside-band', '>=', 1, 1, 'critical'),
    rule('Missing values', 'missing-share', '>', 0.1, 2, 'warning'),
    rule('Error rate', 'error-rate', '>', 0.01, 1, 'critical'),
  ];
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const outsideBand = (m: MonitorWindow['estimated'][number]) => m.value !== null && (m.value < m.lower || m.value > m.upper);
const findColumn = (w: MonitorWindow, column: string | null) =>
  column === null ? undefined : [...w.features, w.prediction, w.target].find((c) => c?.column === column) ?? undefined;

/**
 * What a rule reads in a window; null when it cannot be computed there (no column tested, no
 * estimate yet, no traffic, a watched column absent). `estimated-performance-outside-band` and
 * `feature-drift` are flags (1 / 0): any estimate outside its band, the column's drift verdict,
 * so one comparison (`>= 1`) works whatever the test's score direction.
 */
export function metricValue(rule: AlertRule, window: MonitorWindow): number | null {
  // No request at all says nothing about errors, unlike a window where every request failed.
  const idle = window.rows === 0 && window.errorRate === 0 && window.rejectRate === 0;
  switch (rule.metric) {
    case 'dataset-drift-share':
      return window.dataset.totalColumns > 0 ? finite(window.dataset.share) : null;
    case 'drifted-columns':
      return window.dataset.totalColumns > 0 ? window.dataset.driftedColumns : null;
    case 'estimated-performance-outside-band': {
      const known = window.estimated.filter((m) => m.value !== null);
      return known.length === 0 ? null : known.some(outsideBand) ? 1 : 0;
    }
    case 'missing-share':
      return window.rows > 0 ? finite(window.missingShare) : null;
    case 'error-rate':
      return idle ? null : finite(window.errorRate);
    case 'reject-rate':
      return idle ? null : finite(window.rejectRate);
    case 'feature-drift': {
      const column = findColumn(window, rule.column);
      return column ? (column.drifted ? 1 : 0) : null;
    }
  }
}

function compare(value: number, comparator: AlertComparator, threshold: number): boolean {
  if (comparator === '>') return value > threshold;
  if (comparator === '>=') return value >= threshold;
  if (comparator === '<') return value < threshold;
  return value <= threshold;
}

/** 0.60, 0.012, 3: two decimals where they suffice, two significant digits for small rates. */
function fmt(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 0.1 ? v.toFixed(2) : String(Number(v.toPrecision(2)));
}

/** The window's state in words; flags describe what happened rather than "1 ≥ 1". */
function describe(rule: AlertRule, value: number, w: MonitorWindow, holds: boolean): string {
  if (rule.metric === 'estimated-performance-outside-band') {
    const m = w.estimated.find(outsideBand);
    return m && m.value !== null
      ? `Estimated ${m.metric} ${fmt(m.value)} is outside the reference band ${fmt(m.lower)}–${fmt(m.upper)}`
      : 'Estimated performance is within the reference band';
  }
  if (rule.metric === 'feature-drift') {
    const c = findColumn(w, rule.column);
    const test = c ? ` (${c.testLabel} ${c.scoreKind} ${fmt(c.score)}, threshold ${fmt(c.threshold)})` : '';
    return `Column "${rule.column ?? ''}" ${value >= 1 ? 'drifted' : 'does not drift'}${test}`;
  }
  return `${LABEL[rule.metric]} ${fmt(value)} ${holds ? '' : 'is no longer '}${SYMBOL[rule.comparator]} ${fmt(rule.threshold)}`;
}

const span = (from: number, to: number) => (from === to ? `window ${to}` : `windows ${from}–${to}`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const lastWindow = (a: AlertRecord) => a.history.at(-1)?.window ?? a.startWindow;
const withState = (a: AlertRecord, state: AlertState, window: number, at: number) => ({ ...a, state, history: [...a.history, { state, window, at }] });

/** Input of {@link evaluateAlerts}. */
export interface EvaluateAlertsInput {
  rules: readonly AlertRule[];
  /** The endpoint's closed windows in order (open ones are ignored); all of them, or at least those since the oldest open alert started. */
  windows: readonly MonitorWindow[];
  /** The endpoint's alerts that are not resolved (one per rule). */
  open: readonly AlertRecord[];
  /** Wall-clock epoch ms stamped on every transition. */
  now: number;
  makeId: () => string;
  /**
   * Per rule id, the last window already evaluated (the previous call's result). Windows up to it
   * are skipped so nothing is counted twice; a rule missing here is evaluated over every window
   * given (seed a new rule with the current window to start it from now).
   */
  lastEvaluatedWindow?: Readonly<Record<string, number>>;
}

/** Output of {@link evaluateAlerts}. */
export interface EvaluateAlertsResult {
  /** New or updated records to store, each once, in its final state for this call. */
  changed: AlertRecord[];
  /** To pass to the next call. */
  lastEvaluatedWindow: Record<string, number>;
}

/**
 * Advances every rule over the windows it has not evaluated yet. A window where the metric is
 * null leaves the state unchanged and does not count towards K. A rule that is disabled or gone
 * resolves its active alert. Calling it again with the same windows changes nothing.
 */
export function evaluateAlerts(input: EvaluateAlertsInput): EvaluateAlertsResult {
  const { rules, now, makeId } = input;
  const windows = input.windows.filter((w) => w.closed).sort((a, b) => a.window - b.window);
  const latest = windows.at(-1)?.window;
  const last: Record<string, number> = { ...input.lastEvaluatedWindow };
  const changed = new Map<string, AlertRecord>();
  const save = (a: AlertRecord) => changed.set(a.id, a);
  const end = (a: AlertRecord, why: string) => {
    const window = Math.max(latest ?? -Infinity, lastWindow(a));
    save({ ...withState(a, 'resolved', window, now), resolvedWindow: window, resolvedAt: now, message: `Resolved in window ${window}: ${why}` });
  };

  const ruleIds = new Set(rules.map((r) => r.id));
  for (const alert of input.open) if (alert.state !== 'resolved' && !ruleIds.has(alert.ruleId)) end(alert, 'its rule was deleted');

  for (const rule of rules) {
    let active: AlertRecord | null =
      input.open.filter((a) => a.ruleId === rule.id && a.state !== 'resolved').sort((a, b) => b.startWindow - a.startWindow)[0] ?? null;
    if (!rule.enabled) {
      if (active) end(active, `the rule "${rule.name}" was disabled`);
      // Windows seen while disabled are never evaluated later, as Prometheus skips paused rules.
      if (latest !== undefined) last[rule.id] = Math.max(last[rule.id] ?? latest, latest);
      continue;
    }
    const from = Math.max(last[rule.id] ?? -Infinity, active ? lastWindow(active) : -Infinity);
    const values = new Map(windows.map((w) => [w.window, metricValue(rule, w)]));
    // Windows missing from `windows` inside an episode are taken as held: the alert stayed active through them.
    const held = (start: number, to: number) => {
      let n = 0;
      for (let i = start; i <= to; i++) if (values.get(i) !== null) n++;
      return n;
    };
    for (const w of windows) {
      if (w.window <= from) continue;
      last[rule.id] = w.window;
      const value = values.get(w.window) ?? null;
      if (value === null) continue;
      const holds = compare(value, rule.comparator, rule.threshold);
      const text = describe(rule, value, w, holds);
      if (holds) {
        active ??= startAlert(rule, w.window, value, now, makeId());
        const n = held(active.startWindow, w.window);
        if (active.state === 'pending' && n >= rule.forWindows) active = { ...withState(active, 'firing', w.window, now), firingWindow: w.window, firedAt: now };
        const message = active.state === 'firing' ? `${text} for ${plural(n, 'window')} (${span(active.startWindow, w.window)})` : `${text} in window ${w.window} (pending: ${n} of ${plural(rule.forWindows, 'window')})`;
        active = { ...active, value, message };
        save(active);
      } else if (active) {
        const message =
          active.state === 'pending'
            ? `Stopped before firing in window ${w.window}: ${lowerFirst(text)} (held ${held(active.startWindow, w.window - 1)} of ${plural(rule.forWindows, 'window')})`
            : `Resolved in window ${w.window}: ${lowerFirst(text)} (it held in ${span(active.startWindow, w.window - 1)})`;
        save({ ...withState(active, 'resolved', w.window, now), value, resolvedWindow: w.window, resolvedAt: now, message });
        active = null;
      }
    }
  }
  // Re-evaluating a window that an open record already reflects rebuilds an identical record: not a change.
  const before = new Map(input.open.map((a) => [a.id, JSON.stringify(a)]));
  return { changed: [...changed.values()].filter((a) => before.get(a.id) !== JSON.stringify(a)), lastEvaluatedWindow: last };
}

function startAlert(rule: AlertRule, window: number, value: number, now: number, id: string): AlertRecord {
  return {
    id, endpoint: rule.endpoint, ruleId: rule.id, ruleName: rule.name, severity: rule.severity, state: 'pending',
    startWindow: window, firingWindow: null, resolvedWindow: null, value,
    startedAt: now, firedAt: null, resolvedAt: null, acknowledgedAt: null,
    message: '', history: [{ state: 'pending', window, at: now }],
  };
}

/** Marks an alert seen: it keeps firing (and resolves on its own) but leaves the badge count. */
export function acknowledge(alert: AlertRecord, now: number): AlertRecord {
  return alert.acknowledgedAt !== null || alert.state === 'resolved' ? alert : { ...alert, acknowledgedAt: now };
}

/** Silences a rule's notifications until `untilMs` (epoch ms; null lifts the silence). Its alerts still change state. */
export function silence(rule: AlertRule, untilMs: number | null): AlertRule {
  return { ...rule, silencedUntil: untilMs };
}

/** True while the rule's silence lasts (until `silencedUntil`, exclusive). */
export function isSilenced(rule: AlertRule, now: number): boolean {
  return rule.silencedUntil !== null && now < rule.silencedUntil;
}

/** Alerts that need a person: firing, not acknowledged, and their rule not silenced. */
export function alertBadgeCount(alerts: readonly AlertRecord[], rules: readonly AlertRule[], now: number): number {
  const byId = new Map(rules.map((r) => [r.id, r]));
  return alerts.filter((a) => {
    const rule = byId.get(a.ruleId);
    return a.state === 'firing' && a.acknowledgedAt === null && !(rule && isSilenced(rule, now));
  }).length;
}

/** What the rule form submits: numbers may still be the text of their inputs. */
export interface AlertRuleInput {
  id: string;
  endpoint: string;
  name: string;
  metric: string;
  column?: string | null;
  comparator: string;
  threshold: number | string;
  forWindows: number | string;
  severity: string;
  enabled?: boolean;
  silencedUntil?: number | null;
  builtIn?: boolean;
}

const asNumber = (v: number | string) => (typeof v === 'number' ? v : v.trim() === '' ? NaN : Number(v.trim()));
const isOneOf = <T extends string>(list: readonly T[], v: string): v is T => (list as readonly string[]).includes(v);

/** Checks the rule form; the rule comes back with a trimmed name, and a column only for `feature-drift`. */
export function validateRule(input: AlertRuleInput): { rule: AlertRule } | { error: string } {
  const name = input.name.trim();
  if (name.length === 0) return { error: 'Give the rule a name.' };
  if (name.length > 80) return { error: `The name has ${name.length} characters; keep it to 80.` };
  if (!isOneOf(METRICS, input.metric)) return { error: `Unknown metric "${input.metric}".` };
  if (!isOneOf(COMPARATORS, input.comparator)) return { error: `Unknown comparison "${input.comparator}": use >, ≥, < or ≤.` };
  if (!isOneOf(SEVERITIES, input.severity)) return { error: `Unknown severity "${input.severity}": use info, warning or critical.` };
  const threshold = asNumber(input.threshold);
  if (!Number.isFinite(threshold)) return { error: 'The threshold must be a finite number.' };
  const forWindows = asNumber(input.forWindows);
  if (!Number.isInteger(forWindows) || forWindows < 1 || forWindows > 50) return { error: 'The number of windows must be a whole number from 1 to 50.' };
  const column = input.column?.trim() ?? '';
  if (input.metric === 'feature-drift' && column === '') return { error: 'Choose the column this rule watches.' };
  return {
    rule: {
      id: input.id, endpoint: input.endpoint, name, metric: input.metric,
      column: input.metric === 'feature-drift' ? column : null,
      comparator: input.comparator, threshold, forWindows, severity: input.severity,
      enabled: input.enabled ?? true, silencedUntil: input.silencedUntil ?? null, builtIn: input.builtIn ?? false,
    },
  };
}
