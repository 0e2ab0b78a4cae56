'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import Link from 'next/link';
import { SavedSweep } from '@/components/sweep/SavedSweep';
import { getDatabase } from '@/lib/tracking/db';
import type { RunRecord } from '@/lib/tracking/run-types';

const runHref = (id: string) => `/workbench/run?id=${encodeURIComponent(id)}`;

/** "Trial n of <sweep>" on a sweep's trial: a link back to its parent run. */
function TrialOf({ run, parentId }: { run: RunRecord; parentId: string }) {
  const parent = useLiveQuery(() => getDatabase().runs.get(parentId).catch(() => undefined), [parentId], null);
  const trial = run.tags['sweep.trial'];
  const label = parent === null ? 'its sweep' : (parent?.name ?? 'a deleted sweep');
  return (
    <p className="notice info" data-testid="trial-of">
      {trial ? `Trial ${trial} of ` : 'A trial of '}
      {parent ? <Link href={runHref(parentId)}>{label}</Link> : label}
      {run.tags['sweep.stopped_early'] === 'true' ? ' — stopped early by the sweep’s early-termination rule (it looked worse than its peers at the same epoch).' : '.'}
    </p>
  );
}

/** On a sweep's parent run: its results (trials, importance); on a trial: a link to its parent. */
export function RunSweepLinks({ run }: { run: RunRecord }) {
  if (run.parentRunId) return <TrialOf run={run} parentId={run.parentRunId} />;
  if (run.tags.sweep !== 'parent') return null;
  return (
    <section aria-label="Sweep results" data-testid="parent-sweep">
      <SavedSweep parentRunId={run.id} />
      <p>
        <Link href={`/workbench/sweep?parent=${encodeURIComponent(run.id)}`} prefetch={false}>
          Open this sweep on the Tune page
        </Link>
      </p>
    </section>
  );
}
