'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { CandidateRun } from '@/lib/tracking/bundle/candidates';
import { formatDateTime } from '@/components/ui/format-time';

/** Rows drawn at most; "select all" still covers every run the filter matches. */
const MAX_SHOWN = 300;

/** Checkbox list of runs with a filter and a "select all" that follows the filter. */
export function RunChecklist({ runs, selected, onChange }: { runs: readonly CandidateRun[]; selected: ReadonlySet<string>; onChange: (next: Set<string>) => void }) {
  const [query, setQuery] = useState('');
  const filterId = useId();
  const allRef = useRef<HTMLInputElement>(null);
  const q = query.trim().toLowerCase();
  const matching = q ? runs.filter((r) => `${r.name} ${r.id} ${r.experiment} ${r.status}`.toLowerCase().includes(q)) : runs;
  const chosen = matching.filter((r) => selected.has(r.id)).length;
  const all = matching.length > 0 && chosen === matching.length;
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = chosen > 0 && !all;
  }, [chosen, all]);
  const parents = new Map(runs.map((r) => [r.id, r.name]));

  const toggleAll = () => {
    const next = new Set(selected);
    for (const r of matching) {
      if (all) next.delete(r.id);
      else next.add(r.id);
    }
    onChange(next);
  };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onChange(next);
  };

  if (runs.length === 0) return <p>No runs yet: train a model and its run can be exported here.</p>;
  return (
    <div className="bundle-runs">
      <div className="bundle-runs-toolbar">
        <label className="checkbox">
          <input ref={allRef} type="checkbox" checked={all} onChange={toggleAll} data-testid="bundle-select-all" />
          {q ? `Select all ${matching.length} matching` : `Select all ${runs.length} runs`}
        </label>
        <span className="search">
          <label htmlFor={filterId}>Filter runs</label>
          <input id={filterId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="name, id, status" />
        </span>
      </div>
      <p className="field-hint" aria-live="polite">
        {selected.size === 1 ? '1 run selected' : `${selected.size} runs selected`}
        {matching.length > MAX_SHOWN && ` · showing the first ${MAX_SHOWN} of ${matching.length}; filter to find the others`}
      </p>
      <ul className="bundle-checklist" data-testid="bundle-run-list" aria-label="Runs to export">
        {matching.slice(0, MAX_SHOWN).map((run) => (
          <li key={run.id}>
            <label className="checkbox">
              <input type="checkbox" checked={selected.has(run.id)} onChange={() => toggle(run.id)} value={run.id} />
              <span className="bundle-run-name">{run.name || run.id}</span>
              <span className={`badge run-${run.status.toLowerCase()}`}>{run.status}</span>
              <time className="muted" dateTime={new Date(run.startedAt).toISOString()}>
                {formatDateTime(run.startedAt)}
              </time>
              {run.parentRunId && <span className="muted">trial of {parents.get(run.parentRunId) ?? 'a deleted sweep'}</span>}
            </label>
          </li>
        ))}
      </ul>
      {q && matching.length === 0 && <p role="status">No run matches “{query}”.</p>}
    </div>
  );
}
