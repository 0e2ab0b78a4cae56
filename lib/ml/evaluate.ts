import { lttb } from '../charts/lttb';
import { accuracy, averagePrecision, confusionMatrix, logLoss, mae, macroPrecisionRecallF1, majorityClass, meanBaseline, r2, rmse, rocAuc } from './metrics';

/** Points kept for the predicted-vs-actual and residual plots (LTTB over actual order). */
export const EVALUATION_PLOT_POINTS = 500;

/** Rows whose scores a binary evaluation keeps for the threshold picker. */
export const SCORE_SAMPLE_ROWS = 5000;

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
  /** Average precision (area under the precision–recall curve); binary only. */
  prAuc?: number | null;
  logLoss: number;
  confusion: number[][];
  /**
   * The same metrics for always predicting the training majority class; its log loss uses the
   * training class shares, and its ROC AUC (0.5) and average precision (the positive share) a
   * constant score.
   */
  baseline: { prediction: string; accuracy: number; f1: number; logLoss: number; rocAuc?: number | null; prAuc?: number | null };
  /**
   * Binary only: each evaluated row's label (0/1) and score of class 1 (4 decimals), at most
   * `SCORE_SAMPLE_ROWS` rows (an even sample), for the decision-threshold picker.
   */
  scores?: { labels: number[]; positive: number[] } | null;
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
  const binary = k === 2;
  const positive = binary ? probabilities.map((row) => row[1]!) : [];
  let positives = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === 1) positives++;
  return {
    task: 'classification',
    rows: yTrue.length,
    classNames,
    accuracy: accuracy(yTrue, predicted),
    precision: pr.precision,
    recall: pr.recall,
    f1: pr.f1,
    rocAuc: binary ? rocAuc(yTrue, positive) : null,
    prAuc: binary ? averagePrecision(yTrue, positive) : null,
    logLoss: logLoss(yTrue, probabilities),
    confusion: confusionMatrix(yTrue, predicted, k),
    baseline: {
      prediction: classNames[majority]!,
      accuracy: accuracy(yTrue, flat),
      f1: macroPrecisionRecallF1(yTrue, flat, k).f1,
      logLoss: logLoss(yTrue, Array.from({ length: yTrue.length }, () => shares)),
      rocAuc: binary ? 0.5 : null,
      prAuc: binary ? positives / yTrue.length : null,
    },
    scores: binary ? scoreSample(yTrue, positive) : null,
  };
}

function scoreSample(yTrue: ArrayLike<number>, positive: readonly number[]): { labels: number[]; positive: number[] } {
  const stride = Math.max(1, yTrue.length / SCORE_SAMPLE_ROWS);
  const labels: number[] = [];
  const scores: number[] = [];
  for (let at = 0; Math.floor(at) < yTrue.length; at += stride) {
    labels.push(yTrue[Math.floor(at)]!);
    scores.push(Math.round(positive[Math.floor(at)]! * 1e4) / 1e4);
  }
  return { labels, positive: scores };
}

/** Index of the largest value (the first on ties): the predicted class of a row of probabilities. */
export function argMax(row: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i]! > row[best]!) best = i;
  return best;
}
