/**
 * The serving records: endpoints, their deployments, what production traffic did (the prediction
 * log, the labels that arrive later, per-window summaries) and the replays that produced it. They
 * are declared here, below lib/serving, because they are stored rows (see registry-types.ts).
 * Every one is written in batches: one transaction per flush of a replay, never per request.
 */

import type { MonitorSettings } from '../monitoring/profile-types';

/** What an endpoint does with a row that breaks the model's data contract. */
export type ValidationPolicy = 'reject' | 'impute' | 'pass';

/**
 * The kinds of validation issue, counted per window. Row kinds flag one row; request kinds
 * (`schema-*`, `empty-batch`, `duplicate-row`) describe the request a row came in.
 */
export type IssueKind =
  | 'missing'
  | 'malformed-number'
  | 'wrong-type'
  | 'unseen-category'
  | 'out-of-range'
  | 'malformed-row'
  | 'schema-missing-column'
  | 'schema-unknown-column'
  | 'duplicate-row'
  | 'empty-batch';

export const ISSUE_KINDS: readonly IssueKind[] = ['missing', 'malformed-number', 'wrong-type', 'unseen-category', 'out-of-range', 'malformed-row', 'schema-missing-column', 'schema-unknown-column', 'duplicate-row', 'empty-batch'];

/**
 * One column of a data contract, inferred from the model's training rows. JSON cannot hold
 * ±Infinity, so what is not known (a contract rebuilt from an older run's preprocessing, or a
 * column with no value in training) is `null`, and `null` means "not judged": no range check,
 * no missing-value check.
 */
export type ContractColumn =
  | {
      name: string;
      kind: 'numeric';
      /** The table's type: datetimes are epoch ms and yes/no columns 0/1, as training read them. */
      type: 'numeric' | 'boolean' | 'datetime';
      /** Smallest and largest finite value seen in training; null when unknown. */
      min: number | null;
      max: number | null;
      /** Share of training rows with no value, 0–1; null when unknown. */
      missingRate: number | null;
    }
  | {
      name: string;
      kind: 'categorical';
      /** Every value seen in training (sorted), not only the ones the encoder kept. */
      categories: string[];
      /**
       * Whether `categories` lists every training value. False when there were too many to keep,
       * or when the list comes from an encoder that kept only the most frequent: then a value not
       * listed is not flagged as unseen.
       */
      complete: boolean;
      missingRate: number | null;
    };

/**
 * What a model version accepts, inferred from its training split: the input columns in the order
 * the model reads them, with types, ranges, categories and missing rates. Saved with the version at
 * registration; the endpoint and the packaged server validate with it.
 */
export interface DataContract {
  /** Format of this record (1). */
  format: 1;
  /** `training`: inferred from the training split; `preprocessing`: rebuilt from an older run's preprocessing (ranges and missing rates unknown). */
  source: 'training' | 'preprocessing';
  columns: ContractColumn[];
  /** Rows it was inferred from (0 when rebuilt from preprocessing). */
  rows: number;
  /** How out-of-range is judged: a value more than `rangeTolerance` × (max − min) outside [min, max]. */
  rangeTolerance: number;
}

/** One route of an endpoint's traffic: which version answers which share, and how. */
export interface TrafficRoute {
  version: number;
  /** Percent of requests, 0–100 (shadow routes: 0, they see a copy of every request). */
  share: number;
  /** `primary` answers; `canary` and `variant` answer their share; `shadow` only logs. */
  role: 'primary' | 'canary' | 'variant' | 'shadow';
}

/** Guards of a canary: any one breached rolls it back by itself. */
export interface CanaryGuards {
  /** Largest share of rows that may fail (0–1); a failed request fails all its rows. */
  maxErrorRate: number;
  /** Largest p95 latency, ms. */
  maxP95Ms: number;
  /** Largest share of rows rejected by validation (0–1). */
  maxRejectRate: number;
  /** Once labels arrive: how much worse than the primary the live metric may be, relative (0.05 = 5 %). */
  maxMetricDrop: number;
  /** Labelled rows needed on each side before the metric guard judges. */
  minLabelled: number;
}

/** A rollout in progress on an endpoint (null when it serves one version plainly). */
export type Rollout =
  | {
      strategy: 'canary';
      candidate: number;
      /** Percent steps, ascending, ending at 100. */
      steps: number[];
      stepIndex: number;
      /** Each step is held for this many requests or simulated hours, whichever is given. */
      hold: { requests: number } | { hours: number };
      guards: CanaryGuards;
      /**
       * When (simulated epoch ms) the current step began, and the candidate requests counted before
       * it (moved on by each advance; the guards judge the step's own totals).
       */
      stepStartedAt: number;
      stepStartRequests: number;
    }
  | {
      strategy: 'ab';
      /** Variant B; variant A is the primary. */
      candidate: number;
      /** Percent of requests to B, sticky by a hash of the request id. */
      share: number;
      /** Significance level of the comparison (0.05). */
      alpha: number;
    }
  | { strategy: 'shadow'; candidate: number };

