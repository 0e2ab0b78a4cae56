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

/** Main thread → trainer. */
export type ToTrainer = { type: 'train'; request: TrainingRequest } | { type: 'cancel' };

/** Sizes of the prepared data, for the UI. */
export interface PreparedShape {
  train: number;
  validation: number;
  test: number;
  inputWidth: number;
  parameters: number;
}

/** Trainer → main thread. Epoch reports are small; histories are read from IndexedDB. */
export type FromTrainer =
  | { type: 'status'; message: string }
  | { type: 'started'; runId: string; backend: BackendName; backendLabel: string; notes: string[]; trials: BackendTrial[]; shape: PreparedShape; epochs: number }
  | { type: 'epoch'; runId: string; epoch: number; epochs: number; metrics: Record<string, number>; elapsedMs: number; examplesSeen: number }
  | { type: 'done'; runId: string; status: 'FINISHED' | 'FAILED' | 'KILLED'; failure: { message: string; hint: string } | null; summary: Record<string, number>; diagnostics?: TrainingDiagnostics }
  | { type: 'error'; runId: string | null; message: string };

/** Figures the device benchmark reads: throughput, logging time, and tensors left behind. */
export interface TrainingDiagnostics {
  trainMs: number;
  loggingMs: number;
  examplesPerSec: number;
  /** `tf.memory().numTensors` before the training and after everything was disposed. */
  tensorsBefore: number;
  tensorsAfter: number;
}
