import type { ClassificationEvaluation, RegressionEvaluation } from '../../ml/evaluate';
import type { Evaluation } from '../../ml/session-evaluate';
import { code, num, table } from './markdown';
import type { PackageSources } from './sources';

/** The card's metrics section: model against the baseline on validation and test, and a verdict. */
export interface MetricsSection {
  markdown: string;
  /** False when the model does not beat its baseline on validation (the limits say so). */
  beatsBaseline: boolean | null;
}

/**
 * Metrics against the baseline, from evaluation.json when the run has one (validation and test,
 * model and baseline side by side), else from the validation metrics frozen on the version
 * (`val_*` against `baseline_val_*`). Regression's baseline predicts the training mean;
 * classification's always predicts the training majority class.
 */
export function metricsSection(s: PackageSources): MetricsSection {
  const e = s.evaluation;
  if (!e) return fromVersion(s.version.metrics, s.prep.task);
  if (e.validation.task === 'regression') return regression(e.validation, e.test as RegressionEvaluation | null);
  return classification(e.validation, e.test as ClassificationEvaluation | null);
}

const splitRows = (v: Evaluation, t: Evaluation | null) => `${v.rows} validation rows${t ? ` and ${t.rows} test rows` : ' (the test split was empty)'}`;

function regression(v: RegressionEvaluation, t: RegressionEvaluation | null): MetricsSection {
  const rows = (['rmse', 'mae', 'r2'] as const).map((k) => [k === 'r2' ? 'R²' : k.toUpperCase(), num(v[k]), num(v.baseline[k]), num(t?.[k]), num(t?.baseline[k])]);
  const better = v.rmse < v.baseline.rmse;
  const change = v.baseline.rmse > 0 ? Math.abs(1 - v.rmse / v.baseline.rmse) * 100 : null;
  const verdict = better
    ? `On validation the model's RMSE is ${num(v.rmse)} against ${num(v.baseline.rmse)} for the baseline${change === null ? '' : `: ${num(change)}% lower`}.`
    : `**The model does not beat the baseline**: its validation RMSE is ${num(v.rmse)} against ${num(v.baseline.rmse)} for always predicting the mean. Prefer the baseline, or retrain.`;
  return {
    beatsBaseline: better,
    markdown: [
      `Baseline: always predict the training mean, ${num(v.baseline.prediction)}. Lower RMSE and MAE are better; higher R² is better. Measured on ${splitRows(v, t)}.`,
      '',
      table(['metric', 'validation: model', 'validation: baseline', 'test: model', 'test: baseline'], rows),
      '',
      verdict,
    ].join('\n'),
  };
}

function classification(v: ClassificationEvaluation, t: ClassificationEvaluation | null): MetricsSection {
  const pair = (label: string, model: (e: ClassificationEvaluation) => number | null, baseline: ((e: ClassificationEvaluation) => number) | null) => [
    label,
    num(model(v)),
    baseline ? num(baseline(v)) : '—',
    num(t ? model(t) : null),
    baseline && t ? num(baseline(t)) : '—',
  ];
  const rows = [
    pair('accuracy', (e) => e.accuracy, (e) => e.baseline.accuracy),
    pair('macro F1', (e) => e.f1, (e) => e.baseline.f1),
    pair('log loss', (e) => e.logLoss, (e) => e.baseline.logLoss),
    pair('macro precision', (e) => e.precision, null),
    pair('macro recall', (e) => e.recall, null),
    ...(v.rocAuc !== null ? [pair('ROC AUC', (e) => e.rocAuc, null)] : []),
  ];
  const better = v.accuracy > v.baseline.accuracy;
  const points = (v.accuracy - v.baseline.accuracy) * 100;
  const verdict = better
    ? `On validation the model is right ${num(v.accuracy * 100)}% of the time against ${num(v.baseline.accuracy * 100)}% for the baseline: ${num(points)} percentage points better.`
    : `**The model does not beat the baseline**: its validation accuracy is ${num(v.accuracy * 100)}% against ${num(v.baseline.accuracy * 100)}% for always answering ${code(v.baseline.prediction)}. Prefer the baseline, or retrain.`;
  return {
    beatsBaseline: better,
    markdown: [
      `Baseline: always predict the training majority class, ${code(v.baseline.prediction)} (its log loss uses the training class shares). Higher accuracy, F1, precision${v.rocAuc !== null ? ', recall and ROC AUC' : ' and recall'} are better; lower log loss is better. Macro averages weigh every class equally. Measured on ${splitRows(v, t)}.`,
      '',
      table(['metric', 'validation: model', 'validation: baseline', 'test: model', 'test: baseline'], rows),
      '',
      verdict,
    ].join('\n'),
  };
}

/** Without evaluation.json: the validation metrics frozen on the version at registration. */
function fromVersion(metrics: Record<string, number>, task: string): MetricsSection {
  const keys = Object.keys(metrics).filter((k) => k.startsWith('val_')).sort();
  if (keys.length === 0) return { beatsBaseline: null, markdown: 'No evaluation was recorded with this run, and the version holds no validation metrics: measure the model on your own data before using it.' };
  const rows = keys.map((k) => [code(k), num(metrics[k]), num(metrics[`baseline_${k}`])]);
  const [main, higher] = task === 'regression' ? ['val_rmse', false] : ['val_accuracy', true];
  const m = metrics[main];
  const b = metrics[`baseline_${main}`];
  const beatsBaseline = m === undefined || b === undefined ? null : higher ? m > b : m < b;
  return {
    beatsBaseline,
    markdown: [
      'The run stored no evaluation file; these are its best validation metrics, frozen when the version was registered. No test-split figures were recorded.',
      '',
      table(['metric', 'model', 'baseline'], rows),
      '',
      beatsBaseline === false ? '**The model does not beat the baseline on validation.** Prefer the baseline, or retrain.' : beatsBaseline ? 'The model beats the baseline on validation.' : 'No baseline figure was recorded for the main metric.',
    ].join('\n'),
  };
}
