import { describe, expect, it } from 'vitest';
import { type AbArm, abComparison, MIN_AB_LABELLED } from './ab-test';
import { ServingError } from './errors';
import { meanSampleSize, minSampleSize, proportionSampleSize } from './sample-size';

const hits = (hit: number, labelled: number): AbArm => ({ labelled, metricSum: hit, metricSumSq: hit });

describe('abComparison, accuracy (pooled two-proportion z-test)', () => {
  it('matches a hand-computed example: 900/1000 vs 930/1000', () => {
    // p̂ = 1830/2000 = 0.915, se = √(0.915·0.085·(2/1000)) = 0.0124720, z = 0.03/se = 2.405394,
    // p = 2·(1 − Φ(2.405394)) = 0.0161550 (scipy); unpooled 95 % CI 0.03 ± 1.96·0.0124539.
    const result = abComparison(hits(900, 1000), hits(930, 1000), 'classification', 0.05);
    expect(result.metric).toBe('accuracy');
    expect(result.a).toBeCloseTo(0.9, 12);
    expect(result.b).toBeCloseTo(0.93, 12);
    expect(result.diff).toBeCloseTo(0.03, 12);
    expect(result.pValue).toBeCloseTo(0.016155032073740472, 10);
    expect(result.ci95?.[0]).toBeCloseTo(0.005590775041192746, 10);
    expect(result.ci95?.[1]).toBeCloseTo(0.05440922495880725, 10);
    expect(result).toMatchObject({ significant: true, winner: 'B', samplesNeeded: 1356 });
    expect(result.sentence).toBe('B wins: accuracy 90.0 % (A) vs 93.0 % (B), difference +3 points (95 % CI +0.559 to +5.44 points), p = 0.0162, below α = 0.05; A has 1,000 labelled rows, B 1,000.');
  });

  it('names no winner when the same data misses a stricter alpha', () => {
    const result = abComparison(hits(900, 1000), hits(930, 1000), 'classification', 0.01);
    expect(result).toMatchObject({ significant: false, winner: null, samplesNeeded: proportionSampleSize(0.9, 0.93, 0.01, 0.8) });
    expect(result.sentence).toMatch(/^No significant difference yet: .* p = 0\.0162, not below α = 0\.01\. Detecting a difference this size with 80 % power takes about [\d,]+ labelled rows per variant; .* Name no winner until it is\.$/);
  });

  it('names A when A is significantly better', () => {
    expect(abComparison(hits(930, 1000), hits(900, 1000), 'classification', 0.05)).toMatchObject({ winner: 'A', significant: true });
  });

  it('handles level arms, perfect arms and no labels', () => {
    const level = abComparison(hits(450, 500), hits(450, 500), 'classification', 0.05);
    expect(level).toMatchObject({ pValue: 1, significant: false, winner: null, samplesNeeded: null, diff: 0 });
    expect(level.sentence).toContain('The variants are level');
    expect(abComparison(hits(100, 100), hits(100, 100), 'classification', 0.05)).toMatchObject({ pValue: 1, winner: null });
    const none = abComparison(hits(0, 0), hits(40, 50), 'classification', 0.05);
    expect(none).toMatchObject({ a: null, b: 0.8, diff: null, pValue: null, ci95: null, significant: false, winner: null });
    expect(none.sentence).toBe('Nothing to compare yet: A has 0 labelled rows, B 50. Labels arrive after a delay; the comparison starts once both variants have them.');
  });

  it('does not test below the minimum labelled rows, however large the gap', () => {
    const few = abComparison(hits(5, MIN_AB_LABELLED - 1), hits(MIN_AB_LABELLED - 1, MIN_AB_LABELLED - 1), 'classification', 0.05);
    expect(few).toMatchObject({ pValue: null, significant: false, winner: null });
    expect(few.sentence).toMatch(/^Too few labels to test: A has 29 labelled rows, B 29, and the test needs 30 in each\./);
  });
});

