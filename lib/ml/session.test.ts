import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../tracking/db';
import { loadModelArtifacts } from '../tracking/model-store';
import { readMetric } from '../tracking/runs';
import { DEFAULT_MLP } from './model-spec';
import type { FromTrainer, TrainingRequest } from './protocol';
import { runTrainingSession, type SessionDeps } from './session';
import { systemClock } from '../time/clock';
import type { DataContract } from '../tracking/serving-types';

const vega = (file: string) => readFileSync(new URL(`../../node_modules/vega-datasets/data/${file.split('/').pop()}`, import.meta.url), 'utf8');
const dbs: WorkbenchDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
beforeAll(async () => {
  await tf.setBackend('cpu');
});

function setup(overrides: Partial<SessionDeps> = {}) {
  const db = new WorkbenchDatabase(`session-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  const messages: FromTrainer[] = [];
  const deps: SessionDeps = {
    tf,
    db,
    sources: { fetchText: async (path) => vega(path), readUpload: async () => undefined },
    backendCache: null,
    cores: 2,
    post: (m) => messages.push(m),
    shouldStop: () => false,
    yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    clock: systemClock,
    ...overrides,
  };
  return { db, messages, deps };
}

const request = (over: Partial<TrainingRequest> = {}, spec: Partial<typeof DEFAULT_MLP> = {}): TrainingRequest => ({
  experiment: 'test',
  name: 'delay-mlp',
  tags: { stage: 'test' },
  notes: '',
  dataset: { id: 'cars', kind: 'builtin' },
  target: 'mpg',
  features: ['cylinders', 'displacement', 'horsepower', 'weight_lbs', 'acceleration', 'origin', 'year'],
  split: 'random',
  backend: 'cpu',
  ...over,
  spec: { ...DEFAULT_MLP, task: 'regression', classes: 1, epochs: 30, batchSize: 32, patience: null, ...spec },
});

describe('runTrainingSession', () => {
  it('records a FINISHED run with params, per-epoch metrics, evaluation, model and preprocessing', async () => {
    const { db, messages, deps } = setup();
    const timing = await runTrainingSession(request(), deps);
    const done = messages.find((m) => m.type === 'done');
    expect(done).toMatchObject({ type: 'done', status: 'FINISHED' });
    const run = (await db.runs.toArray())[0]!;
    expect(run.status).toBe('FINISHED');
    expect(run.backend).toBe('cpu');
    expect(run.params).toMatchObject({ target: 'mpg', model: 'mlp', hiddenLayers: '32-16', learningRate: 0.01, patience: 'off' });
    expect(run.dataset.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.dataset.split).toContain('seeded random');
    expect((await readMetric(db, run.id, 'val_loss')).values).toHaveLength(30);
    // Cars mpg is easy: the model must beat the mean baseline by far.
    expect(run.lastMetrics.val_rmse).toBeLessThan(run.lastMetrics.baseline_val_rmse! / 2);
    expect(await loadModelArtifacts(db, run.id)).toBeDefined();
    const prep = await db.artifacts.get([run.id, 'preprocessing.json']);
    expect((prep!.data as { target: string }).target).toBe('mpg');
    // The data contract of the raw training rows, in model input order (what serving validates with).
    const contract = (await db.artifacts.get([run.id, 'contract.json']))!.data as DataContract;
    expect(contract).toMatchObject({ format: 1, source: 'training', rangeTolerance: 0.1 });
    expect(contract.columns.map((c) => c.name)).toEqual(request().features);
    expect(contract.rows).toBe(((await db.artifacts.get([run.id, 'training.json']))!.data as { shape: { train: number } }).shape.train);
    expect(contract.columns.find((c) => c.name === 'origin')).toMatchObject({ kind: 'categorical', categories: ['Europe', 'Japan', 'USA'], complete: true });
    expect(contract.columns.find((c) => c.name === 'horsepower')).toMatchObject({ kind: 'numeric', min: expect.any(Number), max: expect.any(Number) });
    expect(timing!.loggingMs).toBeGreaterThan(0);
    expect(messages.filter((m) => m.type === 'epoch')).toHaveLength(30);
  });

  it('a diverging learning rate ends the run FAILED with the explanation and a hint', async () => {
    const { db, messages, deps } = setup();
    await runTrainingSession(request({}, { learningRate: 1e6, optimizer: 'sgd', epochs: 5 }), deps);
    const run = (await db.runs.toArray())[0]!;
    expect(run.status).toBe('FAILED');
    expect(run.failure!.message).toMatch(/NaN|infinite/);
    expect(run.failure!.hint).toMatch(/learning rate/i);
    expect(messages.at(-1)).toMatchObject({ type: 'done', status: 'FAILED' });
  });

  it('cancel ends the run KILLED and keeps the metrics already written', async () => {
    let epochs = 0;
    const { db, deps } = setup();
    deps.post = (m) => {
      if (m.type === 'epoch') epochs = m.epoch;
    };
    deps.shouldStop = () => epochs >= 2;
    await runTrainingSession(request({}, { epochs: 20 }), deps);
    const run = (await db.runs.toArray())[0]!;
    expect(run.status).toBe('KILLED');
    expect((await readMetric(db, run.id, 'loss')).values.length).toBeGreaterThanOrEqual(2);
    expect(await loadModelArtifacts(db, run.id)).toBeUndefined();
  });

  it('bad input is reported without recording a run', async () => {
    const { db, messages, deps } = setup();
    await runTrainingSession(request({ target: 'horsepower', features: ['horsepower'] }), deps);
    expect(messages.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('cannot also be an input') });
    await runTrainingSession(request({ dataset: { id: 'nope', kind: 'upload' } }), deps);
    expect(messages.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('Upload the file again') });
    expect(await db.runs.count()).toBe(0);
  });

  it('flights delay (time split): the course MLP with early stopping beats the mean baseline on validation RMSE (the lesson exercise is reachable)', async () => {
    const { db, deps } = setup();
    await runTrainingSession(
      request({ dataset: { id: 'flights', kind: 'builtin' }, target: 'delay', features: ['hour', 'weekday', 'month', 'distance', 'origin', 'destination'], split: 'time' }, { epochs: 8, batchSize: 64, patience: 3 }),
      deps,
    );
    const run = (await db.runs.toArray())[0]!;
    expect(run.status).toBe('FINISHED');
    expect(run.lastMetrics.val_rmse).toBeLessThan(run.lastMetrics.baseline_val_rmse!);
  }, 120_000);
});

describe('tensors', () => {
  it('a whole session (train, evaluate, save) and a backend trial leave no tensor behind', async () => {
    const { deps } = setup();
    const before = tf.memory().numTensors;
    await runTrainingSession(request({}, { epochs: 3, patience: 2 }), deps);
    expect(tf.memory().numTensors).toBe(before);
    const { measureBackend } = await import('./backends');
    const sample = { x: new Float32Array(640 * 3).map((_, i) => (i % 7) / 7), y: new Float32Array(640).map((_, i) => i % 5), rows: 640, width: 3 };
    const trial = await measureBackend(tf, 'cpu', { ...DEFAULT_MLP, task: 'regression', classes: 1 }, sample, 100);
    expect(trial.examplesPerSec).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});
