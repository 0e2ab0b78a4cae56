'use client';

import Link from 'next/link';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { readSweepSummary } from '@/lib/ml/sweep-record';
import { getDatabase } from '@/lib/tracking/db';
import { SweepResults } from './SweepResults';

/**
 * A sweep already recorded, live from IndexedDB (it updates while the sweep runs in another tab):
 * its parent run's `sweep.json` with the results and every trial.
 */
export function SavedSweep({ parentRunId }: { parentRunId: string }) {
  const loaded = useLiveLoaded(async () => {
    const db = getDatabase();
    const [summary, run] = await Promise.all([readSweepSummary(db, parentRunId), db.runs.get(parentRunId)]);
    return { summary, run };
  }, [parentRunId]);
  if (loaded.status === 'loading') return <p role="status">Loading the sweep…</p>;
  if (loaded.status === 'error') {
    return (
      <p className="notice error" role="alert">
        {loaded.message}
      </p>
    );
  }
  const { summary, run } = loaded.value;
  if (!summary) {
    return (
      <div className="notice info" role="status">
        <p>No sweep is stored under this id (the run was deleted, or is not a sweep’s parent).</p>
        <p>
          <Link href="/workbench/sweep" prefetch={false}>
            Start a sweep
          </Link>
        </p>
      </div>
    );
  }
  // A tab closed mid-sweep leaves the summary RUNNING; start-up recovery has ended the parent run since.
  const interrupted = summary.status === 'RUNNING' && run !== undefined && run.status !== 'RUNNING';
  return (
    <div className="card sweep-saved">
      <h2>{run?.name ?? 'Sweep'}</h2>
      {interrupted && <p className="notice info">This sweep was interrupted (its tab was closed); the trials it finished are below.</p>}
      <p className="meta-row">
        {summary.search === 'grid' ? 'Grid' : 'Random'} search · {summary.trials.length} trials (budget {summary.budget.maxTrials}) · status {interrupted ? 'KILLED' : summary.status}
        {summary.folds ? ` · ${summary.folds}-fold cross-validation` : ''} · early termination: {summary.earlyStopping}
      </p>
      <SweepResults summary={summary} parentRunId={parentRunId} showTrials />
    </div>
  );
}
