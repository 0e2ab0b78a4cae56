/**
 * Small, pure formatting helpers shared by the data components (upload report, dataset page).
 */
import type { HistogramBin } from '@/lib/data/profile';
import type { Column, ColumnType } from '@/lib/data/table';

/** "1 row" / "3 rows" (the count formatted en-US). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/**
 * A compact number for tables and chart labels: integers as is, else up to 3 significant-ish
 * decimals; thousands separators only from 10,000 (so years read 1970, not 1,970).
 */
export function formatNumber(value: number): string {
  const abs = Math.abs(value);
  const digits = Number.isInteger(value) ? 0 : abs >= 100 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, useGrouping: abs >= 10_000 });
}

/** Epoch ms as a UTC date, with the time only when it is not midnight. */
export function formatDate(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** A typed value for display: booleans as true/false, datetimes as dates, missing as "—". */
export function formatValue(type: ColumnType, value: number | string | null): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (type === 'boolean') return value === 1 ? 'true' : 'false';
  if (type === 'datetime') return formatDate(value);
  return formatNumber(value);
}

/** Cell `row` of a table column, formatted. */
export function formatCell(column: Column, row: number): string {
  return formatValue(column.type, column.values[row] ?? null);
}

/** A histogram bin's label: "12.5 – 20" for numbers, dates for datetime columns. */
export function binLabel(bin: HistogramBin, type: ColumnType): string {
  const f = type === 'datetime' ? (v: number) => formatDate(v).slice(0, 10) : formatNumber;
  return bin.from === bin.to ? f(bin.from) : `${f(bin.from)} – ${f(bin.to)}`;
}

/** Human name of a delimiter. */
export function delimiterName(delimiter: string): string {
  return delimiter === ',' ? 'comma (,)' : delimiter === ';' ? 'semicolon (;)' : delimiter === '\t' ? 'tab' : JSON.stringify(delimiter);
}

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
