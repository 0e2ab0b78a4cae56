/**
 * The summary of one monitoring window: what alert rules evaluate and what the dashboard and the
 * exported report show. Plain data only (stored in IndexedDB, passed across workers).
 */
import type { ColumnDriftResult, ColumnQuality, DatasetDriftResult, EstimatedMetric } from './types';

/** One window of an endpoint's traffic compared with the reference. */
export interface MonitorWindow {
  endpoint: string;
  /** Index of the window, counted from 0 per endpoint; consecutive windows differ by 1. */
  window: number;
  /** Simulated epoch ms: the window covers [start, end). */
  start: number;
  end: number;
  /** Rows scored in the window. */
  rows: number;
  referenceRows: number;
  /** The model version whose training split is the reference, and why performance has no estimate (null: it has one). */
  referenceVersion?: number;
  estimatorNote?: string | null;
  features: ColumnDriftResult[];
  prediction: ColumnDriftResult | null;
  target: ColumnDriftResult | null;
  dataset: DatasetDriftResult;
  /** Columns not judged in this window, with why (no usable value on a side). */
  skipped?: Array<{ column: string; reason: string }>;
  quality: ColumnQuality[];
  /** Share of missing input values over the scored rows (0–1). */
  missingShare: number;
  /** Failed predictions per scored row (0 when none was scored). */
  errorRate: number;
  /** Share of the window's requests the input contract refused (0–1). */
  rejectRate: number;
  /** Count per contract issue code ("missing-column", "out-of-range", …). */
  issues: Record<string, number>;
  estimated: EstimatedMetric[];
  /** The realized metric over the rows whose labels arrived (null: task without labels yet). */
  realized: { metric: string; value: number | null; labelled: number } | null;
  /** True once the window ended; only closed windows are evaluated by alert rules. */
  closed: boolean;
  /** Wall-clock epoch ms of the last update of this summary. */
  updatedAt: number;
}
