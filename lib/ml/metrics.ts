// Evaluation metrics over plain arrays (no tfjs): the same numbers in the worker, the UI and tests.
// Conventions follow scikit-learn's so figures can be checked against it.

function assertSameLength(a: ArrayLike<number>, b: ArrayLike<number>): void {
  if (a.length !== b.length) throw new RangeError(`length mismatch: ${a.length} vs ${b.length}`);
}

/** Root mean squared error, √(Σ(y−ŷ)²/n), in the target's unit. NaN for empty input. */
export function rmse(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  assertSameLength(yTrue, yPred);
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += (yTrue[i]! - yPred[i]!) ** 2;
  return Math.sqrt(sum / yTrue.length);
}

/** Mean absolute error, Σ|y−ŷ|/n, in the target's unit. NaN for empty input. */
export function mae(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  assertSameLength(yTrue, yPred);
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += Math.abs(yTrue[i]! - yPred[i]!);
  return sum / yTrue.length;
}

/**
 * Coefficient of determination, 1 − SS_res/SS_tot. Can be negative (worse than predicting
 * the mean). Constant `yTrue`: 1 when the predictions are exact, else 0 (scikit-learn's
 * `force_finite`).
 */
export function r2(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  assertSameLength(yTrue, yPred);
  const n = yTrue.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += yTrue[i]!;
  mean /= n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    ssRes += (yTrue[i]! - yPred[i]!) ** 2;
    ssTot += (yTrue[i]! - mean) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

/** Share of exact matches between class indices, 0..1. */
export function accuracy(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): number {
  assertSameLength(yTrue, yPred);
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}

/** `matrix[trueClass][predictedClass]` counts for classes 0..k−1. */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classes: number): number[][] {
  assertSameLength(yTrue, yPred);
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  for (let i = 0; i < yTrue.length; i++) m[yTrue[i]!]![yPred[i]!]!++;
  return m;
}

/**
 * Macro-averaged precision, recall and F1 over classes 0..k−1: each class weighs the same,
 * whatever its size. A class never predicted (or never present) scores 0 for that part
 * (scikit-learn's `zero_division=0`).
 */
export function macroPrecisionRecallF1(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classes: number) {
  const m = confusionMatrix(yTrue, yPred, classes);
  let p = 0;
  let r = 0;
  let f = 0;
  for (let c = 0; c < classes; c++) {
    const tp = m[c]![c]!;
    const predicted = m.reduce((sum, row) => sum + row[c]!, 0);
    const actual = m[c]!.reduce((sum, v) => sum + v, 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = actual ? tp / actual : 0;
    p += precision;
    r += recall;
    f += precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  }
  return { precision: p / classes, recall: r / classes, f1: f / classes };
}

/**
 * Area under the ROC curve for a binary task, as the Mann–Whitney statistic: the probability
 * that a random positive scores higher than a random negative, ties counting ½ (average ranks).
 * NaN when only one class is present.
 *
 * @param yTrue 0/1 labels
 * @param scores the score (probability) of class 1
 */
export function rocAuc(yTrue: ArrayLike<number>, scores: ArrayLike<number>): number {
  assertSameLength(yTrue, scores);
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  const ranks = new Array<number>(order.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!] = avg;
    i = j + 1;
  }
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < yTrue.length; i++)
    if (yTrue[i] === 1) {
      positives++;
      rankSum += ranks[i]!;
    }
  const negatives = yTrue.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Mean cross-entropy −Σ log p(true class)/n, natural log. Probabilities are clipped to
 * [1e−15, 1 − 1e−15] so a confident mistake costs ≈ 34.5, not Infinity.
 *
 * @param probabilities one row of class probabilities per example
 */
export function logLoss(yTrue: ArrayLike<number>, probabilities: ReadonlyArray<ArrayLike<number>>): number {
  if (yTrue.length !== probabilities.length) throw new RangeError(`length mismatch: ${yTrue.length} vs ${probabilities.length}`);
  const eps = 1e-15;
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probabilities[i]![yTrue[i]!]!));
    sum -= Math.log(p);
  }
  return sum / yTrue.length;
}

/** Mean of the training targets: the regression baseline every model must beat. */
export function meanBaseline(yTrain: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < yTrain.length; i++) sum += yTrain[i]!;
  return sum / yTrain.length;
}

/** Most frequent class in the training targets (lowest index on ties): the classification baseline. */
export function majorityClass(yTrain: ArrayLike<number>, classes: number): number {
  const counts = new Array<number>(classes).fill(0);
  for (let i = 0; i < yTrain.length; i++) counts[yTrain[i]!]!++;
  return counts.indexOf(Math.max(...counts));
}

/**
 * Average precision, the area under the precision–recall curve as scikit-learn's
 * `average_precision_score` computes it: Σₙ (Rₙ − Rₙ₋₁) Pₙ over the distinct scores taken as
 * thresholds from the highest down (tied scores enter together, no interpolation). A constant
 * score gives the share of positives, its baseline. NaN when there is no positive.
 *
 * @param yTrue 0/1 labels
 * @param scores the score (probability) of class 1
 */
export function averagePrecision(yTrue: ArrayLike<number>, scores: ArrayLike<number>): number {
  assertSameLength(yTrue, scores);
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]!);
  let positives = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === 1) positives++;
  if (positives === 0) return NaN;
  let tp = 0;
  let seen = 0;
  let previousRecall = 0;
  let ap = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && scores[order[j]!] === scores[order[i]!]) {
      if (yTrue[order[j]!] === 1) tp++;
      j++;
    }
    seen = j;
    const recall = tp / positives;
    ap += (recall - previousRecall) * (tp / seen);
    previousRecall = recall;
    i = j;
  }
  return ap;
}

/** Counts and rates of a binary decision at one threshold. */
export interface ThresholdConfusion {
  threshold: number;
  /** True positives, false positives, true negatives, false negatives. */
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  accuracy: number;
  /** NaN when nothing is predicted positive. */
  precision: number;
  /** NaN when there is no positive. */
  recall: number;
  /** Share of rows predicted positive. */
  flagged: number;
}

/**
 * The confusion matrix of "positive when score ≥ threshold" (scikit-learn's convention for
 * `predict` at 0.5 is `>`, but with ≥ a threshold of 0 flags everything and one above the top
 * score flags nothing, which is what a picker needs).
 */
export function confusionAtThreshold(yTrue: ArrayLike<number>, scores: ArrayLike<number>, threshold: number): ThresholdConfusion {
  assertSameLength(yTrue, scores);
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const flagged = scores[i]! >= threshold;
    if (yTrue[i] === 1) {
      if (flagged) tp++;
      else fn++;
    } else if (flagged) fp++;
    else tn++;
  }
  const n = yTrue.length;
  return { threshold, tp, fp, tn, fn, accuracy: n ? (tp + tn) / n : NaN, precision: tp + fp ? tp / (tp + fp) : NaN, recall: tp + fn ? tp / (tp + fn) : NaN, flagged: n ? (tp + fp) / n : NaN };
}
