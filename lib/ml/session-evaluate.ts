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
 * The validation figures logged as run metrics: `val_rmse`, `val_mae`, `val_r2` and
 * `baseline_val_rmse` (regression); `val_accuracy`, `val_f1`, `val_log_loss`, `val_auc` (binary
 * only) and `baseline_val_accuracy` (classification). Non-finite values are left out.
 */
export function evaluationMetrics(e: Evaluation): Record<string, number> {
  const m: Record<string, number> =
    e.task === 'regression'
      ? { val_rmse: e.rmse, val_mae: e.mae, val_r2: e.r2, baseline_val_rmse: e.baseline.rmse }
      : { val_accuracy: e.accuracy, val_f1: e.f1, val_log_loss: e.logLoss, baseline_val_accuracy: e.baseline.accuracy, ...(e.rocAuc !== null ? { val_auc: e.rocAuc } : {}) };
  return Object.fromEntries(Object.entries(m).filter(([, v]) => Number.isFinite(v)));
}
