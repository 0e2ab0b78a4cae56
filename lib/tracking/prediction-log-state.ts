/**
 * The prediction log's bookkeeping row (one `meta` row per endpoint, see `PredictionLogState`),
 * what the UI says about retention, and deleting an endpoint's traffic.
 *
 * The dropped-rows counter lives in `meta` rather than on the window summaries because rows are
 * dropped per endpoint (the oldest chunks first, whatever window they are in) and the message is
 * per endpoint; each window summary's `loggedRows` still says how many of its rows the log holds.
 */
import type { WorkbenchDatabase } from './db';
import { LOG_RETENTION_ROWS, type LogWindowState, type PredictionLogState } from './prediction-log-types';
import type { TrafficWindow } from './serving-types';

/** Key of an endpoint's log state in the `meta` table. */
export function logStateKey(endpoint: string): string {
  return `prediction-log:${endpoint}`;
}

/** The state of an endpoint that has logged nothing. */
export function emptyLogState(cap: number = LOG_RETENTION_ROWS): PredictionLogState {
  return { rows: 0, dropped: 0, cap, columns: [], windows: {} };
}

/** A window's entry in `state`, created (nothing written yet) when missing; the writer changes it in place. */
export function windowEntry(state: PredictionLogState, window: number): LogWindowState {
  const key = String(window);
  state.windows[key] ??= { rows: 0, lastChunk: -1, lastChunkRows: 0, lastLabelChunk: -1, lastLabelChunkRows: 0 };
  return state.windows[key];
}

/** The endpoint's log state (the empty state when it has logged nothing). */
export async function readLogState(db: WorkbenchDatabase, endpoint: string): Promise<PredictionLogState> {
  const row = await db.meta.get(logStateKey(endpoint));
  return row ? copyState(row.value as PredictionLogState) : emptyLogState();
}

/** A copy the caller may change before putting it back (Dexie hands out the same object in some paths). */
function copyState(state: PredictionLogState): PredictionLogState {
  const windows: Record<string, LogWindowState> = {};
  for (const [key, value] of Object.entries(state.windows)) windows[key] = { ...value };
  return { ...state, columns: [...state.columns], windows };
}

/** Window indexes the log has state for, ascending. */
export function loggedWindows(state: PredictionLogState): number[] {
  return Object.keys(state.windows)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * What the log page says about retention: null until the cap has dropped a row, then e.g.
 * "The log keeps the latest 200,000 rows of this endpoint; 5,000 older rows were dropped (their
 * window summaries stay)." Numbers use en-US grouping, as elsewhere in the workbench.
 */
export function retentionNotice(state: Pick<PredictionLogState, 'dropped' | 'cap'>): string | null {
  if (state.dropped <= 0) return null;
  const n = (x: number) => x.toLocaleString('en-US');
  const rows = state.dropped === 1 ? 'row was' : 'rows were';
  return `The log keeps the latest ${n(state.cap)} rows of this endpoint; ${n(state.dropped)} older ${rows} dropped (their window summaries stay).`;
}

/**
 * Deletes everything production traffic left on an endpoint, in one transaction: its log chunks,
 * label chunks, window summaries, replays, log state, monitoring windows, alerts and alert rules.
 * The endpoint and its deployments stay.
 */
export async function deleteEndpointTraffic(db: WorkbenchDatabase, endpoint: string): Promise<void> {
  await db.transaction('rw', [db.predictionLog, db.labelChunks, db.trafficWindows, db.replays, db.meta, db.monitorWindows, db.alerts, db.alertRules], async () => {
    await db.predictionLog.where('endpoint').equals(endpoint).delete();
    await db.monitorWindows.where('endpoint').equals(endpoint).delete();
    await db.alerts.where('endpoint').equals(endpoint).delete();
    await db.alertRules.where('endpoint').equals(endpoint).delete();
    await db.labelChunks.where('endpoint').equals(endpoint).delete();
    await db.trafficWindows.where('endpoint').equals(endpoint).delete();
    await db.replays.where('endpoint').equals(endpoint).delete();
    await db.meta.delete(logStateKey(endpoint));
  });
}

/**
 * The endpoint's window summaries in window order, optionally within `from`–`to` (inclusive), e.g.
 * to update an older window's live metric when its labels arrive.
 */
export async function readTrafficWindows(db: WorkbenchDatabase, endpoint: string, range: { from?: number; to?: number } = {}): Promise<TrafficWindow[]> {
  return db.trafficWindows
    .where('[endpoint+window]')
    .between([endpoint, range.from ?? -Infinity], [endpoint, range.to ?? Infinity], true, true)
    .toArray();
}
