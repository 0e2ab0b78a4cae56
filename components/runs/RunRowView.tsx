'use client';

import Link from 'next/link';
import { memo } from 'react';
import type { RunRecord } from '@/lib/tracking/run-types';
import { formatDuration, formatMetric } from './format';
import { VerdictBadge } from '@/components/ui/BaselineVerdict';
import { columnValue, runVerdict, type RunColumn } from './run-columns';
import type { RunRow } from './run-list-state';
import { formatDateTime } from '@/components/ui/format-time';


function Cell({ column, run, now }: { column: RunColumn; run: RunRecord; now: number }) {
  switch (column.id) {
    case 'status':
      return (
        <td>
          <span className={`badge run-${run.status.toLowerCase()}`}>{run.status}</span>
        </td>
      );
    case 'started':
      return (
        <td className="num">
          {Number.isFinite(run.startedAt) ? <time dateTime={new Date(run.startedAt).toISOString()}>{formatDateTime(run.startedAt)}</time> : '—'}
        </td>
      );
    case 'duration':
      return <td className="num">{formatDuration((run.endedAt ?? now) - run.startedAt)}</td>;
    case 'baseline': {
      const verdict = runVerdict(run);
      return <td>{verdict ? <VerdictBadge verdict={verdict} /> : '—'}</td>;
    }
  }
  const value = columnValue(run, column.id, now);
  const text = value === undefined ? '—' : column.group === 'metric' && typeof value === 'number' ? formatMetric(value) : String(value);
  return (
    <td className={column.numeric ? 'num' : undefined} title={value === undefined ? undefined : String(value)}>
      {text}
    </td>
  );
}

function NameCell({ row }: { row: RunRow }) {
  const { run, depth, parentName } = row;
  return (
    <th scope="row" className="name-cell" style={depth > 0 ? { paddingLeft: `${0.6 + depth * 1.25}rem` } : undefined}>
      {depth > 0 && (
        <span className="trial-mark" aria-hidden="true">
          ↳{' '}
        </span>
      )}
      <Link href={`/workbench/run?id=${encodeURIComponent(run.id)}`} prefetch={false}>
        {run.name}
      </Link>
      {parentName !== null &&
        (depth > 0 ? <span className="visually-hidden">, trial of {parentName}</span> : <span className="child-of">child of {parentName}</span>)}
      {Object.entries(run.tags).map(([k, v]) => (
        <span key={k} className="badge tag">
          {v ? `${k}=${v}` : k}
        </span>
      ))}
    </th>
  );
}

interface RunRowViewProps {
  row: RunRow;
  /** 1-based row number among all shown rows, header included (aria-rowindex). */
  rowIndex: number;
  columns: readonly RunColumn[];
  selected: boolean;
  onToggle: (runId: string) => void;
  /** The current time for RUNNING runs' durations; 0 for ended runs so they do not re-render. */
  now: number;
}

/** One run of the runs table: a selection checkbox, the name as row header, then the chosen columns. */
export const RunRowView = memo(function RunRowView({ row, rowIndex, columns, selected, onToggle, now }: RunRowViewProps) {
  const { run } = row;
  return (
    <tr aria-rowindex={rowIndex} data-run-id={run.id} className={row.depth > 0 ? 'trial-row' : undefined}>
      <td className="select-cell">
        <input type="checkbox" checked={selected} onChange={() => onToggle(run.id)} aria-label={`Select ${run.name}`} />
      </td>
      {columns.map((c) => (c.id === 'name' ? <NameCell key={c.id} row={row} /> : <Cell key={c.id} column={c} run={run} now={now} />))}
    </tr>
  );
});
