/**
 * The exported monitoring report: its shape, its JSON form (sorted keys, so two exports of the
 * same report are byte-identical and diff cleanly) and the checked reading of that JSON. A report
 * file comes from outside the app, so every field is validated before anything renders it.
 */
import { z } from 'zod';
import { bundleErrorMap, formatIssues } from '../tracking/bundle/messages';
import type { ColumnDriftResult, ColumnQuality, DatasetDriftResult } from './types';
import type { MonitorWindow } from './window-types';

/** The report format this app writes and reads. */
export const REPORT_FORMAT = 1;

/** A drift report of a current sample against a reference, optionally with the monitor's windows. */
export interface MonitorReport {
  format: 1;
  title: string;
  /** Wall-clock epoch ms. */
  generatedAt: number;
  reference: { label: string; rows: number };
  current: { label: string; rows: number };
  columns: ColumnDriftResult[];
  dataset: DatasetDriftResult;
  quality: { reference: ColumnQuality[]; current: ColumnQuality[] };
  /** Per column, the share of each side's values in each bin (or category), bins in `labels` order. */
  histograms: Array<{ column: string; labels: string[]; reference: number[]; current: number[] }>;
  /** Columns no test could judge (all missing on one side, …) and why. */
  skipped: Array<{ column: string; reason: string }>;
  windows: MonitorWindow[] | null;
}

/** Thrown by {@link parseReportJson}; the message says what is wrong and where. */
export class ReportParseError extends Error {
  override name = 'ReportParseError';
}

const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const text = z.string().max(10_000);
const count = z.number().int().min(0);
const share = z.number().min(0).max(1);
const kind = z.enum(['numerical', 'categorical']);

const columnDrift = z.object({
  column: text,
  kind,
  test: z.enum(['ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon', 'psi']),
  testLabel: text,
  scoreKind: z.enum(['p-value', 'distance']),
  statistic: z.number(),
  score: z.number(),
  threshold: z.number(),
  drifted: z.boolean(),
  reason: text,
  referenceRows: count,
  currentRows: count,
  uniqueValues: count,
});

const datasetDrift = z.object({ driftedColumns: count, totalColumns: count, share, threshold: z.number(), drifted: z.boolean() });

const quality = z.object({
  column: text,
  kind,
  rows: count,
  missing: count,
  missingShare: share,
  min: z.number().nullable(),
  max: z.number().nullable(),
  mean: z.number().nullable(),
  std: z.number().nullable(),
  unique: count,
  top: z.array(z.object({ value: text, count })),
});

const estimated = z.object({
  metric: z.enum(['accuracy', 'f1', 'roc_auc', 'mae', 'rmse']),
  value: z.number().nullable(),
  samplingError: z.number().nullable(),
  lower: z.number(),
  upper: z.number(),
  realized: z.number().nullable(),
  rows: count,
});

const skippedColumn = z.object({ column: text, reason: text });
const issueCode = z.string().min(1).max(100).refine((k) => !RESERVED_KEYS.has(k), 'is a reserved name');

const monitorWindow = z.object({
  endpoint: text,
  window: count,
  start: z.number(),
  end: z.number(),
  rows: count,
  referenceRows: count,
  features: z.array(columnDrift),
  prediction: columnDrift.nullable(),
  target: columnDrift.nullable(),
  dataset: datasetDrift,
  skipped: z.array(skippedColumn).optional(),
  quality: z.array(quality),
  missingShare: share,
  errorRate: z.number().min(0),
  rejectRate: z.number().min(0),
  issues: z.record(issueCode, count),
  estimated: z.array(estimated),
  realized: z.object({ metric: text, value: z.number().nullable(), labelled: count }).nullable(),
  closed: z.boolean(),
  updatedAt: z.number(),
});

const histogram = z
  .object({ column: text, labels: z.array(text), reference: z.array(share), current: z.array(share) })
  .refine((h) => h.reference.length === h.labels.length && h.current.length === h.labels.length, 'must have one reference and one current share per label');

const side = z.object({ label: text, rows: count });

const reportSchema: z.ZodType<MonitorReport> = z.object({
  format: z.literal(REPORT_FORMAT),
  title: text,
  generatedAt: z.number(),
  reference: side,
  current: side,
  columns: z.array(columnDrift),
  dataset: datasetDrift,
  quality: z.object({ reference: z.array(quality), current: z.array(quality) }),
  histograms: z.array(histogram),
  skipped: z.array(skippedColumn),
  windows: z.array(monitorWindow).nullable(),
});

/** Pretty JSON with object keys sorted at every level (array order is kept: it is meaningful). */
export function reportJson(report: MonitorReport): string {
  return `${JSON.stringify(report, sortKeys, 2)}\n`;
}

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries);
}

/**
 * Reads a report written by {@link reportJson}.
 * @throws ReportParseError when the text is not JSON, not a report, of another format, or has a
 *   field of the wrong shape (the message names the first few, with their paths).
 */
export function parseReportJson(textIn: string): MonitorReport {
  let data: unknown;
  try {
    data = JSON.parse(textIn);
  } catch (e) {
    throw new ReportParseError(`This file is not valid JSON (${e instanceof Error ? e.message : String(e)}), so it is not a monitoring report.`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ReportParseError('This file holds JSON but not a monitoring report (expected an object with "format": 1).');
  }
  const format = (data as { format?: unknown }).format;
  if (format === undefined) throw new ReportParseError('This file is not a monitoring report: it has no "format" field.');
  if (format !== REPORT_FORMAT) {
    throw new ReportParseError(`This report has format ${JSON.stringify(format)}; this app reads format ${REPORT_FORMAT} only.`);
  }
  const parsed = reportSchema.safeParse(data, { error: bundleErrorMap });
  if (!parsed.success) throw new ReportParseError(`This monitoring report is damaged: ${formatIssues(parsed.error.issues)}.`);
  return parsed.data;
}
