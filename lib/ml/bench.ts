import type * as Tf from '@tensorflow/tfjs';
import { fetchText, loadDataset, type DatasetSources } from '../data/load';
import type { RpcHandlers } from '../worker-rpc/server';
import { activateBackend, loadTf } from './backends';
import type { BackendName } from './backend-choice';
import { buildModel, type TfModule } from './model';
import { prepareData } from './prepare';
import type { BenchMethods, RawFitResult, TrainingRequest } from './protocol';

/**
 * The reference the trainer is measured against: the same data, preparation and model,
 * trained by one plain tfjs `model.fit` (shuffle on, validation data each epoch) on `backend`,
 * or on whatever tfjs picks by itself (`'default'`: no `setBackend` call). Timing covers model
 * building, tensor creation and fitting, as the trainer's does.
 */
export async function rawFitBenchmark(tf: TfModule, request: TrainingRequest, sources: DatasetSources, backend: BackendName | 'default', epochs: number): Promise<RawFitResult> {
  const loaded = await loadDataset(request.dataset, sources);
  const prepared = prepareData(loaded.table, { target: request.target, features: request.features, task: request.spec.task, split: request.split, timeColumn: loaded.info.timeColumn ?? undefined, seed: request.spec.seed });
  const spec = { ...request.spec, classes: request.spec.task === 'classification' ? prepared.classNames.length : 1, epochs };
  if (backend === 'default') await tf.ready();
  else if (!(await activateBackend(tf, backend)).ok) throw new Error(`${backend} could not start`);
  const t0 = performance.now();
  const model = buildModel(tf, spec, prepared.train.width);
  const tensors = (m: typeof prepared.train): [Tf.Tensor2D, Tf.Tensor2D] => [
    tf.tensor2d(m.x, [m.rows, m.width]),
    spec.task === 'regression' ? tf.tensor2d(m.y, [m.rows, 1]) : tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(m.y), 'int32'), spec.classes).toFloat() as Tf.Tensor2D),
  ];
  const [xs, ys] = tensors(prepared.train);
  const [vx, vy] = tensors(prepared.validation);
  try {
    await model.fit(xs, ys, { epochs, batchSize: spec.batchSize, shuffle: true, validationData: [vx, vy], verbose: 0, yieldEvery: 'never' });
  } finally {
    [xs, ys, vx, vy].forEach((t) => t.dispose());
    model.optimizer?.dispose();
    model.dispose();
  }
  const seconds = (performance.now() - t0) / 1000;
  return { backend: tf.getBackend(), examplesPerSec: Math.round((epochs * prepared.train.rows) / seconds), seconds, epochs, rows: prepared.train.rows };
}

/** The benchmark worker's handlers: one plain fit per request, reading built-in data over HTTP. */
export const benchHandlers: RpcHandlers<BenchMethods> = {
  rawFit: async ({ request, backend, epochs }) => rawFitBenchmark(await loadTf(), request, { fetchText, readUpload: async () => undefined }, backend, epochs),
};
