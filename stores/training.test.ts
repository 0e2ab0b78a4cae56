import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '@/lib/tracking/db';
import { createRun } from '@/lib/tracking/runs';
import { scriptedTrainer } from './scripted-trainer';
import { CANCEL_GRACE_MS, STALL_MS } from './tf-worker';
import { createTrainingStore } from './training';
import { flightsDelayRequest } from '@/lib/ml/test-requests';

const request = flightsDelayRequest('store test', 5);
const shape = { train: 10, validation: 2, test: 2, inputWidth: 1, parameters: 5 };

const dbs: WorkbenchDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function setup() {
  const db = new WorkbenchDatabase(`training-store-${crypto.randomUUID()}`);
  dbs.push(db);
  const run = await createRun(db, { experiment: 'flights', name: 'store test', params: {}, dataset: { id: 'flights', hash: 'h', split: 's' }, seed: 1 }, 1);
  const trainer = scriptedTrainer();
  const store = createTrainingStore(() => trainer.client, () => db);
  return { db, run, trainer, store };
}

describe('training store (through the worker RPC)', () => {
  it('follows a training from start to FINISHED: backend, epochs, curves and the result', async () => {
    const { run, trainer, store } = await setup();
    store.getState().start(request);
    await trainer.settle();
    expect(trainer.calls.map((c) => c.method)).toEqual(['train']);
    expect(trainer.calls[0]!.request).toEqual(request);
    const call = trainer.calls[0]!;
    call.emit({ type: 'started', runId: run.id, backend: 'cpu', backendLabel: 'Plain JavaScript (CPU)', notes: [], trials: [], shape, epochs: 5 });
    call.emit({ type: 'heartbeat' });
    call.emit({ type: 'epoch', runId: run.id, epoch: 1, epochs: 5, metrics: { loss: 2, val_loss: 3 }, elapsedMs: 100, examplesSeen: 10 });
    call.emit({ type: 'notice', message: 'Resumed on CPU at epoch 2 after the WebGL context was lost.' });
    await trainer.settle();
    expect(store.getState()).toMatchObject({ phase: 'running', runId: run.id, epoch: 1, epochs: 5, history: [{ epoch: 1, loss: 2, val_loss: 3 }] });
    expect(store.getState().notes).toEqual(['Resumed on CPU at epoch 2 after the WebGL context was lost.']);
    call.finish({ type: 'done', runId: run.id, status: 'FINISHED', failure: null, summary: { val_rmse: 1.5 } });
    await trainer.settle();
    expect(store.getState()).toMatchObject({ phase: 'done', result: { status: 'FINISHED', summary: { val_rmse: 1.5 } } });
    store.getState().reset();
    expect(store.getState().phase).toBe('idle');
  });

  it('bad input, refused before any run exists, is shown as an error', async () => {
    const { trainer, store } = await setup();
    store.getState().start(request);
    await trainer.settle();
    trainer.calls[0]!.fail('The model settings need fixing: epochs must be at least 1.');
    await trainer.settle();
    expect(store.getState()).toMatchObject({ phase: 'error', error: 'The model settings need fixing: epochs must be at least 1.' });
  });

  it('a cancel the worker ignores ends the run KILLED by force after the grace time, with its record closed', async () => {
    const { db, run, trainer, store } = await setup();
    store.getState().start(request);
    await trainer.settle();
    trainer.calls[0]!.emit({ type: 'started', runId: run.id, backend: 'webgl', backendLabel: 'WebGL', notes: [], trials: [], shape, epochs: 5 });
    await trainer.settle();
    store.getState().cancel();
    await trainer.settle();
    expect(trainer.calls[0]!.signal.aborted).toBe(true);
    expect(store.getState()).toMatchObject({ cancelling: true, statusMessage: 'Cancelling after the current batch…' });
    await trainer.clock.step(CANCEL_GRACE_MS - 100);
    expect(store.getState().phase).toBe('running');
    await trainer.clock.step(200);
    await trainer.settle();
    expect(store.getState()).toMatchObject({ phase: 'done', cancelling: false, result: { status: 'KILLED', failure: { message: 'Cancelled.' } } });
    expect(await db.runs.get(run.id)).toMatchObject({ status: 'KILLED', failure: { message: 'Cancelled.' } });
    expect(trainer.workers[0]!.terminated).toBe(true);
  });

  it('a crashed worker ends the run FAILED with the reason; the run is never left RUNNING', async () => {
    const { db, run, trainer, store } = await setup();
    store.getState().start(request);
    await trainer.settle();
    trainer.calls[0]!.emit({ type: 'started', runId: run.id, backend: 'cpu', backendLabel: 'CPU', notes: [], trials: [], shape, epochs: 5 });
    await trainer.settle();
    trainer.workers[0]!.crash('out of memory');
    await trainer.settle();
    expect(store.getState()).toMatchObject({ phase: 'done', result: { status: 'FAILED', failure: { message: 'The training worker crashed (out of memory).' } } });
    expect((await db.runs.get(run.id))?.status).toBe('FAILED');
  });

  it('a worker that goes silent past the stall limit is stopped and the run ends FAILED saying so', async () => {
    const { db, run, trainer, store } = await setup();
    store.getState().start(request);
    await trainer.settle();
    trainer.calls[0]!.emit({ type: 'started', runId: run.id, backend: 'webgl', backendLabel: 'WebGL', notes: [], trials: [], shape, epochs: 5 });
    await trainer.settle();
    await trainer.clock.step(STALL_MS + 1);
    await trainer.settle();
    expect(store.getState().result).toMatchObject({ status: 'FAILED', failure: { message: 'The training worker made no progress for 60 s, so it was stopped.' } });
    expect(await db.runs.get(run.id)).toMatchObject({ status: 'FAILED', failure: { message: 'The training worker made no progress for 60 s, so it was stopped.' } });
  });

  it('a crash before the run exists is an error, with nothing to end', async () => {
    const { trainer, store } = await setup();
    store.getState().start(request);
    await trainer.settle();
    trainer.workers[0]!.crash('failed to load the script');
    await trainer.settle();
    expect(store.getState()).toMatchObject({ phase: 'error', error: 'The training worker crashed (failed to load the script).' });
  });
});
