import type { Clock } from '../time/clock';
import { describeStorageError, isStorageError } from '../tracking/errors';
import type { WorkbenchDatabase } from '../tracking/db';
import { createRun, finishRun, MetricWriter, recordSavedModel } from '../tracking/runs';
import { loadDataset, type DatasetSources, type LoadedDataset } from '../data/load';
import type { BackendCache, BackendChoice } from './backends';
import { chooseBackend, parameterCount } from './backends';
import { evaluationMetrics, evaluateSplits } from './session-evaluate';
import { runModelHandler } from './model-io';
import type { TfModule } from './model';
import { validateSpec, type ModelSpec } from './model-spec';
import { prepareData, type PreparedData } from './prepare';
import type { FromTrainer, PreparedShape, TrainingRequest } from './protocol';
import { runParams } from './run-params';
import { trainSurvivingDeviceLoss } from './resilient-train';
import type { EpochReport, TrainResult } from './train';
import { ARTIFACTS } from '../tracking/artifact-names';
import { metricsAtStep } from '../tracking/metric-model';

export interface SessionDeps {
  tf: TfModule;
  db: WorkbenchDatabase;
  sources: DatasetSources;
  backendCache: BackendCache | null;
  cores: number;
  post: (message: FromTrainer) => void;
  shouldStop: () => boolean;
  /** Lets the event loop run (a cancel message, a click on the main thread). */
  yieldNow: () => Promise<void>;
  /** Time for records (epoch ms) and waits: the system clock in the app, a simulated one in tests. */
  clock: Clock;
  /** Marks the run as alive while it trains (a Web Lock), so start-up recovery in another tab leaves it be. */
  holdRunLock?: (runId: string) => Promise<() => void>;
}

/** Timing of one training, for the logging-overhead figure (ms). */
export interface SessionTiming {
  trainMs: number;
  loggingMs: number;
  examplesPerSec: number;
}

const YIELD_EVERY_MS = 25;
const HEARTBEAT_MS = 1000;

/**
 * What runs after every batch: a yield to the event loop every 25 ms (so a cancel or a click gets
 * through) and a heartbeat every second (so the page can tell a slow epoch from a stalled worker).
 */
export function batchPacer(deps: Pick<SessionDeps, 'yieldNow' | 'post'>): () => Promise<void> {
  let lastYield = performance.now();
  let lastBeat = lastYield;
  return async () => {
    const t = performance.now();
    if (t - lastBeat >= HEARTBEAT_MS) {
      lastBeat = t;
      deps.post({ type: 'heartbeat' });
    }
    if (t - lastYield < YIELD_EVERY_MS) return;
    await deps.yieldNow();
    lastYield = performance.now();
  };
}

/** A dataset loaded and prepared for a request, with the spec sized to its classes. */
export interface PreparedSession {
  loaded: LoadedDataset;
  prepared: PreparedData;
  spec: ModelSpec;
}

/**
 * Loads the request's dataset, checks its model settings and prepares the data (split,
 * preprocessing fitted on the training rows). Throws a learner-facing sentence on bad input.
 */
export async function loadAndPrepare(request: TrainingRequest, sources: DatasetSources, post: (message: FromTrainer) => void): Promise<PreparedSession> {
  post({ type: 'status', message: 'Loading the data…' });
  const loaded = await loadDataset(request.dataset, sources);
  const problems = validateSpec(request.spec);
  if (problems.length > 0) throw new Error(`The model settings need fixing: ${problems.join('; ')}.`);
  post({ type: 'status', message: 'Splitting and preparing the data…' });
  const prepared = prepareData(loaded.table, {
    target: request.target,
    features: request.features,
    task: request.spec.task,
    split: request.split,
    timeColumn: loaded.info.timeColumn ?? undefined,
    seed: request.spec.seed,
  });
  const spec = { ...request.spec, classes: request.spec.task === 'classification' ? prepared.classNames.length : 1 };
  return { loaded, prepared, spec };
}

/** Sizes of the prepared data for the UI. */
export function preparedShape(prepared: PreparedData, spec: ModelSpec): PreparedShape {
  return { train: prepared.train.rows, validation: prepared.validation.rows, test: prepared.test.rows, inputWidth: prepared.train.width, parameters: parameterCount(spec, prepared.train.width) };
}

