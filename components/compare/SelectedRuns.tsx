'use client';

import Link from 'next/link';
import type { RunRecord } from '@/lib/tracking/run-types';
import { SeriesSwatch } from './SeriesSwatch';

/** The compared runs with their line style, each removable from the comparison (and the link). */
export function SelectedRuns({ runs, onRemove }: { runs: readonly RunRecord[]; onRemove: (id: string) => void }) {
  return (
    <ul className="selected-runs" aria-label="Compared runs">
      {runs.map((run, i) => (
        <li key={run.id}>
          <SeriesSwatch index={i} />
          <Link href={`/workbench/run?id=${encodeURIComponent(run.id)}`}>{run.name}</Link>
          <span className={`badge run-${run.status.toLowerCase()}`}>{run.status}</span>
          <button type="button" className="remove-run" onClick={() => onRemove(run.id)} aria-label={`Remove ${run.name} from the comparison`}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}
