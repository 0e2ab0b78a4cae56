import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, twoSidedP } from './normal';

// Reference values from scipy.stats.norm (cdf / ppf).
const CDF: Array<[number, number]> = [
  [-8, 6.22096057427174e-16],
  [-5, 2.866515718791933e-7],
  [-3, 0.0013498980316300933],
  [-1.96, 0.024997895148220435],
  [-1, 0.15865525393145707],
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [1, 0.8413447460685429],
  [3, 0.9986501019683699],
  [6, 0.9999999990134123],
  [7.5, 0.9999999999999681],
];
const PPF: Array<[number, number]> = [
  [1e-10, -6.361340902404056],
  [1e-5, -4.264890793922825],
  [0.001, -3.090232306167813],
  [0.02425, -1.972961051311885],
  [0.05, -1.6448536269514729],
  [0.2, -0.8416212335729142],
  [0.5, 0],
  [0.8, 0.8416212335729143],
  [0.975, 1.959963984540054],
  [0.999, 3.090232306167813],
  [1 - 1e-9, 5.997807019601637],
];

describe('normalCdf', () => {
  it('matches scipy to 2e-16 absolute, an ulp near 1 (1e-13 relative within |x| ≤ 3)', () => {
    for (const [x, expected] of CDF) {
      expect(Math.abs(normalCdf(x) - expected)).toBeLessThanOrEqual(2e-16);
      if (Math.abs(x) <= 3) expect(Math.abs(normalCdf(x) - expected)).toBeLessThanOrEqual(expected * 1e-13);
    }
  });

  it('is 0 and 1 far out, NaN for NaN, symmetric', () => {
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
    for (const x of [0.3, 1.7, 4.2]) expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 14);
  });
});

describe('normalQuantile', () => {
  it('matches scipy to 1e-12 where A/B tests live, and to 1e-8 in the far tails', () => {
    // Far out the CDF's relative error (and, for 1 − 1e-9, the binary rounding of p) limits it.
    for (const [p, expected] of PPF) expect(Math.abs(normalQuantile(p) - expected)).toBeLessThan(p < 1e-4 || p > 0.9999 ? 1e-8 : 1e-12);
  });

  it('inverts normalCdf', () => {
    for (const x of [-4, -2.5, -0.1, 0.7, 2.2, 3.9]) expect(normalQuantile(normalCdf(x))).toBeCloseTo(x, 10);
  });

  it('handles the ends and nonsense', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(-0.1)).toBeNaN();
    expect(normalQuantile(1.1)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });
});

describe('twoSidedP', () => {
  it('is 2·(1 − Φ(|z|))', () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(twoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 12);
    expect(twoSidedP(0)).toBe(1);
    expect(twoSidedP(10)).toBeGreaterThan(0);
    expect(twoSidedP(10)).toBeLessThan(1e-20);
  });
});
