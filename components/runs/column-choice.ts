import type { RunColumn } from './run-columns';

/**
 * The learner's column choice, stored as differences from the defaults so that columns which
 * become defaults later (the first classification run brings val_accuracy) still appear.
 */
export interface ColumnChoice {
  show: string[];
  hide: string[];
}

/** localStorage key of the choice (JSON `{ show, hide }`). */
export const COLUMN_CHOICE_KEY = 'mlops-workbench:runs-columns';

export const NO_CHOICE: ColumnChoice = { show: [], hide: [] };

const MAX_IDS = 1000;

function ids(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_IDS) : [];
}

/** The stored choice, or no choice when nothing (or anything malformed) is stored. */
export function parseColumnChoice(raw: string | null): ColumnChoice {
  if (!raw) return NO_CHOICE;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return NO_CHOICE;
    const { show, hide } = value as Record<string, unknown>;
    return { show: ids(show), hide: ids(hide) };
  } catch {
    return NO_CHOICE;
  }
}

/** The choice after showing or hiding one column. */
export function toggleColumn(choice: ColumnChoice, id: string, show: boolean): ColumnChoice {
  const without = (list: string[]) => list.filter((c) => c !== id);
  return show ? { show: [...without(choice.show), id], hide: without(choice.hide) } : { show: without(choice.show), hide: [...without(choice.hide), id] };
}

/** Columns to draw, in table order: chosen ones, defaults not hidden, and always the name. */
export function visibleColumns(all: readonly RunColumn[], defaults: readonly string[], choice: ColumnChoice): RunColumn[] {
  const show = new Set(choice.show);
  const hide = new Set(choice.hide);
  const byDefault = new Set(defaults);
  return all.filter((c) => c.id === 'name' || show.has(c.id) || (byDefault.has(c.id) && !hide.has(c.id)));
}
