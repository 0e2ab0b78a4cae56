'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import Link from 'next/link';
import { useState } from 'react';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { getDatabase } from '@/lib/tracking/db';
import { describeStorageError } from '@/lib/tracking/errors';
import { listRuns } from '@/lib/tracking/run-edits';
import type { RunRecord } from '@/lib/tracking/run-types';
import { formatDuration, formatMetric, metricLabel } from './format';
import { filterAndSortRuns, headlineMetric, type SortKey } from './run-list-state';
import { useNow } from './use-now';

const COLUMNS: Array<{ key: SortKey | null; label: string }> = [
  { key: 'name', label: 'Name' },
  { key: 'status', label: 'Status' },
  { key: 'dataset', label: 'Dataset' },
  { key: null, label: 'Target · model' },
  { key: null, label: 'Backend' },
  { key: 'valLoss', label: 'Best val loss' },
  { key: 'valMetric', label: 'Validation metric' },
  { key: 'startedAt', label: 'Started' },
  { key: 'duration', label: 'Duration' },
];

type Loaded = { runs: RunRecord[] } | { error: string };

/** Every run, live: sortable by column, searchable by name or tag. */
export function RunsTable() {
  const loaded = useLiveQuery<Loaded>(() => listRuns(getDatabase()).then((runs) => ({ runs }), (e: unknown) => ({ error: describeStorageError(e) })), []);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; direction: 'asc' | 'desc' }>({ key: 'startedAt', direction: 'desc' });
  const now = useNow(5000);
  if (!loaded) return <p role="status">Loading runs…</p>;
  if ('error' in loaded) return <p className="notice error" role="alert">{loaded.error}</p>;
  const rows = filterAndSortRuns(loaded.runs, query, sort.key, sort.direction, now);
  const toggle = (key: SortKey) => setSort((s) => ({ key, direction: s.key === key && s.direction === 'asc' ? 'desc' : 'asc' }));
  return (
    <section aria-labelledby="runs-heading">
      <div className="runs-toolbar">
        <h2 id="runs-heading">{loaded.runs.length === 1 ? '1 run' : `${loaded.runs.length} runs`}</h2>
        <label className="search">
          <span>Search runs</span>
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="name, tag or key=value" />
        </label>
      </div>
      {loaded.runs.length === 0 ? (
        <p>
          No runs yet. <Link href="/workbench/train">Train a model</Link> and it appears here.
        </p>
      ) : (
        <ScrollRegion label="Runs table">
          <table className="runs-table">
            <caption className="visually-hidden">Runs, sorted by {COLUMNS.find((c) => c.key === sort.key)?.label} ({sort.direction === 'asc' ? 'ascending' : 'descending'})</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.label} scope="col" aria-sort={c.key === sort.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {c.key ? (
                      <button type="button" className="sort-button" onClick={() => toggle(c.key!)}>
                        {c.label}
                        <span aria-hidden="true">{c.key === sort.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                      </button>
                    ) : (
                      c.label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((run) => {
                const headline = headlineMetric(run);
                return (
                  <tr key={run.id} data-run-id={run.id}>
                    <th scope="row">
                      <Link href={`/workbench/run?id=${encodeURIComponent(run.id)}`} prefetch={false}>
                        {run.name}
                      </Link>
                      {Object.keys(run.tags).length > 0 && (
                        <span className="tag-list">
                          {Object.entries(run.tags).map(([k, v]) => (
                            <span key={k} className="badge tag">
                              {v ? `${k}=${v}` : k}
                            </span>
                          ))}
                        </span>
                      )}
                    </th>
                    <td>
                      <span className={`badge run-${run.status.toLowerCase()}`}>{run.status}</span>
                    </td>
                    <td>{run.dataset.id}</td>
                    <td>
                      {String(run.params.target ?? '')} · {String(run.params.model ?? '')}
                    </td>
                    <td>{run.backend ?? '—'}</td>
                    <td>{formatMetric(run.bestMetrics.val_loss?.value)}</td>
                    <td>{headline.value === undefined ? '—' : `${metricLabel(headline.key)} ${formatMetric(headline.value)}`}</td>
                    <td>
                      <time dateTime={new Date(run.startedAt).toISOString()}>{new Date(run.startedAt).toLocaleString('en-GB')}</time>
                    </td>
                    <td>{formatDuration((run.endedAt ?? now) - run.startedAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {loaded.runs.length > 0 && rows.length === 0 && <p role="status">No run matches “{query}”.</p>}
    </section>
  );
}
