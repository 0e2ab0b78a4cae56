/**
 * Monitoring riding along a replay: the served version's reference profile (built once and
 * stored), the monitor of the endpoint's windows, the sliding sample behind each response's
 * `drift` field, and the alert rules evaluated as windows close. What it produces is written with
 * the replay's own flushes, in the same transaction as the log.
 */
import type { DatasetSources } from '../data/load';
import { EndpointMonitor } from '../monitoring/endpoint-monitor';
import { DEFAULT_MONITOR_SETTINGS, type MonitorSettings, type ReferenceProfile } from '../monitoring/profile-types';
import { ResponseDrift } from '../monitoring/response-drift';
import type { AlertRecord } from '../monitoring/types';
import type { MonitorWindow } from '../monitoring/window-types';
import type { WorkbenchDatabase } from '../tracking/db';
import { readLogPage } from '../tracking/prediction-log-read';
import type { LabelArrival, LoggedRow, LogRow } from '../tracking/prediction-log-types';
import type { Endpoint, ReplayRecord } from '../tracking/serving-types';
import type { AnsweredRequest } from './engine';
import { AlertEvaluator } from './monitor-alerts';
import { loadReferenceProfile } from './reference-profile';
import type { VersionCache } from './version-cache';

/** An endpoint's monitoring settings, defaults filled in. */
export function monitorSettingsOf(endpoint: Endpoint): MonitorSettings {
  return { ...DEFAULT_MONITOR_SETTINGS, ...endpoint.monitoring };
}

export class ReplayMonitor {
  private readonly monitor: EndpointMonitor;
  private readonly responses: ResponseDrift;
  private readonly alerts: AlertEvaluator;

  private constructor(
    readonly profile: ReferenceProfile,
    endpoint: Endpoint,
    private readonly db: WorkbenchDatabase,
  ) {
    const settings = monitorSettingsOf(endpoint);
    this.monitor = new EndpointMonitor(endpoint.name, profile, settings);
    this.responses = new ResponseDrift(profile, settings);
    this.alerts = new AlertEvaluator(db, endpoint.name);
  }

  /** The monitor of `endpoint`, against the reference of the version it serves as primary. */
  static async start(deps: { db: WorkbenchDatabase; cache: VersionCache; sources: DatasetSources; now: () => number }, endpoint: Endpoint): Promise<ReplayMonitor> {
    const primary = endpoint.routes.find((r) => r.role === 'primary')!.version;
    const profile = await loadReferenceProfile(deps, endpoint.model, primary);
    return new ReplayMonitor(profile, endpoint, deps.db);
  }

  /**
   * Adds a batch of answered requests and stamps every answered response with the Marathon
   * `drift` field (the same verdict for the whole batch: it was judged once, after all its rows).
   */
  observe(answered: readonly AnsweredRequest[], span: (window: number) => { start: number; end: number }): void {
    for (const a of answered) {
      this.monitor.observe(a.answer.rows, span(a.request.window));
      this.responses.add(a.answer.rows);
    }
    stampDrift(answered, this.responses.verdict());
  }

  label(arrival: LabelArrival): void {
    this.monitor.label(arrival);
  }

  /** Windows changed since the last call and the alerts their closing changed, for the next flush. */
  async take(simNow: number, wallNow: number, final = false): Promise<{ monitorWindows: MonitorWindow[]; alerts: AlertRecord[] }> {
    const { windows, closedNow } = final ? this.monitor.closeAll(wallNow) : this.monitor.takeChanged(simNow, wallNow);
    const alerts = await this.alerts.evaluate(closedNow, wallNow);
    return { monitorWindows: windows, alerts };
  }

  /**
   * Takes over an interrupted replay's windows: the rows of its windows that had not closed are
   * read back from the log (with their labels), so they are judged on all their rows; windows
   * stored as closed stay as they are and are not evaluated again.
   */
  async resume(record: ReplayRecord): Promise<void> {
    const stored = await this.db.monitorWindows.where('[endpoint+window]').between([record.endpoint, record.windowOffset], [record.endpoint, Infinity], true, true).toArray();
    const closed = new Set(stored.filter((w) => w.closed).map((w) => w.window));
    const rows = await readLogPage(this.db, record.endpoint, { filter: { windows: { from: record.windowOffset }, role: 'answer' }, order: 'oldest', limit: Number.MAX_SAFE_INTEGER });
    for (const row of rows) {
      if (row.source !== record.id) continue;
      const logged = loggedRowOf(row);
      this.responses.add([logged]);
      if (closed.has(row.window)) continue;
      const span = stored.find((w) => w.window === row.window);
      this.monitor.observe([logged], span ? { start: span.start, end: span.end } : { start: row.at, end: row.at });
      if (row.label !== null && row.label !== undefined) this.monitor.label({ requestId: row.requestId, rowIndex: row.rowIndex, label: row.label, window: row.window, arrivedAt: row.labelArrivedAt ?? row.at });
    }
    this.monitor.markClosed(closed);
  }
}

/**
 * The `drift` field for requests sent by hand (the console): the sliding sample of the endpoint's
 * primary version, started from the latest rows its log holds, so a single request is judged with
 * the traffic before it. Rebuilt when the primary version changes.
 */
export class ConsoleDrift {
  private readonly byEndpoint = new Map<string, { version: number; drift: ResponseDrift }>();

  constructor(private readonly deps: { db: WorkbenchDatabase; cache: VersionCache; sources: DatasetSources; now: () => number }) {}

  /** Adds the answered rows and stamps the answer's `drift` field. */
  async stamp(endpoint: Endpoint, answered: AnsweredRequest): Promise<void> {
    const version = endpoint.routes.find((r) => r.role === 'primary')!.version;
    let entry = this.byEndpoint.get(endpoint.name);
    if (!entry || entry.version !== version) {
      const profile = await loadReferenceProfile(this.deps, endpoint.model, version);
      const drift = new ResponseDrift(profile, monitorSettingsOf(endpoint));
      const settings = monitorSettingsOf(endpoint);
      const recent = await readLogPage(this.deps.db, endpoint.name, { filter: { role: 'answer' }, order: 'newest', limit: settings.responseRows });
      drift.add(recent.reverse().map(loggedRowOf));
      entry = { version, drift };
      this.byEndpoint.set(endpoint.name, entry);
    }
    entry.drift.add(answered.answer.rows);
    stampDrift([answered], entry.drift.verdict());
  }
}

function loggedRowOf(row: LogRow): LoggedRow {
  return { window: row.window, requestId: row.requestId, rowIndex: row.rowIndex, at: row.at, version: row.version, role: row.role, latencyMs: row.latencyMs, columns: row.columns, inputs: row.values, prediction: row.prediction, score: row.score, status: row.status, issues: row.issues };
}

/** Sets `drift` on every answered (200) response of a batch. */
export function stampDrift(answered: readonly AnsweredRequest[], drift: 0 | 1): void {
  for (const a of answered) {
    if (a.answer.status === 200 && typeof a.answer.response === 'object' && a.answer.response !== null) (a.answer.response as { drift?: 0 | 1 }).drift = drift;
  }
}
