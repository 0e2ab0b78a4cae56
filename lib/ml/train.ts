import type * as Tf from '@tensorflow/tfjs';
import { seededRandom, shuffled } from '../data/random';
import { buildModel, type TfModule } from './model';
import { divergenceHint, type ModelSpec } from './model-spec';

/** Rows × width inputs (row-major) and one target per row (a value, or a class index). */
export interface Matrix {
  x: Float32Array;
  y: Float32Array;
  rows: number;
  width: number;
}

export interface EpochReport {
  epoch: number;
  /** loss, val_loss, and acc/val_acc (classification) or mae/val_mae (regression). */
  metrics: Record<string, number>;
  examplesSeen: number;
  elapsedMs: number;
}

export interface TrainHooks {
  /** Called after every epoch (await it to write metrics before the next epoch starts). */
  onEpoch?: (report: EpochReport) => void | Promise<void>;
  /** Polled after every batch; true cancels the run (status KILLED). */
  shouldStop?: () => boolean;
  /**
   * Awaited after every batch: the caller yields to its event loop here (so a cancel message or
   * a click gets through). tfjs's own yielding is off: it waits for animation frames, which
   * stall in a hidden tab.
   */
  afterBatch?: () => void | Promise<void>;
  /** Clock in ms (performance.now by default). */
  now?: () => number;
  /**
   * Asked after every finished epoch but the last (after `onEpoch`): true ends the training
   * there as FINISHED, `stoppedEarly` with `stoppedBy: 'hook'` (a sweep's early-termination
   * rule). With patience on, the best weights so far are restored as usual.
   */
  stopAfterEpoch?: (report: EpochReport) => boolean;
}

export interface TrainResult {
  model: Tf.Sequential;
  status: 'FINISHED' | 'FAILED' | 'KILLED';
  epochsRun: number;
  bestEpoch: number;
  stoppedEarly: boolean;
  /** What stopped a FINISHED training before its last epoch: patience, `stopAfterEpoch`, or nothing. */
  stoppedBy: 'patience' | 'hook' | null;
  failure: { message: string; hint: string } | null;
}

/**
 * Trains a fresh model, epoch by epoch: rows are reshuffled each epoch with a seeded order
 * (so a seed reproduces the run on a backend), a non-finite loss stops the run as FAILED with a
 * hint, `shouldStop` cancels it as KILLED, and early stopping restores the best weights.
 * Every tensor it creates is disposed except the returned model (dispose it when done); the
 * optimizer is disposed at the end, so the returned model predicts but does not train further.
 */
export async function trainModel(tf: TfModule, spec: ModelSpec, train: Matrix, validation: Matrix | null, hooks: TrainHooks = {}): Promise<TrainResult> {
  const now = hooks.now ?? (() => performance.now());
  const model = buildModel(tf, spec, train.width);
  const random = seededRandom(spec.seed ^ 0x5eed);
  const val = validation && validation.rows > 0 ? toTensors(tf, spec, validation, null) : null;
  const started = now();
  let best = { loss: Infinity, epoch: -1, weights: null as Tf.Tensor[] | null };
  let status: TrainResult['status'] = 'FINISHED';
  let failure: TrainResult['failure'] = null;
  let epochsRun = 0;
  let stoppedEarly = false;
  let stoppedBy: TrainResult['stoppedBy'] = null;
  try {
    for (let epoch = 0; epoch < spec.epochs; epoch++) {
      const order = shuffled(Array.from({ length: train.rows }, (_, i) => i), random);
      const { xs, ys } = toTensors(tf, spec, train, order);
      let diverged = false;
      let cancelled = false;
      let history: Tf.History;
      try {
        history = await model.fit(xs, ys, {
          epochs: 1,
          batchSize: spec.batchSize,
          shuffle: false,
          validationData: val ? [val.xs, val.ys] : undefined,
          verbose: 0,
          yieldEvery: 'never',
          callbacks: {
            onBatchEnd: async (_batch, logs) => {
              await hooks.afterBatch?.();
              if (logs && !Number.isFinite(logs.loss)) diverged = true;
              if (hooks.shouldStop?.()) cancelled = true;
              if (diverged || cancelled) model.stopTraining = true;
            },
          },
        });
      } finally {
        xs.dispose();
        ys.dispose();
      }
      epochsRun = epoch + 1;
      const metrics = Object.fromEntries(Object.entries(history.history).map(([k, v]) => [k, Number(v.at(-1))]));
      const report = { epoch, metrics, examplesSeen: epochsRun * train.rows, elapsedMs: now() - started };
      await hooks.onEpoch?.(report);
      if (diverged || !Number.isFinite(metrics.loss ?? NaN)) {
        status = 'FAILED';
        failure = { message: `The loss became ${Number.isNaN(metrics.loss) ? 'NaN' : 'infinite'} in epoch ${epoch + 1}: training diverged.`, hint: divergenceHint(spec) };
        break;
      }
      if (cancelled) {
        status = 'KILLED';
        failure = { message: `Cancelled during epoch ${epoch + 1}.`, hint: 'Metrics up to the cancellation are kept.' };
        break;
      }
      const watched = metrics.val_loss ?? metrics.loss!;
      if (watched < best.loss) {
        best.weights?.forEach((w) => w.dispose());
        best = { loss: watched, epoch, weights: spec.patience !== null ? model.getWeights().map((w) => w.clone()) : null };
      } else if (spec.patience !== null && epoch - best.epoch >= spec.patience) {
        stoppedEarly = true;
        stoppedBy = 'patience';
        break;
      }
      if (epoch < spec.epochs - 1 && hooks.stopAfterEpoch?.(report)) {
        stoppedEarly = true;
        stoppedBy = 'hook';
        break;
      }
    }
    if (status === 'FINISHED' && best.weights) model.setWeights(best.weights);
  } finally {
    best.weights?.forEach((w) => w.dispose());
    // The model does not own an optimizer passed to compile(); its slot variables would leak.
    model.optimizer?.dispose();
    val?.xs.dispose();
    val?.ys.dispose();
  }
  return { model, status, epochsRun, bestEpoch: best.epoch, stoppedEarly, stoppedBy, failure };
}

/** Predictions for `rows` inputs: one value per row (regression) or `classes` probabilities per row. */
export function predict(tf: TfModule, model: Tf.LayersModel, x: Float32Array, rows: number, width: number): Float32Array {
  return tf.tidy(() => (model.predict(tf.tensor2d(x, [rows, width])) as Tf.Tensor).dataSync() as Float32Array);
}

function toTensors(tf: TfModule, spec: ModelSpec, m: Matrix, order: number[] | null): { xs: Tf.Tensor2D; ys: Tf.Tensor2D } {
  let x = m.x;
  let y = m.y;
  if (order) {
    x = new Float32Array(m.x.length);
    y = new Float32Array(m.y.length);
    order.forEach((from, to) => {
      x.set(m.x.subarray(from * m.width, (from + 1) * m.width), to * m.width);
      y[to] = m.y[from]!;
    });
  }
  const xs = tf.tensor2d(x, [m.rows, m.width]);
  if (spec.task === 'regression') return { xs, ys: tf.tensor2d(y, [m.rows, 1]) };
  const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(Int32Array.from(y), 'int32'), spec.classes).toFloat() as Tf.Tensor2D);
  return { xs, ys };
}
