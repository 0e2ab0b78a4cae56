// Pure computations behind the decision-threshold picker (components/runs/ThresholdPicker.tsx):
// which sample to use, the preset thresholds, and the matrix and rates as display-ready values.
// Every "no answer" comes back as null with a reason, so the UI never prints NaN.
import type { ClassificationEvaluation, RegressionEvaluation } from './evaluate';
import type { ThresholdConfusion } from './metrics';

/** Each sampled row's 0/1 label and its score of class 1 (the positive class). */
export interface ScoreSample {
  labels: readonly number[];
  positive: readonly number[];
}

/** A preset threshold, or why the sample has none. `value` is what the preset optimised (F1, share flagged). */
export type PresetThreshold = { ok: true; threshold: number; value: number } | { ok: false; reason: string };

/**
 * The score sample of a binary classification evaluation, or null when there is none to pick a
 * threshold on: regression, multiclass, evaluations stored before `scores` existed, or a
 * malformed field (arrays of different lengths) in an old or hand-edited evaluation.json.
 */
export function binaryScoreSample(e: ClassificationEvaluation | RegressionEvaluation | null | undefined): ScoreSample | null {
  if (!e || e.task !== 'classification' || e.classNames.length !== 2) return null;
  const s = e.scores;
  if (!s || !Array.isArray(s.labels) || !Array.isArray(s.positive) || s.labels.length !== s.positive.length) return null;
  return s;
}

/** Rows in the sample, how many are positive (label 1), and their share (null when empty). */
export function sampleFacts(sample: ScoreSample): { rows: number; positives: number; positiveShare: number | null } {
  let positives = 0;
  for (const y of sample.labels) if (y === 1) positives++;
  const rows = sample.labels.length;
  return { rows, positives, positiveShare: rows ? positives / rows : null };
}

/**
 * Groups of equal scores from the highest down, with the counts flagged ("score ≥ threshold")
 * once each group's score is the threshold. Tied scores enter together, as they do in
 * `confusionAtThreshold`, so a preset's figures are exactly what the picker then shows.
 */
function sweepDown(sample: ScoreSample): Array<{ score: number; tp: number; flagged: number }> {
  const { labels, positive } = sample;
  const order = Array.from({ length: positive.length }, (_, i) => i).sort((a, b) => positive[b]! - positive[a]!);
  const steps: Array<{ score: number; tp: number; flagged: number }> = [];
  let tp = 0;
  for (let i = 0; i < order.length; ) {
    const score = positive[order[i]!]!;
    let j = i;
    for (; j < order.length && positive[order[j]!] === score; j++) if (labels[order[j]!] === 1) tp++;
    steps.push({ score, tp, flagged: j });
    i = j;
  }
  return steps;
}

/**
 * The threshold maximising F1 = 2·TP / (2·TP + FP + FN) over the sample's distinct scores taken
 * as thresholds. On equal F1 the highest threshold wins: the same F1 with fewer rows flagged.
 * (Each F1 is one division of integers, so mathematically equal values compare equal.)
 * No answer for an empty sample, or one with no positive row (F1 is 0 at every threshold).
 */
export function bestF1Threshold(sample: ScoreSample): PresetThreshold {
  const { rows, positives } = sampleFacts(sample);
  if (rows === 0) return { ok: false, reason: 'the sample is empty' };
  if (positives === 0) return { ok: false, reason: 'the sample has no positive row, so F1 is 0 at every threshold' };
  let best: { threshold: number; value: number } | null = null;
  for (const { score, tp, flagged } of sweepDown(sample)) {
    // 2·TP + FP + FN = 2·tp + (flagged − tp) + (positives − tp) = flagged + positives.
    const f1 = (2 * tp) / (flagged + positives);
    if (!best || f1 > best.value) best = { threshold: score, value: f1 };
  }
  return { ok: true, ...best! };
}

/**
 * The threshold at which the share flagged comes closest to the positive share of the sample,
 * so the model flags about as many rows as there are positives. Ties in the scores can make an
 * exact match impossible; on equal distance the higher threshold (fewer flagged) wins. `value`
 * is the share flagged there. No answer for an empty sample, or one with no positive row
 * (matching 0 % would mean flagging nothing, which no score in 0…1 can promise).
 */
