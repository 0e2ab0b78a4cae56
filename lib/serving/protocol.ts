import type { SampleSizeRow } from '../drift';
import type { MonitorReport } from '../monitoring/report-types';
import type { DriftBenchResult } from './bench-drift';
import type { DriftTestName } from '../monitoring/types';
import type { RpcMethod } from '../worker-rpc/protocol';
import type { Endpoint, TrafficWindow, ValidationPolicy } from '../tracking/serving-types';

/** A request sent to an endpoint as the learner (or a client) would: the raw body text. */
export interface AnswerRequest {
  endpoint: string;
  body: string;
  /** Where it came from, as the log names it. */
  source: 'console' | 'client';
}

/** What the endpoint answered: the HTTP-like status, the JSON body, who answered and how long it took. */
export interface AnswerResult {
  status: number;
  body: unknown;
  /** The version that answered; null when the request failed before routing (invalid JSON). */
  version: number | null;
  /** Main → worker → main is measured by the caller; this is the time inside the worker, ms. */
  serverMs: number;
  /** Shadow versions that saw a copy, with what they would have answered (never returned to a client). */
  shadows: Array<{ version: number; predictions: unknown[] }>;
  /** The tfjs backend the endpoint's worker predicts on ("WebAssembly"), null before any model loaded. */
  backendLabel: string | null;
}

/** How fast a replay runs: simulated ms per real ms, or as fast as possible. */
export type ReplaySpeed = number | 'max';

/** A production replay of a traffic scenario against an endpoint. */
export interface ReplayRequest {
  endpoint: string;
  scenario: string;
  seed: number;
  days: number;
  requestsPerDay: number;
  rowsPerRequest: number;
  /** Dirty-data overlay rate, 0–1. */
  dirtyRate: number;
  driftStart?: number;
  magnitude?: number;
  /** Covariate shift and concept drift: the numeric input that changes (default: picked by the seed). */
  feature?: string;
  /** Exercise mode: the scenario's description does not say which input or class changes. */
  hidden?: boolean;
  /** Labels arrive this many simulated hours after their request (default: the dataset's delay). */
  labelDelayHours?: number;
  speed: ReplaySpeed;
  /** Start paused (step by step). */
  paused?: boolean;
  /** Resume this interrupted replay from where its log ends. */
  resume?: string;
}

/** What a replay reports while it runs (throttled to a few a second). */
export type ReplayProgress =
  | { type: 'started'; replayId: string; totalRequests: number; simStart: number; simEnd: number; scenarioTitle: string; backendLabel: string; resumedFrom: number }
  | { type: 'tick'; replayId: string; simNow: number; requestsDone: number; paused: boolean; speed: ReplaySpeed; window: TrafficWindow | null }
  /** A rollout changed the endpoint by itself (a canary advanced, promoted or rolled back). */
  | { type: 'rollout'; message: string; endpoint: Endpoint }
  | { type: 'notice'; message: string };

/** How a replay ended; its log is written either way. */
export interface ReplayOutcome {
  replayId: string;
  status: 'FINISHED' | 'STOPPED' | 'FAILED';
  requestsDone: number;
  message: string | null;
  /**
   * Real time the replay ran (ms); the part of it its loop was blocked on the prediction log
   * (building chunks, waiting for the previous flush: the benchmark's `logWriteShare`); and the
   * summed span of the flushes from start to commit, which overlap the answering of later batches.
   */
  wallMs: number;
  logWriteMs: number;
  logCommitMs: number;
}

/** Pause, resume, step or change the speed of the running replay. */
export type ReplayControl = { action: 'pause' } | { action: 'resume' } | { action: 'speed'; speed: ReplaySpeed } | { action: 'step'; ms: number };

/** A load test in the style of Locust: users spawned at a rate, each sending requests back to back. */
export interface LoadTestRequest {
  endpoint: string;
  users: number;
  /** Users started per second. */
  spawnRate: number;
  durationS: number;
  /** Rows per request. */
  rowsPerRequest: number;
}

/** One second of a load test. */
export interface LoadTestPoint {
  second: number;
  users: number;
  requests: number;
  errors: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface LoadTestSummary {
  requests: number;
  failures: number;
  requestsPerSec: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  points: LoadTestPoint[];
}

/** Batch scoring: a CSV's rows scored by one version with the same contract and validation. */
export interface ScoreBatchRequest {
  model: string;
  version: number;
  policy: ValidationPolicy;
  csvText: string;
}

export interface ScoreBatchResult {
  /** The input CSV with `prediction`, `score`, `status` and `issues` columns added. */
  csv: string;
  rows: number;
  ok: number;
  flagged: number;
  rejected: number;
  issues: Record<string, number>;
  ms: number;
}

/**
 * The serving worker's protocol (`workers/serving.worker.ts`): endpoints answer requests from
 * models loaded in the worker, production traffic is replayed and logged there, so the page only
 * draws. Calls run concurrently (a console request while a replay runs); `replayControl` acts on
 * the running replay.
 */
export type ServingMethods = {
  answer: RpcMethod<AnswerRequest, never, AnswerResult>;
  replay: RpcMethod<ReplayRequest, ReplayProgress, ReplayOutcome>;
  replayControl: RpcMethod<ReplayControl, never, { simNow: number; paused: boolean; speed: ReplaySpeed } | null>;
  loadTest: RpcMethod<LoadTestRequest, LoadTestPoint, LoadTestSummary>;
  scoreBatch: RpcMethod<ScoreBatchRequest, { done: number; total: number }, ScoreBatchResult>;
  monitorRange: RpcMethod<MonitorRangeRequest, never, MonitorReport>;
  datasetsReport: RpcMethod<DatasetsReportRequest, never, MonitorReport>;
  sampleSize: RpcMethod<{ shift: number; seed: number }, never, SampleSizeRow[]>;
  benchDrift: RpcMethod<{ rows: number; seed: number }, never, DriftBenchResult>;
  /** Builds and stores a version's reference profile (at registration), unless it is stored already. */
  profileVersion: RpcMethod<{ model: string; version: number }, never, { rows: number; estimator: string | null }>;
};

/**
 * A window range of an endpoint judged again from its logged rows: `from`–`to` inclusive (one
 * window, or several as one larger window), with tests and thresholds per column overriding the
 * endpoint's settings.
 */
export interface MonitorRangeRequest {
  endpoint: string;
  from: number;
  to: number;
  tests?: Record<string, DriftTestName>;
  thresholds?: Record<string, number>;
  share?: number;
  /** Judge against these windows of the endpoint instead of the training split (e.g. a calm week). */
  reference?: { from: number; to: number };
}

/** Where one side of a two-dataset report comes from. */
export type DatasetSource = { kind: 'builtin' | 'upload'; id: string } | { kind: 'csv'; name: string; text: string };

export interface DatasetsReportRequest {
  reference: DatasetSource;
  current: DatasetSource;
  share?: number;
}
