import { compareHref, MAX_COMPARE_RUNS } from '@/lib/tracking/compare';
import type { RunRecord } from '@/lib/tracking/run-types';

/** One row of the runs table. */
export interface RunRow {
  run: RunRecord;
  /** 0 for a top-level run; 1 for a sweep trial drawn right under its parent (deeper for nested sweeps). */
  depth: number;
  /** The parent run's name (or the start of its id when it is gone), for every child run. */
  parentName: string | null;
}

/**
 * Orders already-sorted runs for display: each child run (parentRunId set) whose parent is
 * also shown follows its parent, indented, in the sort order among its siblings; a child whose
 * parent is filtered out or deleted stays in place at depth 0 with its parent's name.
 * `hideTrials` drops every child run. O(n); cyclic parent links cannot lose a run.
 */
export function arrangeRuns(sorted: readonly RunRecord[], names: ReadonlyMap<string, string>, hideTrials: boolean): RunRow[] {
  const shown = hideTrials ? sorted.filter((r) => r.parentRunId === null) : sorted;
  const ids = new Set(shown.map((r) => r.id));
  const children = new Map<string, RunRecord[]>();
  const roots: RunRecord[] = [];
  for (const run of shown) {
    const parent = run.parentRunId;
    if (parent !== null && parent !== run.id && ids.has(parent)) {
      const list = children.get(parent);
      if (list) list.push(run);
      else children.set(parent, [run]);
    } else {
      roots.push(run);
    }
  }
  const rows: RunRow[] = [];
  const placed = new Set<string>();
  const parentName = (run: RunRecord) => (run.parentRunId === null ? null : (names.get(run.parentRunId) ?? `${run.parentRunId.slice(0, 8)}…`));
  const place = (run: RunRecord, depth: number) => {
    if (placed.has(run.id)) return;
    placed.add(run.id);
    rows.push({ run, depth, parentName: parentName(run) });
    for (const child of children.get(run.id) ?? []) place(child, depth + 1);
  };
  for (const run of roots) place(run, 0);
  // Runs on a parent cycle have no root; keep them rather than lose them.
  for (const run of shown) place(run, 0);
  return rows;
}

/** id → name of every run, for "child of" labels of trials whose parent is filtered out. */
export function runNames(runs: readonly RunRecord[]): Map<string, string> {
  return new Map(runs.map((r) => [r.id, r.name]));
}

/** Whether any run is a sweep trial, so the "Hide sweep trials" toggle is worth showing. */
export function hasTrials(runs: readonly RunRecord[]): boolean {
  return runs.some((r) => r.parentRunId !== null);
}

/** The compare view's link for 2–20 selected runs (in selection order), or null outside that range. */
export function compareLinkFor(selected: readonly string[]): string | null {
  return selected.length < 2 || selected.length > MAX_COMPARE_RUNS ? null : compareHref(selected);
}

/** The export page's link with these runs preselected, or null when none is selected. */
export function exportLinkFor(selected: readonly string[]): string | null {
  return selected.length === 0 ? null : `/workbench/transfer?runs=${selected.map(encodeURIComponent).join(',')}`;
}
