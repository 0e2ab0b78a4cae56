import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MLP, type ModelSpec } from './model-spec';
import { trainModel, type Matrix } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const data: Matrix = { x: Float32Array.from({ length: 128 }, (_, i) => (i % 11) / 11), y: Float32Array.from({ length: 64 }, (_, i) => i % 3), rows: 64, width: 2 };
const spec: ModelSpec = { ...DEFAULT_MLP, task: 'regression', classes: 1, hiddenLayers: [4], epochs: 5, batchSize: 16, patience: null };

describe('trainModel stopAfterEpoch (a sweep’s early-termination rule)', () => {
  it('ends the training FINISHED after the epoch it answers true, marked as stopped by the hook', async () => {
    const asked: number[] = [];
    const result = await trainModel(tf, spec, data, data, {
      stopAfterEpoch: (report) => {
        asked.push(report.epoch);
        return report.epoch === 1;
      },
    });
    result.model.dispose();
    expect(result).toMatchObject({ status: 'FINISHED', epochsRun: 2, stoppedEarly: true, stoppedBy: 'hook', failure: null });
    expect(asked).toEqual([0, 1]);
  });

  it('is not asked after the last epoch, and patience is reported as such', async () => {
    const asked: number[] = [];
    const full = await trainModel(tf, { ...spec, epochs: 3 }, data, data, {
      stopAfterEpoch: (r) => {
        asked.push(r.epoch);
        return false;
      },
    });
    full.model.dispose();
    expect(asked).toEqual([0, 1]);
    expect(full).toMatchObject({ epochsRun: 3, stoppedEarly: false, stoppedBy: null });
    // Patience 1 with a learning rate too small to improve val_loss in float32 stops on patience, not the hook.
    const patient = await trainModel(tf, { ...spec, learningRate: 1e-12, patience: 1 }, data, data, { stopAfterEpoch: () => false });
    patient.model.dispose();
    expect(patient.stoppedBy).toBe('patience');
  });
});
