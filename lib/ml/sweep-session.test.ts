import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { UploadedDatasetSource } from '../data/load';
import { seededRandom } from '../data/random';
import { WorkbenchDatabase } from '../tracking/db';
import { loadModelArtifacts } from '../tracking/model-store';
import type { RunRecord } from '../tracking/run-types';
import { readMetric } from '../tracking/runs';
import { SWEEP_ARTIFACT, type SweepSummary } from '../tracking/sweep-types';
import { DEFAULT_MLP } from './model-spec';
import type { FromTrainer, SweepRequest } from './protocol';
import type { SessionDeps } from './session';
import { runSweepSession } from './sweep-session';
import { IMPORTANCE_METHOD } from './sweep/importance';
import { systemClock } from '../time/clock';

/** 240 rows of y = 3·x1 − 2·x2 + (c = "a") + noise: a tiny regression every config learns in seconds. */
function syntheticCsv(): string {
  const random = seededRandom(3);
  const lines = ['x1,x2,c,y'];
  for (let i = 0; i < 240; i++) {
    const x1 = random() * 2 - 1;
    const x2 = random() * 2 - 1;
    const c = random() < 0.5 ? 'a' : 'b';
    lines.push(`${x1.toFixed(4)},${x2.toFixed(4)},${c},${(3 * x1 - 2 * x2 + (c === 'a' ? 1 : 0) + 0.1 * (random() - 0.5)).toFixed(4)}`);
  }
  return lines.join('\n');
}

const upload: UploadedDatasetSource = { id: 'synthetic', name: 'Synthetic', fileName: 'synthetic.csv', text: syntheticCsv(), hash: 'f'.repeat(64), target: 'y', task: 'regression', timeColumn: null, features: ['x1', 'x2', 'c'], rows: 240 };

const dbs: WorkbenchDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
beforeAll(async () => {
  await tf.setBackend('cpu');
});

