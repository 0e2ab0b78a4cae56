/**
 * Reads a CSV text into raw string rows with papaparse, keeping track of which line each row
 * starts on so malformed rows can be reported by line instead of being dropped. Used by
 * `parseCsv`; no type inference here.
 */
import Papa from 'papaparse';

export type CsvDelimiter = ',' | ';' | '\t';

const CANDIDATES: readonly CsvDelimiter[] = [',', ';', '\t'];
/** How much of the file the delimiter guess looks at (characters). */
const SAMPLE_CHARS = 64 * 1024;
/** Longest raw text kept for a malformed row in the report. */
export const MALFORMED_TEXT_MAX = 200;
/** How many malformed rows the report lists (all are counted). */
export const MALFORMED_LIST_MAX = 50;

/**
 * Guesses the delimiter among comma, semicolon and tab from the first 64 KB: for each candidate,
 * the share of sampled rows whose field count equals the header's (header must have ≥ 2 fields);
 * the best share wins, ties go to the candidate giving more columns. Falls back to comma (a
 * one-column file). Done here rather than with papaparse's own guess because that one gives up
 * and defaults to comma as soon as one sampled row is broken or blank — exactly the files a
 * learner uploads to see what the report says.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let sample = text.slice(0, SAMPLE_CHARS);
  if (text.length > SAMPLE_CHARS) sample = sample.slice(0, Math.max(sample.lastIndexOf('\n'), 1));
  let best: { d: CsvDelimiter; share: number; fields: number } = { d: ',', share: 0, fields: 1 };
  for (const d of CANDIDATES) {
    const rows = Papa.parse<string[]>(sample, { delimiter: d, preview: 50, skipEmptyLines: 'greedy' }).data;
    const fields = rows[0]?.length ?? 0;
    if (fields < 2) continue;
    const body = rows.slice(1);
    const share = body.length === 0 ? 1 : body.filter((r) => r.length === fields).length / body.length;
    if (share > best.share || (share === best.share && fields > best.fields)) best = { d, share, fields };
  }
  return best.d;
}

/** A row set aside: the line it starts on (1-based, header = 1), why, and its raw text. */
export interface MalformedRow {
  line: number;
  reason: string;
  text: string;
}

export interface RowsRead {
  /** The header's fields, or null when the file has no non-blank row. */
  header: string[] | null;
  /** Set when the header row itself cannot be read. */
  headerError: string | null;
  /** Data rows with exactly as many fields as the header. */
  rows: string[][];
  /** All data rows seen, well-formed or not (stops counting past `maxRows`). */
  dataRowCount: number;
  malformedCount: number;
  /** The first `MALFORMED_LIST_MAX` malformed rows. */
  malformed: MalformedRow[];
  /** True when the file has more than `maxRows` data rows; reading stopped there. */
  tooManyRows: boolean;
}

/**
 * Splits `text` (BOM already removed) into header + data rows. Handles quoted fields with
 * delimiters and line breaks, CRLF/LF/CR, blank and whitespace-only lines (skipped).
 * Rows whose field count differs from the header's, and rows with an unterminated or misplaced
 * quote, are set aside with their starting line. On a quote error papaparse swallows the rest of
 * the file into one field, so reading restarts on the line after the bad row's first line:
 * one broken quote costs one row, not the rest of the file.
 */
export function readRows(text: string, delimiter: CsvDelimiter, maxRows: number): RowsRead {
  const out: RowsRead = { header: null, headerError: null, rows: [], dataRowCount: 0, malformedCount: 0, malformed: [], tooManyRows: false };
  const lines = lineCounter(text);
  const setAside = (line: number, reason: string, start: number, end: number) => {
    out.malformedCount++;
    if (out.malformed.length < MALFORMED_LIST_MAX) out.malformed.push({ line, reason, text: rawText(text, start, end) });
  };
  let offset = 0;
  while (offset < text.length) {
    let restartAt = -1;
    let prevEnd = offset;
    const base = offset;
    Papa.parse<string[]>(text.slice(offset), {
      delimiter,
      skipEmptyLines: true,
      step: (res, parser) => {
        const start = skipLineBreaks(text, prevEnd);
        const end = base + (res.meta.cursor ?? text.length - base);
        prevEnd = end;
        const fields = res.data;
        const quoteError = res.errors.some((e) => e.type === 'Quotes');
        if (!quoteError && fields.length === 1 && fields[0]!.trim() === '') return; // whitespace-only line
        const line = lines.at(start);
        if (out.header === null) {
          if (quoteError) out.headerError = `The header row (line ${line}) has an unterminated or misplaced quote.`;
          else out.header = fields;
          if (quoteError) parser.abort();
          return;
        }
        if (++out.dataRowCount > maxRows) {
          out.tooManyRows = true;
          parser.abort();
          return;
        }
        if (quoteError) {
          restartAt = endOfLine(text, start);
          setAside(line, 'unterminated or misplaced quote', start, restartAt);
          parser.abort();
        } else if (fields.length !== out.header.length) {
          setAside(line, `${fields.length} ${fields.length === 1 ? 'field' : 'fields'}, expected ${out.header.length}`, start, end);
        } else {
          out.rows.push(fields);
        }
      },
    });
    if (restartAt < 0 || out.tooManyRows || out.headerError !== null) break;
    offset = restartAt;
  }
  return out;
}

/**
 * Physical lines in the text, ignoring trailing blank lines; 0 for blank text. A line break is
 * LF, CRLF, or a lone CR in files that use CR only.
 */
export function countLines(text: string): number {
  const trimmed = text.trimEnd();
  if (trimmed === '') return 0;
  return lineCounter(trimmed).at(trimmed.length);
}

/** 1-based line number at a character offset; offsets must be asked in increasing order (O(n) overall). */
function lineCounter(text: string): { at: (offset: number) => number } {
  // CR-only files (old Mac exports) have no LF at all; otherwise count LFs, which covers CRLF.
  const lf = text.includes('\n');
  const breakChar = lf ? '\n' : '\r';
  let pos = 0;
  let line = 1;
  return {
    at(offset: number): number {
      for (; pos < offset; pos++) if (text[pos] === breakChar) line++;
      return line;
    },
  };
}

function skipLineBreaks(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}

function endOfLine(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') return i + 1;
    if (c === '\r') return text[i + 1] === '\n' ? i + 2 : i + 1;
  }
  return text.length;
}

function rawText(text: string, start: number, end: number): string {
  const raw = text.slice(start, end).replace(/\r?\n$|\r$/, '');
  return raw.length > MALFORMED_TEXT_MAX ? raw.slice(0, MALFORMED_TEXT_MAX) : raw;
}
