/**
 * The prediction log's writer: every row an endpoint answered (or a shadow version saw), and the
 * labels that arrive later, buffered in memory and written in chunks of `LOG_CHUNK_ROWS` rows per
 * window, one transaction per flush, never a row per request (IndexedDB costs about 100 µs a row).
 */
import type { AlertRecord } from '../monitoring/types';
import type { MonitorWindow } from '../monitoring/window-types';
import type { WorkbenchDatabase } from './db';
import { describeStorageError } from './errors';
import { appendRows, chunkLength, emptyChunk, mergeColumns } from './prediction-log-chunks';
import { enforceRetention } from './prediction-log-retention';
import { logStateKey, readLogState, windowEntry } from './prediction-log-state';
import { LOG_CHUNK_ROWS, LOG_RETENTION_ROWS, type LabelArrival, type LoggedRow, type PredictionLogState } from './prediction-log-types';
import type { LabelChunk, PredictionLogChunk, ReplayRecord, TrafficWindow } from './serving-types';

export { LOG_CHUNK_ROWS, LOG_RETENTION_ROWS } from './prediction-log-types';

/** What one flush wrote. */
export interface LogFlushResult {
  /** Log rows and labels written. */
  rows: number;
  labels: number;
  /** Rows the retention cap dropped in this flush. */
  dropped: number;
}

/** Records written with the log, in the same transaction. */
export interface LogFlushExtra {
  /** Window summaries of this endpoint; their `loggedRows` is set by the writer from the log. */
  windows: TrafficWindow[];
  /** The replay's progress (`requestsDone`, `simNow`), so a reload resumes exactly after the last logged request. */
  replay?: ReplayRecord;
  /** Monitoring windows recomputed since the last flush, and alerts that changed. */
  monitorWindows?: MonitorWindow[];
  alerts?: AlertRecord[];
}

/**
 * Buffers one endpoint's log rows and label arrivals from one source (a replay id, `console`,
 * `load-test`, `batch`) and writes them with `flush`.
 *
 * Chunks: a window's rows fill chunk 0 up to `LOG_CHUNK_ROWS`, then chunk 1, and so on. A flush
 * that leaves a chunk partly filled writes it as it is, and the next flush rewrites that same
 * chunk with more rows until it is full: at most one partial chunk per window is rewritten per
 * flush, so flushing often (a console request at a time) costs one chunk put, not one per row. A
 * chunk is appended to only by its own source: two writers on one window (the console and a
 * replay's first day) each start their own chunks, and a new one whenever the other wrote last
 * (flushing in turn, they make small chunks, so keep sources on their own windows where you can).
 * Columns: see prediction-log-chunks.ts.
 *
 * A writer caches the chunks it last wrote, so it never reads its own chunks back; it checks them
 * against the log state (chunk number and length) in each flush, so a writer made after a reload,
 * or another writer's retention, never duplicates or resurrects a row.
 */
export class PredictionLogWriter {
  private rows: LoggedRow[] = [];
  private labels: LabelArrival[] = [];
  /** Per window, the chunk this writer last wrote there while not yet full (see `latest`): appended to without reading it back. */
  private openLog = new Map<number, PredictionLogChunk>();
  private openLabels = new Map<number, LabelChunk>();
  private readonly cap: number;
  /** The flush in flight: flushes run one after another, so rows land in the order they were logged. */
  private flushing: Promise<unknown> = Promise.resolve();

  /** @param options.retentionRows the retention cap (rows kept per endpoint), `LOG_RETENTION_ROWS` by default; smaller in tests. */
  constructor(
    private readonly db: WorkbenchDatabase,
    readonly endpoint: string,
    readonly source: string,
    options: { retentionRows?: number } = {},
  ) {
    this.cap = options.retentionRows ?? LOG_RETENTION_ROWS;
  }

  /** Queues one logged row (kept by reference until the flush: do not change it after). */
  log(row: LoggedRow): void {
    this.rows.push(row);
  }

  /** Queues a label for a logged row (joined by request id and row index when read). */
  label(arrival: LabelArrival): void {
    this.labels.push(arrival);
  }

  /** Rows and labels queued and not yet written. */
  get pending(): { rows: number; labels: number } {
    return { rows: this.rows.length, labels: this.labels.length };
  }

