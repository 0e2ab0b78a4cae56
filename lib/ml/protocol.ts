import type { ParamValue } from '../tracking/run-types';
import type { RpcMethod } from '../worker-rpc/protocol';
import type { SweepDimension, SweepSummary, SweepTrialSummary } from '../tracking/sweep-types';
import type { BackendName, BackendTrial } from './backend-choice';
import type { ModelSpec } from './model-spec';

/** What the learner asks for: "auto" measures the backends first; a name forces one. */
export type BackendRequest = 'auto' | BackendName;

/** A dataset the trainer can load: built in (fetched from /data) or uploaded (IndexedDB). */
export interface DatasetRef {
  id: string;
  kind: 'builtin' | 'upload';
}

/** Everything a training needs; plain data, so it crosses to the worker as is. */
export interface TrainingRequest {
  experiment: string;
  name: string;
  tags: Record<string, string>;
  notes: string;
  dataset: DatasetRef;
  target: string;
  features: string[];
  split: 'time' | 'random';
  spec: ModelSpec;
  backend: BackendRequest;
}

/**
 * A hyperparameter search: trials start from `base` (its name names the parent run, its tags go on
 * every run) with the searched params of `space` applied. Plain data, like `TrainingRequest`.
 */
export interface SweepRequest {
  base: TrainingRequest;
  space: SweepDimension[];
  search: 'grid' | 'random';
  /** Most trials; a grid larger than this is refused. */
  maxTrials: number;
  /** No trial starts after this many minutes (the running one finishes); null: no limit. */
  maxMinutes: number | null;
  /** Ignored (off) with k-fold. */
  earlyStopping: SweepSummary['earlyStopping'];
  /** A metric logged every epoch (see `objectiveChoices`). */
  objective: SweepSummary['objective'];
  /** k of k-fold cross-validation, or null for none. */
  folds: number | null;
  /** Seeds the random search and the folds (the model's own seed is `base.spec.seed`). */
  seed: number;
}


/** What a sweep trial is doing while it reports an epoch: a plain training, one fold of k, or the final fit of a cross-validated trial. */
export type SweepStage = 'train' | 'fold' | 'refit';

/** Trainer → main thread during a sweep (besides `status` and `error`). */
export type FromSweep =
  | { type: 'sweep-started'; parentRunId: string; totalTrials: number; backendLabel: string; notes: string[]; shape: PreparedShape; folds: number | null; earlyStopping: SweepSummary['earlyStopping'] }
  | { type: 'sweep-trial-started'; index: number; runId: string; params: Record<string, ParamValue> }
  | { type: 'sweep-epoch'; index: number; stage: SweepStage; fold: number | null; epoch: number; epochs: number; objective: number | null }
  | { type: 'sweep-trial-done'; index: number; runId: string; status: SweepTrialSummary['status']; value: number | null; std: number | null; failure: { message: string; hint: string } | null; summary: SweepSummary }
  | { type: 'sweep-done'; parentRunId: string; status: 'FINISHED' | 'KILLED' | 'FAILED'; message: string | null; summary: SweepSummary; backendLost?: boolean };

/** Sizes of the prepared data, for the UI. */
export interface PreparedShape {
  train: number;
  validation: number;
  test: number;
  inputWidth: number;
  parameters: number;
}

/**
 * What a training or sweep session posts, in order. Epoch reports are small; histories are read
 * from IndexedDB. `done`, `sweep-done` and `error` end a session: the worker host turns them into
 * the call's result or error, and relays the rest as progress.
 */
export type FromTrainer =
  | { type: 'status'; message: string }
  /** Something the learner should know mid-way (a backend lost and training resumed elsewhere). */
  | { type: 'notice'; message: string }
  /** Still alive: sent at most once a second while batches run, so a stall can be told from a slow epoch. */
  | { type: 'heartbeat' }
  | { type: 'started'; runId: string; backend: BackendName; backendLabel: string; notes: string[]; trials: BackendTrial[]; shape: PreparedShape; epochs: number }
  | { type: 'epoch'; runId: string; epoch: number; epochs: number; metrics: Record<string, number>; elapsedMs: number; examplesSeen: number }
  | { type: 'done'; runId: string; status: 'FINISHED' | 'FAILED' | 'KILLED'; failure: { message: string; hint: string } | null; summary: Record<string, number>; savedEpoch?: number; diagnostics?: TrainingDiagnostics; backendLost?: boolean }
  | { type: 'error'; runId: string | null; message: string }
  | FromSweep;

/** Figures the device benchmark reads: throughput, logging time, and tensors left behind. */
export interface TrainingDiagnostics {
  trainMs: number;
  loggingMs: number;
  examplesPerSec: number;
  /** `tf.memory().numTensors` before the training and after everything was disposed. */
  tensorsBefore: number;
  tensorsAfter: number;
}

/** How a training ended (the run is recorded either way). */
export type TrainingOutcome = Extract<FromTrainer, { type: 'done' }>;
/** How a sweep ended. */
export type SweepOutcome = Extract<FromTrainer, { type: 'sweep-done' }>;
/** Progress of a training: everything a session posts but its end. */
export type TrainingProgressEvent = Exclude<FromTrainer, { type: 'done' | 'error' | 'sweep-done' } | FromSweep>;
/** Progress of a sweep. */
export type SweepProgressEvent = Exclude<FromTrainer, { type: 'done' | 'error' | 'sweep-done' | 'started' | 'epoch' }>;

/**
 * The tfjs worker's protocol (`workers/train.worker.ts`, served by `createTrainerHandlers`). One
 * such worker per tab runs one job at a time: the page's client queues the rest.
 * `loseWebglContext` loses the worker's WebGL context on purpose (fault drills and tests); it
 * answers whether there was a context to lose.
 */
export type TrainerMethods = {
  train: RpcMethod<TrainingRequest, TrainingProgressEvent, TrainingOutcome>;
  sweep: RpcMethod<SweepRequest, SweepProgressEvent, SweepOutcome>;
  loseWebglContext: RpcMethod<null, never, boolean>;
};

/** Result of a plain `model.fit` on one backend (the device benchmark's reference). */
export interface RawFitResult {
  backend: string;
  examplesPerSec: number;
  seconds: number;
  epochs: number;
  rows: number;
}

/** The benchmark worker's protocol (`workers/bench.worker.ts`): a fresh worker per request. */
export type BenchMethods = {
  rawFit: RpcMethod<{ request: TrainingRequest; backend: BackendName | 'default'; epochs: number }, never, RawFitResult>;
};
