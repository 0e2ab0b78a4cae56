import type { WorkbenchDatabase } from '../tracking/db';
import { readJsonArtifact } from '../tracking/run-edits';
import type { ParamValue } from '../tracking/run-types';
import { finishRun } from '../tracking/runs';
import { SWEEP_ARTIFACT, type SweepSummary } from '../tracking/sweep-types';

/** Rewrites the parent run's `sweep.json` with `summary` (a copy: later edits do not leak in). */
export async function writeSweepSummary(db: WorkbenchDatabase, parentRunId: string, summary: SweepSummary, now: number): Promise<void> {
  await db.artifacts.put({ runId: parentRunId, name: SWEEP_ARTIFACT, contentType: 'application/json', data: structuredClone(summary), bytes: null, createdAt: now });
}

/** A sweep's summary from its parent run, or undefined when the run has none. */
export function readSweepSummary(db: WorkbenchDatabase, parentRunId: string): Promise<SweepSummary | undefined> {
  return readJsonArtifact<SweepSummary>(db, parentRunId, SWEEP_ARTIFACT);
}

/**
 * Ends a sweep whose trainer is gone (a worker that ignored cancel, or crashed): the trial that
 * was training ends `status` and joins the summary with no value, the summary is marked KILLED
 * (every finished trial kept) and the parent run ends KILLED (cancel) or FAILED (crash), with
 * `failure`. Runs already ended are left as they are.
 */
export async function endSweepByForce(
  db: WorkbenchDatabase,
  input: { parentRunId: string; trial: { runId: string; params: Record<string, ParamValue> } | null; status: 'KILLED' | 'FAILED'; failure: { message: string; hint: string }; now: number },
): Promise<void> {
  const { parentRunId, trial, status, failure, now } = input;
  if (trial) await finishRun(db, trial.runId, status, now, failure).catch(() => undefined);
  const summary = await readSweepSummary(db, parentRunId);
  if (summary && summary.status === 'RUNNING') {
    if (trial && !summary.trials.some((t) => t.runId === trial.runId)) summary.trials.push({ runId: trial.runId, params: trial.params, value: null, std: null, status, epochs: 0 });
    summary.status = 'KILLED';
    await writeSweepSummary(db, parentRunId, summary, now);
  }
  await finishRun(db, parentRunId, status, now, failure);
}
