import { describe, expect, it } from 'vitest';
import { seededRandom } from '../data/random';
import { calibrate, fitIsotonic } from './calibration';

describe('isotonic calibration (pool-adjacent-violators)', () => {
  it('gives the exact PAV fit on a hand case, with knots as scikit-learn keeps them', () => {
    // (1,1),(2,0) violate → pooled 0.5; (3,1),(4,0) violate → pooled 0.5; (5,1) stays.
    const model = fitIsotonic([1, 2, 3, 4, 5], [1, 0, 1, 0, 1]);
    expect(model).toEqual({ x: [1, 4, 5], y: [0.5, 0.5, 1] });
    expect(calibrate(model, 2.5)).toBe(0.5);
    expect(calibrate(model, 4.5)).toBeCloseTo(0.75, 12);
    expect(calibrate(model, -10)).toBe(0.5);
    expect(calibrate(model, Number.POSITIVE_INFINITY)).toBe(1);
  });

  it('pools tied scores before PAV', () => {
    // 0.1 ties → (0.5, weight 2); then 0.2 → 0 violates → (1 + 0) / 3.
    const model = fitIsotonic([0.1, 0.2, 0.1, 0.3], [0, 0, 1, 1]);
    expect(model.x).toEqual([0.1, 0.2, 0.3]);
    expect(model.y[0]).toBeCloseTo(1 / 3, 12);
    expect(model.y[1]).toBeCloseTo(1 / 3, 12);
    expect(model.y[2]).toBe(1);
  });

  it('is monotone and keeps the mean label on random data', () => {
    const random = seededRandom(7);
    const scores = Array.from({ length: 3000 }, () => Math.round(random() * 200) / 200);
    const labels: number[] = scores.map((s) => (random() < s * s ? 1 : 0));
    const model = fitIsotonic(scores, labels);
    for (let i = 1; i < model.y.length; i++) {
      expect(model.x[i]!).toBeGreaterThan(model.x[i - 1]!);
      expect(model.y[i]!).toBeGreaterThanOrEqual(model.y[i - 1]!);
    }
    let previous = -1;
    for (let s = -0.1; s <= 1.1; s += 0.001) {
      const p = calibrate(model, s)!;
      expect(p).toBeGreaterThanOrEqual(previous);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      previous = p;
    }
    // PAV is a projection that preserves the total per block, hence the overall mean.
    const fitted = scores.reduce((sum, s) => sum + calibrate(model, s)!, 0) / scores.length;
    const mean = labels.reduce((a, b) => a + b, 0) / labels.length;
    expect(fitted).toBeCloseTo(mean, 10);
    // It undoes the square: P(y | s) = s² is recovered within noise.
    expect(calibrate(model, 0.7)!).toBeCloseTo(0.49, 1);
  });

  it('handles one row, one label and no usable row without NaN', () => {
    expect(fitIsotonic([0.3], [1])).toEqual({ x: [0.3], y: [1] });
    expect(calibrate(fitIsotonic([0.3], [1]), 0.9)).toBe(1);
    const allOnes = fitIsotonic([0.2, 0.5, 0.9], [1, 1, 1]);
    expect(allOnes).toEqual({ x: [0.2, 0.9], y: [1, 1] });
    expect(calibrate(allOnes, 0.6)).toBe(1);
    const empty = fitIsotonic([Number.NaN, 0.4], [1, 2]);
    expect(empty).toEqual({ x: [], y: [] });
    expect(calibrate(empty, 0.5)).toBeNull();
    expect(calibrate(allOnes, Number.NaN)).toBeNull();
    expect(() => fitIsotonic([0.1], [])).toThrow(RangeError);
  });
});