/** What `trainAndRecord` needs besides the deps: the run, its data and the progress callbacks. */
export interface RecordedTrainingInput {
  runId: string;
  /** The request's target (stored in preprocessing.json). */
  target: string;
  spec: ModelSpec;
  prepared: PreparedData;
  choice: BackendChoice;
  shape: PreparedShape;
  /** After each epoch's metrics are queued for writing (post progress here). */
  onEpoch: (report: EpochReport) => void;
  /** See `TrainHooks.stopAfterEpoch`. */
  stopAfterEpoch?: (report: EpochReport) => boolean;
}

/** How a recorded training ended; the run is still RUNNING (the caller finishes it). */
export interface RecordedTraining {
  status: TrainResult['status'];
  failure: TrainResult['failure'];
  stoppedBy: TrainResult['stoppedBy'];
  epochsRun: number;
  /** The saved model's metrics (`RunRecord.savedModel.metrics`; empty unless FINISHED). */
  summary: Record<string, number>;
  /** The epoch whose weights were saved (0 unless FINISHED). */
  savedEpoch: number;
  timing: SessionTiming;
  /** The backend the training ended on: another one than it started on when its device was lost. */
  choice: BackendChoice;
}

/**
 * Trains a fresh model on `prepared` into the existing run `runId`: metrics written in one
 * transaction per epoch (the write of epoch N overlaps the training of N+1), then, when
 * FINISHED, the evaluation against the baseline, the model, preprocessing.json, contract.json,
 * evaluation.json and training.json. The model is always disposed. Does not end the run; throws on a storage
 * error or a backend failure (the caller ends the run FAILED).
 */
export async function trainAndRecord(deps: SessionDeps, input: RecordedTrainingInput): Promise<RecordedTraining> {
  const { tf, db, post } = deps;
  const now = () => deps.clock.now();
  const { runId, spec, prepared, shape } = input;
  const writer = new MetricWriter(db, runId);
  let lastFlush: Promise<number> = Promise.resolve(0);
  let loggingMs = 0;
  /** Every per-epoch series as logged: the saved model's figures are read from it (`metricsAtStep`). */
  const series: Record<string, { steps: number[]; values: number[] }> = {};
  const t0 = performance.now();
  const trained = await trainSurvivingDeviceLoss({
    tf,
    db,
    runId,
    spec,
    train: prepared.train,
    validation: prepared.validation,
    choice: input.choice,
    post,
    hooks: {
      shouldStop: deps.shouldStop,
      stopAfterEpoch: input.stopAfterEpoch,
      afterBatch: batchPacer(deps),
      onEpoch: async (report) => {
        // The write of epoch N overlaps the training of epoch N+1 (IndexedDB works off this
        // thread); training only waits when the previous write is still busy, and that wait is
        // what counts as logging time. A failed write surfaces here and fails the run.
        const t = performance.now();
        await lastFlush;
        writer.log(report.epoch + 1, report.metrics);
        for (const [key, value] of Object.entries(report.metrics)) {
          series[key] ??= { steps: [], values: [] };
          series[key].steps.push(report.epoch + 1);
          series[key].values.push(value);
        }
        lastFlush = writer.flush(now());
        lastFlush.catch(() => undefined);
        loggingMs += performance.now() - t;
        input.onEpoch(report);
      },
    },
  });
  const { result, choice } = trained;
  const tail = performance.now();
  try {
    await lastFlush;
  } catch (error) {
    result.model.dispose();
    throw error;
  }
  loggingMs += performance.now() - tail;
  const trainMs = performance.now() - t0;
  const timing = { trainMs, loggingMs, examplesPerSec: Math.round((result.epochsRun * prepared.train.rows) / (trainMs / 1000)) };
  let summary: Record<string, number> = {};
  try {
    if (result.status === 'FINISHED') {
      post({ type: 'status', message: 'Evaluating against the baseline and saving the model…' });
      const evaluation = evaluateSplits(tf, result.model, spec, prepared);
      // One series per metric, one point per step: the evaluation adds only the figures no epoch
      // logged, at the saved epoch. The epochs' val_mae / val_accuracy are the saved model's already.
      const perEpoch = metricsAtStep(series, result.savedEpoch);
      const evaluated = evaluationMetrics(evaluation);
      writer.log(result.savedEpoch, Object.fromEntries(Object.entries(evaluated).filter(([key]) => !Object.hasOwn(series, key))));
      await writer.flush(now());
      summary = { ...perEpoch, ...evaluated };
      await result.model.save(runModelHandler(tf, db, runId, now));
      const saved = now();
      // `stoppedEarly` keeps its meaning for the run page (patience, best weights kept); a sweep's rule shows in `stoppedBy`.
      const training = { ...timing, backendLabel: choice.label, notes: choice.notes, trials: choice.trials, shape, epochsRun: result.epochsRun, bestEpoch: result.bestEpoch + 1, savedEpoch: result.savedEpoch, stoppedEarly: result.stoppedBy === 'patience', stoppedBy: result.stoppedBy };
      await db.artifacts.bulkPut([
        { runId, name: ARTIFACTS.preprocessing, contentType: 'application/json', data: { ...prepared.preprocessing, target: input.target, task: spec.task, classNames: prepared.classNames }, bytes: null, createdAt: saved },
        { runId, name: ARTIFACTS.contract, contentType: 'application/json', data: prepared.contract, bytes: null, createdAt: saved },
        { runId, name: ARTIFACTS.evaluation, contentType: 'application/json', data: evaluation, bytes: null, createdAt: saved },
        { runId, name: ARTIFACTS.training, contentType: 'application/json', data: training, bytes: null, createdAt: saved },
      ]);
      await recordSavedModel(db, runId, { step: result.savedEpoch, metrics: summary });
    }
  } finally {
    result.model.dispose();
  }
  return { status: result.status, failure: result.failure, stoppedBy: result.stoppedBy, epochsRun: result.epochsRun, savedEpoch: result.status === 'FINISHED' ? result.savedEpoch : 0, summary, timing, choice };
}

