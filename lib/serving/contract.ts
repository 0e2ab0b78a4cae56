/**
 * The request contract of `POST /predict` (the MLOps Marathon's `{ id, columns, rows }`): parses
 * a body, judges each row against the model's data contract under a validation policy, and builds
 * the JSON answer. This file is also the model package's `contract.mjs`: the build emits it as
 * JavaScript (scripts/package-runtime.mjs), so the packaged Node server and the workbench's
 * endpoint give the same verdicts, word for word. It must stay self-contained: type imports only.
 *
 * Two levels of problem: a request that cannot be read (empty, not JSON, a wrong shape, too many
 * rows) throws a RequestError (HTTP 400); a bad row never throws, it gets issues and a verdict, and
 * the rest of its batch goes on. Values accepted go to `transformRecord` as sent, so the server
 * predicts exactly what the browser would.
 */
import type { FeatureEncoder } from '../data/encode-record';
import type { ContractColumn, DataContract, IssueKind, ValidationPolicy } from '../tracking/serving-types';
import type { ParsedRequest, PredictResponse, RequestId, RequestValue, ResponseModel, RowValidation, ValidatedRequest, ValidationIssue } from './contract-types';

export type { ParsedRequest, PredictResponse, RequestId, RequestValue, ResponseModel, RowValidation, RowVerdict, ValidatedRequest, ValidationIssue } from './contract-types';

/** Largest request body accepted, in bytes (answered with 413 above it). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Most rows accepted in one request. */
export const MAX_ROWS = 10000;
/** The validation policies, the package's `VALIDATION_POLICY` values. */
export const VALIDATION_POLICIES: readonly ValidationPolicy[] = ['reject', 'impute', 'pass'];

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

const show = (value: unknown): string => {
  const text = value === undefined ? 'nothing' : String(JSON.stringify(value));
  return text.length > 40 ? text.slice(0, 37) + '...' : text;
};
const list = (names: readonly string[]) => names.map((n) => JSON.stringify(n)).join(', ');
const plural = (n: number, word: string) => n + ' ' + word + (n === 1 ? '' : 's');

/** The body's id, columns (checked, named once each) and rows (not yet checked), or a RequestError. */
function readHead(body: unknown, expected: readonly string[]) {
  if (typeof body === 'string') {
    if (body.trim() === '') throw new RequestError(400, 'The request body is empty. Send JSON: {"id": "1", "columns": [...], "rows": [[...]]}.');
    try {
      body = JSON.parse(body);
    } catch (error) {
      throw new RequestError(400, 'The request body is not valid JSON (' + (error instanceof Error ? error.message : String(error)) + ').');
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RequestError(400, 'The request body must be a JSON object with "id", "columns" and "rows".');
  const fields = body as { id?: unknown; columns?: unknown; rows?: unknown };
  const id = fields.id === undefined ? null : fields.id;
  if (id !== null && typeof id !== 'string' && typeof id !== 'number') throw new RequestError(400, '"id" must be a string or a number.');
  const fail = (message: string): never => {
    throw new RequestError(400, message, id);
  };
  const columns = fields.columns;
  if (!Array.isArray(columns) || !columns.every((c) => typeof c === 'string')) return fail('"columns" must be an array of column names. This model takes: ' + list(expected) + '.');
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c)) fail('Column ' + JSON.stringify(c) + ' is named twice in "columns".');
    seen.add(c);
  }
  return { id, columns: columns as string[], rows: fields.rows, fail };
}

/** Names the request sent that the model does not take, and inputs it did not send. */
function schemaOf(columns: readonly string[], expected: readonly string[]) {
  const known = new Set(expected);
  const sent = new Set(columns);
  return { unknown: columns.filter((c) => !known.has(c)), missing: expected.filter((c) => !sent.has(c)) };
}

function refuseSchema(columns: readonly string[], expected: readonly string[], fail: (message: string) => never): void {
  const { unknown, missing } = schemaOf(columns, expected);
  if (unknown.length > 0) fail('Unknown column' + (unknown.length > 1 ? 's ' : ' ') + list(unknown) + '. This model takes: ' + list(expected) + '.');
  if (missing.length > 0) fail('Missing column' + (missing.length > 1 ? 's ' : ' ') + list(missing) + '. Send every input column (a value may be null when it is unknown): ' + list(expected) + '.');
}

