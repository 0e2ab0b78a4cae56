import type * as Tf from '@tensorflow/tfjs';
import { evaluateClassification, evaluateRegression, type ClassificationEvaluation, type RegressionEvaluation } from './evaluate';
import type { TfModule } from './model';
import type { ModelSpec } from './model-spec';
import type { PreparedData } from './prepare';
import { predict, type Matrix } from './train';

export type Evaluation = RegressionEvaluation | ClassificationEvaluation;

/** The evaluation stored with a run: validation (what runs are compared on) and the held-out test split. */
export interface RunEvaluation {
  validation: Evaluation;
  test: Evaluation | null;
}

function evaluateMatrix(tf: TfModule, model: Tf.LayersModel, spec: ModelSpec, data: Matrix, prepared: PreparedData): Evaluation {
  const out = predict(tf, model, data.x, data.rows, data.width);
  if (spec.task === 'regression') return evaluateRegression(data.y, out, prepared.train.y);
  const k = prepared.classNames.length;
  const rows = Array.from({ length: data.rows }, (_, i) => out.subarray(i * k, (i + 1) * k));
  return evaluateClassification(data.y, rows, prepared.train.y, prepared.classNames);
}

/** Evaluates the model on the validation and test splits, each against the training baseline. */
export function evaluateSplits(tf: TfModule, model: Tf.LayersModel, spec: ModelSpec, prepared: PreparedData): RunEvaluation {
  if (prepared.validation.rows === 0) throw new Error('The validation split is empty: the dataset is too small to evaluate.');
  return {
    validation: evaluateMatrix(tf, model, spec, prepared.validation, prepared),
    test: prepared.test.rows > 0 ? evaluateMatrix(tf, model, spec, prepared.test, prepared) : null,
  };
}

/**
 * The saved model's figures, logged as run metrics at the saved epoch, each split under its
 * prefix (`val_`, `test_`) with its baseline's beside it (`baseline_val_rmse`):
 * - regression: `rmse`, `mae`, `r2`, and the mean baseline's `rmse` and `mae`;
 * - classification: `accuracy`, `f1` (macro), `log_loss`, with the majority baseline's
 *   `accuracy` (the majority rate) and `log_loss` (the class shares); binary tasks add `auc`
 *   (ROC) and `pr_auc` (average precision), whose baselines are 0.5 and the positive share.
 * Non-finite values are left out.
 */
export function evaluationMetrics(evaluation: RunEvaluation): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [split, e] of [['val', evaluation.validation], ['test', evaluation.test]] as const) {
    if (!e) continue;
    const model: Record<string, number | null | undefined> =
      e.task === 'regression' ? { rmse: e.rmse, mae: e.mae, r2: e.r2 } : { accuracy: e.accuracy, f1: e.f1, log_loss: e.logLoss, auc: e.rocAuc, pr_auc: e.prAuc };
    const baseline: Record<string, number | null | undefined> =
      e.task === 'regression' ? { rmse: e.baseline.rmse, mae: e.baseline.mae } : { accuracy: e.baseline.accuracy, log_loss: e.baseline.logLoss, auc: e.baseline.rocAuc, pr_auc: e.baseline.prAuc };
    for (const [k, v] of Object.entries(model)) if (typeof v === 'number' && Number.isFinite(v)) out[`${split}_${k}`] = v;
    for (const [k, v] of Object.entries(baseline)) if (typeof v === 'number' && Number.isFinite(v)) out[`baseline_${split}_${k}`] = v;
  }
  return out;
}
