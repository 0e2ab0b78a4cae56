import { describeStorageError, isStorageError } from '../tracking/errors';
import type { WorkbenchDatabase } from '../tracking/db';
import { createRun, finishRun, MetricWriter } from '../tracking/runs';
import { loadDataset, type DatasetSources } from '../data/load';
import type { BackendCache } from './backends';
import { chooseBackend, parameterCount } from './backends';
import { evaluationMetrics, evaluateSplits } from './session-evaluate';
import { runModelHandler } from './model-io';
import type { TfModule } from './model';
import { validateSpec } from './model-spec';
import { prepareData } from './prepare';
import type { FromTrainer, TrainingRequest } from './protocol';
import { runParams } from './run-params';
import { trainModel } from './train';

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
  /** Wall clock for records (epoch ms). */
  now?: () => number;
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

/**
 * One training, start to end, the same in the worker and on the main thread: load and prepare
 * the data, pick the backend, record a RUNNING run, train epoch by epoch (metrics written in one
 * transaction per epoch), evaluate against the baseline, store model + preprocessing +
 * evaluation, and end the run FINISHED, FAILED (diverged, or an error) or KILLED (cancelled).
 * Problems before the run exists are reported with `error` and record nothing.
 */
export async function runTrainingSession(request: TrainingRequest, deps: SessionDeps): Promise<SessionTiming | null> {
  const { tf, db, post } = deps;
  const now = deps.now ?? Date.now;
  let runId: string | null = null;
  let releaseLock = () => undefined as void;
  try {
    post({ type: 'status', message: 'Loading the data…' });
    const loaded = await loadDataset(request.dataset, deps.sources);
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
    post({ type: 'status', message: request.backend === 'auto' ? 'Measuring the backends on this model…' : 'Starting the backend…' });
    const choice = await chooseBackend(tf, request.backend, spec, prepared.train, deps.backendCache, deps.cores);
    const run = await createRun(
      db,
      { experiment: request.experiment, name: request.name, params: runParams(request), tags: request.tags, notes: request.notes, dataset: { id: loaded.info.id, hash: loaded.hash, split: prepared.splitLabel }, seed: spec.seed, backend: choice.backend },
      now(),
    );
    runId = run.id;
    releaseLock = (await deps.holdRunLock?.(runId)) ?? releaseLock;
    const shape = { train: prepared.train.rows, validation: prepared.validation.rows, test: prepared.test.rows, inputWidth: prepared.train.width, parameters: parameterCount(spec, prepared.train.width) };
    post({ type: 'started', runId, backend: choice.backend, backendLabel: choice.label, notes: choice.notes, trials: choice.trials, shape, epochs: spec.epochs });

    const writer = new MetricWriter(db, runId);
    let lastFlush: Promise<number> = Promise.resolve(0);
    let loggingMs = 0;
    let lastYield = performance.now();
    const t0 = performance.now();
    const result = await trainModel(tf, spec, prepared.train, prepared.validation, {
      shouldStop: deps.shouldStop,
      afterBatch: async () => {
        if (performance.now() - lastYield < YIELD_EVERY_MS) return;
        await deps.yieldNow();
        lastYield = performance.now();
      },
      onEpoch: async (report) => {
        // The write of epoch N overlaps the training of epoch N+1 (IndexedDB works off this
        // thread); training only waits when the previous write is still busy, and that wait is
        // what counts as logging time. A failed write surfaces here and fails the run.
        const t = performance.now();
        await lastFlush;
        writer.log(report.epoch + 1, report.metrics);
        lastFlush = writer.flush(now());
        lastFlush.catch(() => undefined);
        loggingMs += performance.now() - t;
        post({ type: 'epoch', runId: runId!, epoch: report.epoch + 1, epochs: spec.epochs, metrics: report.metrics, elapsedMs: report.elapsedMs, examplesSeen: report.examplesSeen });
      },
    });
    const tail = performance.now();
    await lastFlush;
    loggingMs += performance.now() - tail;
    const trainMs = performance.now() - t0;
    const timing = { trainMs, loggingMs, examplesPerSec: Math.round((result.epochsRun * prepared.train.rows) / (trainMs / 1000)) };
    let summary: Record<string, number> = {};
    try {
      if (result.status === 'FINISHED') {
        post({ type: 'status', message: 'Evaluating against the baseline and saving the model…' });
        const evaluation = evaluateSplits(tf, result.model, spec, prepared);
        summary = evaluationMetrics(evaluation.validation);
        writer.log(result.epochsRun, summary);
        await writer.flush(now());
        await result.model.save(runModelHandler(tf, db, runId, now));
        const saved = now();
        await db.artifacts.bulkPut([
          { runId, name: 'preprocessing.json', contentType: 'application/json', data: { ...prepared.preprocessing, target: request.target, task: spec.task, classNames: prepared.classNames }, bytes: null, createdAt: saved },
          { runId, name: 'evaluation.json', contentType: 'application/json', data: evaluation, bytes: null, createdAt: saved },
          { runId, name: 'training.json', contentType: 'application/json', data: { ...timing, backendLabel: choice.label, notes: choice.notes, trials: choice.trials, shape, epochsRun: result.epochsRun, bestEpoch: result.bestEpoch + 1, stoppedEarly: result.stoppedEarly }, bytes: null, createdAt: saved },
        ]);
      }
    } finally {
      result.model.dispose();
    }
    await finishRun(db, runId, result.status, now(), result.failure);
    post({ type: 'done', runId, status: result.status, failure: result.failure, summary });
    return timing;
  } catch (error) {
    const message = describeFailure(error);
    if (runId) {
      const failure = { message: `Training stopped with an error: ${message}`, hint: 'If WebGL was running, its context may have been lost: choose WebAssembly or CPU under Backend and start again.' };
      await finishRun(db, runId, 'FAILED', now(), failure).catch(() => undefined);
      post({ type: 'done', runId, status: 'FAILED', failure, summary: {} });
    } else {
      post({ type: 'error', runId: null, message });
    }
    return null;
  } finally {
    releaseLock();
  }
}

function describeFailure(error: unknown): string {
  if (isStorageError(error)) return describeStorageError(error);
  return error instanceof Error ? error.message : String(error);
}
