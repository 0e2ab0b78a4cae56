/**
 * Arithmetic on stored log chunks: appending rows, dropping the oldest, and the chunk's input
 * columns.
 *
 * A chunk's `columns` is the union of the columns its rows' requests sent, in first-seen order, and
 * each row's `inputs` holds its values at those positions, `undefined` where its request did not
 * send that column. Dirty traffic renames, drops or adds a column in a few requests scattered
 * through a day: a new chunk at every change would cut the log into chunks of a few rows (a row
 * per request, in the worst case), so a changed request widens the open chunk's column list
 * instead. JSON has no `undefined`, so a value the request did send is never `undefined`: one sent
 * as `undefined` is logged as `null`, as the wire would carry it. A name sent twice in one request
 * takes two positions (its first and second occurrence), so no value is lost.
 */
import type { LoggedRow } from './prediction-log-types';
import type { PredictionLogChunk } from './serving-types';

/** Rows in a chunk. */
export function chunkLength(chunk: Pick<PredictionLogChunk, 'requestIds'>): number {
  return chunk.requestIds.length;
}

/** A chunk with no rows yet. */
export function emptyChunk(endpoint: string, window: number, chunk: number, source: string): PredictionLogChunk {
  return { endpoint, window, chunk, source, columns: [], requestIds: [], rowIndex: [], at: [], version: [], role: [], latencyMs: [], inputs: [], predictions: [], scores: [], status: [], issues: [] };
}

/**
 * Positions of `columns` in `union`, by name and occurrence (the second `a` of a request maps to
 * the second `a` of the union); -1 where `union` lacks it.
 */
export function positionsIn(union: readonly string[], columns: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return columns.map((name) => {
    const occurrence = seen.get(name) ?? 0;
    seen.set(name, occurrence + 1);
    for (let i = 0, k = 0; i < union.length; i++) {
      if (union[i] !== name) continue;
      if (k === occurrence) return i;
      k++;
    }
    return -1;
  });
}

/** Like `positionsIn`, appending to `union` (in place) the columns it lacks. */
export function slotsIn(union: string[], columns: readonly string[]): number[] {
  return positionsIn(union, columns).map((position, i) => {
    if (position >= 0) return position;
    union.push(columns[i]!);
    return union.length - 1;
  });
}

/**
 * `chunk` with `rows` appended: a new object with new arrays (the stored or cached one is left as
 * it was, so a failed transaction leaves nothing half-changed in memory). Rows must all belong to
 * the chunk's window; the caller keeps the total within `LOG_CHUNK_ROWS`.
 */
export function appendRows(chunk: PredictionLogChunk, rows: readonly LoggedRow[]): PredictionLogChunk {
  const columns = [...chunk.columns];
  const slotCache = new Map<string, number[]>();
  const inputs = rows.map((row) => {
    const signature = row.columns.join('\u0000');
    let slots = slotCache.get(signature);
    if (!slots) {
      slots = slotsIn(columns, row.columns);
      slotCache.set(signature, slots);
    }
    const values: unknown[] = [];
    slots.forEach((slot, i) => {
      while (values.length < slot) values.push(undefined);
      values[slot] = row.inputs[i] === undefined ? null : row.inputs[i];
    });
    return values;
  });
  return {
    ...chunk,
    columns,
    requestIds: chunk.requestIds.concat(rows.map((r) => r.requestId)),
    rowIndex: chunk.rowIndex.concat(rows.map((r) => r.rowIndex)),
    at: chunk.at.concat(rows.map((r) => r.at)),
    version: chunk.version.concat(rows.map((r) => r.version)),
    role: chunk.role.concat(rows.map((r) => r.role)),
    latencyMs: chunk.latencyMs.concat(rows.map((r) => r.latencyMs)),
    inputs: chunk.inputs.concat(inputs),
    predictions: chunk.predictions.concat(rows.map((r) => r.prediction)),
    scores: chunk.scores.concat(rows.map((r) => r.score)),
    status: chunk.status.concat(rows.map((r) => r.status)),
    issues: chunk.issues.concat(rows.map((r) => [...r.issues])),
  };
}

/** `chunk` without its first `count` rows (a new object; its column list is kept). */
export function dropOldestRows(chunk: PredictionLogChunk, count: number): PredictionLogChunk {
  return {
    ...chunk,
    requestIds: chunk.requestIds.slice(count),
    rowIndex: chunk.rowIndex.slice(count),
    at: chunk.at.slice(count),
    version: chunk.version.slice(count),
    role: chunk.role.slice(count),
    latencyMs: chunk.latencyMs.slice(count),
    inputs: chunk.inputs.slice(count),
    predictions: chunk.predictions.slice(count),
    scores: chunk.scores.slice(count),
    status: chunk.status.slice(count),
    issues: chunk.issues.slice(count),
  };
}

/** The columns row `i` of `chunk` sent and its values, in the chunk's column order. */
export function rowInputs(chunk: Pick<PredictionLogChunk, 'columns' | 'inputs'>, i: number): { columns: string[]; values: unknown[] } {
  const raw = chunk.inputs[i] ?? [];
  const columns: string[] = [];
  const values: unknown[] = [];
  raw.forEach((value, slot) => {
    if (value === undefined) return;
    columns.push(chunk.columns[slot] ?? `column ${slot + 1}`);
    values.push(value);
  });
  return { columns, values };
}

/** Adds to `union` (in place) the columns of `more` it lacks, by name and occurrence. */
export function mergeColumns(union: string[], more: readonly string[]): void {
  slotsIn(union, more);
}
