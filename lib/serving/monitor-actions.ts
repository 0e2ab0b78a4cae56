/**
 * What the learner changes by hand on the monitoring dashboard: acknowledging an alert, adding,
 * editing, silencing or deleting a rule, and the endpoint's drift settings. Each is one small write.
 */
import { acknowledge, silence } from '../monitoring/alerts';
import type { MonitorSettings } from '../monitoring/profile-types';
import type { AlertRecord, AlertRule } from '../monitoring/types';
import type { MonitorWindow } from '../monitoring/window-types';
import type { WorkbenchDatabase } from '../tracking/db';
import type { Deployment } from '../tracking/serving-types';
import { ServingError } from './errors';

/** Marks an alert seen: it keeps its state (and resolves on its own) but leaves the header badge. */
export async function acknowledgeAlert(db: WorkbenchDatabase, id: string, now: number): Promise<void> {
  await db.transaction('rw', db.alerts, async () => {
    const alert = await db.alerts.get(id);
    if (!alert) throw new ServingError('That alert is no longer stored.');
    await db.alerts.put(acknowledge(alert, now));
  });
}

/** Adds or replaces a rule (validated by `validateRule` before). */
export async function saveAlertRule(db: WorkbenchDatabase, rule: AlertRule): Promise<void> {
  await db.alertRules.put(rule);
}

/** Deletes a rule; its alert still open resolves at the next evaluation. */
export async function deleteAlertRule(db: WorkbenchDatabase, id: string): Promise<void> {
  await db.alertRules.delete(id);
}

/** Silences a rule's notifications until `until` (epoch ms), or lifts the silence (null). */
export async function silenceAlertRule(db: WorkbenchDatabase, id: string, until: number | null): Promise<void> {
  await db.transaction('rw', db.alertRules, async () => {
    const rule = await db.alertRules.get(id);
    if (!rule) throw new ServingError('That rule is no longer stored.');
    await db.alertRules.put(silence(rule, until));
  });
}

/** Saves the endpoint's drift settings: replays from now on judge their windows with them. */
export async function saveMonitorSettings(db: WorkbenchDatabase, endpoint: string, settings: MonitorSettings): Promise<void> {
  await db.transaction('rw', db.endpoints, async () => {
    const row = await db.endpoints.get(endpoint);
    if (!row) throw new ServingError(`There is no endpoint named “${endpoint}”.`);
    await db.endpoints.put({ ...row, monitoring: settings });
  });
}

/** Everything the dashboard draws for one endpoint, read in one go. */
export interface MonitorData {
  windows: MonitorWindow[];
  alerts: AlertRecord[];
  rules: AlertRule[];
  deployments: Deployment[];
  /** The input columns of the version the endpoint serves (what a column rule can watch). */
  columns: string[];
  /** The reference of the latest window: the model version whose training split it is. */
  reference: { model: string; version: number; rows: number; estimatorNote: string | null } | null;
}

/**
 * Reads the dashboard's data (a live query: it writes nothing; `ensureAlertRules` makes the
 * default rules). Reference profiles are not read: they hold whole training columns, and the
 * windows already say which version and how many rows they were judged against.
 */
export async function readMonitorData(db: WorkbenchDatabase, endpoint: string): Promise<MonitorData> {
  const row = await db.endpoints.get(endpoint);
  const [windows, alerts, rules, deployments] = await Promise.all([
    db.monitorWindows.where('endpoint').equals(endpoint).sortBy('window'),
    db.alerts.where('endpoint').equals(endpoint).toArray(),
    db.alertRules.where('endpoint').equals(endpoint).toArray(),
    db.deployments.where('endpoint').equals(endpoint).toArray(),
  ]);
  const primary = row?.routes.find((r) => r.role === 'primary')?.version;
  const version = row && primary !== undefined ? await db.modelVersions.get([row.model, primary]) : undefined;
  const latest = windows.at(-1);
  return {
    windows,
    alerts: alerts.sort((a, b) => b.startWindow - a.startWindow || b.startedAt - a.startedAt),
    rules,
    deployments: deployments.sort((a, b) => a.at - b.at),
    columns: version?.contract?.columns.map((c) => c.name) ?? [...new Set(windows.flatMap((w) => w.features.map((f) => f.column)))],
    reference: latest && row ? { model: row.model, version: latest.referenceVersion ?? primary ?? 0, rows: latest.referenceRows, estimatorNote: latest.estimatorNote ?? null } : null,
  };
}
