/**
 * Why a p-value test is a poor drift alarm on big data: the same small shift becomes
 * "significant" once samples are large enough, while a distance keeps measuring its size.
 * This is the reason Evidently switches from K-S to the normed Wasserstein distance above
 * 1,000 reference rows.
 */
import { normal, seededRandom } from '../data/random';
import { ksTest } from './ks';
import { normedWassersteinSorted } from './prepare';
import { DRIFT_TESTS, isDrifted } from './select';

/** One sample size's figures in {@link sampleSizeEffect}. */
export interface SampleSizeRow {
  /** Draws per side. */
  n: number;
  /** Two-sample K-S p-value (exact up to 10,000 a side, asymptotic above). */
  ksPValue: number;
  /** K-S D: the largest gap between the two empirical CDFs. */
  ksStatistic: number;
  /** W₁ / std(reference): about |shift| for two normals, whatever n. */
  normedWasserstein: number;
  /** K-S verdict at Evidently's threshold (p ≤ 0.05). */
  ksDrift: boolean;
  /** Wasserstein verdict at Evidently's threshold (≥ 0.1). */
  wassersteinDrift: boolean;
}

/** The sample sizes shown by default: one per decade from 100 to 100,000. */
export const SAMPLE_SIZES: readonly number[] = [100, 1000, 10000, 100000];

/** Options of {@link sampleSizeEffect}. */
export interface SampleSizeOptions {
  /** How far the current mean moves, in standard deviations of the reference (0.1 = a tenth). */
  shift: number;
  /** Draws per side, each a positive integer (default {@link SAMPLE_SIZES}). */
  sizes?: readonly number[];
  /** Seed of the generator, so the table is the same on every run. */
  seed: number;
}

/**
 * For each n: reference = n draws of N(0, 1), current = n draws of N(shift, 1), both from a
 * mulberry32 stream seeded by (seed, n) so a size's samples do not depend on which other sizes
 * are asked for; then the K-S test and the normed Wasserstein distance with Evidently's
 * thresholds. For a fixed shift, D and W stay put while p falls like exp(−n·D²): with shift 0.1,
 * n = 100 rarely drifts by K-S, n = 100,000 gives p far below 10⁻⁶, while W stays near 0.1.
 * Cost: O(n log n) per size; the 100,000 case takes tens of milliseconds (K-S is asymptotic there).
 * @throws RangeError when `shift` or `seed` is not finite or a size is not a positive integer.
 */
export function sampleSizeEffect({ shift, sizes = SAMPLE_SIZES, seed }: SampleSizeOptions): SampleSizeRow[] {
  if (!Number.isFinite(shift)) throw new RangeError(`The shift must be a finite number of standard deviations, not ${shift}.`);
  if (!Number.isFinite(seed)) throw new RangeError(`The seed must be a finite number, not ${seed}.`);
  return sizes.map((n) => {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`Each sample size must be a positive integer, not ${n}.`);
    // Mixing n into the seed (golden-ratio multiplier) gives each size its own stream.
    const random = seededRandom((seed ^ Math.imul(n, 0x9e3779b1)) >>> 0);
    const reference = new Float64Array(n);
    const current = new Float64Array(n);
    for (let i = 0; i < n; i++) reference[i] = normal(random);
    for (let i = 0; i < n; i++) current[i] = normal(random) + shift;
    // Sorted once here: ksTest then re-sorts in linear time and the Wasserstein merge needs order.
    reference.sort();
    current.sort();
    const ks = ksTest(reference, current);
    const normedWasserstein = normedWassersteinSorted(reference, current);
    return {
      n,
      ksPValue: ks.pValue,
      ksStatistic: ks.statistic,
      normedWasserstein,
      ksDrift: isDrifted('ks', ks.pValue, DRIFT_TESTS.ks.defaultThreshold),
      wassersteinDrift: isDrifted('wasserstein', normedWasserstein, DRIFT_TESTS.wasserstein.defaultThreshold),
    };
  });
}