function setup() {
  const db = new WorkbenchDatabase(`sweep-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  const messages: FromTrainer[] = [];
  const deps: SessionDeps = {
    tf,
    db,
    sources: { fetchText: async () => Promise.reject(new Error('no network in tests')), readUpload: async (id) => (id === upload.id ? upload : undefined) },
    backendCache: null,
    cores: 2,
    post: (m) => messages.push(m),
    shouldStop: () => false,
    yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    clock: systemClock,
  };
  return { db, messages, deps };
}

function sweep(over: Partial<SweepRequest> = {}, spec: Partial<typeof DEFAULT_MLP> = {}): SweepRequest {
  return {
    base: { experiment: 'synthetic', name: '', tags: { stage: 'tune' }, notes: '', dataset: { id: upload.id, kind: 'upload' }, target: 'y', features: ['x1', 'x2', 'c'], split: 'random', backend: 'cpu', spec: { ...DEFAULT_MLP, task: 'regression', classes: 1, hiddenLayers: [8], epochs: 3, batchSize: 32, patience: null, ...spec } },
    space: [
      { param: 'learningRate', kind: 'values', values: [0.01, 0.05] },
      { param: 'hiddenLayers', kind: 'values', values: ['4', '8'] },
    ],
    search: 'grid',
    maxTrials: 8,
    maxMinutes: null,
    earlyStopping: 'none',
    objective: { metric: 'val_loss', direction: 'minimize' },
    folds: null,
    seed: 7,
    ...over,
  };
}

async function parentAndChildren(db: WorkbenchDatabase): Promise<{ parent: RunRecord; children: RunRecord[]; summary: SweepSummary }> {
  const runs = await db.runs.toArray();
  const parent = runs.find((r) => r.tags.sweep === 'parent')!;
  const children = runs.filter((r) => r.parentRunId === parent.id).sort((a, b) => Number(a.tags['sweep.trial']) - Number(b.tags['sweep.trial']));
  const summary = (await db.artifacts.get([parent.id, SWEEP_ARTIFACT]))!.data as SweepSummary;
  return { parent, children, summary };
}

describe('runSweepSession', () => {
  it('a grid of 4 trials: a FINISHED parent, 4 tracked child runs, sweep.json with importance, best_val_loss by trial, no tensor left', async () => {
    const { db, messages, deps } = setup();
    const tensorsBefore = tf.memory().numTensors;
    const result = await runSweepSession(sweep(), deps);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    const { parent, children, summary } = await parentAndChildren(db);
    expect(result).toEqual(summary);
    expect(parent).toMatchObject({ status: 'FINISHED', name: 'sweep: 4 trials of lr × layers', tags: { sweep: 'parent', stage: 'tune' }, parentRunId: null });
    expect(parent.params).toMatchObject({ learningRate: '{0.01, 0.05}', hiddenLayers: '{4, 8}', search: 'grid', trials: 4, objective: 'minimize val_loss', earlyStopping: 'none', cvFolds: 'off', target: 'y' });
    expect(children).toHaveLength(4);
    expect(children.map((c) => [c.params.learningRate, c.params.hiddenLayers])).toEqual([[0.01, '4'], [0.01, '8'], [0.05, '4'], [0.05, '8']]);
    for (const child of children) {
      expect(child).toMatchObject({ status: 'FINISHED', parentRunId: parent.id, tags: { stage: 'tune' } });
      expect((await readMetric(db, child.id, 'val_loss')).values).toHaveLength(3);
      expect(child.lastMetrics.val_rmse).toBeGreaterThan(0);
      expect(await loadModelArtifacts(db, child.id)).toBeDefined();
      expect(await db.artifacts.get([child.id, 'preprocessing.json'])).toBeDefined();
    }
    expect(summary).toMatchObject({ search: 'grid', status: 'FINISHED', folds: null, seed: 7, earlyStopping: 'none', budget: { maxTrials: 8, maxMinutes: null }, objective: { metric: 'val_loss', direction: 'minimize' } });
    expect(summary.trials.map((t) => t.runId)).toEqual(children.map((c) => c.id));
    for (const [i, trial] of summary.trials.entries()) {
      expect(trial).toMatchObject({ status: 'FINISHED', std: null, epochs: 3, params: { learningRate: children[i]!.params.learningRate, hiddenLayers: children[i]!.params.hiddenLayers } });
      // The value is the best val_loss over the trial's epochs.
      expect(trial.value).toBeCloseTo(children[i]!.bestMetrics.val_loss!.value, 6);
    }
    expect(summary.importance?.method).toBe(IMPORTANCE_METHOD);
    expect(summary.importance?.scores.map((s) => s.param).sort()).toEqual(['hiddenLayers', 'learningRate']);
    const best = await readMetric(db, parent.id, 'best_val_loss');
    expect(best.steps).toEqual([1, 2, 3, 4]);
    expect(best.values.at(-1)).toBeCloseTo(Math.min(...summary.trials.map((t) => t.value!)), 6);
    expect(best.values.every((v, i) => i === 0 || v <= best.values[i - 1]!)).toBe(true);
    const types = messages.map((m) => m.type).filter((t) => t.startsWith('sweep'));
    expect(types[0]).toBe('sweep-started');
    expect(types.filter((t) => t === 'sweep-trial-done')).toHaveLength(4);
    expect(types.filter((t) => t === 'sweep-epoch')).toHaveLength(12);
    expect(messages.at(-1)).toMatchObject({ type: 'sweep-done', status: 'FINISHED', parentRunId: parent.id });
  });

  it('cancel ends the running trial KILLED and the parent KILLED, keeping the finished trials in sweep.json', async () => {
    const { db, messages, deps } = setup();
    let stop = false;
    deps.post = (m) => {
      messages.push(m);
      if (m.type === 'sweep-epoch' && m.index === 1 && m.epoch === 1) stop = true;
    };
    deps.shouldStop = () => stop;
    await runSweepSession(sweep(), deps);
    const { parent, children, summary } = await parentAndChildren(db);
    expect(parent.status).toBe('KILLED');
    expect(parent.failure?.message).toContain('Cancelled after 2 of 4 trials');
    expect(children.map((c) => c.status)).toEqual(['FINISHED', 'KILLED']);
    expect(summary.status).toBe('KILLED');
    expect(summary.trials.map((t) => [t.status, t.value === null])).toEqual([
      ['FINISHED', false],
      ['KILLED', true],
    ]);
    expect(messages.at(-1)).toMatchObject({ type: 'sweep-done', status: 'KILLED' });
  });

  it('the time budget: no trial starts once it ran out, and the sweep ends FINISHED with the trials it ran', async () => {
    const { db, messages, deps } = setup();
    let clock = 1_000_000;
    deps.clock = { ...systemClock, now: () => clock };
    deps.post = (m) => {
      messages.push(m);
      if (m.type === 'sweep-trial-done') clock += 40_000;
    };
    await runSweepSession(sweep({ maxMinutes: 1 }), deps);
    const { parent, children, summary } = await parentAndChildren(db);
    expect(children).toHaveLength(2);
    expect(parent.status).toBe('FINISHED');
    expect(summary).toMatchObject({ status: 'FINISHED', budget: { maxTrials: 8, maxMinutes: 1 } });
    expect(messages.at(-1)).toMatchObject({ type: 'sweep-done', status: 'FINISHED', message: 'The time budget of 1 min ran out after 2 of 4 trials.' });
  });

  it('a diverging trial is FAILED with its reason and the sweep goes on', async () => {
    const { db, deps } = setup();
    await runSweepSession(sweep({ space: [{ param: 'learningRate', kind: 'values', values: [0.01, 1e6, 0.05] }] }, { optimizer: 'sgd' }), deps);
    const { parent, children, summary } = await parentAndChildren(db);
    expect(parent.status).toBe('FINISHED');
    expect(children.map((c) => c.status)).toEqual(['FINISHED', 'FAILED', 'FINISHED']);
    expect(children[1]!.failure?.message).toMatch(/NaN|infinite/);
    expect(summary.trials.map((t) => t.status)).toEqual(['FINISHED', 'FAILED', 'FINISHED']);
    expect(summary.trials[1]!.value).toBeNull();
    // Only 2 trials have a value: importance needs 3, so the failed one does not count.
    expect(summary.importance).toBeNull();
  });

  it('successive halving stops a hopeless trial early: FINISHED run tagged sweep.stopped_early, model kept, STOPPED_EARLY in the summary', async () => {
    const { db, deps } = setup();
    // 9 epochs: rungs at 1 and 3. A learning rate of 1e-5 is far behind after one epoch.
    await runSweepSession(sweep({ earlyStopping: 'successive-halving', space: [{ param: 'learningRate', kind: 'values', values: [0.05, 0.00001, 0.03, 0.000003] }] }, { epochs: 9 }), deps);
    const { children, summary } = await parentAndChildren(db);
    expect(summary.earlyStopping).toBe('successive-halving');
    const stopped = summary.trials.filter((t) => t.status === 'STOPPED_EARLY');
    expect(stopped.length).toBeGreaterThanOrEqual(1);
    expect(summary.trials[0]!.status).toBe('FINISHED');
    for (const trial of stopped) {
      const run = children.find((c) => c.id === trial.runId)!;
      expect(run.status).toBe('FINISHED');
      expect(run.tags['sweep.stopped_early']).toBe('true');
      expect(trial.epochs).toBeLessThan(9);
      expect(trial.value).not.toBeNull();
      expect(await loadModelArtifacts(db, run.id)).toBeDefined();
    }
  });

  it('k-fold: each trial logs cv_val_loss per fold with mean and std, the value is the mean, early stopping is off', async () => {
    const { db, deps } = setup();
    await runSweepSession(sweep({ folds: 3, earlyStopping: 'median', space: [{ param: 'learningRate', kind: 'values', values: [0.01, 0.05] }] }, { epochs: 2 }), deps);
    const { parent, children, summary } = await parentAndChildren(db);
    expect(parent.status).toBe('FINISHED');
    expect(parent.dataset.split).toContain('3-fold cross-validation');
    expect(summary).toMatchObject({ folds: 3, earlyStopping: 'none' });
    for (const [i, child] of children.entries()) {
      const perFold = await readMetric(db, child.id, 'cv_val_loss');
      expect(perFold.steps).toEqual([1, 2, 3]);
      const mean = perFold.values.reduce((s, v) => s + v, 0) / 3;
      const std = Math.sqrt(perFold.values.reduce((s, v) => s + (v - mean) ** 2, 0) / 2);
      expect(child.lastMetrics.cv_val_loss_mean).toBeCloseTo(mean, 6);
      expect(child.lastMetrics.cv_val_loss_std).toBeCloseTo(std, 6);
      expect(summary.trials[i]).toMatchObject({ status: 'FINISHED', value: expect.closeTo(mean, 6), std: expect.closeTo(std, 6) });
      expect(child.params.cvFolds).toBe(3);
      // The kept model is trained on the usual split, so the child is a normal run too.
      expect((await readMetric(db, child.id, 'val_loss')).values).toHaveLength(2);
      expect(await loadModelArtifacts(db, child.id)).toBeDefined();
    }
  });

  it('bad input is reported with a message and records nothing', async () => {
    const { db, messages, deps } = setup();
    await runSweepSession(sweep({ maxTrials: 3 }), deps);
    expect(messages.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('The grid has 4 configurations, more than the budget of 3 trials') });
    await runSweepSession(sweep({ space: [{ param: 'dropout', kind: 'range', min: 0.5, max: 0.1, scale: 'linear', integer: false }], search: 'random' }), deps);
    expect(messages.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('dropout: min (0.5) must be below max (0.1)') });
    await runSweepSession(sweep({ objective: { metric: 'val_accuracy', direction: 'maximize' } }), deps);
    expect(messages.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('val_accuracy is not logged every epoch for a regression') });
    await runSweepSession(sweep({ base: { ...sweep().base, dataset: { id: 'gone', kind: 'upload' } } }), deps);
    expect(messages.at(-1)).toMatchObject({ type: 'error', message: expect.stringContaining('Upload the file again') });
    expect(await db.runs.count()).toBe(0);
  });
});
