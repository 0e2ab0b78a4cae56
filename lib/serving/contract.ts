/**
 * The request contract of `POST /predict` (the MLOps Marathon's `{ id, columns, rows }`): parses
 * and checks a body before anything reaches the model. This file is also the model package's
 * `contract.mjs`: the build emits it as JavaScript (scripts/package-runtime.mjs), so the packaged
 * Node server and the workbench's endpoint give the same verdicts, word for word. It must stay
 * self-contained: type imports only.
 *
 * Values accepted here go to `transformRecord` unchanged, so the server predicts exactly what the
 * browser would; what the browser would silently treat as missing (a non-numeric string in a
 * numeric column) is refused here with the row and column named.
 */
import type { FeatureEncoder } from '../data/encode-record';

/** Largest request body accepted, in bytes (answered with 413 above it). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Most rows accepted in one request. */
export const MAX_ROWS = 10000;

/** A request id as the contract allows it. */
export type RequestId = string | number | null;

/** One value as a request may send it. */
export type RequestValue = number | string | boolean | null;

/** A request the server refuses: an HTTP status and a sentence for the caller. */
export class RequestError extends Error {
  readonly status: number;
  readonly id: RequestId | undefined;
  constructor(status: number, message: string, id?: RequestId) {
    super(message);
    this.name = 'RequestError';
    this.status = status;
    this.id = id;
  }
}

/** A parsed request: its id and one record (column -> value) per row, for `transformRecord`. */
export interface ParsedRequest {
  id: RequestId;
  records: Array<Record<string, RequestValue>>;
}

const show = (value: unknown): string => {
  const text = value === undefined ? 'nothing' : String(JSON.stringify(value));
  return text.length > 40 ? text.slice(0, 37) + '...' : text;
};
const list = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(', ');

/**
 * Parses a request body for a model whose raw input columns are described by `prep.encoders`.
 * Returns `{ id, records }`: one object per row, column -> value, ready for `transformRecord`.
 * Throws RequestError(400) for an empty body, invalid JSON, a wrong shape, missing, unknown or
 * repeated columns, a row whose length differs from columns.length, a value of the wrong type,
 * or more than MAX_ROWS rows. Numeric columns take numbers, numeric strings, true / false (1 / 0),
 * or null / "" for a missing value (imputed with the training mean); categorical columns take
 * strings, numbers or booleans (read as their text), or null / "" (the training mode).
 */
export function parseRequest(text: string, prep: { encoders: ReadonlyArray<Pick<FeatureEncoder, 'column' | 'kind'>> }): ParsedRequest {
  if (text.trim() === '') throw new RequestError(400, 'The request body is empty. Send JSON: {"id": "1", "columns": [...], "rows": [[...]]}.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw new RequestError(400, 'The request body is not valid JSON (' + (error instanceof Error ? error.message : String(error)) + ').');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RequestError(400, 'The request body must be a JSON object with "id", "columns" and "rows".');
  const fields = body as { id?: unknown; columns?: unknown; rows?: unknown };
  const id = fields.id === undefined ? null : fields.id;
  if (id !== null && typeof id !== 'string' && typeof id !== 'number') throw new RequestError(400, '"id" must be a string or a number.');
  const fail = (message: string): never => {
    throw new RequestError(400, message, id);
  };
  const kinds = new Map(prep.encoders.map((e) => [e.column, e.kind]));
  const expected = [...kinds.keys()];
  const { columns, rows } = fields;
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) return fail('"columns" must be an array of column names. This model takes: ' + list(expected) + '.');
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) fail('Column ' + JSON.stringify(c) + ' is named twice in "columns".');
    seen.add(c);
  }
  const unknown = columns.filter((c) => !kinds.has(c));
  if (unknown.length > 0) fail('Unknown column' + (unknown.length > 1 ? 's ' : ' ') + list(unknown) + '. This model takes: ' + list(expected) + '.');
  const missing = expected.filter((c) => !seen.has(c));
  if (missing.length > 0) fail('Missing column' + (missing.length > 1 ? 's ' : ' ') + list(missing) + '. Send every input column (a value may be null when it is unknown): ' + list(expected) + '.');
  if (!Array.isArray(rows)) return fail('"rows" must be an array of rows, each an array of values in the order of "columns".');
  if (rows.length > MAX_ROWS) fail('Too many rows: ' + rows.length + '. Send at most ' + MAX_ROWS + ' rows per request.');
  const records = rows.map((row: unknown, r: number) => {
    if (!Array.isArray(row)) return fail('row ' + r + ' is not an array of values.');
    if (row.length !== columns.length) fail('row ' + r + ' has ' + row.length + ' value' + (row.length === 1 ? '' : 's') + ' but ' + columns.length + ' column' + (columns.length === 1 ? ' was' : 's were') + ' named.');
    // A prototype-free record: a column named "__proto__" cannot reach Object.prototype.
    const record: Record<string, RequestValue> = Object.create(null) as Record<string, RequestValue>;
    columns.forEach((c, i) => {
      record[c] = checkValue(row[i], kinds.get(c)!, r, c, fail);
    });
    return record;
  });
  return { id, records };
}

function checkValue(value: unknown, kind: FeatureEncoder['kind'], r: number, column: string, fail: (message: string) => never): RequestValue {
  if (value === null || value === '') return value;
  if (kind === 'numeric') {
    if (typeof value === 'number') return Number.isFinite(value) ? value : fail('row ' + r + ', column ' + column + ': expected a number, got one too large to represent.');
    // true / false are read as 1 / 0, as training read a yes/no column.
    if (typeof value === 'boolean') return value;
    if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return value;
    return fail('row ' + r + ', column ' + column + ': expected a number, got ' + show(value) + '.');
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return fail('row ' + r + ', column ' + column + ': expected a string, got ' + show(value) + '.');
}
