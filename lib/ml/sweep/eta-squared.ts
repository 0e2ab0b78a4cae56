// The statistics behind parameter importance: η² (one-way ANOVA) and its permutation baseline.
import { seededRandom, shuffled } from '../../data/random';
import type { ParamValue } from '../../tracking/run-types';

/**
 * Whether `values` spread at all. Sums of squares of equal values come out as tiny float noise,
 * so the cut-off is relative to the values' size: Σ(v − mean)² > 1e-12 · max(1, mean²) · n.
 */
export function hasSpread(values: readonly number[]): boolean {
  const n = values.length;
  if (n === 0) return false;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const total = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  return total > 1e-12 * Math.max(1, mean * mean) * n;
}

/**
 * η² of `values` grouped by `groups` (same length): Σ_g n_g (mean_g − mean)² ÷ Σ_i (v_i − mean)².
 * 0 when every value is equal (nothing to explain, see `hasSpread`) or there is one group; 1 when
 * groups explain all the spread. With g groups of n values and no real effect its expectation is
 * about (g − 1) ÷ (n − 1), so it is never 0 by chance: compare it with `permutationBaseline`.
 */
export function etaSquared(values: readonly number[], groups: readonly string[]): number {
  const n = values.length;
  if (!hasSpread(values)) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const total = values.reduce((s, v) => s + (v - mean) ** 2, 0);
  const byGroup = new Map<string, { sum: number; count: number }>();
  values.forEach((v, i) => {
    const g = byGroup.get(groups[i]!) ?? { sum: 0, count: 0 };
    g.sum += v;
    g.count += 1;
    byGroup.set(groups[i]!, g);
  });
  let between = 0;
  for (const { sum, count } of byGroup.values()) between += count * (sum / count - mean) ** 2;
  return Math.min(1, Math.max(0, between / total));
}

/**
 * Group labels for one param's values: each distinct value its own group, except numbers with
 * more than `maxLevels` distinct values, which fall into `maxLevels` quantile bins by rank (equal
 * values share a bin).
 */
export function groupLabels(values: readonly ParamValue[], maxLevels = 4): string[] {
  const distinct = new Set(values.map((v) => String(v)));
  if (distinct.size <= maxLevels || !values.every((v) => typeof v === 'number')) return values.map((v) => String(v));
  const nums = values as number[];
  const sorted = [...nums].sort((a, b) => a - b);
  return nums.map((v) => {
    const below = sorted.findIndex((x) => x >= v);
    return `q${Math.min(maxLevels - 1, Math.floor((maxLevels * below) / nums.length)) + 1}`;
  });
}

/** What noise alone gives one param: η² on shuffled objectives, and how the real η² compares. */
export interface ShuffledBaseline {
  /** η² on the real objective values. */
  observed: number;
  /** Mean η² over the permutations. */
  shuffledMean: number;
  /** 95th percentile (nearest rank) of the permutations' η². */
  shuffledP95: number;
  /** (1 + #permutations with η² ≥ observed) ÷ (1 + permutations). */
  pValue: number;
}

/**
 * Permutation baseline of η² for several groupings of the same trials. Each permutation
 * shuffles `values` across trials once (seeded Fisher–Yates, so the same seed gives the same
 * baseline) and recomputes η² for every grouping, which breaks any link between params and
 * objective while keeping the group sizes. p-value = (1 + k) ÷ (1 + permutations), k the
 * permutations at least as high as the observed η² (within 1e-12, so exact ties count, as they
 * do with few trials); the +1 keeps it above 0 and valid for any number of permutations.
 * p ≤ 0.05 implies the observed η² is above the nearest-rank 95th percentile. Edge cases: a
 * constant objective or a single group gives 0 everywhere and p = 1; with n trials there are at
 * most n! distinct shuffles, so with 3 or 4 trials p cannot get small.
 *
 * @param values finite objective values, one per trial
 * @param groupings for each param, one group label per trial (`groupLabels`)
 * @param options `permutations` (at least 1; default 200) and `seed` (default 1)
 */
export function permutationBaseline(values: readonly number[], groupings: ReadonlyArray<readonly string[]>, options: { permutations?: number; seed?: number } = {}): ShuffledBaseline[] {
  const permutations = Math.max(1, Math.floor(options.permutations ?? 200));
  const random = seededRandom(options.seed ?? 1);
  const observed = groupings.map((groups) => etaSquared(values, groups));
  const shuffledEtas = groupings.map(() => new Array<number>(permutations));
  for (let p = 0; p < permutations; p++) {
    const order = shuffled(values, random);
    groupings.forEach((groups, i) => {
      shuffledEtas[i]![p] = etaSquared(order, groups);
    });
  }
  return observed.map((eta, i) => {
    const sorted = shuffledEtas[i]!.sort((a, b) => a - b);
    const atLeast = sorted.filter((s) => s >= eta - 1e-12).length;
    return {
      observed: eta,
      shuffledMean: sorted.reduce((s, v) => s + v, 0) / permutations,
      shuffledP95: sorted[Math.ceil(0.95 * permutations) - 1]!,
      pValue: (1 + atLeast) / (1 + permutations),
    };
  });
}
