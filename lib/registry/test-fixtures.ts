import type { WorkbenchDatabase } from '../tracking/db';
import { saveModelArtifacts } from '../tracking/model-store';
import { ARTIFACTS } from '../tracking/artifact-names';
import { createRun, finishRun, MetricWriter, recordSavedModel } from '../tracking/runs';
import type { RunStatus } from '../tracking/run-types';

const dbs: WorkbenchDatabase[] = [];

/** The metrics `seedRun` logs at its saved epoch (3) besides the epoch's own, for a validation RMSE. */
export function seededEvaluation(valRmse: number): Record<string, number> {
  return { val_rmse: valRmse, val_r2: 0.3, baseline_val_rmse: 14, baseline_val_mae: 7, test_rmse: valRmse + 1, test_mae: valRmse / 2, test_r2: 0.2, baseline_test_rmse: 14.5, baseline_test_mae: 7.5 };
}

/**
 * Seeds a run as training leaves it: three epochs of losses and validation MAE, the evaluation
 * of the saved model (the last epoch's: no early stopping) logged once at its epoch, the saved
 * model's metrics on the run, preprocessing.json (its signature: `task`, `target`, `inputs`) and,
 * optionally, a stored model.
 */
export async function seedRun(
  db: WorkbenchDatabase,
  id: string,
  options: { status?: RunStatus; model?: boolean; valRmse?: number; dataset?: { id: string; hash: string; split: string }; task?: 'regression' | 'classification'; target?: string; inputs?: string[] } = {},
): Promise<void> {
  const { status = 'FINISHED', model = true, valRmse = 10, dataset = { id: 'flights', hash: 'hash-abc', split: 'time' }, task = 'regression', target = task === 'regression' ? 'delay' : 'delayed', inputs = ['distance', 'origin'] } = options;
  await createRun(db, { experiment: 'flights', name: `run-${id}`, params: { task, target, lr: 0.01 }, dataset, seed: 1 }, 1000, id);
  const writer = new MetricWriter(db, id);
  writer.log(1, { loss: 30, val_loss: 25, val_mae: 6 });
  writer.log(2, { loss: 20, val_loss: 15, val_mae: 5.5 });
  const last = { loss: 18, val_loss: 16, val_mae: valRmse / 2 };
  writer.log(3, last);
  const evaluated = seededEvaluation(valRmse);
  writer.log(3, Object.fromEntries(Object.entries(evaluated).filter(([k]) => !(k in last))));
  await writer.flush(1100);
  const encoders = inputs.map((column) => (column === 'origin' ? { kind: 'onehot', column, categories: ['SEA'], mode: 'SEA' } : { kind: 'numeric', column, mean: 0, std: 1 }));
  await db.artifacts.put({ runId: id, name: ARTIFACTS.preprocessing, contentType: 'application/json', data: { version: 1, scale: true, encoders, featureNames: inputs, target, task, classNames: task === 'classification' ? ['no', 'yes'] : [] }, bytes: null, createdAt: 1150 });
  if (model) {
    await saveModelArtifacts(db, id, { modelTopology: { layers: [] }, weightSpecs: [], weightData: new ArrayBuffer(8) }, 1200);
    await recordSavedModel(db, id, { step: 3, metrics: { ...last, ...evaluated } });
  }
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
