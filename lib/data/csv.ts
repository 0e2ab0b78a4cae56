/**
 * Parsing a learner's own CSV file into a typed `DataTable` plus a data report: inferred types,
 * missing vs malformed counts, columns that cannot be model inputs, and every malformed row
 * accounted for. Nothing is dropped silently — that is the lesson of the data-validation step.
 */
import { inferColumn, unusableReason } from './csv-infer';
import { countLines, detectDelimiter, readRows, type CsvDelimiter, type MalformedRow } from './csv-rows';
import type { ColumnType, DataTable } from './table';

export type { CsvDelimiter, MalformedRow } from './csv-rows';

/** Largest CSV the workbench parses: 20 MiB (it all lives in the tab's memory). */
export const CSV_MAX_BYTES = 20 * 1024 * 1024;
/** Most data rows the workbench parses (training in the browser slows down past this). */
export const CSV_MAX_ROWS = 200_000;

/** What the data report says about one column. */
export interface CsvColumnReport {
  name: string;
  type: ColumnType;
  /** Cells that were empty or NA, N/A, null, NaN, "-", "?". */
  missing: number;
  /** Cells present but not of the column's type (now null in the table). */
  malformed: number;
  /** Distinct non-null values. */
  distinct: number;
  /** False when the column cannot be a model input; it stays in the table. */
  usable: boolean;
  /** Why it is unusable (only when `usable` is false). */
  reason?: string;
}

export interface CsvReport {
  fileName: string | null;
  /** Data rows kept in the table. */
  rows: number;
  /** Physical lines in the file, header included, trailing blank lines not. */
  totalLines: number;
  delimiter: CsvDelimiter;
  columns: CsvColumnReport[];
  /** Rows set aside (wrong field count, broken quotes); never in the table. */
  malformedRowCount: number;
  /** The first 50 of them, by line. */
  malformedRows: MalformedRow[];
  /** Plain sentences about renamed columns, set-aside rows and malformed cells. */
  warnings: string[];
}

export type CsvParseResult = { ok: true; table: DataTable; report: CsvReport } | { ok: false; error: string };

export interface CsvParseOptions {
  /** Size limit in bytes (UTF-8); default `CSV_MAX_BYTES`. */
  maxBytes?: number;
  /** Data-row limit; default `CSV_MAX_ROWS`. */
  maxRows?: number;
  /** Shown in the report. */
  fileName?: string;
}

/**
 * The sentence refusing a file of `bytes` bytes, or null when it is within `maxBytes`
 * (default 20 MiB). Lets a caller refuse a `File` by its `size` before reading it.
 * Sizes are shown in binary units (1 MB = 1024² bytes), matching how the limit is defined.
 */
export function checkCsvSize(bytes: number, maxBytes: number = CSV_MAX_BYTES): string | null {
  if (bytes <= maxBytes) return null;
  return `The file is ${formatBytes(bytes)}; the workbench takes CSV files up to ${formatBytes(maxBytes)}. Sample it down and try again.`;
}

/** "512 bytes", "3.5 KB", "31.4 MB", "20 MB" (one decimal, binary units, ".0" dropped). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

/**
 * Parses CSV text into a typed table and a data report.
 *
 * - Delimiter: comma, semicolon or tab, guessed from the first 64 KB. A leading BOM is removed;
 *   LF, CRLF and CR line breaks, quoted fields (with delimiters, quotes and line breaks inside)
 *   and blank lines are handled.
 * - The first non-blank row is the header; empty names become `column_N` (N = 1-based
 *   position) and repeated names get `_2`, `_3`…, each noted in `warnings`.
 * - Rows with a different field count than the header, or a broken quote, are set aside and
 *   counted (`malformedRowCount`, first 50 in `malformedRows` with their 1-based line).
 * - Types are inferred per column (see `inferColumn`): boolean → 0/1, numeric, datetime → epoch
 *   ms UTC, else categorical. Cells not fitting the type become null and count as malformed.
 * - Columns that are all missing, constant, or identifier-like are flagged unusable.
 *
 * Errors (`ok: false`, one readable sentence): larger than `maxBytes`, more than `maxRows`
 * data rows, empty, header without data rows, every data row malformed, or no usable column.
 */
