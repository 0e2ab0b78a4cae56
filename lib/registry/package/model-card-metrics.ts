import type { ClassificationEvaluation, RegressionEvaluation } from '../../ml/evaluate';
import { evaluationMetrics, type Evaluation } from '../../ml/session-evaluate';
import { describeMargin, judgeAgainstBaseline, worthShipping } from '../../tracking/headline';
import { code, num, table } from './markdown';
import type { PackageSources } from './sources';

/** The card's metrics section: model against the baseline on validation and test, and a verdict. */
export interface MetricsSection {
  markdown: string;
  /** False when the model does not beat its baseline by the margin on validation (the limits say so). */
  beatsBaseline: boolean | null;
}

/**
 * The card's first lines: whether the model is worth shipping (`worthShipping`: it beats its
 * baseline on the headline metric by the stated margin on validation and on test), with the
 * figures. Reads the version's metrics and, when the run has one, evaluation.json.
 */
export function verdictLines(s: PackageSources): string[] {
  const metrics = { ...s.version.metrics, ...(s.evaluation ? evaluationMetrics(s.evaluation) : {}) };
  const { worthy, verdicts } = worthShipping(metrics, s.prep.task);
  const head = worthy
    ? `**Verdict: it beats its baseline by the margin on validation and on test** (${describeMargin(verdicts[0].rule)} on ${verdicts[0].rule.label}).`
    : `**Verdict: it does not beat its baseline by the margin on both validation and test** (${describeMargin(verdicts[0].rule)} on ${verdicts[0].rule.label}). Prefer the baseline, or improve the model, before serving it.`;
  return [head, '', ...verdicts.map((v) => `- ${v.reason}`)];
}

function verdictOf(metrics: Record<string, number>, task: string): boolean | null {
  const v = judgeAgainstBaseline(metrics, task, 'val');
  return v.status === 'unknown' ? null : v.status === 'beats';
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
  const judged = judgeAgainstBaseline({ val_rmse: v.rmse, baseline_val_rmse: v.baseline.rmse }, 'regression', 'val');
  return {
    beatsBaseline: judged.status === 'unknown' ? null : judged.status === 'beats',
    markdown: [
      `Baseline: always predict the training mean, ${num(v.baseline.prediction)}. Lower RMSE and MAE are better; higher R² is better. Measured on ${splitRows(v, t)}.`,
      '',
      table(['metric', 'validation: model', 'validation: baseline', 'test: model', 'test: baseline'], rows),
      '',
      judged.reason,
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
    ...(v.rocAuc !== null ? [pair('ROC AUC', (e) => e.rocAuc, () => 0.5)] : []),
    ...(v.prAuc != null ? [pair('PR AUC (average precision)', (e) => e.prAuc ?? null, (e) => e.baseline.prAuc ?? NaN)] : []),
    pair('macro precision', (e) => e.precision, null),
    pair('macro recall', (e) => e.recall, null),
  ];
  const judged = judgeAgainstBaseline(evaluationMetrics({ validation: v, test: null }), 'classification', 'val');
  const accuracyNote = `Accuracy is not the headline: always answering ${code(v.baseline.prediction)} is right ${num(v.baseline.accuracy * 100)}% of the time on validation, and the model ${num(v.accuracy * 100)}%.`;
  return {
    beatsBaseline: judged.status === 'unknown' ? null : judged.status === 'beats',
    markdown: [
      `Baseline: always predict the training majority class, ${code(v.baseline.prediction)} (its log loss uses the training class shares). Higher accuracy, F1, precision${v.rocAuc !== null ? ', recall and ROC AUC' : ' and recall'} are better; lower log loss is better. Macro averages weigh every class equally. Measured on ${splitRows(v, t)}.`,
      '',
      table(['metric', 'validation: model', 'validation: baseline', 'test: model', 'test: baseline'], rows),
      '',
      `${judged.reason} ${accuracyNote}`,
    ].join('\n'),
  };
}

/** Without evaluation.json: the validation metrics frozen on the version at registration. */
function fromVersion(metrics: Record<string, number>, task: string): MetricsSection {
  const keys = Object.keys(metrics).filter((k) => k.startsWith('val_')).sort();
  if (keys.length === 0) return { beatsBaseline: null, markdown: 'No evaluation was recorded with this run, and the version holds no validation metrics: measure the model on your own data before using it.' };
  const rows = keys.map((k) => [code(k), num(metrics[k]), num(metrics[`baseline_${k}`])]);
  const beatsBaseline = verdictOf(metrics, task);
  return {
    beatsBaseline,
    markdown: [
      'The run stored no evaluation file; these are the metrics frozen on the version when it was registered.',
      '',
      table(['metric', 'model', 'baseline'], rows),
      '',
      beatsBaseline === false ? '**The model does not beat the baseline on validation.** Prefer the baseline, or retrain.' : beatsBaseline ? 'The model beats the baseline on validation.' : 'No baseline figure was recorded for the main metric.',
    ].join('\n'),
  };
}
