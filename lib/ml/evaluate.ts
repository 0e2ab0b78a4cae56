import { lttb } from '../charts/lttb';
import { accuracy, confusionMatrix, logLoss, mae, macroPrecisionRecallF1, majorityClass, meanBaseline, r2, rmse, rocAuc } from './metrics';

/** Points kept for the predicted-vs-actual and residual plots (LTTB over actual order). */
export const EVALUATION_PLOT_POINTS = 500;

export interface RegressionEvaluation {
  task: 'regression';
  rows: number;
  rmse: number;
  mae: number;
  r2: number;
  /** The same metrics for always predicting the training mean. */
  baseline: { prediction: number; rmse: number; mae: number; r2: number };
  /** Predicted vs actual (x = actual, y = predicted), at most `EVALUATION_PLOT_POINTS`. */
  predictedVsActual: Array<{ x: number; y: number }>;
  /** Residual (actual − predicted) against predicted, at most `EVALUATION_PLOT_POINTS`. */
  residuals: Array<{ x: number; y: number }>;
}

export interface ClassificationEvaluation {
  task: 'classification';
  rows: number;
  classNames: string[];
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  /** Binary tasks only (class 1 is the positive class); null otherwise. */
  rocAuc: number | null;
  logLoss: number;
  confusion: number[][];
  /** The same metrics for always predicting the training majority class. */
  baseline: { prediction: string; accuracy: number; f1: number; logLoss: number };
}

/**
 * Regression evaluation against the mean baseline. `yTrain` gives the baseline's prediction,
 * so the baseline never sees the evaluated rows.
 */
export function evaluateRegression(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, yTrain: ArrayLike<number>): RegressionEvaluation {
  const prediction = meanBaseline(yTrain);
  const flat = new Float64Array(yTrue.length).fill(prediction);
  const order = Array.from({ length: yTrue.length }, (_, i) => i).sort((a, b) => yTrue[a]! - yTrue[b]!);
  const byPrediction = Array.from({ length: yTrue.length }, (_, i) => i).sort((a, b) => yPred[a]! - yPred[b]!);
  return {
    task: 'regression',
    rows: yTrue.length,
    rmse: rmse(yTrue, yPred),
    mae: mae(yTrue, yPred),
    r2: r2(yTrue, yPred),
    baseline: { prediction, rmse: rmse(yTrue, flat), mae: mae(yTrue, flat), r2: r2(yTrue, flat) },
    predictedVsActual: lttb(order.map((i) => ({ x: yTrue[i]!, y: yPred[i]! })), EVALUATION_PLOT_POINTS),
    residuals: lttb(byPrediction.map((i) => ({ x: yPred[i]!, y: yTrue[i]! - yPred[i]! })), EVALUATION_PLOT_POINTS),
  };
}

/**
 * Classification evaluation against the majority-class baseline. `probabilities` holds one
 * row of `classNames.length` probabilities per example; the prediction is the arg-max.
 * The baseline's log loss uses the training class shares as its probabilities.
 */
export function evaluateClassification(yTrue: ArrayLike<number>, probabilities: ReadonlyArray<ArrayLike<number>>, yTrain: ArrayLike<number>, classNames: string[]): ClassificationEvaluation {
  const k = classNames.length;
  const predicted = probabilities.map((row) => argMax(row));
  const pr = macroPrecisionRecallF1(yTrue, predicted, k);
  const majority = majorityClass(yTrain, k);
  const shares = new Array<number>(k).fill(0);
  for (let i = 0; i < yTrain.length; i++) shares[yTrain[i]!]! += 1 / yTrain.length;
  const flat = new Array<number>(yTrue.length).fill(majority);
  return {
    task: 'classification',
    rows: yTrue.length,
    classNames,
    accuracy: accuracy(yTrue, predicted),
    precision: pr.precision,
    recall: pr.recall,
    f1: pr.f1,
    rocAuc: k === 2 ? rocAuc(yTrue, probabilities.map((row) => row[1]!)) : null,
    logLoss: logLoss(yTrue, probabilities),
    confusion: confusionMatrix(yTrue, predicted, k),
    baseline: {
      prediction: classNames[majority]!,
      accuracy: accuracy(yTrue, flat),
      f1: macroPrecisionRecallF1(yTrue, flat, k).f1,
      logLoss: logLoss(yTrue, Array.from({ length: yTrue.length }, () => shares)),
    },
  };
}

function argMax(row: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i]! > row[best]!) best = i;
  return best;
}
