/**
 * Alert rules and alerts of an endpoint, as stored: the four default rules made on first use, and
 * the evaluation of closed monitoring windows, whose changed alerts the caller writes with its flush.
 */
import { defaultAlertRules, evaluateAlerts } from '../monitoring/alerts';
import type { AlertRecord, AlertRule } from '../monitoring/types';
import type { MonitorWindow } from '../monitoring/window-types';
import type { WorkbenchDatabase } from '../tracking/db';

/** The endpoint's rules, with the default four added (once) when it has none yet. */
export async function ensureAlertRules(db: WorkbenchDatabase, endpoint: string, makeId: () => string = () => crypto.randomUUID()): Promise<AlertRule[]> {
  const rules = await db.alertRules.where('endpoint').equals(endpoint).toArray();
  if (rules.length > 0) return rules;
  const defaults = defaultAlertRules(endpoint, makeId);
  await db.alertRules.bulkPut(defaults);
  return defaults;
}

/**
 * Evaluates the endpoint's rules on windows that just closed (in order), against its alerts not yet
 * resolved; returns the records to store. Each window is evaluated once: the caller passes each
 * closed window in exactly one call, and `lastEvaluated` carries the progress between calls.
 */
export class AlertEvaluator {
  private lastEvaluated: Record<string, number> = {};
  /**
   * Alerts not resolved, kept here once read: what this evaluator changed may still be on its way
   * to storage (flushes are not awaited). An acknowledgement made meanwhile on the page is kept by
   * the flush, which never clears a stored `acknowledgedAt`.
   */
  private open: Map<string, AlertRecord> | null = null;

  constructor(
    private readonly db: WorkbenchDatabase,
    private readonly endpoint: string,
  ) {}

  async evaluate(closed: readonly MonitorWindow[], now: number): Promise<AlertRecord[]> {
    if (closed.length === 0) return [];
    // Rules are read each time: the learner may edit, disable or silence one while traffic flows.
    const rules = await ensureAlertRules(this.db, this.endpoint);
    this.open ??= new Map((await this.db.alerts.where('endpoint').equals(this.endpoint).toArray()).filter((a) => a.state !== 'resolved').map((a) => [a.id, a]));
    const result = evaluateAlerts({ rules, windows: closed, open: [...this.open.values()], now, makeId: () => crypto.randomUUID(), lastEvaluatedWindow: this.lastEvaluated });
    this.lastEvaluated = result.lastEvaluatedWindow;
    for (const alert of result.changed) {
      if (alert.state === 'resolved') this.open.delete(alert.id);
      else this.open.set(alert.id, alert);
    }
    return result.changed;
  }
}
