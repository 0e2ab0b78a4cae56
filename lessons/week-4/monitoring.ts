// Small helpers the week 4 checks share to read replays, monitoring windows, alert rules and alerts,
// and to word their feedback. Pure functions of plain snapshot data: no I/O, no clock.
import type { SnapshotAlert, SnapshotAlertRule, SnapshotMonitorWindow, SnapshotReplay, WorkbenchSnapshot } from '@/lib/course/types';

export { count, latest, named, plural } from '../week-3/serving';

/** The endpoint every week 4 link opens (the one week 3 deployed). */
export const ENDPOINT = 'flights-delay-api';

/** Windows (inclusive) of an endpoint. */
export interface WindowRange {
  from: number;
  to: number;
}

/** A replay still sending traffic. */
export const isLive = (r: SnapshotReplay): boolean => r.status === 'RUNNING' || r.status === 'PAUSED';

/** A replay that ran to its last request. */
export const isFinished = (r: SnapshotReplay): boolean => r.status === 'FINISHED';

/** A replay of the no-drift control scenario. */
export const isControl = (r: SnapshotReplay): boolean => r.scenario === 'control';

/** A replay of a covariate shift (`covariate-sudden`, `-gradual`, `-recurring`). */
export const isCovariateShift = (r: SnapshotReplay): boolean => r.scenario.startsWith('covariate-') || r.truth?.drift === 'covariate';

const KIND_TITLE: Record<string, string> = { covariate: 'Covariate shift', prior: 'Prior shift', concept: 'Concept drift' };

/** A scenario as the Production traffic tab names it: `covariate-sudden` → `“Covariate shift, sudden”`. */
export function scenarioTitle(scenario: string): string {
  if (scenario === 'control') return '“No drift (control)”';
  const [kind, profile] = scenario.split('-');
  return KIND_TITLE[kind ?? ''] && profile ? `“${KIND_TITLE[kind!]}, ${profile}”` : `“${scenario}”`;
}

/**
 * The endpoint windows a replay played: window w is its day w − windowOffset, so days 0…days − 1
 * are windows windowOffset…windowOffset + days − 1. Null for a replay stored before windows were
 * counted per endpoint (no offset or no day count).
 */
export function replayRange(r: SnapshotReplay): WindowRange | null {
  if (r.windowOffset === undefined || r.days === undefined || !Number.isInteger(r.days) || r.days < 1) return null;
  return { from: r.windowOffset, to: r.windowOffset + r.days - 1 };
}

/** The window in which a replay's drift starts (its `truth.startDay`), or null without a drift or a stored truth. */
export function driftStartWindow(r: SnapshotReplay): number | null {
  if (r.windowOffset === undefined || !r.truth || r.truth.drift === null) return null;
  return r.windowOffset + r.truth.startDay;
}

export const inRange = (w: number, range: WindowRange): boolean => w >= range.from && w <= range.to;

/** `window 4` or `windows 4–17`. */
export function windowSpan(range: WindowRange): string {
  return range.from === range.to ? `window ${range.from}` : `windows ${range.from}–${range.to}`;
}

/** A metric value for feedback, with three decimals. */
export function fixed3(n: number): string {
  return n.toFixed(3);
}

/** The monitoring windows of one endpoint, by index. */
export function monitorWindowsOf(snapshot: Pick<WorkbenchSnapshot, 'monitorWindows'>, endpoint: string): SnapshotMonitorWindow[] {
  return snapshot.monitorWindows.filter((w) => w.endpoint === endpoint).sort((a, b) => a.window - b.window);
}

/** The monitoring windows a replay played on its endpoint, by index (none when its range is unknown). */
export function windowsOfReplay(snapshot: Pick<WorkbenchSnapshot, 'monitorWindows'>, r: SnapshotReplay): SnapshotMonitorWindow[] {
  const range = replayRange(r);
  return range ? monitorWindowsOf(snapshot, r.endpoint).filter((w) => inRange(w.window, range)) : [];
}

/** The alert rules of one endpoint. */
export function rulesOf(snapshot: Pick<WorkbenchSnapshot, 'alertRules'>, endpoint: string): SnapshotAlertRule[] {
  return snapshot.alertRules.filter((r) => r.endpoint === endpoint);
}