/** An endpoint: a name that serves a registered model's version by alias or number. */
export interface Endpoint {
  /** 1–64 letters, digits, `-`, `_`; the primary key. */
  name: string;
  model: string;
  /** What the learner asked for: an alias (`champion`, without `@`) or a version number. */
  target: { alias: string } | { version: number };
  /** Who answers now. Shares of answering routes add up to 100. */
  routes: TrafficRoute[];
  rollout: Rollout | null;
  policy: ValidationPolicy;
  /** Epoch ms (wall clock for the record; traffic has its own simulated time). */
  createdAt: number;
  updatedAt: number;
  /** Stopped endpoints answer nothing and keep their history. */
  status: 'serving' | 'stopped';
  /** How its traffic is judged for drift; absent: `DEFAULT_MONITOR_SETTINGS`. */
  monitoring?: MonitorSettings;
}

/** What kind of change a deployment record is. */
export type DeploymentAction = 'deploy' | 'replace' | 'canary-start' | 'canary-step' | 'promote' | 'rollback' | 'ab-start' | 'ab-end' | 'shadow-start' | 'shadow-end' | 'policy' | 'stop';

/** One change of an endpoint, kept forever: the deployment timeline and the lineage version → deployment. */
export interface Deployment {
  /** Unique (uuid). */
  id: string;
  endpoint: string;
  model: string;
  /** The version this change is about (the one deployed, promoted or rolled back). */
  version: number;
  /** The alias as resolved at that moment, when the endpoint follows one (`champion` → 3). */
  alias: string | null;
  action: DeploymentAction;
  strategy: 'replace' | 'canary' | 'ab' | 'shadow' | null;
  /** The traffic split after this change. */
  routes: TrafficRoute[];
  /** Epoch ms of the change (wall clock), and simulated time when traffic was running. */
  at: number;
  simAt: number | null;
  /**
   * The endpoint's latest traffic window when the change was made (0 before any traffic): the
   * traffic "since the change" is in windows from this one on. Simulated time cannot say it,
   * because every replay starts its own simulated days.
   */
  window?: number;
  /** `you`, a guard (`canary guard`), or later a pipeline. */
  actor: string;
  reason: string;
  /** Set when a later change ended this one. */
  endedAt: number | null;
}

/**
 * Status of one logged row: answered clean (`ok`) or despite issues (`flagged`), refused by
 * validation (`rejected`), failed in the model (`error`), or part of a request refused whole
 * (`refused`: unreadable, or a schema change under the reject policy; logged as one row).
 */
export type RowStatus = 'ok' | 'flagged' | 'rejected' | 'error' | 'refused';

/**
 * Up to `LOG_CHUNK_ROWS` logged rows of one endpoint and window, column by column. A request of n
 * rows is n log rows sharing its request id. Written whole, once.
 */
export interface PredictionLogChunk {
  endpoint: string;
  /** Window index: the simulated day since the replay's start (0, 1, …), or 0 for console requests. */
  window: number;
  /** Chunk number within the window (0, 1, …). */
  chunk: number;
  /** Replay id, or `console` / `load-test` / `batch`. */
  source: string;
  /** Input column names of `inputs`, as the request sent them. */
  columns: string[];
  requestIds: string[];
  /** Row index within its request. */
  rowIndex: number[];
  /** Simulated epoch ms the request arrived. */
  at: number[];
  version: number[];
  /** `answer` (returned) or `shadow` (logged only). */
  role: Array<'answer' | 'shadow'>;
  latencyMs: number[];
  /** Raw values as received, one array per row (in `columns` order). */
  inputs: unknown[][];
  /** The answer: a number (regression), a class label, or null (rejected / failed). */
  predictions: Array<number | string | null>;
  /** Regression: the prediction; binary classification: P(positive class); else the top probability. */
  scores: Array<number | null>;
  status: RowStatus[];
  /** Issue kinds per row (empty when clean). */
  issues: IssueKind[][];
}

/** Labels that arrived for logged requests: joined to the log by request id and row. */
export interface LabelChunk {
  endpoint: string;
  window: number;
  chunk: number;
  requestIds: string[];
  rowIndex: number[];
  labels: Array<number | string>;
  /** Simulated epoch ms the labels arrived. */
  arrivedAt: number;
}

/** Traffic one version saw in a window. */
export interface VersionWindowStats {
  requests: number;
  rows: number;
  /** Rows the model could not answer (a failed or non-finite prediction). */
  errors: number;
  /** Requests refused whole with a 400 (unreadable, or a schema change under `reject`), apart from errors: the client was told why. */
  refused: number;
  rejected: number;
  flagged: number;
  /** Latency percentiles, ms, over its requests. */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Labelled rows and the live metric on them (RMSE or accuracy by task), null until labels arrive. */
  labelled: number;
  metric: number | null;
  /** Sums behind the live metric, so it updates as labels arrive: of the per-row loss (squared error, or 1 for a hit) and of its square (for the A/B test's variance). */
  metricSum: number;
  metricSumSq: number;
}

/** What one window of one endpoint saw (a simulated day, or one window of console use). */
export interface TrafficWindow {
  endpoint: string;
  window: number;
  source: string;
  /** Simulated epoch ms. */
  start: number;
  end: number;
  requests: number;
  rows: number;
  /** By version number (as a string key), answering and shadow traffic apart. */
  byVersion: Record<string, VersionWindowStats>;
  shadowByVersion: Record<string, VersionWindowStats>;
  issues: Partial<Record<IssueKind, number>>;
  /** Shadow rows whose prediction matched the answer (same class; for regression within 5 % or 1 unit, whichever is looser). */
  shadowAgreement: { compared: number; agreed: number } | null;
  /** Rows held in the log for this window (less than `rows` once the retention cap was reached). */
  loggedRows: number;
}

export type { ReplayRecord } from './replay-types';
