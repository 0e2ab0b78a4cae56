/**
 * The reference a monitor needs from a served version, computed from its training split: the raw
 * inputs column by column, the labels, and what the model itself predicts on those rows (its
 * predictions and scores), so prediction drift and the label-free estimators compare like with like.
 */
import { transformRecords } from '../data/encode-record';
import { column } from '../data/table';
import type { ReferenceColumn } from '../monitoring/profile-types';
import type { DataContract } from '../tracking/serving-types';
import { rowReader } from './traffic/reference';
import type { ScenarioContext } from './traffic/types';
import type { LoadedVersion } from './version-cache';

/** The most training rows a profile keeps (an even stride over the split above it, so no randomness). */
export const MAX_REFERENCE_ROWS = 100_000;
/** Rows predicted in one call while profiling (keeps memory flat on big splits). */
const PREDICT_BATCH = 5000;

export interface ReferenceData {
  columns: ReferenceColumn[];
  prediction: ReferenceColumn;
  target: ReferenceColumn;
  /** P(positive) of a yes/no classifier, else the top probability; the prediction for regression. */
  scores: Float64Array;
  /** Per row: the predicted class (classification) — aligned with `labels`. */
  predictedClass: Array<string | null>;
  labels: Array<string | number | null>;
  positiveClass: string | null;
  rows: number[];
}

/** Training rows with a label, thinned by an even stride when there are more than `MAX_REFERENCE_ROWS`. */
function referenceRows(ctx: ScenarioContext): number[] {
  const target = column(ctx.table, ctx.target).values;
  const rows = ctx.trainRows.filter((r) => target[r] !== null && target[r] !== undefined);
  if (rows.length <= MAX_REFERENCE_ROWS) return rows;
  const step = rows.length / MAX_REFERENCE_ROWS;
  return Array.from({ length: MAX_REFERENCE_ROWS }, (_, i) => rows[Math.floor(i * step)]!);
}

/**
 * Builds the reference of version `loaded` from its scenario context (table and training split).
 * Column kinds follow the data contract: numeric columns (numbers, yes/no, datetimes) are
 * numerical, the rest categorical, as Evidently reads a typed frame.
 */
export function referenceData(ctx: ScenarioContext, loaded: LoadedVersion, contract: DataContract): ReferenceData {
  const rows = referenceRows(ctx);
  const reader = rowReader(ctx);
  const kinds = new Map(contract.columns.map((c) => [c.name, c.kind === 'numeric' ? ('numerical' as const) : ('categorical' as const)]));
  const columns: ReferenceColumn[] = ctx.features.map((name) => {
    const values = column(ctx.table, name).values as ReadonlyArray<unknown>;
    const kind = kinds.get(name) ?? (typeof values.find((v) => v !== null) === 'number' ? 'numerical' : 'categorical');
    if (kind === 'numerical') return { name, kind, values: Float64Array.from(rows, (r) => (typeof values[r] === 'number' && Number.isFinite(values[r]) ? (values[r] as number) : NaN)) };
    return { name, kind, values: rows.map((r) => (values[r] === null || values[r] === undefined || values[r] === '' ? null : String(values[r]))) };
  });
  const labels = rows.map((r) => reader.label(r));
  const serving = loaded.serving;
  const { task, classNames } = serving.prep;
  const scores = new Float64Array(rows.length);
  const predictedClass: Array<string | null> = new Array<string | null>(rows.length).fill(null);
  const k = serving.outputs;
  for (let from = 0; from < rows.length; from += PREDICT_BATCH) {
    const slice = rows.slice(from, from + PREDICT_BATCH);
    const records = slice.map((r) => {
      const raw = reader.row(r);
      return Object.fromEntries(ctx.features.map((name, c) => [name, raw[c]]));
    });
    const out = serving.predict(transformRecords(serving.prep, records), records.length);
    slice.forEach((_, i) => {
      if (task === 'regression') {
        scores[from + i] = out[i]!;
        return;
      }
      let best = 0;
      for (let c = 1; c < k; c++) if (out[i * k + c]! > out[i * k + best]!) best = c;
      predictedClass[from + i] = classNames[best] ?? null;
      scores[from + i] = k === 2 ? out[i * k + 1]! : out[i * k + best]!;
    });
  }
  const positiveClass = task === 'classification' && classNames.length === 2 ? classNames[1]! : null;
  const prediction: ReferenceColumn = task === 'regression' ? { name: 'prediction', kind: 'numerical', values: Float64Array.from(scores) } : { name: 'prediction', kind: 'categorical', values: predictedClass };
  const target: ReferenceColumn = task === 'regression' ? { name: ctx.target, kind: 'numerical', values: Float64Array.from(labels, (l) => (typeof l === 'number' ? l : NaN)) } : { name: ctx.target, kind: 'categorical', values: labels.map((l) => (l === null ? null : String(l))) };
  return { columns, prediction, target, scores, predictedClass, labels, positiveClass, rows };
}
