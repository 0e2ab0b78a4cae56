/**
 * Exporting the prediction log as CSV or JSON lines: the data that retraining will use later, so
 * input columns come out under the names the requests sent (the names the model knows, for
 * clean traffic), one column each, in the model's order when the caller gives it.
 */
import Papa from 'papaparse';
import type { WorkbenchDatabase } from './db';
import { positionsIn } from './prediction-log-chunks';
import { hasRowPredicates, labelKey, logCursor, rowMatches, type LabelIndex } from './prediction-log-scan';
import { readLogState } from './prediction-log-state';
import type { LogFilter } from './prediction-log-types';
import type { PredictionLogChunk } from './serving-types';

export type LogExportFormat = 'csv' | 'jsonl';

/** Columns before the inputs, and after them. */
const LEADING = ['request_id', 'row', 'at', 'window', 'version', 'role', 'status', 'issues', 'latency_ms'] as const;
const TRAILING = ['prediction', 'score', 'label'] as const;
const FIXED = new Set<string>([...LEADING, ...TRAILING]);
const ISSUES = LEADING.indexOf('issues');

/**
 * The export's input column headers for `columns` (names, a name repeated for a request that sent
 * it twice): the name itself; its second occurrence `name_2`, and so on; a name that is also one of
 * the export's own columns (`label`, `prediction`…) gets `_input` added, so no header repeats.
 */
export function inputHeaders(columns: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((name) => {
    const k = (seen.get(name) ?? 0) + 1;
    seen.set(name, k);
    const base = k === 1 ? name : `${name}_${k}`;
    return FIXED.has(base) ? `${base}_input` : base;
  });
}

/**
 * The endpoint's log as text parts, oldest first (window order, rows as logged), for
 * `new Blob([...parts])` or a download stream: the header, then one part per chunk that has
 * matching rows. Each part ends with a line break, so joining them gives the file.
 *
 * Columns: request_id, row (index in its request), at (ISO 8601, UTC), window, version, role,
 * status, issues (`;`-joined in CSV, an array in JSON), latency_ms, then one column per input,
 * then prediction, score, label (empty in CSV, null in JSON, until the label arrives).
 * Inputs: `columns` when given (e.g. the model's contract columns, in its order; other columns
 * are left out), else every column the endpoint has logged, first-seen order (a column a row's
 * request did not send is empty / null). A value that is not a string, number or boolean is
 * written as its JSON.
 *
 * CSV follows RFC 4180 (papaparse's `unparse`): CRLF line ends, fields with a comma, quote, line
 * break or edge space quoted, quotes doubled. Values are not formula-escaped: a leading `-` is a
 * negative number here, and the file is data, not a spreadsheet. JSON lines: one object a line,
 * keys in the CSV's column order, `\n` line ends.
 *
 * Reads chunk by chunk (a few at a time), so a log of the full retention cap is never held whole.
 */
export async function* exportLog(db: WorkbenchDatabase, endpoint: string, format: LogExportFormat, filter: LogFilter = {}, options: { columns?: readonly string[] } = {}): AsyncGenerator<string> {
  const inputs = [...(options.columns ?? (await readLogState(db, endpoint)).columns)];
  const headers = [...LEADING, ...inputHeaders(inputs), ...TRAILING];
  if (format === 'csv') yield `${Papa.unparse([headers], { newline: '\r\n' })}\r\n`;
  const rowFilter = hasRowPredicates(filter);
  const cursor = logCursor(db, endpoint, filter.windows ?? {}, 'oldest');
  for (let batch = await cursor.next(); batch; batch = await cursor.next()) {
    for (const { chunk, labels } of batch) {
      const positions = positionsIn(inputs, chunk.columns);
      const lines: unknown[][] = [];
      for (let i = 0; i < chunk.requestIds.length; i++) {
        if (!rowFilter || rowMatches(chunk, i, filter, labels)) lines.push(exportRow(chunk, i, labels, positions, inputs.length));
      }
      if (lines.length === 0) continue;
      yield format === 'csv' ? `${Papa.unparse(lines.map((line) => line.map((value, k) => (k === ISSUES ? (value as string[]).join(';') : csvCell(value)))), { newline: '\r\n' })}\r\n` : lines.map((line) => `${jsonLine(headers, line)}\n`).join('');
    }
  }
}

/** The whole export as one string (small logs and tests; large ones should stream `exportLog`). */
export async function exportLogText(db: WorkbenchDatabase, endpoint: string, format: LogExportFormat, filter: LogFilter = {}, options: { columns?: readonly string[] } = {}): Promise<string> {
  const parts: string[] = [];
  for await (const part of exportLog(db, endpoint, format, filter, options)) parts.push(part);
  return parts.join('');
}

/** Row `i`'s values in header order (JSON types; `undefined` for an input not sent). */
function exportRow(chunk: PredictionLogChunk, i: number, labels: LabelIndex, positions: readonly number[], width: number): unknown[] {
  const values: unknown[] = new Array<unknown>(width).fill(undefined);
  const raw = chunk.inputs[i] ?? [];
  positions.forEach((position, slot) => {
    if (position >= 0) values[position] = raw[slot];
  });
  const at = chunk.at[i]!;
  const label = labels.get(labelKey(chunk.requestIds[i]!, chunk.rowIndex[i]!));
  return [
    chunk.requestIds[i],
    chunk.rowIndex[i],
    Number.isFinite(at) ? new Date(at).toISOString() : null,
    chunk.window,
    chunk.version[i],
    chunk.role[i],
    chunk.status[i],
    chunk.issues[i] ?? [],
    chunk.latencyMs[i],
    ...values,
    chunk.predictions[i] ?? null,
    chunk.scores[i] ?? null,
    label?.label ?? null,
  ];
}

/** A CSV field: empty for null or not sent, objects and arrays as JSON. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One JSON line: keys in header order, `undefined` (not sent) as null. */
function jsonLine(headers: readonly string[], values: readonly unknown[]): string {
  // No prototype: an input column named `__proto__` is a key like any other.
  const record = Object.create(null) as Record<string, unknown>;
  headers.forEach((header, i) => (record[header] = values[i] ?? null));
  return JSON.stringify(record);
}
