import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MLP } from '@/lib/ml/model-spec';
import type { SweepRequest, TrainingRequest } from '@/lib/ml/protocol';
import { readSweepSummary, writeSweepSummary } from '@/lib/ml/sweep-record';
import { WorkbenchDatabase } from '@/lib/tracking/db';
import { createRun } from '@/lib/tracking/runs';
import type { SweepSummary } from '@/lib/tracking/sweep-types';
import { scriptedTrainer } from './scripted-trainer';
import { createSweepStore, sweepProgress } from './sweep';
import { CANCEL_GRACE_MS } from './tf-worker';
import { createTrainingStore } from './training';

const request: SweepRequest = {
  base: { experiment: 'cars', name: '', tags: {}, notes: '', dataset: { id: 'cars', kind: 'builtin' }, target: 'mpg', features: ['weight_lbs'], split: 'random', backend: 'cpu', spec: { ...DEFAULT_MLP, task: 'regression', classes: 1, epochs: 4 } },
  space: [{ param: 'learningRate', kind: 'values', values: [0.01, 0.1] }],
  search: 'grid',
  maxTrials: 2,
  maxMinutes: null,
  earlyStopping: 'none',
  objective: { metric: 'val_loss', direction: 'minimize' },
  folds: null,
  seed: 1,
};
const summary: SweepSummary = { search: 'grid', space: request.space, objective: request.objective, earlyStopping: 'none', budget: { maxTrials: 2, maxMinutes: null }, folds: null, seed: 1, trials: [], importance: null, status: 'RUNNING' };

const dbs: WorkbenchDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const shape = { train: 10, validation: 2, test: 2, inputWidth: 1, parameters: 5 };

describe('sweep store (through the worker RPC)', () => {
  it('follows a sweep from start to done: trials, epochs, progress and the summary', async () => {
    const trainer = scriptedTrainer();
    const store = createSweepStore(() => trainer.client);
    store.getState().start(request);
    expect(store.getState().phase).toBe('preparing');
    await trainer.settle();
    expect(trainer.calls.map((c) => [c.method, c.request])).toEqual([['sweep', request]]);
    const call = trainer.calls[0]!;
    call.emit({ type: 'sweep-started', parentRunId: 'p', totalTrials: 2, backendLabel: 'CPU', notes: [], shape, folds: null, earlyStopping: 'none' });
    call.emit({ type: 'sweep-trial-started', index: 0, runId: 'c1', params: { learningRate: 0.01 } });
    call.emit({ type: 'sweep-epoch', index: 0, stage: 'train', fold: null, epoch: 2, epochs: 4, objective: 0.5 });
    await trainer.settle();
    expect(store.getState()).toMatchObject({ phase: 'running', parentRunId: 'p', totalTrials: 2, statusMessage: 'Trial 1 of 2…' });
    expect(store.getState().trials[0]).toMatchObject({ runId: 'c1', status: 'RUNNING', epoch: 2, epochs: 4, objective: 0.5 });
    expect(sweepProgress(store.getState()).fraction).toBeCloseTo(0.25);
    const after1 = { ...summary, trials: [{ runId: 'c1', params: { learningRate: 0.01 }, value: 0.4, std: null, status: 'FINISHED' as const, epochs: 4 }] };
    call.emit({ type: 'sweep-trial-done', index: 0, runId: 'c1', status: 'FINISHED', value: 0.4, std: null, failure: null, summary: after1 });
    await trainer.settle();
    expect(sweepProgress(store.getState())).toEqual({ done: 1, fraction: 0.5 });
    call.finish({ type: 'sweep-done', parentRunId: 'p', status: 'FINISHED', message: null, summary: { ...after1, status: 'FINISHED' } });
    await trainer.settle();
    expect(store.getState()).toMatchObject({ phase: 'done', result: { status: 'FINISHED', message: null }, summary: { status: 'FINISHED' } });
    store.getState().reset();
    expect(store.getState().phase).toBe('idle');
  });

  it('counts k-fold progress over k + 1 models per trial', () => {
    expect(sweepProgress({ totalTrials: 2, folds: 3, trials: [{ index: 0, runId: 'a', params: {}, status: 'RUNNING', value: null, std: null, stage: 'fold', fold: 2, epoch: 2, epochs: 4, objective: null, failure: null }] }).fraction).toBeCloseTo((1.5 / 4) / 2);
  });

  it('an error before the sweep starts is shown and nothing else happens', async () => {
    const trainer = scriptedTrainer();
    const store = createSweepStore(() => trainer.client);
    store.getState().start(request);
    await trainer.settle();
    trainer.calls[0]!.fail('The sweep needs fixing: x.');
    await trainer.settle();
    expect(store.getState()).toMatchObject({ phase: 'error', error: 'The sweep needs fixing: x.' });
  });

  it('a cancel the worker ignores ends the sweep by force: the running trial and the parent KILLED, sweep.json kept', async () => {
    const db = new WorkbenchDatabase(`sweep-store-${crypto.randomUUID()}`);
    dbs.push(db);
    const parent = await createRun(db, { experiment: 'e', name: 'sweep', params: {}, dataset: { id: 'd', hash: 'h', split: 's' }, seed: 1 }, 1);
    const child = await createRun(db, { experiment: 'e', name: 't1', params: {}, dataset: { id: 'd', hash: 'h', split: 's' }, seed: 1, parentRunId: parent.id }, 2);
    await writeSweepSummary(db, parent.id, summary, 3);
    const trainer = scriptedTrainer();
    const store = createSweepStore(() => trainer.client, () => db);
    store.getState().start(request);
    await trainer.settle();
    trainer.calls[0]!.emit({ type: 'sweep-started', parentRunId: parent.id, totalTrials: 2, backendLabel: 'CPU', notes: [], shape, folds: null, earlyStopping: 'none' });
    trainer.calls[0]!.emit({ type: 'sweep-trial-started', index: 0, runId: child.id, params: { learningRate: 0.01 } });
    await trainer.settle();
    store.getState().cancel();
    await trainer.settle();
    expect(trainer.calls[0]!.signal.aborted).toBe(true);
    expect(store.getState().cancelling).toBe(true);
    await trainer.clock.step(CANCEL_GRACE_MS + 10);
    await trainer.settle();
    // Ending the records by force is IndexedDB work: on a busy machine it can outlast settle().
    await vi.waitFor(() => expect(store.getState().phase).toBe('done'));
    expect(store.getState().result?.status).toBe('KILLED');
    expect(store.getState().trials[0]?.status).toBe('KILLED');
    expect((await db.runs.get(parent.id))?.status).toBe('KILLED');
    expect((await db.runs.get(child.id))?.status).toBe('KILLED');
    expect((await readSweepSummary(db, parent.id))?.status).toBe('KILLED');
  });
});

