/**
 * Shadow agreement: how often the challenger, fed a copy of every request, would have answered
 * what the primary answered. Its predictions are logged and compared, never returned.
 */
import type { Task } from '../data/datasets/catalog';
import { formatCount, formatRate } from './format';

/** A logged prediction: a number (regression), a class label, or null (rejected or failed). */
export type Prediction = number | string | null;

/** How close two regression answers must be to agree: within `relative` of the answer, or within `absolute` units, whichever is looser. */
export interface AgreementTolerance {
  relative: number;
  absolute: number;
}

/**
 * 5 % of the answer, or 1 unit (a minute of delay, a mile per gallon, a degree) when that is
 * looser: near zero a relative band shrinks to nothing and would call 0.2 against 0.1 a
 * disagreement.
 */
export const DEFAULT_TOLERANCE: AgreementTolerance = { relative: 0.05, absolute: 1 };

/** Counts of compared and agreeing rows (the stored `TrafficWindow.shadowAgreement`). */
export interface AgreementSummary {
  compared: number;
  agreed: number;
}

/**
 * Does the shadow's prediction agree with the answer? Classification: the same class, compared
 * as text (`1` and `"1"` are one class, since labels may arrive either way). Regression:
 * |shadow − answer| ≤ max(relative·|answer|, absolute). Null when the two cannot be compared:
 * either side null (rejected or failed), or, for regression, not a finite number.
 */
export function agrees(task: Task, answer: Prediction, shadow: Prediction, tolerance: AgreementTolerance = DEFAULT_TOLERANCE): boolean | null {
  if (answer === null || shadow === null) return null;
  if (task === 'classification') return String(answer) === String(shadow);
  const a = typeof answer === 'number' ? answer : Number.NaN;
  const s = typeof shadow === 'number' ? shadow : Number.NaN;
  if (!Number.isFinite(a) || !Number.isFinite(s)) return null;
  return Math.abs(s - a) <= Math.max(tolerance.relative * Math.abs(a), tolerance.absolute);
}

/**
 * Adds pairs of (answer, shadow) predictions, row by row, to a summary (a new object; the
 * argument is not changed). Pairs `agrees` cannot compare are not counted. Throws on arrays of
 * different lengths (a caller bug: the rows must be the same rows).
 */
export function addAgreement(summary: AgreementSummary, task: Task, answers: readonly Prediction[], shadows: readonly Prediction[], tolerance: AgreementTolerance = DEFAULT_TOLERANCE): AgreementSummary {
  if (answers.length !== shadows.length) throw new RangeError(`${answers.length} answers against ${shadows.length} shadow predictions: they must be the same rows.`);
  let { compared, agreed } = summary;
  for (let i = 0; i < answers.length; i += 1) {
    const verdict = agrees(task, answers[i] ?? null, shadows[i] ?? null, tolerance);
    if (verdict === null) continue;
    compared += 1;
    if (verdict) agreed += 1;
  }
  return { compared, agreed };
}

/** Agreement as a share, 0–1, or null before anything was compared. */
export function agreementRate(summary: AgreementSummary | null): number | null {
  return summary && summary.compared > 0 ? summary.agreed / summary.compared : null;
}

/**
 * The sentence under the shadow panel: `v4 (shadow) agreed with v3 on 912 of 1,000 rows
 * (91.2 %).`, or that nothing was compared yet.
 */
export function describeAgreement(summary: AgreementSummary | null, answerVersion: number, shadowVersion: number): string {
  const rate = agreementRate(summary);
  if (rate === null || !summary) return `v${shadowVersion} (shadow) has no rows to compare with v${answerVersion} yet.`;
  return `v${shadowVersion} (shadow) agreed with v${answerVersion} on ${formatCount(summary.agreed)} of ${formatCount(summary.compared)} rows (${formatRate(rate)}).`;
}
