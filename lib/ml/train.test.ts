import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { accuracy, meanBaseline, rmse } from './metrics';
import { DEFAULT_MLP, validateSpec, type ModelSpec } from './model-spec';
import { seededRandom } from '../data/random';
import { blobs, line } from './test-matrices';
import { predict, trainModel } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const mlp: ModelSpec = { ...DEFAULT_MLP, hiddenLayers: [8], epochs: 8, batchSize: 32, patience: null };
const linearRegression: ModelSpec = { ...DEFAULT_MLP, kind: 'linear', task: 'regression', classes: 1, hiddenLayers: [], learningRate: 0.05, epochs: 30, patience: null };

describe('trainModel', () => {
  it('learns a separable classification and beats the majority baseline', async () => {
    const epochs: number[] = [];
    const result = await trainModel(tf, mlp, blobs(600, 1), blobs(200, 2), { onEpoch: (e) => void epochs.push(e.epoch) });
    expect(result.status).toBe('FINISHED');
    expect(epochs).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const val = blobs(200, 2);
    const probs = predict(tf, result.model, val.x, val.rows, val.width);
    const predicted = Array.from({ length: val.rows }, (_, i) => (probs[2 * i + 1]! > probs[2 * i]! ? 1 : 0));
    expect(accuracy(Array.from(val.y), predicted)).toBeGreaterThan(0.9);
    result.model.dispose();
  });

  it('fits a linear regression close to the true line, far better than the mean', async () => {
    const train = line(500, 3);
    const val = line(200, 4);
    const result = await trainModel(tf, linearRegression, train, val);
    const predictions = predict(tf, result.model, val.x, val.rows, val.width);
    const baseline = meanBaseline(train.y);
    expect(rmse(val.y, predictions)).toBeLessThan(0.3);
    expect(rmse(val.y, new Float32Array(val.rows).fill(baseline))).toBeGreaterThan(3);
    result.model.dispose();
  });

  it('gives the same metrics for the same seed on the same backend', async () => {
    const run = async (seed: number) => {
      const metrics: Array<Record<string, number>> = [];
      const r = await trainModel(tf, { ...mlp, epochs: 3, dropout: 0.2, seed }, blobs(300, 5), blobs(100, 6), { onEpoch: (e) => void metrics.push(e.metrics) });
      r.model.dispose();
      return metrics;
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
    expect(Object.keys(a[0]!).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
  });

  it('stops a diverging run as FAILED with an explanation and a hint', async () => {
    const result = await trainModel(tf, { ...linearRegression, optimizer: 'sgd', learningRate: 10, epochs: 20 }, line(300, 9, 1000), null);
    expect(result.status).toBe('FAILED');
    expect(result.failure!.message).toMatch(/The loss became (NaN|infinite) in epoch \d+: training diverged\./);
    expect(result.failure!.hint).toMatch(/learning rate 10 is very high/);
    expect(result.epochsRun).toBeLessThan(20);
    result.model.dispose();
  });

  it('cancels as KILLED when asked', async () => {
    let batches = 0;
    const result = await trainModel(tf, { ...mlp, epochs: 50 }, blobs(600, 1), null, { shouldStop: () => ++batches > 3 });
    expect(result.status).toBe('KILLED');
    expect(result.epochsRun).toBe(1);
    result.model.dispose();
  });

  it('stops early without improvement and keeps the best weights', async () => {
    // Labels are pure noise: validation loss stops improving quickly.
    const noise = blobs(300, 11);
    const r = seededRandom(12);
    noise.y = noise.y.map(() => (r() > 0.5 ? 1 : 0));
    const result = await trainModel(tf, { ...mlp, hiddenLayers: [64], learningRate: 0.05, epochs: 60, patience: 2 }, noise, blobs(100, 13));
    expect(result.stoppedEarly).toBe(true);
    expect(result.epochsRun).toBe(result.bestEpoch + 3);
    result.model.dispose();
  });

  it('leaks no tensors: train then dispose leaves the tensor count unchanged', async () => {
    const before = tf.memory().numTensors;
    for (const spec of [mlp, { ...mlp, dropout: 0.3, l2: 0.01, patience: 2 }, linearRegression]) {
      const data = spec.task === 'regression' ? line(200, 1) : blobs(200, 1);
      const result = await trainModel(tf, { ...spec, epochs: 3 }, data, data);
      predict(tf, result.model, data.x, data.rows, data.width);
      result.model.dispose();
    }
    const failed = await trainModel(tf, { ...linearRegression, optimizer: 'sgd', learningRate: 10, epochs: 5 }, line(100, 1, 1000), null);
    failed.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('validateSpec', () => {
  it('accepts the defaults and names every bad field', () => {
    expect(validateSpec(DEFAULT_MLP)).toEqual([]);
    expect(validateSpec({ ...DEFAULT_MLP, classes: 1, hiddenLayers: [0], dropout: 1, learningRate: 0, batchSize: 0, epochs: 0, patience: 0, l2: -1 }).map((p) => p.split(':')[0])).toEqual([
      'classes',
      'hiddenLayers',
      'dropout',
      'l2',
      'learningRate',
      'batchSize',
      'epochs',
      'patience',
    ]);
  });
});