  /**
   * Writes everything queued, with `extra`'s window summaries and replay record, in ONE transaction
   * (log chunks, label chunks, windows, replay, log state), then applies the retention cap in it.
   * Nothing queued and no extra: nothing is written.
   *
   * On failure (a full disk: QuotaExceededError) nothing was written, every queued row and label is
   * kept for the next flush, and it throws an Error whose message is `describeStorageError`'s
   * sentence (the original error as `cause`). A flush called while another runs waits for it, then
   * writes what is queued by then.
   */
  flush(extra?: LogFlushExtra): Promise<LogFlushResult> {
    const run = this.flushing.then(() => this.write(extra));
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private async write(extra?: LogFlushExtra): Promise<LogFlushResult> {
    if (this.rows.length === 0 && this.labels.length === 0 && !extra) return { rows: 0, labels: 0, dropped: 0 };
    for (const window of extra?.windows ?? []) if (window.endpoint !== this.endpoint) throw new Error(`Window ${window.window} belongs to endpoint "${window.endpoint}", not "${this.endpoint}".`);
    if (extra?.replay && extra.replay.endpoint !== this.endpoint) throw new Error(`Replay ${extra.replay.id} belongs to endpoint "${extra.replay.endpoint}", not "${this.endpoint}".`);
    const rows = this.rows;
    const labels = this.labels;
    this.rows = [];
    this.labels = [];
    // The next flush's cache, committed only if this one succeeds.
    const openLog = new Map(this.openLog);
    const openLabels = new Map(this.openLabels);
    const db = this.db;
    try {
      const result = await db.transaction('rw', [db.predictionLog, db.labelChunks, db.trafficWindows, db.replays, db.meta, db.monitorWindows, db.alerts], async () => {
        const state = await readLogState(db, this.endpoint);
        state.cap = this.cap;
        const logPuts = await this.placeRows(state, rows, openLog);
        const { puts: labelPuts, written: labelsWritten } = await this.placeLabels(state, labels, openLabels);
        if (logPuts.length > 0) await db.predictionLog.bulkPut(logPuts);
        if (labelPuts.length > 0) await db.labelChunks.bulkPut(labelPuts);
        const retention = await enforceRetention(db, this.endpoint, state, this.cap);
        for (const [key, chunk] of retention.chunks) {
          const window = Number(key.split(':')[0]);
          const open = openLog.get(window);
          if (open && `${open.window}:${open.chunk}` === key) {
            if (chunk) openLog.set(window, chunk);
            else openLog.delete(window);
          }
        }
        await this.putWindows(state, extra?.windows ?? [], retention.windows);
        if (extra?.replay) await db.replays.put(extra.replay);
        if (extra?.monitorWindows?.length) await db.monitorWindows.bulkPut(extra.monitorWindows);
        if (extra?.alerts?.length) {
          // An acknowledgement made on the page meanwhile stays: the writer's copy predates it.
          const stored = await db.alerts.bulkGet(extra.alerts.map((a) => a.id));
          await db.alerts.bulkPut(extra.alerts.map((a, i) => ({ ...a, acknowledgedAt: stored[i]?.acknowledgedAt ?? a.acknowledgedAt })));
        }
        await db.meta.put({ key: logStateKey(this.endpoint), value: state });
        return { rows: rows.length, labels: labelsWritten, dropped: retention.dropped };
      });
      this.openLog = latest(openLog);
      this.openLabels = latest(openLabels);
      return result;
    } catch (error) {
      // Nothing was written: queue everything again, ahead of what was logged meanwhile, and forget the cached chunks.
      this.rows = rows.concat(this.rows);
      this.labels = labels.concat(this.labels);
      this.openLog.clear();
      this.openLabels.clear();
      throw new Error(describeStorageError(error), { cause: error });
    }
  }

  /** Appends `rows` to their windows' chunks; returns the chunks to put and updates `state` and `open`. */
  private async placeRows(state: PredictionLogState, rows: readonly LoggedRow[], open: Map<number, PredictionLogChunk>): Promise<PredictionLogChunk[]> {
    const puts: PredictionLogChunk[] = [];
    for (const [window, group] of byWindow(rows)) {
      const entry = windowEntry(state, window);
      let chunk = await this.openChunk(window, entry.lastChunk, entry.lastChunkRows, this.openLog.get(window), 'log');
      let offset = 0;
      while (offset < group.length) {
        if (chunkLength(chunk) >= LOG_CHUNK_ROWS) chunk = emptyChunk(this.endpoint, window, chunk.chunk + 1, this.source);
        const take = Math.min(LOG_CHUNK_ROWS - chunkLength(chunk), group.length - offset);
        chunk = appendRows(chunk, group.slice(offset, offset + take));
        offset += take;
        // A chunk filled and a new one started in the same flush: both are put, each once.
        if (puts.at(-1)?.chunk === chunk.chunk && puts.at(-1)?.window === window) puts[puts.length - 1] = chunk;
        else puts.push(chunk);
      }
      open.delete(window);
      if (chunkLength(chunk) < LOG_CHUNK_ROWS) open.set(window, chunk);
      entry.rows += group.length;
      entry.lastChunk = chunk.chunk;
      entry.lastChunkRows = chunkLength(chunk);
      state.rows += group.length;
      mergeColumns(state.columns, chunk.columns);
    }
    return puts;
  }

  /** Appends label arrivals to their windows' label chunks, like `placeRows`. */
  private async placeLabels(state: PredictionLogState, labels: readonly LabelArrival[], open: Map<number, LabelChunk>): Promise<{ puts: LabelChunk[]; written: number }> {
    const puts: LabelChunk[] = [];
    let written = 0;
    for (const [window, group] of byWindow(labels)) {
      const entry = windowEntry(state, window);
      // Every row of this window was dropped by the retention cap: its labels would join nothing.
      if (entry.lastChunk >= 0 && entry.rows === 0) continue;
      let chunk = await this.openChunk(window, entry.lastLabelChunk, entry.lastLabelChunkRows, this.openLabels.get(window), 'labels');
      let offset = 0;
      while (offset < group.length) {
        if (chunk.requestIds.length >= LOG_CHUNK_ROWS) chunk = { endpoint: this.endpoint, window, chunk: chunk.chunk + 1, requestIds: [], rowIndex: [], labels: [], arrivedAt: 0 };
        const part = group.slice(offset, offset + LOG_CHUNK_ROWS - chunk.requestIds.length);
        chunk = {
          ...chunk,
          requestIds: chunk.requestIds.concat(part.map((l) => l.requestId)),
          rowIndex: chunk.rowIndex.concat(part.map((l) => l.rowIndex)),
          labels: chunk.labels.concat(part.map((l) => l.label)),
          // One arrival time a chunk (the stored type's): the latest, so "labels up to" reads true.
          arrivedAt: part.reduce((latest, l) => Math.max(latest, l.arrivedAt), chunk.arrivedAt),
        };
        offset += part.length;
        if (puts.at(-1)?.chunk === chunk.chunk && puts.at(-1)?.window === window) puts[puts.length - 1] = chunk;
        else puts.push(chunk);
      }
      open.delete(window);
      if (chunk.requestIds.length < LOG_CHUNK_ROWS) open.set(window, chunk);
      written += group.length;
      entry.lastLabelChunk = chunk.chunk;
      entry.lastLabelChunkRows = chunk.requestIds.length;
    }
    return { puts, written };
  }

  /**
   * The chunk a window's next rows go to: the cached one when the state says it is still the
   * window's last chunk with the same length; else the stored last chunk when it is this writer's
   * kind (same source for the log) and not full; else a new empty chunk after it.
   */
  private async openChunk(window: number, last: number, lastRows: number, cached: PredictionLogChunk | undefined, kind: 'log'): Promise<PredictionLogChunk>;
  private async openChunk(window: number, last: number, lastRows: number, cached: LabelChunk | undefined, kind: 'labels'): Promise<LabelChunk>;
  private async openChunk(window: number, last: number, lastRows: number, cached: PredictionLogChunk | LabelChunk | undefined, kind: 'log' | 'labels'): Promise<PredictionLogChunk | LabelChunk> {
    const next = (): PredictionLogChunk | LabelChunk =>
      kind === 'log' ? emptyChunk(this.endpoint, window, last + 1, this.source) : { endpoint: this.endpoint, window, chunk: last + 1, requestIds: [], rowIndex: [], labels: [], arrivedAt: 0 };
    if (last < 0 || lastRows <= 0 || lastRows >= LOG_CHUNK_ROWS) return next();
    if (cached && cached.chunk === last && cached.requestIds.length === lastRows) return cached;
    const key: [string, number, number] = [this.endpoint, window, last];
    const stored = kind === 'log' ? await this.db.predictionLog.get(key) : await this.db.labelChunks.get(key);
    if (!stored || (kind === 'log' && (stored as PredictionLogChunk).source !== this.source)) return next();
    return stored;
  }

  /** Puts the given window summaries and lowers `loggedRows` on stored ones the cap dropped rows from. */
  private async putWindows(state: PredictionLogState, windows: readonly TrafficWindow[], dropped: ReadonlySet<number>): Promise<void> {
    const loggedRows = (window: number) => state.windows[String(window)]?.rows ?? 0;
    const given = new Set(windows.map((w) => w.window));
    const puts = windows.map((w) => ({ ...w, loggedRows: loggedRows(w.window) }));
    const others = [...dropped].filter((w) => !given.has(w));
    if (others.length > 0) {
      const stored = await this.db.trafficWindows.bulkGet(others.map((w): [string, number] => [this.endpoint, w]));
      for (const w of stored) if (w) puts.push({ ...w, loggedRows: loggedRows(w.window) });
    }
    if (puts.length > 0) await this.db.trafficWindows.bulkPut(puts);
  }
}

/** Open chunks cached per writer: a replay writes today's window and labels of the last few days. */
const CACHED_WINDOWS = 4;

/** The `CACHED_WINDOWS` most recently written entries (a long replay's earlier days are not held in memory). */
function latest<T>(open: Map<number, T>): Map<number, T> {
  for (const window of open.keys()) {
    if (open.size <= CACHED_WINDOWS) break;
    open.delete(window);
  }
  return open;
}

/** Items grouped by window, windows in first-seen order and items in their order. */
function byWindow<T extends { window: number }>(items: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.window);
    if (group) group.push(item);
    else groups.set(item.window, [item]);
  }
  return groups;
}
