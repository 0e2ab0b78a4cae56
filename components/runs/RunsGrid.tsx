'use client';

import { metricLabel } from './format';
import type { RunColumn, SortDirection } from './run-columns';
import type { RunRow } from './run-list-state';
import { RunRowView } from './RunRowView';
import { useVirtualWindow } from './use-virtual-window';

const SELECT_WIDTH_REM = 2.75;

interface RunsGridProps {
  rows: readonly RunRow[];
  columns: readonly RunColumn[];
  totalRuns: number;
  sort: { column: string; dir: SortDirection };
  onSort: (columnId: string) => void;
  selected: ReadonlySet<string>;
  onToggle: (runId: string) => void;
  now: number;
  /** Changes when the filter or sort does, to scroll back to the first rows. */
  resetKey: string;
}

function headerTitle(column: RunColumn): string | undefined {
  const metric = /^(metrics|last)\.(.+)$/s.exec(column.id);
  if (metric) return `${metricLabel(metric[2] ?? '')}: ${metric[1] === 'metrics' ? 'best' : 'last'} value`;
  return column.group === 'param' ? `param ${column.label}` : undefined;
}

/**
 * The runs as a real table that draws only the rows in view (plus a margin) between two spacer
 * rows, so 1,000+ runs scroll smoothly; aria-rowcount / aria-rowindex tell assistive
 * technology where each drawn row sits among all of them. Fixed column widths keep columns
 * still while rows come and go.
 */
export function RunsGrid({ rows, columns, totalRuns, sort, onSort, selected, onToggle, now, resetKey }: RunsGridProps) {
  const [attach, win] = useVirtualWindow(rows.length, resetKey);
  const width = SELECT_WIDTH_REM + columns.reduce((sum, c) => sum + c.width, 0);
  const sortLabel = columns.find((c) => c.id === sort.column)?.label ?? sort.column;
  const span = columns.length + 1;
  return (
    <div ref={attach} className="runs-scroll" role="region" aria-label="Runs table" tabIndex={0}>
      <table className="runs-table" data-testid="runs-table" data-total-runs={totalRuns} data-shown-runs={rows.length} aria-rowcount={rows.length + 1} style={{ width: `${width}rem` }}>
        <caption className="visually-hidden">
          Runs, sorted by {sortLabel} ({sort.dir === 'asc' ? 'ascending' : 'descending'}). Rows are drawn as you scroll.
        </caption>
        <colgroup>
          <col style={{ width: `${SELECT_WIDTH_REM}rem` }} />
          {columns.map((c) => (
            <col key={c.id} style={{ width: `${c.width}rem` }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="select-cell">
              <span className="visually-hidden">Select</span>
            </th>
            {columns.map((c) => {
              const active = c.id === sort.column;
              return (
                <th key={c.id} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
                  <button type="button" className="sort-button" onClick={() => onSort(c.id)} title={headerTitle(c)}>
                    {c.label}
                    <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {win.padTop > 0 && (
            <tr className="spacer" aria-hidden="true">
              <td colSpan={span} style={{ height: win.padTop }} />
            </tr>
          )}
          {rows.slice(win.start, win.end).map((row, i) => (
            <RunRowView key={row.run.id} row={row} rowIndex={win.start + i + 2} columns={columns} selected={selected.has(row.run.id)} onToggle={onToggle} now={row.run.endedAt === null ? now : 0} />
          ))}
          {win.padBottom > 0 && (
            <tr className="spacer" aria-hidden="true">
              <td colSpan={span} style={{ height: win.padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
