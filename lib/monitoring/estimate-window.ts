/**
 * Performance of one window: estimated without labels (CBPE for classifiers, DLE for regression,
 * fitted on the reference) and realized on the rows whose labels arrived. The alert band of each
 * estimate is the reference's spread at this window's size: mean ± 3 × (std over reference chunks
 * × √(chunk rows / window rows)), so a small window gets the wider band its noise deserves.
 */
import { samplingError, UNIT_RANGE, LOSS_RANGE, type ReferenceBand } from './bands';
import { cbpeEstimatedMetrics, estimateCbpe, realizedBinary, type CbpeModel } from './cbpe';
import { dleEncoding, dleMatrix, type DleEncoding } from './dle-features';
import { dleEstimatedMetrics, estimateDle, realizedRegression, type DleModel } from './dle';
import type { ReferenceProfile } from './profile-types';
import type { EstimatedMetric } from './types';
import type { MonitorWindow } from './window-types';
import type { WindowValues } from './window-values';

const encodings = new WeakMap<ReferenceProfile, DleEncoding>();

function encodingOf(profile: ReferenceProfile): DleEncoding {
  let e = encodings.get(profile);
  if (!e) encodings.set(profile, (e = dleEncoding(profile.columns)));
  return e;
}

/** The band of `metric` re-scaled to `rows` rows (kept as the reference's when it had < 2 chunks). */
function scaled(metric: EstimatedMetric, band: ReferenceBand | null, rows: number): EstimatedMetric {
  if (!band || band.chunks < 2 || rows <= 0) return metric;
  const error = samplingError(band, rows) ?? 0;
  const range = metric.metric === 'mae' || metric.metric === 'rmse' ? LOSS_RANGE : UNIT_RANGE;
  return { ...metric, lower: Math.max(range.min, band.mean - 3 * error), upper: Math.min(range.max, band.mean + 3 * error) };
}

function bandOf(model: CbpeModel | DleModel, metric: EstimatedMetric['metric']): ReferenceBand | null {
  if (model.kind === 'dle') return metric === 'mae' ? model.bands.mae : metric === 'rmse' ? model.bands.rmse : null;
  return metric === 'accuracy' ? model.bands.accuracy : metric === 'f1' ? model.bands.f1 : metric === 'roc_auc' ? model.bands.rocAuc : null;
}

/** Estimated metrics (with bands and realized values) and the window's headline realized metric. */
export function estimateWindow(profile: ReferenceProfile, values: WindowValues): { estimated: EstimatedMetric[]; realized: MonitorWindow['realized'] } {
  const scored: number[] = [];
  for (let i = 0; i < values.rows; i++) if (values.scores[i] !== null) scored.push(i);
  const labelledRows = scored.filter((i) => values.labels[i] !== null);
  const estimator = profile.estimator;
  let estimated: EstimatedMetric[] = [];
  let realized: MonitorWindow['realized'] = null;
  if (profile.task === 'classification') {
    const hits = labelledRows.filter((i) => String(values.predictions[i]) === String(values.labels[i])).length;
    const accuracy = labelledRows.length > 0 ? hits / labelledRows.length : null;
    realized = { metric: 'accuracy', value: accuracy, labelled: labelledRows.length };
    if (estimator && estimator.kind !== 'dle') {
      const model = estimator.model as CbpeModel;
      const estimate = estimateCbpe(model, scored.map((i) => values.scores[i]!));
      let real: Parameters<typeof cbpeEstimatedMetrics>[2] = null;
      if (labelledRows.length > 0) {
        real = estimator.kind === 'cbpe-binary'
          ? realizedBinary(labelledRows.map((i) => values.scores[i]!), labelledRows.map((i) => (String(values.labels[i]) === profile.positiveClass ? 1 : 0)), model.threshold ?? 0.5)
          : { accuracy };
      }
      estimated = cbpeEstimatedMetrics(model, estimate, real).map((m) => scaled(m, bandOf(model, m.metric), estimate.rows));
    }
  } else {
    const targets = labelledRows.map((i) => Number(values.labels[i]));
    const predictions = labelledRows.map((i) => values.scores[i]!);
    const real = labelledRows.length > 0 ? realizedRegression(targets, predictions) : null;
    realized = { metric: 'rmse', value: real?.rmse ?? null, labelled: labelledRows.length };
    if (estimator?.kind === 'dle') {
      const model = estimator.model as DleModel;
      const { features, width } = dleMatrix(encodingOf(profile), values.columns.map((c) => c.values), scored);
      const estimate = estimateDle(model, features, width, scored.map((i) => values.scores[i]!));
      estimated = dleEstimatedMetrics(model, estimate, real).map((m) => scaled(m, bandOf(model, m.metric), estimate.rows));
    }
  }
  return { estimated, realized };
}
