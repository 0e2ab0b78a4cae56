import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../tracking/db';
import { DEFAULT_MLP } from './model-spec';
import { runModelHandler } from './model-io';
import { predict, trainModel } from './train';

const db = new WorkbenchDatabase(`model-io-${Date.now()}`);
beforeAll(async () => {
  await tf.setBackend('cpu');
});
afterAll(async () => {
  await db.delete();
});

describe('runModelHandler', () => {
  it('saves a trained model into IndexedDB and loads one that predicts the same', async () => {
    const x = Float32Array.from({ length: 40 }, (_, i) => Math.sin(i));
    const y = Float32Array.from({ length: 20 }, (_, i) => i % 2);
    const { model } = await trainModel(tf, { ...DEFAULT_MLP, epochs: 2, batchSize: 8 }, { x, y, rows: 20, width: 2 }, null);
    const result = await model.save(runModelHandler(tf, db, 'run-1', () => 1000));
    expect(result.modelArtifactsInfo.weightDataBytes).toBeGreaterThan(0);
    const loaded = await tf.loadLayersModel(runModelHandler(tf, db, 'run-1'));
    expect(Array.from(predict(tf, loaded, x, 20, 2))).toEqual(Array.from(predict(tf, model, x, 20, 2)));
    model.dispose();
    loaded.dispose();
  });

  it('says clearly when a run has no model', async () => {
    await expect(tf.loadLayersModel(runModelHandler(tf, db, 'missing'))).rejects.toThrow('run missing has no saved model');
  });
});
