import type * as Tf from '@tensorflow/tfjs';
import { seededRandom, shuffled } from '../data/random';
import { DeviceLostError, type DeviceWatch } from './device-loss';
import { buildModel, type TfModule } from './model';
import { divergenceHint, type ModelSpec } from './model-spec';
import { epochMetrics } from './epoch-metrics';
import type { Matrix } from './train-types';

export { predict, type Matrix } from './train-types';

export interface EpochReport {
  epoch: number;
  /** loss, val_loss, and accuracy/val_accuracy (classification) or mae/val_mae (regression): see `epochMetrics`. */
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
  /**
   * The active backend's device. When it is lost mid-epoch, training stops at once (tfjs's reads
   * would never complete) and `trainModel` throws a `DeviceLostError` carrying the checkpoint of
   * the last completed epoch, to resume from on another backend.
   */
  device?: DeviceWatch;
}

/** A tensor's values kept in main memory, so it survives the loss of the device that held it. */
export interface HostTensor {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** Where a training stood after its last completed epoch: enough to go on on another backend. */
export interface TrainCheckpoint {
  /** Epochs completed: the next epoch to train (0-based). */
  epochsDone: number;
  weights: HostTensor[];
  /** The optimizer's state (its step count, then its slots, e.g. Adam's moments). */
  optimizer: HostTensor[];
  best: { loss: number; epoch: number; weights: HostTensor[] | null };
}

/** Thrown by `trainModel` when the device was lost: `checkpoint` is null when no epoch had completed. */
export class TrainingInterrupted extends DeviceLostError {
  override name = 'TrainingInterrupted';
  constructor(
    lost: DeviceLostError,
    readonly checkpoint: TrainCheckpoint | null,
  ) {
    super(lost.backend);
  }
}

export interface TrainResult {
  model: Tf.Sequential;
  status: 'FINISHED' | 'FAILED' | 'KILLED';
  epochsRun: number;
  bestEpoch: number;
  /**
   * The epoch (1-based) whose weights the returned model holds: the best one when early stopping
   * restored it, else the last one run.
   */
  savedEpoch: number;
  stoppedEarly: boolean;
  /** What stopped a FINISHED training before its last epoch: patience, `stopAfterEpoch`, or nothing. */
  stoppedBy: 'patience' | 'hook' | null;
  failure: { message: string; hint: string } | null;
}

/**
 * Trains a fresh model, epoch by epoch: rows are reshuffled each epoch with a seeded order
 * (so a seed reproduces the run on a backend), a non-finite loss stops the run as FAILED with a
 * hint, `shouldStop` cancels it as KILLED, and early stopping restores the best weights.
 * With `hooks.device`, a checkpoint is kept after every epoch and a lost device throws
 * `TrainingInterrupted`; pass its checkpoint as `resume` (on another backend) to go on from the
 * next epoch with the same weights, optimizer state, best epoch and shuffles.
 * Every tensor it creates is disposed except the returned model (dispose it when done); the
 * optimizer is disposed at the end, so the returned model predicts but does not train further.
 */
export async function trainModel(tf: TfModule, spec: ModelSpec, train: Matrix, validation: Matrix | null, hooks: TrainHooks = {}, resume: TrainCheckpoint | null = null): Promise<TrainResult> {
  const now = hooks.now ?? (() => performance.now());
  const model = buildModel(tf, spec, train.width);
  const random = seededRandom(spec.seed ^ 0x5eed);
  const rowIndexes = Array.from({ length: train.rows }, (_, i) => i);
  const device = hooks.device;
  // Checkpoints cost a read of the weights per epoch: keep them only where the device can vanish.
  const keepCheckpoints = device?.canBeLost ?? false;
  let checkpoint: TrainCheckpoint | null = resume;
  const started = now();
  let best: TrainCheckpoint['best'] = resume ? resume.best : { loss: Infinity, epoch: -1, weights: null };
  let status: TrainResult['status'] = 'FINISHED';
  let failure: TrainResult['failure'] = null;
  let epochsRun = resume?.epochsDone ?? 0;
  let stoppedEarly = false;
  let stoppedBy: TrainResult['stoppedBy'] = null;
  let savedEpoch = 0;
  try {
    if (resume) await restoreCheckpoint(tf, model, resume);
    // The same shuffles as an uninterrupted run: replay the orders of the epochs already done.
    for (let e = 0; e < epochsRun; e++) shuffled(rowIndexes, random);
    for (let epoch = epochsRun; epoch < spec.epochs; epoch++) {
      const order = shuffled(rowIndexes, random);
      const { xs, ys } = toTensors(tf, spec, train, order);
      let diverged = false;
      let cancelled = false;
      let abandoned = false;
      let history: Tf.History;
      let fitting: Promise<Tf.History> | null = null;
      try {
        fitting = model.fit(xs, ys, {
          epochs: 1,
          batchSize: spec.batchSize,
          shuffle: false,
          verbose: 0,
          yieldEvery: 'never',
          callbacks: {
            onBatchEnd: async (_batch, logs) => {
              if (abandoned || device?.isLost()) {
                model.stopTraining = true;
                return;
              }
              await hooks.afterBatch?.();
              if (logs && !Number.isFinite(logs.loss)) diverged = true;
              if (hooks.shouldStop?.()) cancelled = true;
              if (diverged || cancelled) model.stopTraining = true;
            },
          },
        });
        fitting.catch(() => undefined);
        history = device ? await Promise.race([fitting, device.lost.then((lost) => Promise.reject(lost))]) : await fitting;
        if (device?.isLost()) throw await device.lost;
      } catch (error) {
        abandoned = true;
        if (error instanceof DeviceLostError) {
          // A fit on a lost WebGL context never settles; one still running stops after its batch.
          if (fitting) await settledWithin(fitting, ABANDONED_FIT_WAIT_MS);
          throw new TrainingInterrupted(error, checkpoint);
        }
        throw error;
      } finally {
        disposeQuietly(xs, ys);
      }
      epochsRun = epoch + 1;
      const metrics = epochMetrics(tf, model, spec, history.history, validation);
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
      let stop = false;
      if (watched < best.loss) {
        best = { loss: watched, epoch, weights: spec.patience !== null ? await readWeights(model) : null };
      } else if (spec.patience !== null && epoch - best.epoch >= spec.patience) {
        stoppedEarly = true;
        stoppedBy = 'patience';
        stop = true;
      }
      if (!stop && epoch < spec.epochs - 1 && hooks.stopAfterEpoch?.(report)) {
        stoppedEarly = true;
        stoppedBy = 'hook';
        stop = true;
      }
      if (stop) break;
      if (keepCheckpoints && epoch < spec.epochs - 1) checkpoint = { epochsDone: epochsRun, weights: await readWeights(model), optimizer: await readOptimizer(tf, model), best };
    }
    if (status === 'FINISHED' && best.weights) {
      setWeights(tf, model, best.weights);
      savedEpoch = best.epoch + 1;
    } else savedEpoch = epochsRun;
  } catch (error) {
    disposeQuietly(model);
    throw error;
  } finally {
    // The model does not own an optimizer passed to compile(); its slot variables would leak.
    try {
      model.optimizer?.dispose();
    } catch {
      // A lost device cannot free its memory; it went with the device.
    }
  }
  return { model, status, epochsRun, bestEpoch: best.epoch, savedEpoch, stoppedEarly, stoppedBy, failure };
}

/** How long an abandoned fit may take to wind down before its tensors are given up (ms). */
const ABANDONED_FIT_WAIT_MS = 1000;

/** Waits for `promise` to settle, or `ms` to pass, whichever is first; never rejects. */
function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    promise.then(
      () => (clearTimeout(timer), resolve()),
      () => (clearTimeout(timer), resolve()),
    );
  });
}

