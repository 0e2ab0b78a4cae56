/**
 * Confidence-Based Performance Estimation (NannyML's CBPE): estimate a classifier's accuracy,
 * F1 and ROC AUC on unlabelled traffic from its calibrated scores. Calibration is fitted on a
 * labelled reference; each window's expected confusion matrix is then the sum of the calibrated
 * probabilities. The estimate is right under covariate shift (P(y | score) unchanged) and blind to
 * concept drift (P(y | score) changed): labels are the only way to see the latter.
 */
import { chunkRanges, referenceBand, samplingError, UNIT_RANGE, type ReferenceBand } from './bands';
import { calibrate, fitIsotonic, type IsotonicModel } from './calibration';
import type { EstimatedMetric } from './types';

/** A fitted CBPE estimator; plain JSON (stored in IndexedDB, sent to workers). */
export interface CbpeModel {
  /** 'binary': score = P(positive); 'confidence': score = top-class probability, accuracy only. */
  kind: 'binary' | 'confidence';
  /** Isotonic map from raw score to P(positive) (binary) or P(correct) (confidence). */
  calibration: IsotonicModel;
  /** Predicted positive when score ≥ threshold (binary); null for 'confidence'. */
  threshold: number | null;
  chunkSize: number;
  /** Reference rows the calibration was fitted on (after dropping unusable rows). */
  referenceRows: number;
  /** Realized metric over reference chunks: mean ± 3 std, and per-row std for sampling error. */
  bands: { accuracy: ReferenceBand; f1: ReferenceBand | null; rocAuc: ReferenceBand | null };
}

/** Expected (binary CBPE) or realized confusion counts; fractional when expected. */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Metrics of one window; null where undefined (see each function for why), never NaN. */
export interface CbpeEstimate {
  accuracy: number | null;
  f1: number | null;
  rocAuc: number | null;
  /** Rows the sampling error is computed at (scored rows, or the `n` option). */
  rows: number;
  /** Binary only: the expected confusion matrix; null for 'confidence' or an empty window. */
  confusion: Confusion | null;
}

/** Realized metrics from labels; null where undefined. */
export interface RealizedBinary {
  accuracy: number | null;
  f1: number | null;
  rocAuc: number | null;
  /** Rows with a finite score and a 0/1 label. */
  rows: number;
}

const isLabel = (v: number | undefined): v is 0 | 1 => v === 0 || v === 1;

/**
 * ROC AUC of a ranking by `scores` against fractional labels: row i counts as a positive of
 * weight pos(i) and a negative of weight neg(i). AUC = Σ_{i,j} pos_i · neg_j · [s_i > s_j, ½ on
 * ties] / (Σpos · Σneg), self-pairs included (they tie), which is the trapezoidal area under the
 * weighted ROC curve NannyML integrates. With 0/1 weights it is Mann–Whitney U / (n₁ n₀) with
 * midranks, i.e. scikit-learn's roc_auc_score. Scores must be finite (callers drop the rest).
 *
 * @returns AUC in [0, 1]; null when Σpos or Σneg is 0 (one class: AUC undefined)
 */
export function weightedRocAuc(scores: ArrayLike<number>, pos: ArrayLike<number>, neg: ArrayLike<number>): number | null {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let negBelow = 0;
  let area = 0;
  let totalPos = 0;
  for (let g = 0; g < order.length; ) {
    let groupPos = 0;
    let groupNeg = 0;
    let h = g;
    while (h < order.length && scores[order[h]!] === scores[order[g]!]) {
      groupPos += pos[order[h]!]!;
      groupNeg += neg[order[h]!]!;
      h++;
    }
    area += groupPos * (negBelow + 0.5 * groupNeg);
    negBelow += groupNeg;
    totalPos += groupPos;
    g = h;
  }
  if (!(totalPos > 0) || !(negBelow > 0)) return null;
  return Math.min(1, Math.max(0, area / (totalPos * negBelow)));
}

/**
 * Realized accuracy, F1 and ROC AUC from labels. Rows with a non-finite score or a label other
 * than 0/1 are skipped. Predicted positive when score ≥ threshold.
 *
 * - accuracy = (TP + TN) / rows; null when no row is usable.
 * - F1 = 2TP / (2TP + FP + FN); null when that denominator is 0 (no positive predicted or true).
 * - ROC AUC by Mann–Whitney with midranks on the raw score; null when a class is absent.
 */