describe('one tfjs worker per tab', () => {
  const training: TrainingRequest = { ...request.base, name: 'while sweeping' };

  it('a training started during a sweep waits for it, saying so, then runs; nothing races in the worker', async () => {
    const trainer = scriptedTrainer();
    const sweeps = createSweepStore(() => trainer.client);
    const trainings = createTrainingStore(() => trainer.client);
    sweeps.getState().start(request);
    await trainer.settle();
    trainings.getState().start(training);
    await trainer.settle();
    expect(trainer.calls.map((c) => c.method)).toEqual(['sweep']);
    expect(trainings.getState()).toMatchObject({ phase: 'queued', statusMessage: 'Waiting for the sweep to finish. It starts by itself; cancel to drop it.' });
    trainer.calls[0]!.finish({ type: 'sweep-done', parentRunId: 'p', status: 'FINISHED', message: null, summary: { ...summary, status: 'FINISHED' } });
    await trainer.settle();
    expect(trainer.calls.map((c) => c.method)).toEqual(['sweep', 'train']);
    expect(trainings.getState().phase).toBe('preparing');
  });

  it('a queued training can be dropped before it starts, and never reaches the worker', async () => {
    const trainer = scriptedTrainer();
    const sweeps = createSweepStore(() => trainer.client);
    const trainings = createTrainingStore(() => trainer.client);
    sweeps.getState().start(request);
    trainings.getState().start(training);
    await trainer.settle();
    trainings.getState().cancel();
    await trainer.settle();
    expect(trainings.getState().phase).toBe('idle');
    trainer.calls[0]!.finish({ type: 'sweep-done', parentRunId: 'p', status: 'FINISHED', message: null, summary: { ...summary, status: 'FINISHED' } });
    await trainer.settle();
    expect(trainer.calls.map((c) => c.method)).toEqual(['sweep']);
  });
});
