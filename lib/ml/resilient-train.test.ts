import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../tracking/db';
import { createRun } from '../tracking/runs';
import type { BackendName } from './backend-choice';
import { DeviceLostError, NO_DEVICE_WATCH, type DeviceWatch } from './device-loss';
import { DEFAULT_MLP, type ModelSpec } from './model-spec';
import type { FromTrainer } from './protocol';
import { trainSurvivingDeviceLoss } from './resilient-train';
import { line } from './test-matrices';
import { trainModel } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const dbs: WorkbenchDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const spec: ModelSpec = { ...DEFAULT_MLP, task: 'regression', classes: 1, hiddenLayers: [8], epochs: 8, batchSize: 32, patience: 3, learningRate: 0.02 };
const train = line(256, 1);
const validation = line(64, 2);

/** A device that is lost on the second batch of epoch `lostInEpoch` (1-based), as a GPU reset would. */
function failingDevice(lostInEpoch: number) {
  let epochsDone = 0;
  let batches = 0;
  let lost = false;
  let fire: (e: DeviceLostError) => void = () => undefined;
  const watch: DeviceWatch = {
    canBeLost: true,
    lost: new Promise((resolve) => (fire = resolve)),
    isLost: () => lost,
    stop: () => undefined,
  };
  const hooks = {
    onEpoch: () => {
      epochsDone++;
    },
    afterBatch: () => {
      if (!lost && epochsDone === lostInEpoch - 1 && ++batches === 2) {
        lost = true;
        fire(new DeviceLostError('webgl'));
      }
    },
  };
  return { watch, hooks };
}

async function setup(startedOn: BackendName) {
  const db = new WorkbenchDatabase(`resilient-${crypto.randomUUID()}`);
  dbs.push(db);
  const run = await createRun(db, { experiment: 'e', name: 'r', params: {}, notes: 'my notes', dataset: { id: 'd', hash: 'h', split: 's' }, seed: 1, backend: startedOn }, 1);
  const posted: FromTrainer[] = [];
  const choice = { backend: startedOn, label: startedOn, renderer: 'ANGLE (SwiftShader)', notes: [], trials: [] };
  return { db, run, posted, choice };
}

describe('training that survives a lost device', () => {
  it('resumes on the next backend from the last completed epoch, exactly as if nothing had happened, and says so on the run', async () => {
    const { db, run, posted, choice } = await setup('webgl');
    const epochs: number[] = [];
    const device = failingDevice(4);
    let watched = 0;
    const trained = await trainSurvivingDeviceLoss({
      tf,
      db,
      runId: run.id,
      spec,
      train,
      validation,
      choice,
      post: (m) => posted.push(m),
      hooks: { afterBatch: device.hooks.afterBatch, onEpoch: (r) => {
          device.hooks.onEpoch();
          epochs.push(r.epoch + 1);
        },
      },
      // The lost device once; the backend it resumes on (CPU) has none to lose.
      watch: () => (watched++ === 0 ? device.watch : NO_DEVICE_WATCH),
    });
    // Epochs 1-3 ran before the loss, epoch 4 was interrupted and trained again: no epoch twice.
    expect(epochs).toEqual(Array.from({ length: trained.result.epochsRun }, (_, i) => i + 1));
    expect(trained.choice.backend).toBe('cpu'); // WebAssembly is not registered in Node, so it falls back to CPU
    const note = 'Resumed on CPU at epoch 4 after the WebGL context was lost.';
    expect(trained.choice.notes).toContain(note);
    expect(posted).toContainEqual({ type: 'notice', message: note });
    expect(await db.runs.get(run.id)).toMatchObject({ backend: 'cpu', notes: `my notes\n${note}` });

    // The same weights and optimizer state carried over: the result equals an uninterrupted run.
    const plain = await trainModel(tf, spec, train, validation);
    const resumedWeights = trained.result.model.getWeights().map((w) => Array.from(w.dataSync()));
    const plainWeights = plain.model.getWeights().map((w) => Array.from(w.dataSync()));
    expect(trained.result.epochsRun).toBe(plain.epochsRun);
    expect(trained.result.bestEpoch).toBe(plain.bestEpoch);
    resumedWeights.flat().forEach((v, i) => expect(v).toBeCloseTo(plainWeights.flat()[i]!, 5));
    trained.result.model.dispose();
    plain.model.dispose();
  });

  it('fails with the reason, within the epoch, when no other backend can take over', async () => {
    const { db, run, choice } = await setup('cpu');
    const device = failingDevice(2);
    const before = tf.memory().numTensors;
    await expect(
      trainSurvivingDeviceLoss({ tf, db, runId: run.id, spec, train, validation, choice, post: () => undefined, hooks: device.hooks, watch: () => device.watch }),
    ).rejects.toThrow('The WebGL context was lost in epoch 2, and no other backend could start here to resume on.');
    expect(tf.memory().numTensors).toBe(before);
    expect((await db.runs.get(run.id))?.backend).toBe('cpu');
  });
});
