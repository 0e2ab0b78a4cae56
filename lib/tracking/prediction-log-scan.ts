/**
 * Walking an endpoint's log chunk by chunk, in key order or its reverse, within a window range,
 * with the labels of each chunk's window joined. Shared by the log's reader and its export. Only
 * chunks in the window range are read (a key range, not a filter), a few at a time, so a page of
 * the newest rows reads the newest chunks and stops.
 */
import type { WorkbenchDatabase } from './db';
import { rowInputs } from './prediction-log-chunks';
import type { LogFilter, LogRow } from './prediction-log-types';
import type { LabelChunk, PredictionLogChunk } from './serving-types';

/** Labels by request id and row index (`labelKey`). A later arrival for the same row wins. */
export type LabelIndex = Map<string, { label: number | string; arrivedAt: number }>;

/** The join key of a logged row and its label. */
export function labelKey(requestId: string, rowIndex: number): string {
  return `${requestId}\u0000${rowIndex}`;
}

/** Indexes label chunks for the join (chunks in key order, so the latest arrival wins). */
export function indexLabels(labelChunks: readonly LabelChunk[], into: LabelIndex = new Map()): LabelIndex {
  for (const chunk of labelChunks) {
    chunk.requestIds.forEach((id, i) => into.set(labelKey(id, chunk.rowIndex[i]!), { label: chunk.labels[i]!, arrivedAt: chunk.arrivedAt }));
  }
  return into;
}

/** Row `i` of `chunk` as a `LogRow`, its label (if any) from `labels`. */
export function logRowAt(chunk: PredictionLogChunk, i: number, labels: LabelIndex): LogRow {
  const label = labels.get(labelKey(chunk.requestIds[i]!, chunk.rowIndex[i]!));
  const { columns, values } = rowInputs(chunk, i);
  return {
    window: chunk.window,
    source: chunk.source,
    requestId: chunk.requestIds[i]!,
    rowIndex: chunk.rowIndex[i]!,
    at: chunk.at[i]!,
    version: chunk.version[i]!,
    role: chunk.role[i]!,
    latencyMs: chunk.latencyMs[i]!,
    columns,
    values,
    prediction: chunk.predictions[i] ?? null,
    score: chunk.scores[i] ?? null,
    status: chunk.status[i]!,
    issues: [...(chunk.issues[i] ?? [])],
    label: label?.label ?? null,
    labelArrivedAt: label?.arrivedAt ?? null,
  };
}

/**
 * Every row of `chunks` (in their order, rows in logged order) with its label joined by request id
 * and row index. Labels that match no row are ignored; a row with no label has `label: null`.
 */
export function joinLabels(chunks: readonly PredictionLogChunk[], labelChunks: readonly LabelChunk[]): LogRow[] {
  const labels = indexLabels(labelChunks);
  return chunks.flatMap((chunk) => chunk.requestIds.map((_, i) => logRowAt(chunk, i, labels)));
}

/** Whether a filter looks inside rows (anything beyond the window range). */
export function hasRowPredicates(filter: LogFilter): boolean {
  return filter.version !== undefined || filter.status !== undefined || filter.issue !== undefined || filter.role !== undefined || filter.labelled !== undefined || !!filter.requestId;
}

/** Whether row `i` of `chunk` passes `filter`'s row predicates (the window range is the scan's). */
export function rowMatches(chunk: PredictionLogChunk, i: number, filter: LogFilter, labels: LabelIndex): boolean {
  if (filter.version !== undefined && chunk.version[i] !== filter.version) return false;
  if (filter.status !== undefined && chunk.status[i] !== filter.status) return false;
  if (filter.role !== undefined && chunk.role[i] !== filter.role) return false;
  if (filter.issue !== undefined && !(chunk.issues[i] ?? []).includes(filter.issue)) return false;
  if (filter.requestId && !chunk.requestIds[i]!.toLowerCase().includes(filter.requestId.toLowerCase())) return false;
  if (filter.labelled !== undefined && labels.has(labelKey(chunk.requestIds[i]!, chunk.rowIndex[i]!)) !== filter.labelled) return false;
  return true;
}

