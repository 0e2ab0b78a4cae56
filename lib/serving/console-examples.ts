import type { StoredPreprocessing } from '../ml/predictor';
import { exampleRequest } from '../registry/package/example';
import { MAX_ROWS } from './contract';

/** A request the console can fill in: a name, and the body text to send. */
export interface ConsoleExample {
  id: string;
  label: string;
  body: string;
}

/**
 * Requests for the console: a good one (typical training values, and a row with a missing value),
 * then the hostile ones every endpoint must survive, each answered with the package server's
 * wording: an empty body, invalid JSON, a row of the wrong length, a non-numeric value, an unknown
 * and a missing column, too many rows, a dirty batch (one bad row among good ones).
 */
export function consoleExamples(prep: StoredPreprocessing): ConsoleExample[] {
  const good = exampleRequest(prep);
  const numericIndex = prep.encoders.findIndex((e) => e.kind === 'numeric');
  const first = good.rows[0]!;
  const pretty = (value: unknown) => JSON.stringify(value, null, 2);
  const malformed = first.map((v, i) => (i === numericIndex ? '12,5' : v));
  const examples: ConsoleExample[] = [
    { id: 'good', label: 'A good request', body: pretty(good) },
    { id: 'empty', label: 'Empty body', body: '' },
    { id: 'invalid-json', label: 'Invalid JSON', body: '{"id": "bad-1", "columns": [' },
    { id: 'wrong-length', label: 'Wrong column count', body: pretty({ id: 'bad-2', columns: good.columns, rows: [first.slice(0, -1)] }) },
    { id: 'unknown-column', label: 'Unknown column', body: pretty({ id: 'bad-4', columns: [...good.columns.slice(0, -1), 'colour'], rows: [[...first.slice(0, -1), 'red']] }) },
    { id: 'missing-column', label: 'Missing column', body: pretty({ id: 'bad-5', columns: good.columns.slice(1), rows: [first.slice(1)] }) },
    { id: 'too-many-rows', label: 'Too many rows', body: JSON.stringify({ id: 'bad-6', columns: good.columns, rows: Array.from({ length: MAX_ROWS + 1 }, () => first) }) },
    { id: 'dirty-batch', label: 'A dirty batch', body: pretty({ id: 'dirty-1', columns: good.columns, rows: [first, malformed, first.map(() => null), first] }) },
  ];
  if (numericIndex >= 0) examples.splice(4, 0, { id: 'not-a-number', label: 'Non-numeric value', body: pretty({ id: 'bad-3', columns: good.columns, rows: [first.map((v, i) => (i === numericIndex ? 'N/A' : v))] }) });
  return examples;
}