/** The failure recorded on a run that stopped with an unexpected error. */
export function crashFailure(error: unknown): { message: string; hint: string } {
  return { message: `Training stopped with an error: ${describeFailure(error)}`, hint: 'If WebGL was running, its context may have been lost: choose WebAssembly or CPU under Backend and start again.' };
}

/**
 * One training, start to end, the same in the worker and on the main thread: load and prepare
 * the data, pick the backend, record a RUNNING run, train epoch by epoch (metrics written in one
 * transaction per epoch), evaluate against the baseline, store model + preprocessing +
 * evaluation, and end the run FINISHED, FAILED (diverged, or an error) or KILLED (cancelled).
 * Problems before the run exists are reported with `error` and record nothing.
 */
export async function runTrainingSession(request: TrainingRequest, deps: SessionDeps): Promise<SessionTiming | null> {
  const { tf, db, post } = deps;
  const now = () => deps.clock.now();
  let runId: string | null = null;
  let releaseLock = () => undefined as void;
  try {
    const { loaded, prepared, spec } = await loadAndPrepare(request, deps.sources, post);
    post({ type: 'status', message: request.backend === 'auto' ? 'Measuring the backends on this model…' : 'Starting the backend…' });
    const choice = await chooseBackend(tf, request.backend, spec, prepared.train, deps.backendCache, deps.cores, () => deps.clock.now());
    const run = await createRun(
      db,
      { experiment: request.experiment, name: request.name, params: runParams(request), tags: request.tags, notes: request.notes, dataset: { id: loaded.info.id, hash: loaded.hash, split: prepared.splitLabel }, seed: spec.seed, backend: choice.backend },
      now(),
    );
    runId = run.id;
    releaseLock = (await deps.holdRunLock?.(runId)) ?? releaseLock;
    const shape = preparedShape(prepared, spec);
    post({ type: 'started', runId, backend: choice.backend, backendLabel: choice.label, notes: choice.notes, trials: choice.trials, shape, epochs: spec.epochs });
    const id = runId;
    const outcome = await trainAndRecord(deps, {
      runId: id,
      target: request.target,
      spec,
      prepared,
      choice,
      shape,
      onEpoch: (report) => post({ type: 'epoch', runId: id, epoch: report.epoch + 1, epochs: spec.epochs, metrics: report.metrics, elapsedMs: report.elapsedMs, examplesSeen: report.examplesSeen }),
    });
    await finishRun(db, id, outcome.status, now(), outcome.failure);
    post({ type: 'done', runId: id, status: outcome.status, failure: outcome.failure, summary: outcome.summary, savedEpoch: outcome.savedEpoch });
    return outcome.timing;
  } catch (error) {
    if (runId) {
      const failure = crashFailure(error);
      await finishRun(db, runId, 'FAILED', now(), failure).catch(() => undefined);
      post({ type: 'done', runId, status: 'FAILED', failure, summary: {} });
    } else {
      post({ type: 'error', runId: null, message: describeFailure(error) });
    }
    return null;
  } finally {
    releaseLock();
  }
}

/** A learner-facing sentence for an error (storage errors explained). */
export function describeFailure(error: unknown): string {
  if (isStorageError(error)) return describeStorageError(error);
  return error instanceof Error ? error.message : String(error);
}
