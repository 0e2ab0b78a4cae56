import type * as Tf from '@tensorflow/tfjs';
import type { WorkbenchDatabase } from '../tracking/db';
import { ARTIFACTS } from '../tracking/artifact-names';
import { activateBackend } from './backends';
import { BACKEND_NAMES, type BackendName } from './backend-choice';
import type { TfModule } from './model';
import { runModelHandler } from './model-io';
import type { StoredPreprocessing } from './predictor';

/** A model version loaded for serving: its preprocessing and a synchronous predict over model inputs. */
export interface ServingModel {
  runId: string;
  prep: StoredPreprocessing;
  /** Model inputs per row (`prep.featureNames.length`). */
  width: number;
  /** Outputs per row: 1 (regression) or the number of classes. */
  outputs: number;
  /** Raw outputs for `rows` rows of inputs (row-major): predictions, or class probabilities. */
  predict(x: Float32Array, rows: number): Float32Array;
  dispose(): void;
}

/**
 * Loads a run's stored model and preprocessing for serving. Throws a sentence when the run has no
 * model or no preprocessing (a failed run, a deleted artifact).
 */
export async function loadServingModel(tf: TfModule, db: WorkbenchDatabase, runId: string): Promise<ServingModel> {
  const prepArtifact = await db.artifacts.get([runId, ARTIFACTS.preprocessing]);
  if (!prepArtifact) throw new Error(`Run ${runId} has no preprocessing.json, so raw requests cannot be turned into model inputs.`);
  const prep = prepArtifact.data as StoredPreprocessing;
  let model: Tf.LayersModel;
  try {
    model = await tf.loadLayersModel(runModelHandler(tf, db, runId));
  } catch (error) {
    throw new Error(`The model of run ${runId} could not be loaded (${error instanceof Error ? error.message : String(error)}).`);
  }
  const width = prep.featureNames.length;
  const outputs = prep.task === 'regression' ? 1 : prep.classNames.length;
  return {
    runId,
    prep,
    width,
    outputs,
    predict: (x, rows) => (rows === 0 ? new Float32Array(0) : predictInOneBatch(tf, model, x, rows, width)),
    dispose: () => model.dispose(),
  };
}

/**
 * Raw outputs for `rows` rows in one batch. tfjs's default (32 rows a batch) runs the layers once
 * per 32 rows, which made a 1,000-row request ~20× slower than its arithmetic.
 */
function predictInOneBatch(tf: TfModule, model: Tf.LayersModel, x: Float32Array, rows: number, width: number): Float32Array {
  return tf.tidy(() => (model.predict(tf.tensor2d(x, [rows, width]), { batchSize: rows }) as Tf.Tensor).dataSync() as Float32Array);
}

/** One backend's measured serving speed. */
export interface ServingTrial {
  backend: BackendName;
  rowsPerSec?: number;
  error?: string;
}

/**
 * Picks the fastest backend for serving a model this size: each of WASM, CPU and WebGL predicts a
 * 1,000-row batch (after one warm-up) for ~150 ms, and the one with the most rows per second is
 * activated. Serving predicts many small batches, where WebGL's read-back often loses to WASM, so
 * the choice is measured, not assumed. Returns the trials with the choice and its label.
 */
export async function chooseServingBackend(tf: TfModule, width: number, outputs: number, now: () => number): Promise<{ backend: BackendName; label: string; trials: ServingTrial[] }> {
  const trials: ServingTrial[] = [];
  for (const backend of ['wasm', 'cpu', 'webgl'] as BackendName[]) {
    const started = await activateBackend(tf, backend);
    if (!started.ok) {
      trials.push({ backend, error: started.error });
      continue;
    }
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [width], units: 32, activation: 'relu' }), tf.layers.dense({ units: 16, activation: 'relu' }), tf.layers.dense({ units: outputs })] });
    try {
      const x = new Float32Array(1000 * width).fill(0.5);
      predictInOneBatch(tf, model, x, 1000, width);
      let rows = 0;
      const t0 = now();
      while (now() - t0 < 150) {
        predictInOneBatch(tf, model, x, 1000, width);
        rows += 1000;
      }
      trials.push({ backend, rowsPerSec: Math.round(rows / Math.max(1e-3, (now() - t0) / 1000)) });
    } catch (error) {
      trials.push({ backend, error: error instanceof Error ? error.message : String(error) });
    } finally {
      model.dispose();
    }
  }
  const best = trials.filter((t) => t.rowsPerSec !== undefined).sort((a, b) => b.rowsPerSec! - a.rowsPerSec!)[0];
  const backend = best?.backend ?? 'cpu';
  await activateBackend(tf, backend);
  return { backend, label: BACKEND_NAMES[backend], trials };
}
