/**
 * The reference a monitor compares production with, and an endpoint's monitoring settings. Both
 * are stored rows (lib/tracking declares their tables); plain data only.
 */
import type { ColumnKind } from '../drift/samples';
import type { DriftTestName } from './types';

/** One column of the reference: its raw values (numbers with NaN for missing, or strings with null). */
export type ReferenceColumn =
  | { name: string; kind: 'numerical'; values: Float64Array }
  | { name: string; kind: 'categorical'; values: Array<string | null> };

/**
 * What a model version's training split looked like, computed once per version and stored: the
 * inputs, the model's own predictions and scores on them, the labels, and the label-free
 * performance estimators fitted on them (CBPE or DLE). Monitoring windows are judged against it.
 */
export interface ReferenceProfile {
  format: 1;
  model: string;
  version: number;
  /** `training`: the version's training split. */
  source: 'training';
  task: 'regression' | 'classification';
  classNames: string[];
  rows: number;
  columns: ReferenceColumn[];
  /** Predicted class (classification, categorical) or predicted value (regression, numerical). */
  prediction: ReferenceColumn;
  /** The labels: class names (categorical) or values (numerical). */
  target: ReferenceColumn;
  /** Score per row: P(positive) of a yes/no classifier, else the top probability; the prediction for regression. */
  scores: Float64Array;
  /** The positive class of a yes/no classifier (the one whose probability `scores` holds), else null. */
  positiveClass: string | null;
  /** Fitted estimators, as JSON (see lib/monitoring/cbpe.ts and dle.ts); null when they could not be fitted. */
  estimator: { kind: 'cbpe-binary' | 'cbpe-confidence' | 'dle'; model: unknown } | null;
  /** Why the estimator is missing, for the learner (null when present). */
  estimatorNote: string | null;
  /** Rows per reference chunk the estimator bands were computed over. */
  chunkSize: number;
  createdAt: number;
}

/** How an endpoint's traffic is judged; every field has a default (`DEFAULT_MONITOR_SETTINGS`). */
export interface MonitorSettings {
  /** Per column: a test chosen instead of Evidently's default. */
  tests: Record<string, DriftTestName>;
  /** Per column: a threshold instead of the test's default. */
  thresholds: Record<string, number>;
  /** Share of drifted columns at or above which the dataset drifts. */
  share: number;
  /**
   * Rows the `drift` field of a response judges: the latest this many rows the endpoint served,
   * this request's included (a single request is too small a sample to judge alone).
   */
  responseRows: number;
}

export const DEFAULT_MONITOR_SETTINGS: MonitorSettings = { tests: {}, thresholds: {}, share: 0.5, responseRows: 500 };

/** The kind a stored column is judged as. */
export type { ColumnKind };
