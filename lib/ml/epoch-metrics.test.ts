import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validationLoss } from './epoch-metrics';
import { DEFAULT_MLP } from './model-spec';
import { blobs, line } from './test-matrices';
import { predict, trainModel } from './train';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** tfjs's own validation loss for a model on a matrix (its test function, as `validationData` used). */
function tfjsLoss(model: tf.LayersModel, spec: typeof DEFAULT_MLP, m: { x: Float32Array; y: Float32Array; rows: number; width: number }): number {
  return tf.tidy(() => {
    const xs = tf.tensor2d(m.x, [m.rows, m.width]);
    const ys = spec.task === 'regression' ? tf.tensor2d(m.y, [m.rows, 1]) : tf.oneHot(tf.tensor1d(Int32Array.from(m.y), 'int32'), spec.classes).toFloat();
    const out = model.evaluate(xs, ys, { batchSize: m.rows }) as tf.Scalar[];
    return out[0]!.dataSync()[0]!;
  });
}

describe('the validation loss measured from one prediction', () => {
  it('equals tfjs’s val_loss for cross-entropy and squared error, L2 included in training but not in validation', async () => {
    for (const [spec, data] of [
      [{ ...DEFAULT_MLP, task: 'classification', classes: 2, l2: 0.01, epochs: 3 }, blobs(300, 1)],
      [{ ...DEFAULT_MLP, task: 'regression', classes: 1, l2: 0.01, epochs: 3 }, line(300, 2)],
    ] as const) {
      const { model } = await trainModel(tf, spec, data, null);
      const mine = validationLoss(spec, data.y, predict(tf, model, data.x, data.rows, data.width));
      expect(mine).toBeCloseTo(tfjsLoss(model, spec, data), 5);
      model.dispose();
    }
  });

  it('clips a confident mistake at 1e-7 as tfjs does', () => {
    const spec = { ...DEFAULT_MLP, task: 'classification' as const, classes: 2 };
    expect(validationLoss(spec, [0], Float32Array.from([0, 1]))).toBeCloseTo(-Math.log(1e-7), 6);
  });
});