export function realizedBinary(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold = 0.5): RealizedBinary {
  const s: number[] = [];
  const pos: number[] = [];
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const n = Math.min(scores.length, labels.length);
  for (let i = 0; i < n; i++) {
    const score = scores[i]!;
    const label = labels[i];
    if (!Number.isFinite(score) || !isLabel(label)) continue;
    s.push(score);
    pos.push(label);
    const predicted = score >= threshold;
    if (predicted) c[label === 1 ? 'tp' : 'fp'] += 1;
    else c[label === 1 ? 'fn' : 'tn'] += 1;
  }
  const rows = s.length;
  const f1Denominator = 2 * c.tp + c.fp + c.fn;
  return {
    accuracy: rows > 0 ? (c.tp + c.tn) / rows : null,
    f1: f1Denominator > 0 ? (2 * c.tp) / f1Denominator : null,
    rocAuc: weightedRocAuc(s, pos, pos.map((p) => 1 - p)),
    rows,
  };
}

/** Options of `fitCbpe`. */
export interface FitCbpeInput {
  /** Raw P(positive) per reference row. */
  scores: ArrayLike<number>;
  /** 0/1 label per reference row. */
  labels: ArrayLike<number>;
  /** Predicted positive when score ≥ threshold (default 0.5). */
  threshold?: number;
  /** Rows per reference chunk for the bands (NannyML's chunk_size). */
  chunkSize: number;
}

/**
 * Fits binary CBPE on a labelled reference: isotonic calibration of score → P(positive), and the
 * band of each metric = mean ± 3 std of the REALIZED metric over consecutive reference chunks of
 * `chunkSize` rows (see `referenceBand`; a one-class reference keeps finite bands, the ROC AUC
 * band being [0, 1] with std 0 since no chunk defines it).
 *
 * @throws RangeError when lengths differ, chunkSize is not a positive integer, or no reference row
 *   has a finite score and a 0/1 label (nothing to calibrate on)
 */
export function fitCbpe(input: FitCbpeInput): CbpeModel {
  const { scores, labels, threshold = 0.5, chunkSize } = input;
  const calibration = fitIsotonic(scores, labels);
  const referenceRows = usableRows(scores, labels);
  if (referenceRows === 0) throw new RangeError('CBPE needs reference rows with a finite score and a 0/1 label');
  const chunks = chunkRanges(scores.length, chunkSize).map(({ start, end }) =>
    realizedBinary(slice(scores, start, end), slice(labels, start, end), threshold),
  );
  return {
    kind: 'binary',
    calibration,
    threshold,
    chunkSize,
    referenceRows,
    bands: {
      accuracy: referenceBand(chunks.map((m) => m.accuracy), chunkSize, UNIT_RANGE),
      f1: referenceBand(chunks.map((m) => m.f1), chunkSize, UNIT_RANGE),
      rocAuc: referenceBand(chunks.map((m) => m.rocAuc), chunkSize, UNIT_RANGE),
    },
  };
}

/** Options of `fitConfidenceCbpe`. */
export interface FitConfidenceCbpeInput {
  /** Top-class probability per reference row (multiclass). */
  confidences: ArrayLike<number>;
  /** 1 when the predicted class was right, 0 otherwise. */
  correct: ArrayLike<number>;
  /** Rows per reference chunk for the accuracy band. */
  chunkSize: number;
}

/**
 * Fits CBPE for a multiclass model through its confidence: calibrates P(correct | confidence) on
 * the reference. Only accuracy can be estimated this way (F1 and ROC AUC need per-class scores),
 * so the model's f1 and rocAuc bands are null. Band: realized accuracy over reference chunks.
 *
 * @throws RangeError as `fitCbpe`
 */
export function fitConfidenceCbpe(input: FitConfidenceCbpeInput): CbpeModel {
  const { confidences, correct, chunkSize } = input;
  const calibration = fitIsotonic(confidences, correct);
  const referenceRows = usableRows(confidences, correct);
  if (referenceRows === 0) throw new RangeError('CBPE needs reference rows with a finite confidence and a 0/1 correctness');
  const accuracies = chunkRanges(confidences.length, chunkSize).map(({ start, end }) => {
    let hits = 0;
    let rows = 0;
    for (let i = start; i < end; i++) {
      const c = correct[i];
      if (!Number.isFinite(confidences[i]) || !isLabel(c)) continue;
      hits += c;
      rows++;
    }
    return rows > 0 ? hits / rows : null;
  });
  return {
    kind: 'confidence',
    calibration,
    threshold: null,
    chunkSize,
    referenceRows,
    bands: { accuracy: referenceBand(accuracies, chunkSize, UNIT_RANGE), f1: null, rocAuc: null },
  };
}