export function parseCsv(text: string, options: CsvParseOptions = {}): CsvParseResult {
  const { maxBytes = CSV_MAX_BYTES, maxRows = CSV_MAX_ROWS, fileName } = options;
  const sizeError = checkCsvSize(utf8Length(text, maxBytes), maxBytes);
  if (sizeError) return { ok: false, error: sizeError };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: 'The file is empty.' };

  const delimiter = detectDelimiter(body);
  const read = readRows(body, delimiter, maxRows);
  if (read.headerError) return { ok: false, error: read.headerError };
  if (read.tooManyRows) {
    const limit = maxRows.toLocaleString('en-US');
    return { ok: false, error: `The file has more than ${limit} data rows; the workbench takes up to ${limit}. Sample it down and try again.` };
  }
  if (read.header === null) return { ok: false, error: 'The file is empty.' };
  if (read.dataRowCount === 0) return { ok: false, error: 'The file has a header row but no data rows.' };
  if (read.rows.length === 0) {
    const first = read.malformed[0]!;
    return { ok: false, error: `None of the ${read.dataRowCount.toLocaleString('en-US')} data rows could be read (line ${first.line}: ${first.reason}). Check the delimiter and quotes.` };
  }

  const warnings: string[] = [];
  const names = uniqueNames(read.header, warnings);
  const inferred = names.map((name, i) => inferColumn(name, read.rows.map((r) => r[i]!)));
  const columns: CsvColumnReport[] = inferred.map((c) => {
    const reason = unusableReason(c);
    const { name, type } = c.column;
    const entry: CsvColumnReport = { name, type, missing: c.missing, malformed: c.malformed, distinct: c.distinct, usable: reason === null };
    if (reason !== null) entry.reason = reason;
    return entry;
  });
  if (!columns.some((c) => c.usable)) {
    return { ok: false, error: `No usable columns: ${columns.map((c) => `${c.name} (${c.reason})`).join('; ')}.` };
  }

  if (read.malformedCount > 0) {
    const n = read.malformedCount;
    warnings.push(`${n.toLocaleString('en-US')} ${n === 1 ? 'row was' : 'rows were'} set aside as malformed and ${n === 1 ? 'is' : 'are'} not in the table.`);
  }
  for (const c of columns) {
    if (c.malformed > 0) warnings.push(`Column "${c.name}": ${c.malformed.toLocaleString('en-US')} ${c.malformed === 1 ? 'value is' : 'values are'} not ${article(c.type)} and ${c.malformed === 1 ? 'was' : 'were'} set to missing.`);
  }

  const table: DataTable = { columns: inferred.map((c) => c.column), rowCount: read.rows.length };
  const report: CsvReport = {
    fileName: fileName ?? null,
    rows: read.rows.length,
    totalLines: countLines(body),
    delimiter,
    columns,
    malformedRowCount: read.malformedCount,
    malformedRows: read.malformed,
    warnings,
  };
  return { ok: true, table, report };
}

function article(type: ColumnType): string {
  return type === 'numeric' ? 'a number' : type === 'datetime' ? 'a date' : type === 'boolean' ? 'true/false' : 'text';
}

/**
 * UTF-8 byte length of `text`, computed exactly only when it matters: a UTF-16 code unit is
 * 1–3 UTF-8 bytes, so `length` bounds the size from below and `3 × length` from above.
 */
function utf8Length(text: string, limit: number): number {
  if (text.length > limit || text.length * 3 <= limit) return text.length;
  return new TextEncoder().encode(text).byteLength;
}

/** Header names made non-empty and unique, with a warning for each change. */
function uniqueNames(header: readonly string[], warnings: string[]): string[] {
  const trimmed = header.map((h) => h.trim());
  const taken = new Set(trimmed.filter((h) => h !== ''));
  const seen = new Set<string>();
  return trimmed.map((raw, i) => {
    let name = raw;
    if (name === '') {
      name = freshName(`column_${i + 1}`, taken);
      warnings.push(`Column ${i + 1} has no name; it is called "${name}".`);
    } else if (seen.has(name)) {
      const renamed = freshName(name, taken);
      warnings.push(`Column ${i + 1} repeats the name "${name}"; it is called "${renamed}".`);
      name = renamed;
    }
    seen.add(name);
    taken.add(name);
    return name;
  });
}

/** `base` when free, else `base_2`, `base_3`, … (the first free one). */
function freshName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base}_${k}`)) return `${base}_${k}`;
}