function readRows(rows: unknown, fail: (message: string) => never): unknown[] {
  if (!Array.isArray(rows)) return fail('"rows" must be an array of rows, each an array of values in the order of "columns".');
  if (rows.length > MAX_ROWS) fail('Too many rows: ' + rows.length + '. Send at most ' + MAX_ROWS + ' rows per request.');
  return rows;
}

const wrongLength = (r: number, got: number, named: number) => 'row ' + r + ' has ' + plural(got, 'value') + ' but ' + plural(named, 'column') + (named === 1 ? ' was' : ' were') + ' named.';

/**
 * Parses a request body for a model whose raw input columns are described by `prep.encoders`, all
 * or nothing (the checks before per-row validation existed; `validateRequest` judges row by row).
 * Returns `{ id, records }`: one prototype-free object per row, column -> value, ready for
 * `transformRecord`. Throws RequestError(400) for an empty body, invalid JSON, a wrong shape,
 * missing, unknown or repeated columns, a row whose length differs from columns.length, a value of
 * the wrong type, or more than MAX_ROWS rows. Numeric columns take numbers, numeric strings,
 * true / false (1 / 0), or null / "" for a missing value; categorical columns take strings,
 * numbers or booleans (read as their text), or null / "".
 */
export function parseRequest(text: string, prep: { encoders: ReadonlyArray<Pick<FeatureEncoder, 'column' | 'kind'>> }): ParsedRequest {
  const kinds = new Map(prep.encoders.map((e) => [e.column, e.kind]));
  const expected = [...kinds.keys()];
  const { id, columns, rows, fail } = readHead(text, expected);
  refuseSchema(columns, expected, fail);
  const records = readRows(rows, fail).map((row: unknown, r: number) => {
    if (!Array.isArray(row)) return fail('row ' + r + ' is not an array of values.');
    if (row.length !== columns.length) fail(wrongLength(r, row.length, columns.length));
    // A prototype-free record: a column named "__proto__" cannot reach Object.prototype.
    const record: Record<string, RequestValue> = Object.create(null) as Record<string, RequestValue>;
    columns.forEach((c, i) => {
      const problem = typeProblem(row[i], kinds.get(c) === 'numeric');
      if (problem) fail('row ' + r + ', column ' + c + ': ' + problem.message);
      record[c] = row[i] as RequestValue;
    });
    return record;
  });
  return { id, records };
}

/** Why a value cannot be read as its column's type, or null when it can (null and "" are missing, not wrong). */
function typeProblem(value: unknown, numeric: boolean): { kind: IssueKind; message: string } | null {
  if (value === null || value === '') return null;
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  if (!numeric) return scalar ? null : { kind: 'wrong-type', message: 'expected a string, got ' + show(value) + '.' };
  // JSON reads 1e400 as Infinity; NaN only comes from a body built in memory (replayed traffic).
  if (typeof value === 'number') return Number.isFinite(value) ? null : { kind: 'malformed-number', message: Number.isNaN(value) ? 'expected a number, got NaN.' : 'expected a number, got one too large to represent.' };
  // true / false are read as 1 / 0, as training read a yes/no column.
  if (typeof value === 'boolean') return null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return null;
  return { kind: scalar ? 'malformed-number' : 'wrong-type', message: 'expected a number, got ' + show(value) + '.' };
}

// A contract's category lists as sets, built once per contract column (a request may hold 10,000 rows).
const categorySets = new WeakMap<ContractColumn, Set<string>>();
function categorySet(column: Extract<ContractColumn, { kind: 'categorical' }>): Set<string> {
  let set = categorySets.get(column);
  if (!set) categorySets.set(column, (set = new Set(column.categories)));
  return set;
}

