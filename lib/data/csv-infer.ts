/**
 * Cell parsing and per-column type inference for uploaded CSV files (used by `parseCsv`).
 * Kept apart from the row reader so the rules a learner sees in the data report ("why is this
 * column categorical?") live in one small, testable place.
 */
import type { Column, NumberColumn } from './table';

/** Share of non-missing cells that must parse for a column to be typed numeric or datetime. */
export const TYPE_THRESHOLD = 0.9;

/** A categorical column with more distinct values than this, and … */
export const ID_MIN_DISTINCT = 100;
/** … more than this share of its non-missing cells distinct, is an identifier, not a feature. */
export const ID_MIN_SHARE = 0.5;

const MISSING_TOKENS = new Set(['', 'na', 'n/a', 'null', 'nan', '-', '?']);
const TRUE_TOKENS = new Set(['true', 'yes']);
const BOOLEAN_TOKENS = new Set(['true', 'false', 'yes', 'no']);
// A plain decimal number: no thousands separators, no hex, no "Infinity" (Number() accepts those).
const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// YYYY-MM-DD or YYYY/MM/DD (same separator twice), optional time and UTC offset.
const DATE_RE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Whether a raw cell counts as missing: empty/whitespace, or NA, N/A, null, NaN, "-", "?"
 * (case-insensitive, surrounding spaces ignored).
 */
export function isMissingCell(raw: string): boolean {
  const s = raw.trim();
  // The longest token is 4 characters; skip lower-casing every ordinary value.
  return s.length <= 4 && MISSING_TOKENS.has(s.toLowerCase());
}

/**
 * A cell as a finite number, or null. Leading/trailing spaces are allowed; thousands separators
 * ("1,234"), hex and "Infinity" are not numbers here, because `Number()` would silently accept
 * some of them and a learner's "1,234" is more likely a broken locale than a value.
 */
export function parseNumberCell(raw: string): number | null {
  const s = raw.trim();
  if (!NUMBER_RE.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * A cell as epoch milliseconds (UTC), or null. Accepts `YYYY-MM-DD` and `YYYY/MM/DD`, optionally
 * followed by `T` or a space and `HH:MM[:SS[.fff]]`, optionally with `Z` or `±HH[:]MM`.
 * Parsed by hand with `Date.UTC` rather than `Date.parse`, which reads a date-time without an
 * offset as *local* time and a date-only string as UTC — a silent timezone shift. Impossible dates
 * (2023-02-30, hour 25) give null instead of rolling over.
 */
export function parseDateCell(raw: string): number | null {
  const m = DATE_RE.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[3], m[4], m[5], m[6], m[7]].map((v) => (v === undefined ? 0 : Number(v))) as [number, number, number, number, number, number];
  const ms = m[8] === undefined ? 0 : Math.round(Number(`0.${m[8]}`) * 1000);
  if (mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59) return null;
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(t);
  // Date.UTC rolls 30 February over into March; reject instead.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return t - offsetMinutes(m[9]) * 60_000;
}

function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return zone.startsWith('-') ? -minutes : minutes;
}

/** One inferred column and the counts the data report shows for it. */
export interface InferredColumn {
  column: Column;
  /** Cells that were empty or a missing token. */
  missing: number;
  /** Non-missing cells that did not fit the inferred type (now null in the table). */
  malformed: number;
  /** Distinct non-null values after conversion. */
  distinct: number;
}

/**
 * Infers a column's type from its raw cells and converts them. Rules, over non-missing cells:
 * boolean when *all* are true/false/yes/no (0/1 stays numeric); numeric when ≥ 90% are plain
 * numbers; datetime when ≥ 90% are ISO-like dates; otherwise categorical (trimmed strings).
 * Cells that do not fit the chosen type become null and count as `malformed`, not `missing`.
 * An all-missing column is categorical with every value null.
 */
export function inferColumn(name: string, cells: readonly string[]): InferredColumn {
  const trimmed: Array<string | null> = cells.map((c) => (isMissingCell(c) ? null : c.trim()));
  let missing = 0;
  for (const t of trimmed) if (t === null) missing++;
  const present = cells.length - missing;
  // Each candidate converts in one pass and gives up as soon as too many cells fail, so the
  // cells are parsed once for the type that wins (this dominates parse time on 200k rows).
  const allowed = present - Math.ceil(TYPE_THRESHOLD * present - 1e-9);
  if (present > 0) {
    const candidates: Array<[NumberColumn['type'], (s: string) => number | null, number]> = [
      ['boolean', parseBooleanCell, 0],
      ['numeric', parseNumberCell, allowed],
      ['datetime', parseDateCell, allowed],
    ];
    for (const [type, convert, maxFailures] of candidates) {
      const converted = convertAll(trimmed, convert, maxFailures);
      if (converted === null) continue;
      const { values, malformed } = converted;
      const distinct = new Set(values.filter((v) => v !== null)).size;
      return { column: { name, type, values }, missing, malformed, distinct };
    }
  }
  const distinct = new Set(trimmed.filter((v) => v !== null)).size;
  return { column: { name, type: 'categorical', values: trimmed }, missing, malformed: 0, distinct };
}

/** All cells converted, or null once more than `maxFailures` present cells fail to convert. */
function convertAll(trimmed: ReadonlyArray<string | null>, convert: (s: string) => number | null, maxFailures: number): { values: Array<number | null>; malformed: number } | null {
  const values: Array<number | null> = new Array<number | null>(trimmed.length);
  let malformed = 0;
  for (let i = 0; i < trimmed.length; i++) {
    const t = trimmed[i]!;
    const v = t === null ? null : convert(t);
    if (v === null && t !== null && ++malformed > maxFailures) return null;
    values[i] = v;
  }
  return { values, malformed };
}

function parseBooleanCell(raw: string): number | null {
  const s = raw.trim().toLowerCase();
  if (!BOOLEAN_TOKENS.has(s)) return null;
  return TRUE_TOKENS.has(s) ? 1 : 0;
}

/**
 * Why a column cannot be a model input, or null when it can: all values missing; a single
 * distinct value (constant); or categorical with > 100 distinct values that are also more than
 * half of its non-missing cells (an identifier — one-hot encoding it would memorise rows).
 */
export function unusableReason(inferred: InferredColumn): string | null {
  const { column, distinct } = inferred;
  const present = column.values.length - inferred.missing - inferred.malformed;
  if (present === 0) return 'all values are missing';
  if (distinct === 1) return `constant: every value is ${describeValue(column)}`;
  if (column.type === 'categorical' && distinct > ID_MIN_DISTINCT && distinct > ID_MIN_SHARE * present) {
    return `looks like an identifier: ${distinct.toLocaleString('en-US')} distinct values in ${present.toLocaleString('en-US')} rows`;
  }
  return null;
}

function describeValue(column: Column): string {
  const v = column.values.find((x) => x !== null);
  if (v === undefined || v === null) return 'missing';
  if (column.type === 'boolean') return v === 1 ? 'true' : 'false';
  if (column.type === 'datetime') return new Date(v as number).toISOString();
  return JSON.stringify(v);
}
