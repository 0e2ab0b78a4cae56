/** Column types the workbench understands; datetime values are epoch ms, booleans 0/1. */
export type ColumnType = 'numeric' | 'categorical' | 'boolean' | 'datetime';

export interface NumberColumn {
  name: string;
  type: 'numeric' | 'boolean' | 'datetime';
  /** `null` for a missing value. */
  values: Array<number | null>;
}

export interface CategoryColumn {
  name: string;
  type: 'categorical';
  values: Array<string | null>;
}

export type Column = NumberColumn | CategoryColumn;

/** A dataset held column by column (compact, and what preprocessing reads). */
export interface DataTable {
  columns: Column[];
  rowCount: number;
}

/** The column called `name`; throws when the table has none. */
export function column(table: DataTable, name: string): Column {
  const found = table.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column "${name}" (columns: ${table.columns.map((c) => c.name).join(', ')})`);
  return found;
}

/** Builds a table from row objects with a declared type per column; missing cells become null. */
export function tableFromRecords(records: ReadonlyArray<Record<string, unknown>>, schema: ReadonlyArray<{ name: string; type: ColumnType }>): DataTable {
  return {
    rowCount: records.length,
    columns: schema.map(({ name, type }) =>
      type === 'categorical'
        ? { name, type, values: records.map((r) => (r[name] === null || r[name] === undefined || r[name] === '' ? null : String(r[name]))) }
        : { name, type, values: records.map((r) => toNumber(r[name])) },
    ),
  };
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return null;
}
