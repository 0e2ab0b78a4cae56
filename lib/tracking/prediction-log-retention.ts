/**
 * The retention cap: an endpoint's log keeps its latest `cap` rows. Runs inside the writer's flush
 * transaction, after the new rows are written, so the log never holds more than the cap once a
 * flush commits, and a failed flush drops nothing.
 *
 * "Oldest" is key order: the lowest window, then the lowest chunk, then the first row of a chunk
 * (rows are appended in arrival order). Whole chunks are deleted while they fit in the excess and
 * the next one loses just its first rows, so exactly `cap` rows stay. Label chunks of a window whose
 * rows are all gone are deleted too; labels of a window that still has rows stay (a few may then
 * match nothing, which the join ignores). Window summaries stay, with `loggedRows` lowered.
 */
import type { WorkbenchDatabase } from './db';
import { chunkLength, dropOldestRows } from './prediction-log-chunks';
import { LOG_CHUNK_ROWS, type PredictionLogState } from './prediction-log-types';
import { windowEntry } from './prediction-log-state';
import type { PredictionLogChunk } from './serving-types';

/** What enforcing the cap changed. */
export interface RetentionResult {
  /** Rows dropped by this flush. */
  dropped: number;
  /** Chunks changed, by `${window}:${chunk}`: the trimmed chunk, or null when deleted. */
  chunks: Map<string, PredictionLogChunk | null>;
  /** Windows that lost rows. */
  windows: Set<number>;
}

/**
 * Drops the oldest rows of `endpoint` until `state.rows` ≤ `cap`, updating `state` (rows, dropped,
 * per-window rows and last-chunk lengths) in place. Must run inside a transaction over
 * `predictionLog` and `labelChunks`. A cap of 0 drops everything; reads only the chunks it drops
 * (plus one it trims).
 */
export async function enforceRetention(db: WorkbenchDatabase, endpoint: string, state: PredictionLogState, cap: number): Promise<RetentionResult> {
  const result: RetentionResult = { dropped: 0, chunks: new Map(), windows: new Set() };
  let excess = state.rows - Math.max(0, cap);
  while (excess > 0) {
    // Chunks hold up to LOG_CHUNK_ROWS rows but may hold fewer (a window's last chunk, a source's own chunk): read a few more than the minimum.
    const oldest = await db.predictionLog
      .where('[endpoint+window+chunk]')
      .between([endpoint, -Infinity, -Infinity], [endpoint, Infinity, Infinity])
      .limit(Math.ceil(excess / LOG_CHUNK_ROWS) + 2)
      .toArray();
    if (oldest.length === 0) break; // the state counted rows that are not there: nothing left to drop
    const deleted: Array<[string, number, number]> = [];
    let trimmed: PredictionLogChunk | null = null;
    for (const chunk of oldest) {
      if (excess <= 0) break;
      const rows = chunkLength(chunk);
      const take = Math.min(rows, excess);
      const entry = windowEntry(state, chunk.window);
      entry.rows -= take;
      excess -= take;
      result.dropped += take;
      result.windows.add(chunk.window);
      const key = `${chunk.window}:${chunk.chunk}`;
      if (take === rows) {
        deleted.push([endpoint, chunk.window, chunk.chunk]);
        result.chunks.set(key, null);
        if (entry.lastChunk === chunk.chunk) entry.lastChunkRows = 0;
      } else {
        trimmed = dropOldestRows(chunk, take);
        result.chunks.set(key, trimmed);
        if (entry.lastChunk === chunk.chunk) entry.lastChunkRows = chunkLength(trimmed);
      }
    }
    if (deleted.length > 0) await db.predictionLog.bulkDelete(deleted);
    if (trimmed) await db.predictionLog.put(trimmed);
  }
  state.rows -= result.dropped;
  state.dropped += result.dropped;
  for (const window of result.windows) {
    const entry = windowEntry(state, window);
    if (entry.rows > 0) continue;
    entry.lastLabelChunkRows = 0;
    await db.labelChunks.where('[endpoint+window+chunk]').between([endpoint, window, -Infinity], [endpoint, window, Infinity]).delete();
  }
  return result;
}