/** The alerts one rule raised, oldest first. */
export function alertsOfRule(snapshot: Pick<WorkbenchSnapshot, 'alerts'>, rule: SnapshotAlertRule): SnapshotAlert[] {
  return snapshot.alerts.filter((a) => a.ruleId === rule.id && a.endpoint === rule.endpoint);
}

/** A rule's name as the learner reads it. */
export function ruleName(rule: Pick<SnapshotAlertRule, 'name'>): string {
  return `“${rule.name}”`;
}

/**
 * The windows an alert was firing in: from its firing window to the one before it resolved (a
 * rule turned off in the very window it fired resolves there: that window counts), or on to
 * `Infinity` while it still fires. Null for an alert that never fired.
 */
export function firingSpan(alert: Pick<SnapshotAlert, 'firingWindow' | 'resolvedWindow'>): WindowRange | null {
  if (alert.firingWindow === null) return null;
  const to = alert.resolvedWindow === null ? Number.POSITIVE_INFINITY : Math.max(alert.firingWindow, alert.resolvedWindow - 1);
  return { from: alert.firingWindow, to };
}

const outsideBand = (m: SnapshotMonitorWindow['estimated'][number]) => m.value !== null && (m.value < m.lower || m.value > m.upper);

/**
 * What a rule reads in a window, as the monitor's alert evaluator does (lib/monitoring/alerts.ts
 * `metricValue`, over the snapshot's view of a window); null when it cannot be computed there,
 * which neither counts towards K nor resolves an alert. The two flags are 1 or 0.
 */
export function ruleValue(rule: Pick<SnapshotAlertRule, 'metric' | 'column'>, w: SnapshotMonitorWindow): number | null {
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  const idle = w.rows === 0 && w.errorRate === 0 && w.rejectRate === 0;
  switch (rule.metric) {
    case 'dataset-drift-share':
      return w.dataset.totalColumns > 0 ? finite(w.dataset.share) : null;
    case 'drifted-columns':
      return w.dataset.totalColumns > 0 ? w.dataset.driftedColumns : null;
    case 'estimated-performance-outside-band': {
      const known = w.estimated.filter((m) => m.value !== null);
      return known.length === 0 ? null : known.some(outsideBand) ? 1 : 0;
    }
    case 'missing-share':
      return w.rows > 0 ? finite(w.missingShare) : null;
    case 'error-rate':
      return idle ? null : finite(w.errorRate);
    case 'reject-rate':
      return idle ? null : finite(w.rejectRate);
    case 'feature-drift': {
      const column = w.features.find((f) => f.column === rule.column);
      return column ? (column.drifted ? 1 : 0) : null;
    }
    default:
      return null;
  }
}

/** Whether `value` meets the rule's condition. */
export function ruleHolds(rule: Pick<SnapshotAlertRule, 'comparator' | 'threshold'>, value: number): boolean {
  switch (rule.comparator) {
    case '>':
      return value > rule.threshold;
    case '>=':
      return value >= rule.threshold;
    case '<':
      return value < rule.threshold;
    case '<=':
      return value <= rule.threshold;
    default:
      return false;
  }
}

/**
 * The first window in `range` where the rule, judging the endpoint's closed windows from the
 * start of `range` with no alert open, would turn firing: its condition held in K windows in a
 * row (windows where its value is null are skipped, as the evaluator skips them). Null when it
 * would stay quiet. `windows` are the endpoint's windows (any order).
 */
export function wouldFireIn(rule: Pick<SnapshotAlertRule, 'metric' | 'column' | 'comparator' | 'threshold' | 'forWindows'>, windows: readonly SnapshotMonitorWindow[], range: WindowRange): number | null {
  const closed = windows.filter((w) => w.closed && inRange(w.window, range)).sort((a, b) => a.window - b.window);
  let held = 0;
  for (const w of closed) {
    const value = ruleValue(rule, w);
    if (value === null) continue;
    if (!ruleHolds(rule, value)) {
      held = 0;
      continue;
    }
    held += 1;
    if (held >= Math.max(1, rule.forWindows)) return w.window;
  }
  return null;
}
