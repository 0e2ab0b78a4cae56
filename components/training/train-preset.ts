// Trains one run in Node exactly as the train page would from a lesson preset: its form, its
// request, the real session on tfjs's CPU backend. Used by the e2e seed bundles and by tests that
// need real recorded runs (not shipped code: the page trains through its worker).
import { builtinInfos } from '@/lib/data/load';
import type { TfModule } from '@/lib/ml/model';
import type { FromTrainer, TrainingRequest } from '@/lib/ml/protocol';
import { runTrainingSession } from '@/lib/ml/session';
import { systemClock } from '@/lib/time/clock';
import type { WorkbenchDatabase } from '@/lib/tracking/db';
import { formFromParams, requestFromForm } from './form-state';

/** The session's end for a run that FINISHED: its id and the saved model's metrics. */
export type FinishedTraining = Extract<FromTrainer, { type: 'done' }>;

/**
 * Trains the preset (`dataset=flights&target=delay&epochs=3`…) under `name` into `db`, reading
 * built-in files with `readFile(path)`; throws unless the run FINISHED.
 */
export async function trainPreset(tf: TfModule, db: WorkbenchDatabase, preset: string, name: string, readFile: (path: string) => string): Promise<FinishedTraining> {
  const infos = builtinInfos();
  const form = formFromParams(infos, new URLSearchParams(preset))!;
  const built = requestFromForm({ ...form, name, backend: 'cpu' }, infos.find((d) => d.id === form.datasetId)!, new Date(systemClock.now()));
  if ('problems' in built) throw new Error(`${name}: ${built.problems.join('; ')}`);
  return trainRequest(tf, db, built.request, readFile);
}

/** Trains `request` into `db` with the real session on the current tfjs backend; throws unless the run FINISHED. */
export async function trainRequest(tf: TfModule, db: WorkbenchDatabase, request: TrainingRequest, readFile: (path: string) => string): Promise<FinishedTraining> {
  let end: FromTrainer | null = null;
  await runTrainingSession(request, {
    tf,
    db,
    sources: { fetchText: async (path) => readFile(path), readUpload: async () => undefined },
    backendCache: null,
    cores: 1,
    post: (m) => (m.type === 'done' || m.type === 'error' ? (end = m) : undefined),
    shouldStop: () => false,
    yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    clock: systemClock,
  });
  const done = end as FromTrainer | null;
  if (done?.type !== 'done' || done.status !== 'FINISHED') throw new Error(`${request.name} did not finish: ${JSON.stringify(done)}`);
  return done;
}
