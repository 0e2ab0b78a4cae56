/**
 * What an uploaded CSV offers for saving: which columns can be a target, with which task, the
 * time column and the default features. Pure functions over the parse report and table.
 */
import type { CsvReport } from '@/lib/data/csv';
import type { Task } from '@/lib/data/datasets/catalog';
import type { DataTable } from '@/lib/data/table';

export type { Task } from '@/lib/data/datasets/catalog';

/** Most distinct integer values for which a numeric target is offered as classes. */
export const MAX_CLASS_LEVELS = 10;

export interface TargetChoice {
  column: string;
  /** Tasks the learner may pick, the inferred one first. */
  tasks: Task[];
  /** Why that task was inferred (shown next to the select). */
  why: string;
}

/**
 * Usable columns that can be predicted. Categorical and boolean → classification. Numeric →
 * regression, except ≤ 10 distinct integer values (a label encoded as numbers, or a count):
 * classification first, regression allowed. Datetime columns are never targets.
 */
export function targetChoices(report: CsvReport, table: DataTable): TargetChoice[] {
  const out: TargetChoice[] = [];
  for (const c of report.columns) {
    if (!c.usable || c.type === 'datetime') continue;
    if (c.type === 'categorical') out.push({ column: c.name, tasks: ['classification'], why: 'text values are classes' });
    else if (c.type === 'boolean') out.push({ column: c.name, tasks: ['classification'], why: 'true/false values are two classes' });
    else if (c.distinct <= MAX_CLASS_LEVELS && integerValued(table, c.name)) {
      out.push({ column: c.name, tasks: ['classification', 'regression'], why: `only ${c.distinct} distinct whole numbers: probably classes, but you may treat them as a quantity` });
    } else out.push({ column: c.name, tasks: ['regression'], why: 'numbers are a quantity to predict' });
  }
  return out;
}

function integerValued(table: DataTable, name: string): boolean {
  const column = table.columns.find((c) => c.name === name);
  if (!column || column.type === 'categorical') return false;
  return column.values.every((v) => v === null || Number.isInteger(v));
}

/** The first usable datetime column (the time-split column), or null. */
export function timeColumnOf(report: CsvReport): string | null {
  return report.columns.find((c) => c.usable && c.type === 'datetime')?.name ?? null;
}

/** Default input columns: the usable ones except the target and the time column. */
export function featuresFor(report: CsvReport, target: string, timeColumn: string | null): string[] {
  return report.columns.filter((c) => c.usable && c.name !== target && c.name !== timeColumn).map((c) => c.name);
}

/** "sales-2024.csv" → "sales-2024"; never empty. */
export function defaultDatasetName(fileName: string): string {
  const base = fileName.replace(/\.[^./\\]+$/, '').trim();
  return base === '' ? 'My dataset' : base;
}
