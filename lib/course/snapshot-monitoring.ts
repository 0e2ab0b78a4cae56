import type { AlertRecord, AlertRule } from '@/lib/monitoring/types';
import type { MonitorWindow } from '@/lib/monitoring/window-types';
import type { SnapshotAlert, SnapshotAlertRule, SnapshotMonitorWindow, WorkbenchSnapshot } from './types';

/** The monitoring rows a snapshot is built from. */
export interface MonitoringRecords {
  monitorWindows?: readonly MonitorWindow[];
  alerts?: readonly AlertRecord[];
  alertRules?: readonly AlertRule[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The plain view of a monitoring window: each column's verdict, dataset drift, estimated and realized performance. */
export function snapshotMonitorWindow(w: MonitorWindow): SnapshotMonitorWindow {
  return {
    endpoint: w.endpoint,
    window: w.window,
    start: w.start,
    end: w.end,
    rows: w.rows,
    closed: w.closed,
    features: w.features.map((f) => ({ column: f.column, kind: f.kind, test: f.test, score: f.score, threshold: f.threshold, drifted: f.drifted })),
    predictionDrifted: w.prediction?.drifted ?? null,
    targetDrifted: w.target?.drifted ?? null,
    dataset: { share: w.dataset.share, drifted: w.dataset.drifted, driftedColumns: w.dataset.driftedColumns, totalColumns: w.dataset.totalColumns },
    missingShare: w.missingShare,
    errorRate: w.errorRate,
    rejectRate: w.rejectRate,
    estimated: w.estimated.map((m) => ({ metric: m.metric, value: m.value, samplingError: m.samplingError, lower: m.lower, upper: m.upper, realized: m.realized, rows: m.rows })),
    realized: w.realized ? { ...w.realized } : null,
  };
}

export function snapshotAlert(a: AlertRecord): SnapshotAlert {
  return { id: a.id, endpoint: a.endpoint, ruleId: a.ruleId, ruleName: a.ruleName, severity: a.severity, state: a.state, startWindow: a.startWindow, firingWindow: a.firingWindow, resolvedWindow: a.resolvedWindow, acknowledged: a.acknowledgedAt !== null, startedAt: a.startedAt };
}

export function snapshotAlertRule(r: AlertRule): SnapshotAlertRule {
  return { id: r.id, endpoint: r.endpoint, name: r.name, metric: r.metric, column: r.column, comparator: r.comparator, threshold: r.threshold, forWindows: r.forWindows, severity: r.severity, enabled: r.enabled, builtIn: r.builtIn };
}

/** Monitoring's part of the snapshot: windows by endpoint and index, alerts oldest first, rules by endpoint and name. */
export function snapshotMonitoring(records: MonitoringRecords): Pick<WorkbenchSnapshot, 'monitorWindows' | 'alerts' | 'alertRules'> {
  return {
    monitorWindows: [...(records.monitorWindows ?? [])].sort((a, b) => byName(a.endpoint, b.endpoint) || a.window - b.window).map(snapshotMonitorWindow),
    alerts: [...(records.alerts ?? [])].sort((a, b) => a.startedAt - b.startedAt || byName(a.id, b.id)).map(snapshotAlert),
    alertRules: [...(records.alertRules ?? [])].sort((a, b) => byName(a.endpoint, b.endpoint) || byName(a.name, b.name) || byName(a.id, b.id)).map(snapshotAlertRule),
  };
}
