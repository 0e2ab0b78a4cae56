import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_MLP } from '@/lib/ml/model-spec';
import type { FromTrainer, SweepRequest, ToTrainer } from '@/lib/ml/protocol';
import { readSweepSummary, writeSweepSummary } from '@/lib/ml/sweep-record';
import { WorkbenchDatabase } from '@/lib/tracking/db';
import { createRun } from '@/lib/tracking/runs';
import type { SweepSummary } from '@/lib/tracking/sweep-types';
import { createSweepStore, SWEEP_CANCEL_GRACE_MS, sweepProgress } from './sweep';
import type { ConnectTrainer } from './trainer-transport';

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

/** A fake trainer: records what the store posts and lets the test speak for the trainer. */
function fakeTrainer() {
  const posted: ToTrainer[] = [];
  let send: (m: FromTrainer) => void = () => undefined;
  let crash: (reason: string) => void = () => undefined;
  const terminate = vi.fn();
  const connect: ConnectTrainer = (onMessage, onCrash) => {
    send = onMessage;
    crash = onCrash;
    return { post: (m) => posted.push(m), terminate, onMainThread: false };
  };
  return { connect, posted, terminate, send: (m: FromTrainer) => send(m), crash: (r: string) => crash(r) };
}

const dbs: WorkbenchDatabase[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const db of dbs.splice(0)) await db.delete();
});

describe('sweep store', () => {
  it('follows a sweep from start to done: trials, epochs, progress and the summary', () => {
    const trainer = fakeTrainer();
    const store = createSweepStore(trainer.connect);
    store.getState().start(request);
    expect(trainer.posted).toEqual([{ type: 'sweep', request }]);
    expect(store.getState().phase).toBe('preparing');
    trainer.send({ type: 'sweep-started', parentRunId: 'p', totalTrials: 2, backendLabel: 'CPU', notes: [], shape: { train: 10, validation: 2, test: 2, inputWidth: 1, parameters: 5 }, folds: null, earlyStopping: 'none' });
    trainer.send({ type: 'sweep-trial-started', index: 0, runId: 'c1', params: { learningRate: 0.01 } });
    trainer.send({ type: 'sweep-epoch', index: 0, stage: 'train', fold: null, epoch: 2, epochs: 4, objective: 0.5 });
    expect(store.getState()).toMatchObject({ phase: 'running', parentRunId: 'p', totalTrials: 2, statusMessage: 'Trial 1 of 2…' });
    expect(store.getState().trials[0]).toMatchObject({ runId: 'c1', status: 'RUNNING', epoch: 2, epochs: 4, objective: 0.5 });
    expect(sweepProgress(store.getState()).fraction).toBeCloseTo(0.25);
    const after1 = { ...summary, trials: [{ runId: 'c1', params: { learningRate: 0.01 }, value: 0.4, std: null, status: 'FINISHED' as const, epochs: 4 }] };
    trainer.send({ type: 'sweep-trial-done', index: 0, runId: 'c1', status: 'FINISHED', value: 0.4, std: null, failure: null, summary: after1 });
    expect(sweepProgress(store.getState())).toEqual({ done: 1, fraction: 0.5 });
    trainer.send({ type: 'sweep-done', parentRunId: 'p', status: 'FINISHED', message: null, summary: { ...after1, status: 'FINISHED' } });
    expect(store.getState()).toMatchObject({ phase: 'done', result: { status: 'FINISHED', message: null }, summary: { status: 'FINISHED' } });
    expect(trainer.terminate).toHaveBeenCalled();
    store.getState().reset();
    expect(store.getState().phase).toBe('idle');
  });

  it('counts k-fold progress over k + 1 models per trial', () => {
    expect(sweepProgress({ totalTrials: 2, folds: 3, trials: [{ index: 0, runId: 'a', params: {}, status: 'RUNNING', value: null, std: null, stage: 'fold', fold: 2, epoch: 2, epochs: 4, objective: null, failure: null }] }).fraction).toBeCloseTo((1.5 / 4) / 2);
  });

  it('an error before the sweep starts is shown and nothing else happens', () => {
    const trainer = fakeTrainer();
    const store = createSweepStore(trainer.connect);
    store.getState().start(request);
    trainer.send({ type: 'error', runId: null, message: 'The sweep needs fixing: x.' });
    expect(store.getState()).toMatchObject({ phase: 'error', error: 'The sweep needs fixing: x.' });
  });

  it('a cancel the worker ignores ends the sweep by force: the running trial and the parent KILLED, sweep.json kept', async () => {
    const db = new WorkbenchDatabase(`sweep-store-${Date.now()}`);
    dbs.push(db);
    const parent = await createRun(db, { experiment: 'e', name: 'sweep', params: {}, dataset: { id: 'd', hash: 'h', split: 's' }, seed: 1 }, 1);
    const child = await createRun(db, { experiment: 'e', name: 't1', params: {}, dataset: { id: 'd', hash: 'h', split: 's' }, seed: 1, parentRunId: parent.id }, 2);
    await writeSweepSummary(db, parent.id, summary, 3);
    vi.useFakeTimers();
    const trainer = fakeTrainer();
    const store = createSweepStore(trainer.connect, () => db);
    store.getState().start(request);
    trainer.send({ type: 'sweep-started', parentRunId: parent.id, totalTrials: 2, backendLabel: 'CPU', notes: [], shape: { train: 10, validation: 2, test: 2, inputWidth: 1, parameters: 5 }, folds: null, earlyStopping: 'none' });
    trainer.send({ type: 'sweep-trial-started', index: 0, runId: child.id, params: { learningRate: 0.01 } });
    store.getState().cancel();
    expect(trainer.posted.at(-1)).toEqual({ type: 'cancel' });
    expect(store.getState().cancelling).toBe(true);
    await vi.advanceTimersByTimeAsync(SWEEP_CANCEL_GRACE_MS + 10);
    vi.useRealTimers();
    await vi.waitFor(() => expect(store.getState().phase).toBe('done'));
    expect(store.getState().result?.status).toBe('KILLED');
    expect(store.getState().trials[0]?.status).toBe('KILLED');
    expect((await db.runs.get(parent.id))?.status).toBe('KILLED');
    expect((await db.runs.get(child.id))?.status).toBe('KILLED');
    expect((await readSweepSummary(db, parent.id))?.status).toBe('KILLED');
  });
});