export function rateMatchingThreshold(sample: ScoreSample): PresetThreshold {
  const { rows, positives } = sampleFacts(sample);
  if (rows === 0) return { ok: false, reason: 'the sample is empty' };
  if (positives === 0) return { ok: false, reason: 'the sample has no positive row, so its positive rate is 0 %' };
  let best: { threshold: number; flagged: number } | null = null;
  for (const { score, flagged } of sweepDown(sample)) {
    if (!best || Math.abs(flagged - positives) < Math.abs(best.flagged - positives)) best = { threshold: score, flagged };
    if (flagged >= positives) break; // flagged only grows from here
  }
  return { ok: true, threshold: best!.threshold, value: best!.flagged / rows };
}

/** One cell of the 2×2 matrix: its count and its share of the actual class's row (null for an empty row). */
export interface MatrixCell {
  predicted: string;
  count: number;
  rowShare: number | null;
  /** Predicted class = actual class (the diagonal). */
  correct: boolean;
}

/** One row of the matrix: an actual class, its row total and its two cells (predicted negative, positive). */
export interface MatrixRow {
  actual: string;
  total: number;
  cells: [MatrixCell, MatrixCell];
}

/**
 * The 2×2 confusion matrix as table rows: rows are the actual class (negative, then positive),
 * columns the predicted class, in the order of `classNames` (class 1 is the positive class).
 */
export function matrixRows(c: ThresholdConfusion, classNames: readonly string[]): [MatrixRow, MatrixRow] {
  const [neg = '0', pos = '1'] = classNames;
  const row = (actual: string, counts: [number, number], correctIndex: 0 | 1): MatrixRow => {
    const total = counts[0] + counts[1];
    const cell = (k: 0 | 1): MatrixCell => ({ predicted: k ? pos : neg, count: counts[k], rowShare: total ? counts[k] / total : null, correct: k === correctIndex });
    return { actual, total, cells: [cell(0), cell(1)] };
  };
  return [row(neg, [c.tn, c.fp], 0), row(pos, [c.fn, c.tp], 1)];
}

/** One rate at the threshold: its value, or null and the plain-words reason it has none. */
export interface ThresholdRate {
  key: 'precision' | 'recall' | 'f1' | 'accuracy' | 'flagged';
  label: string;
  value: number | null;
  reason: string | null;
}

const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * Precision, recall, F1, accuracy and share flagged of a `confusionAtThreshold` result, each
 * with the reason it is undefined (nothing flagged, no positive row, empty sample) instead of NaN.
 */
export function thresholdRates(c: ThresholdConfusion): ThresholdRate[] {
  const n = c.tp + c.fp + c.tn + c.fn;
  const empty = n === 0 ? 'the sample is empty' : null;
  const f1Denominator = 2 * c.tp + c.fp + c.fn;
  const rate = (key: ThresholdRate['key'], label: string, value: number, reason: string): ThresholdRate => {
    const v = finite(value);
    return { key, label, value: v, reason: v === null ? (empty ?? reason) : null };
  };
  return [
    rate('precision', 'Precision (flagged rows that are positive)', c.precision, 'nothing is flagged at this threshold'),
    rate('recall', 'Recall (positive rows caught)', c.recall, 'the sample has no positive row'),
    rate('f1', 'F1', f1Denominator ? (2 * c.tp) / f1Denominator : NaN, 'no positive row and nothing flagged'),
    rate('accuracy', 'Accuracy', c.accuracy, 'the sample is empty'),
    rate('flagged', 'Share flagged', c.flagged, 'the sample is empty'),
  ];
}

/** A share as "77.3 %"; "—" for null or a non-finite value, never "NaN". */
export function percentText(share: number | null | undefined, digits = 1): string {
  return typeof share === 'number' && Number.isFinite(share) ? `${(share * 100).toFixed(digits)} %` : '—';
}

/** A threshold as text: two decimals on the slider's 0.01 grid ("0.50"), else four (a score, "0.3712"). */
export function thresholdText(t: number): string {
  return Math.abs(t * 100 - Math.round(t * 100)) < 1e-6 ? t.toFixed(2) : t.toFixed(4);
}

/** A typed threshold: a number from 0 to 1 inclusive, or null for anything else (blank, text, out of range). */
export function parseThreshold(text: string): number | null {
  if (text.trim() === '') return null;
  const t = Number(text);
  return Number.isFinite(t) && t >= 0 && t <= 1 ? t : null;
}
