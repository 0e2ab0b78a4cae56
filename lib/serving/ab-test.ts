/**
 * The A/B comparison of two variants on their labelled rows: is B's live metric different from
 * A's, by how much, and how sure can we be. A winner is named only when the difference is
 * significant; otherwise the sentence says how many rows it would take.
 */
import type { Task } from '../data/datasets/catalog';
import type { VersionWindowStats } from '../tracking/serving-types';
import { formatCount, formatMetric, formatP, formatRate } from './format';
import { normalQuantile, twoSidedP } from './normal';
import { meanSampleSize, proportionSampleSize } from './sample-size';

/**
 * Labelled rows each arm needs before the test judges. Both tests lean on the normal
 * approximation (a proportion's, and Welch's t read as z), which the usual rule of thumb accepts
 * from about 30 rows; below it `pValue` is null and nothing is significant.
 */
export const MIN_AB_LABELLED = 30;

/** The power `samplesNeeded` is computed for. */
export const AB_POWER = 0.8;

/** What the comparison reads of each arm. */
export type AbArm = Pick<VersionWindowStats, 'labelled' | 'metricSum' | 'metricSumSq'>;

/** The result, shown as a table row and a sentence. */
export interface AbComparison {
  metric: 'rmse' | 'accuracy';
  /** Each arm's live metric (null with no labelled rows). */
  a: number | null;
  b: number | null;
  /** b − a in the metric's units (null until both arms have labels). */
  diff: number | null;
  /** 95 % confidence interval of `diff` (null below `MIN_AB_LABELLED` rows an arm). */
  ci95: [number, number] | null;
  /** Two-sided p-value (null below `MIN_AB_LABELLED` rows an arm). */
  pValue: number | null;
  /** p < alpha, with enough rows in both arms. */
  significant: boolean;
  /** The better variant, only when significant: higher accuracy, or lower RMSE. */
  winner: 'A' | 'B' | null;
  /** Labelled rows per arm to detect a difference the size of the observed one with 80 % power (null when there is none to size). */
  samplesNeeded: number | null;
  sentence: string;
}

interface TestFigures {
  diff: number;
  ci95: [number, number];
  pValue: number;
  samplesNeeded: number | null;
}

const Z95 = normalQuantile(0.975);

/**
 * Accuracy: pooled two-proportion z-test. p̂ = (hits_A + hits_B)/(n_A + n_B),
 * z = (p_B − p_A) / √(p̂(1−p̂)(1/n_A + 1/n_B)); the interval uses the unpooled standard error
 * √(p_A(1−p_A)/n_A + p_B(1−p_B)/n_B), so the two may disagree right at the edge.
 */
function proportionTest(a: AbArm, b: AbArm, alpha: number): TestFigures {
  const pA = a.metricSum / a.labelled;
  const pB = b.metricSum / b.labelled;
  const diff = pB - pA;
  const pooled = (a.metricSum + b.metricSum) / (a.labelled + b.labelled);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / a.labelled + 1 / b.labelled));
  // Pooled p of 0 or 1 means both arms are all hits or all misses: no difference to test.
  const pValue = sePooled > 0 ? twoSidedP(diff / sePooled) : 1;
  const se = Math.sqrt((pA * (1 - pA)) / a.labelled + (pB * (1 - pB)) / b.labelled);
  const samplesNeeded = diff === 0 ? null : proportionSampleSize(pA, pB, alpha, AB_POWER);
  return { diff, ci95: [diff - Z95 * se, diff + Z95 * se], pValue, samplesNeeded };
}

/** Sample variance of the per-row loss from its sums, clamped at 0 (the subtraction can round below). */
function lossVariance(arm: AbArm): number {
  const mean = arm.metricSum / arm.labelled;
  return Math.max(0, (arm.metricSumSq - arm.labelled * mean * mean) / (arm.labelled - 1));
}

/**
 * RMSE: Welch's test on the per-row squared error (the MSE is its mean), read against the normal
 * distribution instead of Student's t, which with ≥ 30 rows an arm moves p by little:
 * z = (MSE_B − MSE_A) / √(s²_A/n_A + s²_B/n_B). The interval is for the RMSE difference, by the
 * delta method: se(RMSE) ≈ se(MSE) / (2·RMSE).
 */
