import { describe, expect, it } from 'vitest';
import { normal, seededRandom } from '../data/random';
import { unionUniqueSorted } from './prepare';
import { normedWassersteinDistance } from './wasserstein';
import { normedWassersteinAgainstCdf } from './wasserstein-cdf';

const sorted = (xs: number[]) => Float64Array.from(xs).sort();

describe('the normed Wasserstein distance against a cached reference CDF', () => {
  it('equals the merge walk (and so SciPy) to rounding, with the union of distinct values, on seeded samples with ties and gaps', () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 3000);
      const m = 1 + Math.floor(random() * 300);
      const shift = random() * 2 - 1;
      const round = random() < 0.5 ? (x: number) => Math.round(x * 4) / 4 : (x: number) => x;
      const u = sorted(Array.from({ length: n }, () => round(normal(random))));
      const v = sorted(Array.from({ length: m }, () => round(normal(random) * (0.5 + random()) + shift)));
      const fast = normedWassersteinAgainstCdf(u, v);
      const exact = normedWassersteinDistance(Array.from(u), Array.from(v));
      expect(Math.abs(fast.distance - exact)).toBeLessThanOrEqual(1e-12 * Math.max(1, exact));
      expect(fast.unique).toBe(unionUniqueSorted(u, v));
    }
  });

  it('handles one value a side, a constant reference and a current sample entirely outside the reference', () => {
    const cases: Array<[number[], number[]]> = [
      [[1], [1]],
      [[1], [2]],
      [[3, 3, 3], [3, 4]],
      [[0, 1, 2], [10, 11]],
      [[5, 6, 7], [-3, -2, 6]],
    ];
    for (const [u, v] of cases) {
      const fast = normedWassersteinAgainstCdf(sorted(u), sorted(v));
      expect(fast.distance).toBeCloseTo(normedWassersteinDistance(u, v), 12);
      expect(fast.unique).toBe(new Set([...u, ...v]).size);
    }
  });
});
