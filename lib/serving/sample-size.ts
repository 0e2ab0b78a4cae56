/**
 * How many labelled rows an A/B test needs per arm before a difference of a given size can be
 * told from noise: the minimum-sample-size explainer, and the `samplesNeeded` of a comparison.
 */
import { ServingError } from './errors';
import { formatCount, formatRate } from './format';
import { normalQuantile } from './normal';

/** What the explainer asks: a baseline rate and the smallest change worth detecting. */
export interface SampleSizeQuestion {
  /** The current rate (accuracy, conversion), 0–1 exclusive. */
  baseline: number;
  /** The smallest absolute change worth detecting, in the same units (0.02 = 2 points): p₂ = baseline + effect. */
  minDetectableEffect: number;
  /** Significance level, two-sided (default 0.05). */
  alpha?: number;
  /** Chance of detecting the effect when it is real (default 0.8). */
  power?: number;
}

/** The answer: rows per arm and in all, and a sentence that explains it. */
export interface SampleSizeAnswer {
  perArm: number;
  total: number;
  sentence: string;
}

/**
 * Rows per arm for a two-sided two-proportion z-test of p₁ against p₂ (Fleiss):
 * n = (z₁₋α/₂·√(2·p̄(1−p̄)) + z₁₋β·√(p₁(1−p₁) + p₂(1−p₂)))² / δ², p̄ = (p₁+p₂)/2, δ = p₂ − p₁,
 * rounded up. p₁ = p₂ → Infinity (no sample tells equal rates apart).
 */
export function proportionSampleSize(p1: number, p2: number, alpha: number, power: number): number {
  const delta = p2 - p1;
  if (delta === 0) return Number.POSITIVE_INFINITY;
  const pBar = (p1 + p2) / 2;
  const zAlpha = normalQuantile(1 - alpha / 2);
  const zBeta = normalQuantile(power);
  const root = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((root * root) / (delta * delta));
}

/**
 * Rows per arm for a two-sided z-test of two means with per-row variances σ²_A and σ²_B (the
 * large-sample form of Welch's test): n = (z₁₋α/₂ + z₁₋β)²·(σ²_A + σ²_B) / δ², rounded up.
 * δ = 0 → Infinity; zero variance and δ ≠ 0 → 1.
 */
export function meanSampleSize(delta: number, varianceA: number, varianceB: number, alpha: number, power: number): number {
  if (delta === 0) return Number.POSITIVE_INFINITY;
  const z = normalQuantile(1 - alpha / 2) + normalQuantile(power);
  return Math.max(1, Math.ceil((z * z * (varianceA + varianceB)) / (delta * delta)));
}

/**
 * The minimum-sample-size explainer for rates: how many labelled rows each arm needs to detect a
 * change from `baseline` to `baseline + minDetectableEffect` (see `proportionSampleSize`). For
 * p₁ = 0.10, p₂ = 0.12, α = 0.05, power 0.8: 3,841 per arm. Refuses, with a sentence, a baseline
 * outside (0, 1), an effect ≤ 0 or one that takes the rate above 1, and α or power outside (0, 1).
 */
export function minSampleSize({ baseline, minDetectableEffect, alpha = 0.05, power = 0.8 }: SampleSizeQuestion): SampleSizeAnswer {
  if (!(baseline > 0 && baseline < 1)) throw new ServingError(`The baseline is a rate between 0 and 1 (0.9 = 90 %), not ${String(baseline)}.`);
  if (!(minDetectableEffect > 0)) throw new ServingError(`The smallest effect worth detecting must be above 0 (0.02 = 2 points), not ${String(minDetectableEffect)}.`);
  const target = baseline + minDetectableEffect;
  if (target > 1) throw new ServingError(`A ${formatRate(baseline)} baseline cannot rise by ${formatRate(minDetectableEffect)}: the rate would pass 100 %.`);
  if (!(alpha > 0 && alpha < 1)) throw new ServingError(`The significance level must lie between 0 and 1 (0.05 is usual), not ${String(alpha)}.`);
  if (!(power > 0 && power < 1)) throw new ServingError(`The power must lie between 0 and 1 (0.8 is usual), not ${String(power)}.`);
  const perArm = proportionSampleSize(baseline, target, alpha, power);
  const sentence =
    `To tell ${formatRate(baseline)} from ${formatRate(target)} (a change of ${Number((minDetectableEffect * 100).toPrecision(3))} points) at α = ${alpha} with ${formatRate(power, 0)} power, ` +
    `each arm needs about ${formatCount(perArm)} labelled rows (${formatCount(2 * perArm)} in all). ` +
    'Stopping earlier, or peeking until p dips below α, finds differences that are not there; halving the effect roughly quadruples the rows needed.';
  return { perArm, total: 2 * perArm, sentence };
}
