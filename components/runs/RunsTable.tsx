'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import Link from 'next/link';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { getDatabase } from '@/lib/tracking/db';
import { describeStorageError } from '@/lib/tracking/errors';
import { listRuns } from '@/lib/tracking/run-edits';
import { checkRunFilter, matchesRunFilter, runFilterKeys, type RunFilterNode } from '@/lib/tracking/run-filter';
import type { RunRecord } from '@/lib/tracking/run-types';
import { NO_CHOICE, toggleColumn, visibleColumns } from './column-choice';
import { ColumnChooser } from './ColumnChooser';
import { CompareSelected } from './CompareSelected';
import { collectRunKeys, defaultColumnIds, firstDirection, runColumns, sortRuns } from './run-columns';
import { useNarrow } from '@/components/ui/use-narrow';
import { arrangeRuns, hasTrials, runNames } from './run-list-state';
import { RunFilterBox } from './RunFilterBox';
import { RunsGrid } from './RunsGrid';
import { useColumnChoice } from './use-column-choice';
import { useNow } from './use-now';
import { useRunsView } from './use-runs-view';

type Loaded = { runs: RunRecord[] } | { error: string };

/**
 * Every run, live from IndexedDB: filter (kept in the URL with the sort), sort by any column,
 * choose columns, select runs to compare. Marks `runs-table-read` when it first asks IndexedDB for
 * the runs, `runs-table-start` when they first arrive
 * and `runs-table-rendered` after the first render that shows rows (once per mount each), for
 * the tracking benchmark.
 */
export function RunsTable() {
  const startMarked = useRef(false);
  const loaded = useLiveQuery<Loaded>(
    () => {
      if (!startMarked.current && performance.getEntriesByName('runs-table-read').length === 0) performance.mark('runs-table-read');
      return listRuns(getDatabase()).then(
        (runs) => {
          if (!startMarked.current) {
            startMarked.current = true;
            performance.mark('runs-table-start');
          }
          return { runs };
        },
        (e: unknown) => ({ error: describeStorageError(e) }),
      );
    },
    [],
  );
  if (!loaded) return <p role="status">Loading runs…</p>;
  if ('error' in loaded) {
    return (
      <p className="notice error" role="alert">
        {loaded.error}
      </p>
    );
  }
  return <RunsList runs={loaded.runs} />;
}

function RunsList({ runs }: { runs: RunRecord[] }) {
  const [view, updateView] = useRunsView();
  const [choice, saveChoice] = useColumnChoice();
  const [selected, setSelected] = useState<string[]>([]);
  const now = useNow(5000);

  const keys = useMemo(() => collectRunKeys(runs), [runs]);
  const allColumns = useMemo(() => runColumns(keys), [keys]);
  const narrow = useNarrow();
  const defaults = useMemo(() => defaultColumnIds(keys, narrow), [keys, narrow]);
  const columns = useMemo(() => visibleColumns(allColumns, defaults, choice), [allColumns, defaults, choice]);
  const visibleIds = useMemo(() => new Set(columns.map((c) => c.id)), [columns]);

  // The error follows every keystroke; the (costlier) filtering follows a deferred copy. A key no
  // run has (`params.lr`) is an error too, not a silently empty table, so both check the runs' keys.
  const filterKeys = useMemo(() => runFilterKeys(runs), [runs]);
  const typed = useMemo(() => checkRunFilter(view.filter, filterKeys), [view.filter, filterKeys]);
  const deferredFilter = useDeferredValue(view.filter);
  const parsed = useMemo(() => checkRunFilter(deferredFilter, filterKeys), [deferredFilter, filterKeys]);
  const [lastValid, setLastValid] = useState<{ text: string; ast: RunFilterNode | null }>({ text: '', ast: null });
  if (parsed.ok && lastValid.text !== deferredFilter) setLastValid({ text: deferredFilter, ast: parsed.ast });
  const ast = parsed.ok ? parsed.ast : lastValid.ast;

  const filtered = useMemo(() => (ast === null ? runs : runs.filter((run) => matchesRunFilter(ast, run))), [runs, ast]);
  // Only a duration sort changes with the clock; other sorts must not redo the work every tick.
  const sortNow = view.sort === 'duration' ? now : 0;
  const sorted = useMemo(() => sortRuns(filtered, view.sort, view.dir, sortNow), [filtered, view.sort, view.dir, sortNow]);
  const names = useMemo(() => runNames(runs), [runs]);
  const rows = useMemo(() => arrangeRuns(sorted, names, view.hideTrials), [sorted, names, view.hideTrials]);

  const trials = useMemo(() => hasTrials(runs), [runs]);
  const existing = useMemo(() => new Set(runs.map((r) => r.id)), [runs]);
  // Runs deleted meanwhile (here or in another tab) drop out of the selection.
  const chosen = useMemo(() => selected.filter((id) => existing.has(id)), [selected, existing]);
  const chosenSet = useMemo(() => new Set(chosen), [chosen]);
  const onToggle = useCallback((id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id])), []);
  const onSort = useCallback(
    (id: string) => updateView((v) => (v.sort === id ? { dir: v.dir === 'asc' ? 'desc' : 'asc' } : { sort: id, dir: firstDirection(id) })),
    [updateView],
  );

  const renderedMarked = useRef(false);
  useEffect(() => {
    if (rows.length > 0 && !renderedMarked.current) {
      renderedMarked.current = true;
      performance.mark('runs-table-rendered');
    }
  }, [rows.length]);

  return (
    <section aria-labelledby="runs-heading" className="runs-section">
      <div className="runs-toolbar">
        <h2 id="runs-heading">{runs.length === 1 ? '1 run' : `${runs.length} runs`}</h2>
        <RunFilterBox value={view.filter} onChange={(filter) => updateView({ filter })} error={typed.ok ? null : typed.error} lastValid={lastValid.text} />
      </div>
      {runs.length === 0 ? (
        <p>
          No runs yet. <Link href="/workbench/train">Train a model</Link> and it appears here.
        </p>
      ) : (
        <>
          <div className="runs-actions">
            <p role="status" className="runs-count" data-testid="runs-count">
              Showing {rows.length} of {runs.length} {runs.length === 1 ? 'run' : 'runs'}
            </p>
            {trials && (
              <label className="checkbox">
                <input type="checkbox" checked={view.hideTrials} onChange={(e) => updateView({ hideTrials: e.target.checked })} />
                Hide sweep trials
              </label>
            )}
            <ColumnChooser columns={allColumns} visible={visibleIds} onToggle={(id, show) => saveChoice(toggleColumn(choice, id, show))} onReset={() => saveChoice(NO_CHOICE)} />
            <CompareSelected selected={chosen} onClear={() => setSelected([])} />
          </div>
          <RunsGrid rows={rows} columns={columns} totalRuns={runs.length} sort={{ column: view.sort, dir: view.dir }} onSort={onSort} selected={chosenSet} onToggle={onToggle} now={now} resetKey={`${deferredFilter}\n${view.sort}\n${view.dir}\n${view.hideTrials}`} />
          {rows.length === 0 && <p>No run matches this filter.</p>}
        </>
      )}
    </section>
  );
}
