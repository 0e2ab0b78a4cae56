import { seededRandom, shuffled } from './random';

/** Row indices of each part of a split. */
export interface Split {
  train: number[];
  validation: number[];
  test: number[];
}

/** Shares of rows for train, validation and test; they must add up to 1. */
export type SplitFractions = readonly [train: number, validation: number, test: number];

export const DEFAULT_FRACTIONS: SplitFractions = [0.7, 0.15, 0.15];

function counts(n: number, fractions: SplitFractions): [number, number] {
  const [tr, va, te] = fractions;
  if ([tr, va, te].some((f) => f < 0) || Math.abs(tr + va + te - 1) > 1e-9) throw new RangeError(`split fractions must be ≥ 0 and add up to 1, got ${fractions.join(', ')}`);
  const train = Math.round(n * tr);
  const validation = Math.min(n - train, Math.round(n * va));
  return [train, validation];
}

/**
 * Seeded random split: shuffles row indices with the seed, then cuts by `fractions`
 * (rounded; the test part takes the remainder). Same seed and size, same split.
 */
export function randomSplit(rowCount: number, seed: number, fractions: SplitFractions = DEFAULT_FRACTIONS): Split {
  const order = shuffled(
    Array.from({ length: rowCount }, (_, i) => i),
    seededRandom(seed),
  );
  const [train, validation] = counts(rowCount, fractions);
  return { train: order.slice(0, train), validation: order.slice(train, train + validation), test: order.slice(train + validation) };
}

/**
 * Time split: the oldest rows train, the next validate, the newest test, as production would
 * see them. Ties keep their original order. Rows with a missing time (NaN) are left out.
 *
 * @param times one timestamp (ms) per row
 */
export function timeSplit(times: ArrayLike<number>, fractions: SplitFractions = DEFAULT_FRACTIONS): Split {
  const order = Array.from({ length: times.length }, (_, i) => i)
    .filter((i) => Number.isFinite(times[i]))
    .sort((a, b) => times[a]! - times[b]! || a - b);
  const [train, validation] = counts(order.length, fractions);
  return { train: order.slice(0, train), validation: order.slice(train, train + validation), test: order.slice(train + validation) };
}
