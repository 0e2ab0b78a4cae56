/**
 * The prediction log's inputs and outputs, as its writer, reader and export speak them. What is
 * stored is declared in serving-types.ts (`PredictionLogChunk`, `LabelChunk`); these are the
 * row-at-a-time shapes around it.
 */
import type { IssueKind, RowStatus } from './serving-types';

/** Rows of one stored log chunk (and of one label chunk). */
export const LOG_CHUNK_ROWS = 1000;

/** Rows of the log kept per endpoint; older rows are dropped (their window summaries stay). */
export const LOG_RETENTION_ROWS = 200_000;

/** One row of one request, as the endpoint answered it (or as a shadow version would have). */
export interface LoggedRow {
  /** Window index of the endpoint (simulated day since the replay's start; 0 for the console). */
  window: number;
  requestId: string;
  /** Row index within its request. */
  rowIndex: number;
  /** Simulated epoch ms the request arrived. */
  at: number;
  version: number;
  role: 'answer' | 'shadow';
  latencyMs: number;
  /** Input column names as the request sent them (a renamed or extra column included). */
  columns: readonly string[];
  /** Raw values as received, in `columns` order. */
  inputs: readonly unknown[];
  prediction: number | string | null;
  score: number | null;
  status: RowStatus;
  issues: readonly IssueKind[];
}

/** Ground truth for one logged row, arriving after the scenario's label delay. */
export interface LabelArrival {
  requestId: string;
  rowIndex: number;
  label: number | string;
  /** The window of the logged row it belongs to (not the window it arrived in). */
  window: number;
  /** Simulated epoch ms it arrived. */
  arrivedAt: number;
}

/** Which rows a read, count or export takes. Every field given must hold (AND); absent: any. */
export interface LogFilter {
  version?: number;
  status?: RowStatus;
  /** Rows flagged with this issue kind. */
  issue?: IssueKind;
  role?: 'answer' | 'shadow';
  /** true: rows whose label arrived; false: rows still waiting for one. */
  labelled?: boolean;
  /** Window indexes, both ends inclusive; either end may be left open. */
  windows?: { from?: number; to?: number };
  /** Part of the request id, matched case-insensitively. */
  requestId?: string;
}

/** One logged row as read back, its label joined. */
export interface LogRow {
  window: number;
  /** Replay id, or `console` / `load-test` / `batch`. */
  source: string;
  requestId: string;
  rowIndex: number;
  at: number;
  version: number;
  role: 'answer' | 'shadow';
  latencyMs: number;
  /** The columns this row's request sent, with their raw values (same length, same order). */
  columns: string[];
  values: unknown[];
  prediction: number | string | null;
  score: number | null;
  status: RowStatus;
  issues: IssueKind[];
  /** Null until the label arrives. */
  label: number | string | null;
  labelArrivedAt: number | null;
}

/** Where one window's log and labels stand (part of `PredictionLogState`). */
export interface LogWindowState {
  /** Log rows of the window held now (0 once the retention cap dropped them all). */
  rows: number;
  /** Highest log chunk number written in the window, -1 before the first. */
  lastChunk: number;
  /** Rows that chunk holds: a writer's cached copy of it is current only when its length matches. */
  lastChunkRows: number;
  /** Highest label chunk number written in the window, -1 before the first, and its rows. */
  lastLabelChunk: number;
  lastLabelChunkRows: number;
}

/**
 * The log's bookkeeping for one endpoint, one `meta` row (`logStateKey`), updated in the same
 * transaction as every flush: counts for the retention cap and the UI without reading chunks, the
 * chunk each window appends to, and every input column the endpoint has seen (the export's header).
 */
export interface PredictionLogState {
  /** Log rows held now, all windows. */
  rows: number;
  /** Rows dropped by the retention cap since the endpoint's traffic was last deleted. */
  dropped: number;
  /** The cap the last flush applied. */
  cap: number;
  /**
   * Input columns seen, in first-seen order. A name a request sent twice appears twice (its
   * second occurrence is a column of its own, see prediction-log-columns.ts).
   */
  columns: string[];
  /** By window index (as a string key). */
  windows: Record<string, LogWindowState>;
}