/** One cell judged: its issue (or none) and the value `impute` gives the model in its place. */
function checkCell(value: unknown, column: ContractColumn, tolerance: number): { kind: IssueKind; message: string; imputed: RequestValue } | null {
  if (value === null || value === '') return column.missingRate === 0 ? { kind: 'missing', message: 'no value, and training had none missing.', imputed: null } : null;
  const problem = typeProblem(value, column.kind === 'numeric');
  if (problem) return { ...problem, imputed: null };
  if (column.kind === 'categorical') {
    return column.complete && !categorySet(column).has(String(value)) ? { kind: 'unseen-category', message: show(String(value)) + ' was not seen in training.', imputed: null } : null;
  }
  const { min, max } = column;
  if (min === null || max === null) return null;
  const v = Number(value);
  const slack = tolerance * (max - min);
  if (v >= min - slack && v <= max + slack) return null;
  return { kind: 'out-of-range', message: show(value) + ' is outside the training range ' + min + ' to ' + max + '.', imputed: Math.min(max, Math.max(min, v)) };
}

/**
 * Reads a request body (text, or a value already parsed from JSON) and judges every row against
 * `contract` under `policy`. Throws RequestError(400), worded as `parseRequest`, only when the
 * request cannot be read: empty body, invalid JSON, not an object, a bad "id", "columns" not
 * an array of strings or naming a column twice, "rows" not an array, more than MAX_ROWS rows; and,
 * under `reject` only, unknown or missing columns (under `impute` / `pass` they become issues on
 * every row: a missing column reads as null, an unknown one is ignored).
 *
 * A row never throws. Its issues: `malformed-row` (not an array, or the wrong length: always
 * rejected), `malformed-number`, `wrong-type`, `missing` (null or "" where training had none
 * missing), `unseen-category`, `out-of-range` (past `rangeTolerance` × the training range),
 * `duplicate-row` (a repeat of an earlier row of the request: flagged, never rejected for it).
 * Verdicts: a clean row is `ok`, its record the values as sent. Under `reject` any other issue
 * rejects the row (record null); under `impute` it is `flagged` and bad values become null (the
 * training mean or mode) and out-of-range numbers are clipped to [min, max]; under `pass` it is
 * `flagged` with the values as sent (objects and arrays, which no column holds, as null).
 * `rows: []` gives the request issue `empty-batch`. Records are prototype-free, keyed by the
 * contract's columns: a column named "__proto__" is an ordinary key.
 */
export function validateBody(body: unknown, contract: DataContract, policy: ValidationPolicy): ValidatedRequest {
  const expected = contract.columns.map((c) => c.name);
  const { id, columns, rows, fail } = readHead(body, expected);
  if (policy === 'reject') refuseSchema(columns, expected, fail);
  const received = readRows(rows, fail);
  const { unknown, missing } = schemaOf(columns, expected);
  const index = new Map(columns.map((c, i) => [c, i]));
  // Where each contract column sits in the request, looked up once per request, not per cell.
  const slots = contract.columns.map((column) => ({ column, name: column.name, i: index.get(column.name) }));
  const schemaIssues = unknown.length + missing.length > 0;
  const firstSeen = new Map<string, number>();
  const judged = received.map((raw, r): RowValidation => {
    const values = Array.isArray(raw) ? raw : [raw];
    if (!Array.isArray(raw) || raw.length !== columns.length) {
      const message = Array.isArray(raw) ? wrongLength(r, raw.length, columns.length) : 'row ' + r + ' is not an array of values.';
      return { row: r, verdict: 'rejected', issues: [{ kind: 'malformed-row', column: null, message }], record: null, values };
    }
    const at = 'row ' + r + ', column ';
    const issues: ValidationIssue[] = schemaIssues
      ? [
          ...unknown.map((c): ValidationIssue => ({ kind: 'schema-unknown-column', column: c, message: at + c + ': not an input of this model (ignored).' })),
          ...missing.map((c): ValidationIssue => ({ kind: 'schema-missing-column', column: c, message: at + c + ': not sent (read as missing).' })),
        ]
      : [];
    const sent: Record<string, RequestValue> = Object.create(null) as Record<string, RequestValue>;
    // Made only when a value must be replaced (impute): most rows are clean.
    let imputed: Record<string, RequestValue> | null = null;
    for (const { column, name, i } of slots) {
      const value: unknown = i === undefined ? null : raw[i];
      const scalar = value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
      sent[name] = scalar ? value : null;
      const problem = i === undefined ? null : checkCell(value, column, contract.rangeTolerance);
      if (!problem) continue;
      issues.push({ kind: problem.kind, column: name, message: at + name + ': ' + problem.message });
      imputed ??= Object.assign(Object.create(null) as Record<string, RequestValue>, sent);
      imputed[name] = problem.imputed;
    }
    const blocking = issues.length > 0;
    // Identical rows are flagged, never rejected for it: a client may well send the same input twice.
    const key = rowKey(raw);
    const first = key === null ? undefined : firstSeen.get(key);
    if (key !== null && first === undefined) firstSeen.set(key, r);
    else if (first !== undefined) issues.push({ kind: 'duplicate-row', column: null, message: 'row ' + r + ' repeats row ' + first + '.' });
    if (!blocking) return { row: r, verdict: issues.length > 0 ? 'flagged' : 'ok', issues, record: sent, values };
    if (policy === 'reject') return { row: r, verdict: 'rejected', issues, record: null, values };
    return { row: r, verdict: 'flagged', issues, record: policy === 'impute' ? fillImputed(imputed, sent) : sent, values };
  });
  const requestIssues: ValidationIssue[] = received.length === 0 ? [{ kind: 'empty-batch', column: null, message: 'The request has no rows: there is nothing to predict.' }] : [];
  return { id, policy, columns, rows: judged, requestIssues };
}