/**
 * Estimates a window's metrics from its raw scores (no labels). Rows with a non-finite score are
 * not scored. With p̂ = calibrated score and predicted positive when score ≥ threshold:
 * - accuracy = mean(predicted ? p̂ : 1 − p̂) (binary), or mean(p̂) (confidence);
 * - expected TP = Σ p̂, FP = Σ(1 − p̂) over predicted positive; FN = Σ p̂, TN = Σ(1 − p̂) over
 *   predicted negative; F1 = 2TP / (2TP + FP + FN), null when that is 0/0;
 * - ROC AUC: rows ranked by RAW score (finer than the calibrated one, whose isotonic steps tie),
 *   each a positive of weight p̂ and a negative of weight 1 − p̂ (`weightedRocAuc`); null when
 *   every p̂ is 0 or every p̂ is 1.
 * An empty window gives null everywhere. F1 and ROC AUC are null for a 'confidence' model.
 *
 * @param options.n rows the window stands for (when `scores` is a sample of it); sets `rows`,
 *   hence the sampling error; default: the scored rows
 */
export function estimateCbpe(model: CbpeModel, scores: ArrayLike<number>, options: { n?: number } = {}): CbpeEstimate {
  const s: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) continue;
    const probability = calibrate(model.calibration, scores[i]!);
    if (probability === null) continue;
    s.push(scores[i]!);
    p.push(probability);
  }
  const rows = options.n ?? s.length;
  if (s.length === 0) return { accuracy: null, f1: null, rocAuc: null, rows, confusion: null };
  if (model.kind === 'confidence' || model.threshold === null) {
    return { accuracy: p.reduce((a, b) => a + b, 0) / p.length, f1: null, rocAuc: null, rows, confusion: null };
  }
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < s.length; i++) {
    const q = p[i]!;
    if (s[i]! >= model.threshold) {
      c.tp += q;
      c.fp += 1 - q;
    } else {
      c.fn += q;
      c.tn += 1 - q;
    }
  }
  const f1Denominator = 2 * c.tp + c.fp + c.fn;
  return {
    accuracy: (c.tp + c.tn) / s.length,
    f1: f1Denominator > 0 ? (2 * c.tp) / f1Denominator : null,
    rocAuc: weightedRocAuc(s, p, p.map((q) => 1 - q)),
    rows,
    confusion: c,
  };
}

/** Realized values to show beside the estimates, once labels arrived. */
export type CbpeRealized = Partial<Pick<RealizedBinary, 'accuracy' | 'f1' | 'rocAuc'>> | null;

/**
 * The per-window rows the UI shows: one `EstimatedMetric` per metric the model supports
 * (accuracy, f1, roc_auc for binary; accuracy for confidence), with the reference band, the
 * sampling error at the window's rows (std over reference chunks × √(chunkSize / rows); null
 * when the value is null) and the realized value (null when `realized` lacks it).
 */
export function cbpeEstimatedMetrics(model: CbpeModel, estimate: CbpeEstimate, realized: CbpeRealized = null): EstimatedMetric[] {
  const entries: Array<[EstimatedMetric['metric'], ReferenceBand | null, number | null, number | null | undefined]> = [
    ['accuracy', model.bands.accuracy, estimate.accuracy, realized?.accuracy],
    ['f1', model.bands.f1, estimate.f1, realized?.f1],
    ['roc_auc', model.bands.rocAuc, estimate.rocAuc, realized?.rocAuc],
  ];
  const out: EstimatedMetric[] = [];
  for (const [metric, band, value, real] of entries) {
    if (band === null) continue;
    out.push({
      metric,
      value,
      samplingError: value === null ? null : samplingError(band, estimate.rows),
      lower: band.lower,
      upper: band.upper,
      realized: real ?? null,
      rows: estimate.rows,
    });
  }
  return out;
}

function usableRows(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  let rows = 0;
  for (let i = 0; i < Math.min(scores.length, labels.length); i++) {
    if (Number.isFinite(scores[i]) && isLabel(labels[i])) rows++;
  }
  return rows;
}

function slice(values: ArrayLike<number>, start: number, end: number): number[] {
  return Array.prototype.slice.call(values, start, end) as number[];
}
