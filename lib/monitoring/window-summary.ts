/**
 * Summarises one open window against the reference: per-column drift with Evidently's default
 * tests (or the endpoint's choices), prediction and target drift, dataset drift, data quality,
 * realized and estimated performance. Pure: the same values give the same summary.
 */
import { datasetDrift, driftOfPrepared, DriftInputError, prepare, qualityOfPrepared, type PreparedSample } from '../drift';
import { preparedReference } from './prepared-reference';
import type { MonitorSettings, ReferenceColumn, ReferenceProfile } from './profile-types';
import type { ColumnDriftResult } from './types';
import type { MonitorWindow } from './window-types';
import type { WindowColumn, WindowValues } from './window-values';
import { estimateWindow } from './estimate-window';

type Sample = ArrayLike<number | string | null>;

/** Drift of one column, or why it could not be judged (a side with no usable value). */
function judge(name: string, reference: ReferenceColumn, current: Sample | PreparedSample, settings: MonitorSettings): ColumnDriftResult | { column: string; reason: string } {
  try {
    const prepared = isPrepared(current) ? current : prepare(current as never, reference.kind);
    return driftOfPrepared(preparedReference(reference), prepared, { column: name, test: settings.tests[name], threshold: settings.thresholds[name] });
  } catch (error) {
    if (error instanceof DriftInputError) return { column: name, reason: error.message };
    throw error;
  }
}

function isPrepared(x: Sample | PreparedSample): x is PreparedSample {
  return !Array.isArray(x) && typeof x === 'object' && 'kind' in x;
}

function isResult(x: ColumnDriftResult | { column: string; reason: string }): x is ColumnDriftResult {
  return 'test' in x;
}

/** The values of a window column as the drift functions take them. */
function samplesOf(column: WindowColumn): Sample {
  return column.values;
}

/** The summary of `values` (one window of `endpoint`), judged against `profile` under `settings`. */
export function summarizeWindow(endpoint: string, profile: ReferenceProfile, settings: MonitorSettings, values: WindowValues, options: { closed: boolean; now: number }): MonitorWindow {
  const features: ColumnDriftResult[] = [];
  const skipped: Array<{ column: string; reason: string }> = [];
  // Each current column is read and sorted once, for its drift test and its quality figures.
  const prepared = profile.columns.map((reference, c) => prepare(samplesOf(values.columns[c]!) as never, reference.kind));
  profile.columns.forEach((reference, c) => {
    const result = judge(reference.name, reference, prepared[c]!, settings);
    if (isResult(result)) features.push(result);
    else skipped.push(result);
  });
  const predictions = values.predictions.map((p) => (p === null ? null : profile.task === 'regression' ? Number(p) : String(p)));
  const predicted = values.predictions.some((p) => p !== null) ? judge('prediction', profile.prediction, predictions, settings) : null;
  const labels = values.labels.map((l) => (l === null ? null : profile.task === 'regression' ? Number(l) : String(l)));
  const target = values.labelled > 0 ? judge(profile.target.name, profile.target, labels, settings) : null;
  const { missing, cells } = values.missingCells();
  const rows = values.rows;
  const answered = rows + values.refused;
  const performance = estimateWindow(profile, values);
  return {
    endpoint,
    window: values.window,
    start: values.start,
    end: values.end,
    rows,
    referenceRows: profile.rows,
    referenceVersion: profile.version,
    estimatorNote: profile.estimatorNote,
    features,
    prediction: predicted && isResult(predicted) ? predicted : null,
    target: target && isResult(target) ? target : null,
    dataset: datasetDrift(features, { share: settings.share }),
    skipped,
    quality: profile.columns.map((reference, c) => qualityOfPrepared(reference.name, prepared[c]!)),
    missingShare: cells > 0 ? missing / cells : 0,
    errorRate: rows > 0 ? values.errors / rows : 0,
    rejectRate: answered > 0 ? (values.rejected + values.refused) / answered : 0,
    issues: { ...values.issues },
    estimated: performance.estimated,
    realized: performance.realized,
    closed: options.closed,
    updatedAt: options.now,
  };
}