export type ScanOrder = 'newest' | 'oldest';

/** A chunk as a scan hands it out, with the labels of its window. */
export interface ScannedChunk {
  chunk: PredictionLogChunk;
  labels: LabelIndex;
}

/**
 * A cursor over the endpoint's chunks within `windows` (inclusive), newest first (highest window,
 * then highest chunk) or oldest first. Each `next()` reads the next few chunks (1, doubling up to
 * 16, so an early stop reads little) with their windows' labels; null when done. It awaits only
 * Dexie, so it may run inside a transaction. Outside one each batch is its own read: rows that a
 * concurrent flush adds to a chunk already passed are not seen.
 */
export function logCursor(db: WorkbenchDatabase, endpoint: string, windows: { from?: number; to?: number }, order: ScanOrder): { next(): Promise<ScannedChunk[] | null> } {
  const lowest: [string, number, number] = [endpoint, windows.from ?? -Infinity, -Infinity];
  const highest: [string, number, number] = [endpoint, windows.to ?? Infinity, Infinity];
  const labelsByWindow = new Map<number, LabelIndex>();
  let after: [string, number, number] | null = null;
  let size = 1;
  let done = false;
  return {
    async next() {
      if (done) return null;
      const range = db.predictionLog.where('[endpoint+window+chunk]');
      const batch: PredictionLogChunk[] =
        order === 'newest'
          ? await range.between(lowest, after ?? highest, true, after === null).reverse().limit(size).toArray()
          : await range.between(after ?? lowest, highest, after === null, true).limit(size).toArray();
      if (batch.length < size) done = true;
      if (batch.length === 0) return null;
      const last = batch.at(-1)!;
      after = [endpoint, last.window, last.chunk];
      size = Math.min(16, size * 2);
      await loadLabels(db, endpoint, batch, labelsByWindow);
      const scanned = batch.map((chunk) => ({ chunk, labels: labelsByWindow.get(chunk.window) ?? new Map() }));
      // Windows behind the scan are done: their labels need not stay in memory through a long export.
      for (const w of labelsByWindow.keys()) if (order === 'newest' ? w > last.window : w < last.window) labelsByWindow.delete(w);
      return scanned;
    },
  };
}

/** Visits chunks as `logCursor` hands them out until `visit` returns false or none are left. */
export async function scanLog(
  db: WorkbenchDatabase,
  endpoint: string,
  windows: { from?: number; to?: number },
  order: ScanOrder,
  visit: (chunk: PredictionLogChunk, labels: LabelIndex) => boolean,
): Promise<void> {
  const cursor = logCursor(db, endpoint, windows, order);
  for (let batch = await cursor.next(); batch; batch = await cursor.next()) {
    for (const { chunk, labels } of batch) if (!visit(chunk, labels)) return;
  }
}

/** Loads the labels of the batch's windows not loaded yet, in one query over their span. */
async function loadLabels(db: WorkbenchDatabase, endpoint: string, batch: readonly PredictionLogChunk[], loaded: Map<number, LabelIndex>): Promise<void> {
  const missing = [...new Set(batch.map((c) => c.window))].filter((w) => !loaded.has(w));
  if (missing.length === 0) return;
  const from = Math.min(...missing);
  const to = Math.max(...missing);
  for (const w of missing) loaded.set(w, new Map());
  const chunks = await db.labelChunks.where('[endpoint+window+chunk]').between([endpoint, from, -Infinity], [endpoint, to, Infinity], true, true).toArray();
  for (const chunk of chunks) {
    const index = loaded.get(chunk.window);
    if (index && missing.includes(chunk.window)) indexLabels([chunk], index);
  }
}
