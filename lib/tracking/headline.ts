/*
 * Honest baselines: each task has one headline metric, judged against the baseline a model must
 * beat, by a stated margin. Every page that says "good" or "not good enough" (the training
 * banner, the run page, the runs table, sweeps, the registry, the model card, lesson checks)
 * asks `judgeAgainstBaseline`.
 *
 * | task | headline | baseline | beats it when |
 * |---|---|---|---|
 * | regression | RMSE | always the training mean | RMSE ≥ 1 % lower |
 * | binary classification | ROC AUC | a constant score (AUC 0.5) | AUC ≥ baseline + 0.05 |
 * | more classes | log loss | the training class shares | log loss ≥ 5 % lower |
 *
 * Accuracy is never the headline: on a task where 77 % of flights leave on time, "77 % right"
 * is what always answering "on time" scores.
 */

export type EvaluationSplit = 'val' | 'test';

/** A headline metric and the margin by which it must beat its baseline. */
export interface HeadlineRule {
  /** Metric name without its split (`rmse`, `auc`, `log_loss`). */
  metric: string;
  label: string;
  lowerIsBetter: boolean;
  /** Relative margins are shares of the baseline (0.02 = 2 %); absolute ones are in the metric's unit. */
  margin: { kind: 'relative' | 'absolute'; amount: number };
  /** How the baseline predicts, for sentences ("always predicting the mean"). */
  baselineName: string;
}

const RULES: Record<'regression' | 'binary' | 'multiclass', HeadlineRule> = {
  regression: { metric: 'rmse', label: 'RMSE', lowerIsBetter: true, margin: { kind: 'relative', amount: 0.01 }, baselineName: 'always predicting the training mean' },
  binary: { metric: 'auc', label: 'ROC AUC', lowerIsBetter: false, margin: { kind: 'absolute', amount: 0.05 }, baselineName: 'a constant score' },
  multiclass: { metric: 'log_loss', label: 'log loss', lowerIsBetter: true, margin: { kind: 'relative', amount: 0.05 }, baselineName: 'predicting the training class shares' },
};

/**
 * The headline rule of a task. Classification is binary when the metrics hold a ROC AUC (only
 * two-class evaluations log one); `task` may be unknown (old records): then the metrics decide.
 */
export function headlineRule(task: string | undefined, metrics: Readonly<Record<string, number>>): HeadlineRule {
  const hasAuc = Object.hasOwn(metrics, 'val_auc') || Object.hasOwn(metrics, 'test_auc');
  if (task === 'regression' || (task === undefined && (Object.hasOwn(metrics, 'val_rmse') || Object.hasOwn(metrics, 'test_rmse')))) return RULES.regression;
  return hasAuc ? RULES.binary : RULES.multiclass;
}

/** The margin a rule states, as learners read it ("at least 2 % lower", "at least 0.05 higher"). */
export function describeMargin(rule: HeadlineRule): string {
  const amount = rule.margin.kind === 'relative' ? `${rule.margin.amount * 100} %` : String(rule.margin.amount);
  return `at least ${amount} ${rule.lowerIsBetter ? 'lower' : 'higher'} than the baseline's`;
}

/** How a model stands against its baseline on one split. */
export interface BaselineVerdict {
  /** `beats`: by the margin; `short`: not by the margin (or worse); `unknown`: a figure is missing. */
  status: 'beats' | 'short' | 'unknown';
  split: EvaluationSplit;
  rule: HeadlineRule;
  /** e.g. `val_rmse`. */
  key: string;
  value: number | null;
  baseline: number | null;
  /** The value the model had to reach (the baseline moved by the margin). */
  required: number | null;
  /** One sentence, with the figures. */
  reason: string;
}

const SPLIT_NAME: Record<EvaluationSplit, string> = { val: 'Validation', test: 'Test' };

function figure(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(1) : value.toPrecision(4);
}

/**
 * Judges a model's metrics (`val_rmse` against `baseline_val_rmse`, …) on one split by its
 * task's headline rule. Missing or non-finite figures give `unknown` with the reason.
 */
export function judgeAgainstBaseline(metrics: Readonly<Record<string, number>>, task: string | undefined, split: EvaluationSplit = 'val'): BaselineVerdict {
  const rule = headlineRule(task, metrics);
  const key = `${split}_${rule.metric}`;
  const value = finite(metrics[key]);
  const baseline = finite(metrics[`baseline_${key}`]);
  const base = { split, rule, key, value, baseline };
  if (value === null || baseline === null) {
    return { ...base, status: 'unknown', required: null, reason: `${SPLIT_NAME[split]} ${rule.label}: ${value === null ? 'the model has no figure' : 'no baseline figure was recorded'}, so it cannot be judged against the baseline.` };
  }
  const shift = rule.margin.kind === 'relative' ? Math.abs(baseline) * rule.margin.amount : rule.margin.amount;
  const required = rule.lowerIsBetter ? baseline - shift : baseline + shift;
  const beats = rule.lowerIsBetter ? value <= required : value >= required;
  const change = rule.margin.kind === 'relative' && baseline !== 0 ? `${figure(Math.abs((1 - value / baseline) * 100))} % ${(value < baseline) === rule.lowerIsBetter || value === baseline ? 'better' : 'worse'}` : `${value - baseline >= 0 ? '+' : '−'}${figure(Math.abs(value - baseline))}`;
  const head = `${SPLIT_NAME[split]} ${rule.label} ${figure(value)} against ${figure(baseline)} for ${rule.baselineName} (${change})`;
  return { ...base, status: beats ? 'beats' : 'short', required, reason: beats ? `${head}: beats the baseline by the margin (${describeMargin(rule)}).` : `${head}: does not beat the baseline by the margin (${describeMargin(rule)}, so ${figure(required)} or ${rule.lowerIsBetter ? 'lower' : 'higher'}).` };
}

/**
 * Whether a model is worth shipping: it beats its baseline by the margin on validation AND on the
 * held-out test split. A model with no test figures is not (it was never checked on unseen data).
 */
export function worthShipping(metrics: Readonly<Record<string, number>>, task: string | undefined): { worthy: boolean; verdicts: [BaselineVerdict, BaselineVerdict]; reason: string } {
  const verdicts: [BaselineVerdict, BaselineVerdict] = [judgeAgainstBaseline(metrics, task, 'val'), judgeAgainstBaseline(metrics, task, 'test')];
  const worthy = verdicts.every((v) => v.status === 'beats');
  const failing = verdicts.find((v) => v.status !== 'beats');
  return { worthy, verdicts, reason: worthy ? verdicts.map((v) => v.reason).join(' ') : failing!.reason };
}

function finite(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}
