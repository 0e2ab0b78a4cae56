/** Lifecycle: RUNNING → FINISHED | FAILED | KILLED (cancelled, or its tab closed mid-training). */
export type RunStatus = 'RUNNING' | 'FINISHED' | 'FAILED' | 'KILLED';

export type ParamValue = string | number | boolean;

/** One training, as tracked. Metric histories live apart, in chunks (`MetricChunk`). */
export interface RunRecord {
  id: string;
  experiment: string;
  name: string;
  status: RunStatus;
  /** Epoch ms. */
  startedAt: number;
  endedAt: number | null;
  params: Record<string, ParamValue>;
  tags: Record<string, string>;
  notes: string;
  dataset: { id: string; hash: string; split: string };
  /** The tfjs backend that actually ran ('webgl', 'wasm', 'cpu'), once known. */
  backend: string | null;
  seed: number;
  /** Last logged value of each metric. */
  lastMetrics: Record<string, number>;
  /** Best logged value of each metric (lowest for losses and errors, highest otherwise) and its step. */
  bestMetrics: Record<string, { value: number; step: number }>;
  /** Why a run FAILED or was KILLED, with a hint, for the learner. */
  failure: { message: string; hint: string } | null;
  parentRunId: string | null;
  /**
   * The model the run saved: the epoch whose weights it holds (the best epoch when early stopping
   * restored them, else the last) and every metric's value at that epoch (`metricsAtStep`).
   * Absent on runs recorded before it existed, and on runs that saved no model.
   */
  savedModel?: { step: number; metrics: Record<string, number> };
}

/** Up to `METRIC_CHUNK_POINTS` points of one metric of one run. */
export interface MetricChunk {
  runId: string;
  key: string;
  chunk: number;
  steps: number[];
  values: number[];
  /** Epoch ms of the last write. */
  writtenAt: number;
}

/** A stored file of a run: model topology and weights, preprocessing state, evaluation data. */
export interface ArtifactRecord {
  runId: string;
  name: string;
  contentType: string;
  /** JSON-able content, or bytes for weights. */
  data: unknown;
  bytes: ArrayBuffer | null;
  createdAt: number;
}

export const METRIC_CHUNK_POINTS = 1000;

/**
 * Whether lower values of a metric are better: losses and errors (`loss`, `val_loss`, `rmse`,
 * `mae`, `log_loss`…); everything else (accuracy, F1, AUC, R²) is better higher.
 */
export function lowerIsBetter(key: string): boolean {
  return /loss|rmse|mae|mse|error/i.test(key);
}
