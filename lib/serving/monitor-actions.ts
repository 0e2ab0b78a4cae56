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
  /** The reference each window was judged against: version and rows (from the stored profiles). */
  references: Array<{ model: string; version: number; rows: number; estimator: string | null; estimatorNote: string | null; task: 'regression' | 'classification' }>;
}

/** Reads the dashboard's data (a live query: it writes nothing; `ensureAlertRules` makes the default rules). */
export async function readMonitorData(db: WorkbenchDatabase, endpoint: string): Promise<MonitorData> {
  const row = await db.endpoints.get(endpoint);
  const [windows, alerts, rules, deployments, profiles] = await Promise.all([
    db.monitorWindows.where('endpoint').equals(endpoint).sortBy('window'),
    db.alerts.where('endpoint').equals(endpoint).toArray(),
    db.alertRules.where('endpoint').equals(endpoint).toArray(),
    db.deployments.where('endpoint').equals(endpoint).toArray(),
    row ? db.referenceProfiles.where('[model+version]').between([row.model, -Infinity], [row.model, Infinity]).toArray() : Promise.resolve([]),
  ]);
  return {
    windows,
    alerts: alerts.sort((a, b) => b.startWindow - a.startWindow || b.startedAt - a.startedAt),
    rules,
    deployments: deployments.sort((a, b) => a.at - b.at),
    references: profiles.map((p) => ({ model: p.model, version: p.version, rows: p.rows, estimator: p.estimator?.kind ?? null, estimatorNote: p.estimatorNote, task: p.task })),
  };
}
