import type { WorkbenchDatabase } from '../tracking/db';
import { saveModelArtifacts } from '../tracking/model-store';
import { createRun, finishRun, MetricWriter } from '../tracking/runs';
import type { RunStatus } from '../tracking/run-types';

const dbs: WorkbenchDatabase[] = [];

/** Seeds a run as training would leave it: epochs of losses, evaluation metrics, and (optionally) a stored model. */
export async function seedRun(
  db: WorkbenchDatabase,
  id: string,
  options: { status?: RunStatus; model?: boolean; valRmse?: number; dataset?: { id: string; hash: string; split: string } } = {},
): Promise<void> {
  const { status = 'FINISHED', model = true, valRmse = 10, dataset = { id: 'flights', hash: 'hash-abc', split: 'time' } } = options;
  await createRun(db, { experiment: 'flights', name: `run-${id}`, params: { task: 'regression', target: 'delay', lr: 0.01 }, dataset, seed: 1 }, 1000, id);
  const writer = new MetricWriter(db, id);
  writer.log(1, { loss: 30, val_loss: 25 });
  writer.log(2, { loss: 20, val_loss: 15 });
  writer.log(3, { loss: 18, val_loss: 16 });
  writer.log(3, { val_rmse: valRmse, val_mae: valRmse / 2, val_r2: 0.3, baseline_val_rmse: 14 });
  await writer.flush(1100);
  if (model) await saveModelArtifacts(db, id, { modelTopology: { layers: [] }, weightSpecs: [], weightData: new ArrayBuffer(8) }, 1200);
  if (status !== 'RUNNING') await finishRun(db, id, status, 1300);
}

/** Keeps track of test databases so `dropDatabases` can delete them after each test. */
export function track(db: WorkbenchDatabase): WorkbenchDatabase {
  dbs.push(db);
  return db;
}

export async function dropDatabases(): Promise<void> {
  for (const db of dbs.splice(0)) await db.delete();
}