/** The imputed record: replaced values where a cell had a problem, the sent ones elsewhere (later cells were sent after the copy). */
function fillImputed(imputed: Record<string, RequestValue> | null, sent: Record<string, RequestValue>): Record<string, RequestValue> {
  if (!imputed) return sent;
  for (const key of Object.keys(sent)) if (!(key in imputed)) imputed[key] = sent[key]!;
  return imputed;
}

/** A row's identity for spotting repeats; null for a row built in memory that JSON cannot spell (a cycle, a BigInt). */
function rowKey(row: unknown[]): string | null {
  try {
    return JSON.stringify(row);
  } catch {
    return null;
  }
}

/** `validateBody` of a body's text: the package server's entry point. Same errors and verdicts. */
export function validateRequest(text: string, contract: DataContract, policy: ValidationPolicy): ValidatedRequest {
  return validateBody(text, contract, policy);
}

/** The records to predict, one per row not rejected, in row order (what `transformRecords` takes). */
export function acceptedRecords(request: ValidatedRequest): Array<Record<string, RequestValue>> {
  return request.rows.flatMap((r) => (r.record ? [r.record] : []));
}

/**
 * The answer to a validated request. `raw` holds the model's raw outputs for the accepted rows, in
 * row order (one entry per row with a record): one value (regression) or one probability per class
 * (classification, where the label is the most probable class, the first on a tie). Rejected rows
 * answer null. `version` is included when given. Throws when `raw` has not one entry per accepted
 * row (a caller's bug, not the client's).
 */
export function buildResponse(request: ValidatedRequest, raw: ReadonlyArray<ArrayLike<number>>, model: ResponseModel): PredictResponse {
  const accepted = request.rows.filter((r) => r.record !== null);
  if (raw.length !== accepted.length) throw new Error('The model answered ' + raw.length + ' rows for ' + accepted.length + ' accepted rows.');
  const predictions: Array<number | string | null> = request.rows.map(() => null);
  const probabilities: Array<number[] | null> = request.rows.map(() => null);
  accepted.forEach(({ row }, j) => {
    const out = Array.from(raw[j]!);
    if (model.task === 'regression') {
      predictions[row] = out[0]!;
      return;
    }
    let best = 0;
    for (let c = 1; c < out.length; c++) if (out[c]! > out[best]!) best = c;
    predictions[row] = model.classNames[best]!;
    probabilities[row] = out;
  });
  const flagged = request.rows.filter((r) => r.verdict === 'flagged').length;
  const validation = {
    policy: request.policy,
    rejected: request.rows.length - accepted.length,
    flagged,
    issues: request.requestIssues,
    rows: request.rows.filter((r) => r.issues.length > 0).map(({ row, verdict, issues }) => ({ row, verdict, issues })),
  };
  const classes = model.task === 'classification' ? { classes: [...model.classNames], probabilities } : {};
  const version = typeof model.version === 'number' ? { version: model.version } : {};
  return { id: request.id, predictions, ...classes, ...version, validation };
}