async function readWeights(model: Tf.LayersModel): Promise<HostTensor[]> {
  return Promise.all(model.getWeights().map(async (w, i) => ({ name: `weight-${i}`, shape: [...w.shape], values: Float32Array.from(await w.data()) })));
}

async function readOptimizer(tf: TfModule, model: Tf.LayersModel): Promise<HostTensor[]> {
  const named = model.optimizer ? await model.optimizer.getWeights() : [];
  try {
    return await Promise.all(named.map(async ({ name, tensor }) => ({ name, shape: [...tensor.shape], values: Float32Array.from(await tensor.data()) })));
  } finally {
    // The step count comes as a new scalar; the slots are the optimizer's own variables.
    for (const { tensor } of named) if (!(tensor instanceof tf.Variable)) tensor.dispose();
  }
}

function setWeights(tf: TfModule, model: Tf.LayersModel, weights: HostTensor[]): void {
  const tensors = weights.map((w) => tf.tensor(w.values, w.shape));
  try {
    model.setWeights(tensors);
  } finally {
    tensors.forEach((t) => t.dispose());
  }
}

/** Puts a checkpoint's weights and optimizer state (step count, slots) into a freshly built model. */
async function restoreCheckpoint(tf: TfModule, model: Tf.LayersModel, checkpoint: TrainCheckpoint): Promise<void> {
  setWeights(tf, model, checkpoint.weights);
  if (model.optimizer && checkpoint.optimizer.length > 0) {
    // The optimizer matches its slots to variables by position, so new variable names are fine.
    const named = checkpoint.optimizer.map((w) => ({ name: w.name, tensor: tf.tensor(w.values, w.shape) }));
    try {
      await model.optimizer.setWeights(named);
    } finally {
      named.forEach((n) => n.tensor.dispose());
    }
  }
}

function disposeQuietly(...items: Array<{ dispose(): void }>): void {
  for (const item of items) {
    try {
      item.dispose();
    } catch {
      // Already gone with a lost device.
    }
  }
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