function meanTest(a: AbArm, b: AbArm, alpha: number): TestFigures {
  const mseA = a.metricSum / a.labelled;
  const mseB = b.metricSum / b.labelled;
  const varA = lossVariance(a);
  const varB = lossVariance(b);
  const se = Math.sqrt(varA / a.labelled + varB / b.labelled);
  const delta = mseB - mseA;
  // Zero spread on both sides: the difference is exact, certain if non-zero.
  const pValue = se > 0 ? twoSidedP(delta / se) : delta === 0 ? 1 : 0;
  const rmseA = Math.sqrt(mseA);
  const rmseB = Math.sqrt(mseB);
  const term = (variance: number, n: number, mse: number) => (mse > 0 ? variance / n / (4 * mse) : 0);
  const seRmse = Math.sqrt(term(varA, a.labelled, mseA) + term(varB, b.labelled, mseB));
  const diff = rmseB - rmseA;
  const samplesNeeded = delta === 0 ? null : meanSampleSize(delta, varA, varB, alpha, AB_POWER);
  return { diff, ci95: [diff - Z95 * seRmse, diff + Z95 * seRmse], pValue, samplesNeeded };
}

/** A signed difference to 3 significant digits: accuracy in percentage points (0.03 → `+3`), RMSE as it is. */
function signed(value: number, points: boolean): string {
  const shown = points ? Number((value * 100).toPrecision(3)) : Number(value.toPrecision(3));
  return `${shown > 0 ? '+' : shown < 0 ? '−' : ''}${Math.abs(shown)}`;
}

/**
 * Compares variant B with variant A on their labelled rows.
 *
 * Accuracy (classification, metricSum = hits): pooled two-proportion z-test. RMSE (regression,
 * metricSum = Σ squared error, metricSumSq = Σ its square): Welch's test on the squared error
 * with the normal approximation. Below `MIN_AB_LABELLED` labelled rows in either arm there is no
 * p-value and no winner. `significant` = p < alpha; `winner` is set only then.
 *
 * @param alpha two-sided significance level, e.g. 0.05 (the rollout's `alpha`).
 */
export function abComparison(a: AbArm, b: AbArm, task: Task, alpha: number): AbComparison {
  const metric = task === 'regression' ? 'rmse' : 'accuracy';
  const value = (arm: AbArm) => (arm.labelled > 0 ? (task === 'regression' ? Math.sqrt(arm.metricSum / arm.labelled) : arm.metricSum / arm.labelled) : null);
  const show = (v: number) => (task === 'regression' ? formatMetric(v) : formatRate(v));
  const name = task === 'regression' ? 'RMSE' : 'accuracy';
  const mA = value(a);
  const mB = value(b);
  const none = { metric, a: mA, b: mB, ci95: null, pValue: null, significant: false, winner: null, samplesNeeded: null } as const;
  const rows = `A has ${formatCount(a.labelled)} labelled rows, B ${formatCount(b.labelled)}`;

  if (mA === null || mB === null) return { ...none, diff: null, sentence: `Nothing to compare yet: ${rows}. Labels arrive after a delay; the comparison starts once both variants have them.` };
  if (a.labelled < MIN_AB_LABELLED || b.labelled < MIN_AB_LABELLED) {
    return { ...none, diff: mB - mA, sentence: `Too few labels to test: ${rows}, and the test needs ${MIN_AB_LABELLED} in each. So far ${name} is ${show(mA)} (A) and ${show(mB)} (B).` };
  }

  const figures = task === 'regression' ? meanTest(a, b, alpha) : proportionTest(a, b, alpha);
  const significant = figures.pValue < alpha;
  const bBetter = task === 'regression' ? mB < mA : mB > mA;
  const winner = significant ? (bBetter ? 'B' : 'A') : null;
  const points = task !== 'regression';
  const unit = points ? ' points' : '';
  const interval = `95 % CI ${signed(figures.ci95[0], points)} to ${signed(figures.ci95[1], points)}${unit}`;
  const facts = `${name} ${show(mA)} (A) vs ${show(mB)} (B), difference ${signed(figures.diff, points)}${unit} (${interval}), p ${formatP(figures.pValue)}`;
  let sentence: string;
  if (winner) sentence = `${winner} wins: ${facts}, below α = ${alpha}; ${rows}.`;
  else {
    const more = figures.samplesNeeded === null ? 'The variants are level; no sample size would separate them.' : `Detecting a difference this size with ${formatRate(AB_POWER, 0)} power takes about ${formatCount(figures.samplesNeeded)} labelled rows per variant; ${rows}.`;
    sentence = `No significant difference yet: ${facts}, not below α = ${alpha}. ${more} Name no winner until it is.`;
  }
  return { metric, a: mA, b: mB, diff: figures.diff, ci95: figures.ci95, pValue: figures.pValue, significant, winner, samplesNeeded: figures.samplesNeeded, sentence };
}
