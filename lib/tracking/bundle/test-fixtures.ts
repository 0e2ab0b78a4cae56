/* Test helpers for the bundle tests (not shipped code): a seeded database and a dump of it. */
import type { AliasEvent, ModelVersion, RegisteredModel } from '../registry-types';
import { WorkbenchDatabase } from '../db';
import { saveModelArtifacts } from '../model-store';
import { createRun, finishRun, MetricWriter } from '../runs';
import { canonicalJson } from './canonical';
import { bytesToBase64, encodeArtifact, encodeChunk, encodeRun, encodeVersion } from './codec';

let counter = 0;
const open: WorkbenchDatabase[] = [];

/** A new, empty database with a unique name; `closeAll` deletes them. */
export function freshDb(): WorkbenchDatabase {
  const db = new WorkbenchDatabase(`bundle-${++counter}-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}

export async function closeAll(): Promise<void> {
  for (const db of open.splice(0)) await db.delete();
}

const lineage = { id: 'upload-1', hash: 'a'.repeat(64), split: 'time' };
const params = { lr: 0.01, model: 'mlp', hiddenLayers: '16-8', patience: 'off', shuffle: true };

/**
 * Seeds a realistic workbench: a sweep (parent + 2 trials), a diverged FAILED run (NaN loss), a
 * run with a 2,500-step history (3 chunks) and a stored model, an uploaded dataset, a model with
 * two versions and alias history (@champion moved v1 → v2, @challenger set then removed), and progress.
 */
export async function seedWorkbench(db: WorkbenchDatabase): Promise<void> {
  await createRun(db, { experiment: 'flights', name: 'sweep', params: {}, dataset: lineage, seed: 1 }, 1000, 'sweep-1');
  for (const [i, id] of ['trial-a', 'trial-b'].entries()) {
    await createRun(db, { experiment: 'flights', name: `trial ${i}`, params: { ...params, lr: 0.01 * (i + 1) }, dataset: lineage, seed: 1, parentRunId: 'sweep-1', tags: { sweep: 'yes' } }, 1100 + i, id);
    const w = new MetricWriter(db, id);
    for (let e = 1; e <= 5; e++) w.log(e, { loss: 1 / e + i, val_loss: 1.2 / e + i });
    await w.flush(1200 + i);
    await finishRun(db, id, 'FINISHED', 1300 + i);
  }
  await db.artifacts.put({ runId: 'sweep-1', name: 'sweep.json', contentType: 'application/json', data: { search: 'grid', trials: [{ runId: 'trial-a', value: 0.5 }], importance: null }, bytes: null, createdAt: 1400 });
  await finishRun(db, 'sweep-1', 'FINISHED', 1400);

  await createRun(db, { experiment: 'flights', name: 'diverged', params: { ...params, lr: 10 }, dataset: { id: 'flights', hash: 'b'.repeat(64), split: 'time' }, seed: 2 }, 2000, 'failed-1');
  const f = new MetricWriter(db, 'failed-1');
  f.log(1, { loss: 3.5 });
  f.log(2, { loss: NaN, val_loss: Infinity });
  await f.flush(2100);
  await finishRun(db, 'failed-1', 'FAILED', 2200, { message: 'The loss became NaN in epoch 2: training diverged.', hint: 'Lower the learning rate.' });

  await createRun(db, { experiment: 'flights', name: 'long “ü” run', params, dataset: lineage, seed: 3, notes: 'line 1\nline 2' }, 3000, 'long-1');
  const l = new MetricWriter(db, 'long-1');
  for (let s = 0; s < 2500; s++) l.log(s, { loss: 1 / (s + 1) });
  await l.flush(3100);
  await saveModelArtifacts(db, 'long-1', { modelTopology: { class_name: 'Sequential', config: { layers: [{ units: 8 }] } }, weightSpecs: [{ name: 'w', shape: [2, 2], dtype: 'float32' }], weightData: new Float32Array([1.5, -2, 3.25, NaN]).buffer, format: 'layers-model' }, 3150);
  await db.artifacts.put({ runId: 'long-1', name: 'evaluation.json', contentType: 'application/json', data: { validation: { rmse: 1.2, auc: NaN, points: [[1, 2], [3, 4]] }, missing: undefined }, bytes: null, createdAt: 3150 });
  await finishRun(db, 'long-1', 'FINISHED', 3200);

  await db.datasets.put({ id: 'upload-1', name: 'my flights', fileName: 'f.csv', hash: lineage.hash, text: 'a,b\n1,2\n3,4\n', createdAt: 500, rows: 2, target: 'b', task: 'regression', timeColumn: null, features: ['a'], report: { malformed: [], columns: { a: { missing: 0 } } } });

  const versions: ModelVersion[] = [1, 2].map((version) => ({
    name: 'flights-delay',
    version,
    runId: version === 1 ? 'trial-a' : 'long-1',
    description: `v${version}`,
    tags: {},
    createdAt: 4000 + version,
    archived: false,
    archivedAt: null,
    dataset: lineage,
    task: 'regression',
    target: 'delay',
    metrics: { val_rmse: 10 - version },
  }));
  const events: AliasEvent[] = [
    { id: 'ev-1', name: 'flights-delay', alias: 'champion', version: 1, previousVersion: null, at: 5000, actor: 'you', reason: 'first' },
    { id: 'ev-2', name: 'flights-delay', alias: 'challenger', version: 2, previousVersion: null, at: 5001, actor: 'you', reason: '' },
    { id: 'ev-3', name: 'flights-delay', alias: 'champion', version: 2, previousVersion: 1, at: 5002, actor: 'you', reason: 'better' },
    { id: 'ev-4', name: 'flights-delay', alias: 'challenger', version: null, previousVersion: 2, at: 5003, actor: 'you', reason: '' },
  ];
  const model: RegisteredModel = { name: 'flights-delay', description: 'Delay in minutes', tags: { team: 'me' }, aliases: { champion: 2 }, createdAt: 4000, updatedAt: 5003 };
  await db.registeredModels.put(model);
  await db.modelVersions.bulkPut(versions);
  await db.aliasEvents.bulkPut(events);

  await db.exerciseProgress.put({ lessonId: 'what-is-mlops', exerciseId: 'quiz-1', status: 'passed', attempts: 2, hintsRevealed: 1, solutionRevealed: false, lastAnswer: ['b'], lastFeedback: 'Right.', updatedAt: 6000, passedAt: 6000 });
  await db.lessonVisits.put({ lessonId: 'what-is-mlops', visitedAt: 6100 });
}

/**
 * Everything stored, as one canonical string (bytes as base64, NaN spelled out): equal dumps
 * mean equal databases, so a test can prove that a refused import wrote nothing.
 */
export async function dump(db: WorkbenchDatabase): Promise<string> {
  const [runs, chunks, artifacts, datasets, models, versions, events, exercises, visits, meta] = await Promise.all([
    db.runs.toArray(),
    db.metricChunks.toArray(),
    db.artifacts.toArray(),
    db.datasets.toArray(),
    db.registeredModels.toArray(),
    db.modelVersions.toArray(),
    db.aliasEvents.toArray(),
    db.exerciseProgress.toArray(),
    db.lessonVisits.toArray(),
    db.meta.toArray(),
  ]);
  return canonicalJson({
    runs: runs.map(encodeRun),
    chunks: chunks.map(encodeChunk),
    artifacts: artifacts.map((a) => ({ ...encodeArtifact({ ...a, bytes: null }), bytes: a.bytes ? bytesToBase64(a.bytes) : null })),
    datasets,
    models,
    versions: versions.map(encodeVersion),
    events,
    exercises,
    visits,
    meta,
  });
}

/** A small but complete workbench (every kind of record, ~3 kB exported) for exhaustive fuzzing. */
export async function seedSmall(db: WorkbenchDatabase): Promise<void> {
  await createRun(db, { experiment: 'e', name: 'tiny', params: { lr: 0.5, model: 'linear' }, dataset: lineage, seed: 7, tags: { best: '' } }, 10, 'run-1');
  const w = new MetricWriter(db, 'run-1');
  w.log(1, { loss: 0.75, val_loss: NaN });
  w.log(2, { loss: 0.5, val_loss: 0.625 });
  await w.flush(20);
  await saveModelArtifacts(db, 'run-1', { modelTopology: { layers: [1] }, weightSpecs: [{ name: 'w', shape: [2], dtype: 'float32' }], weightData: new Float32Array([0.25, -4]).buffer }, 25);
  await finishRun(db, 'run-1', 'FINISHED', 30);
  await db.datasets.put({ id: 'upload-1', name: 'd', fileName: 'd.csv', hash: lineage.hash, text: 'a,b\n1,2\n', createdAt: 5, rows: 1, target: 'b', task: 'regression', timeColumn: null, features: ['a'], report: { ok: true } });
  await db.registeredModels.put({ name: 'm', description: '', tags: {}, aliases: { champion: 1 }, createdAt: 40, updatedAt: 41 });
  await db.modelVersions.put({ name: 'm', version: 1, runId: 'run-1', description: '', tags: {}, createdAt: 40, archived: false, archivedAt: null, dataset: lineage, task: 'regression', target: 'b', metrics: { val_rmse: 0.5 } });
  await db.aliasEvents.put({ id: 'ev-1', name: 'm', alias: 'champion', version: 1, previousVersion: null, at: 41, actor: 'you', reason: '' });
  await db.exerciseProgress.put({ lessonId: 'l', exerciseId: 'q', status: 'attempted', attempts: 1, hintsRevealed: 0, solutionRevealed: false, lastAnswer: ['a'], lastFeedback: '', updatedAt: 50, passedAt: null });
  await db.lessonVisits.put({ lessonId: 'l', visitedAt: 60 });
}