describe('abComparison, RMSE (Welch on squared error, normal approximation)', () => {
  // Sums of squared errors of numpy draws: A ~ N(0, 10²) errors, B ~ N(0, 9²), 400 and 500 rows.
  const a: AbArm = { labelled: 400, metricSum: 34519.49993276592, metricSumSq: 8940972.632272203 };
  const b: AbArm = { labelled: 500, metricSum: 37198.6222653795, metricSumSq: 8169290.103863256 };

  it('matches the z computed in numpy, close to scipy’s Welch t-test', () => {
    const result = abComparison(a, b, 'regression', 0.05);
    expect(result.metric).toBe('rmse');
    expect(result.a).toBeCloseTo(9.28971204246476, 10);
    expect(result.b).toBeCloseTo(8.625383732377301, 10);
    expect(result.diff).toBeCloseTo(-0.6643283100874591, 10);
    // z = −1.549361 → p = 0.121295 (normal); scipy's Welch t-test gives 0.121698.
    expect(result.pValue).toBeCloseTo(0.12129503235686512, 8);
    expect(Math.abs((result.pValue ?? 0) - 0.12169819982146325)).toBeLessThan(0.001);
    expect(result.ci95?.[0]).toBeCloseTo(-1.4981074550059765, 8);
    expect(result.ci95?.[1]).toBeCloseTo(0.16945083483105827, 8);
    expect(result).toMatchObject({ significant: false, winner: null, samplesNeeded: 1428 });
  });

  it('names the lower RMSE the winner when significant', () => {
    const big = abComparison(
      { labelled: 2000, metricSum: 200647.79970902367, metricSumSq: 60778164.35061285 },
      { labelled: 2000, metricSum: 127516.83482686573, metricSumSq: 25947241.938779525 },
      'regression',
      0.05,
    );
    expect(big).toMatchObject({ significant: true, winner: 'B' });
    expect(big.pValue).toBeLessThan(1e-15);
    expect(big.sentence).toMatch(/^B wins: RMSE 10\.02 \(A\) vs 7\.985 \(B\), difference −2\.03 \(95 % CI −[\d.]+ to −[\d.]+\), p < 0\.001, below α = 0\.05/);
  });

  it('copes with zero spread: identical errors on both sides', () => {
    const flat = (n: number, sq: number): AbArm => ({ labelled: n, metricSum: n * sq, metricSumSq: n * sq * sq });
    expect(abComparison(flat(100, 4), flat(100, 4), 'regression', 0.05)).toMatchObject({ pValue: 1, winner: null, diff: 0 });
    expect(abComparison(flat(100, 4), flat(100, 9), 'regression', 0.05)).toMatchObject({ pValue: 0, winner: 'A', diff: 1 });
  });
});

describe('minSampleSize', () => {
  it('gives 3,841 per arm for 10 % → 12 %, α 0.05, power 0.8', () => {
    // By hand: p̄ = 0.11; 1.959964·√(2·0.11·0.89) = 0.867270; 0.841621·√(0.09 + 0.1056) = 0.372217;
    // (1.239487)² / 0.02² = 3840.85 → 3,841.
    const answer = minSampleSize({ baseline: 0.1, minDetectableEffect: 0.02, alpha: 0.05, power: 0.8 });
    expect(answer).toMatchObject({ perArm: 3841, total: 7682 });
    expect(answer.sentence).toMatch(/^To tell 10\.0 % from 12\.0 % \(a change of 2 points\) at α = 0\.05 with 80 % power, each arm needs about 3,841 labelled rows \(7,682 in all\)\./);
    expect(minSampleSize({ baseline: 0.1, minDetectableEffect: 0.02 }).perArm).toBe(3841);
  });

  it('needs about four times the rows for half the effect', () => {
    const full = minSampleSize({ baseline: 0.5, minDetectableEffect: 0.1 }).perArm;
    const half = minSampleSize({ baseline: 0.5, minDetectableEffect: 0.05 }).perArm;
    expect(half / full).toBeGreaterThan(3.8);
    expect(half / full).toBeLessThan(4.2);
  });

  it('refuses impossible questions with a sentence', () => {
    const ask = (changes: object) => () => minSampleSize({ baseline: 0.9, minDetectableEffect: 0.02, ...changes });
    expect(ask({ baseline: 0 })).toThrow(ServingError);
    expect(ask({ minDetectableEffect: 0 })).toThrow(/above 0/);
    expect(ask({ minDetectableEffect: 0.2 })).toThrow(/would pass 100 %/);
    expect(ask({ alpha: 1 })).toThrow(/significance level/);
    expect(ask({ power: 0 })).toThrow(/power/);
  });

  it('sizes mean comparisons, with Infinity for no difference', () => {
    // (1.959964 + 0.841621)² · (1 + 1) / 0.5² = 62.79 → 63.
    expect(meanSampleSize(0.5, 1, 1, 0.05, 0.8)).toBe(63);
    expect(meanSampleSize(0, 1, 1, 0.05, 0.8)).toBe(Number.POSITIVE_INFINITY);
    expect(proportionSampleSize(0.3, 0.3, 0.05, 0.8)).toBe(Number.POSITIVE_INFINITY);
  });
});
