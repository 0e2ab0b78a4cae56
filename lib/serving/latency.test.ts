import { describe, expect, it } from 'vitest';
import { percentile, percentiles, percentileSorted } from './latency';

describe('percentile', () => {
  it('interpolates linearly like numpy.percentile', () => {
    // numpy.percentile([15, 20, 35, 40, 50], q) for q = 0, 5, 30, 40, 50, 95, 99, 100
    const values = [15, 20, 35, 40, 50];
    const expected = [15, 16, 23, 29, 35, 48, 49.6, 50];
    [0, 5, 30, 40, 50, 95, 99, 100].forEach((q, i) => expect(percentile(values, q)).toBeCloseTo(expected[i] as number, 12));
  });

  it('sorts unsorted input without changing it (numbers, not strings)', () => {
    const values = [3.2, 1.1, 9.9, 4.4, 7.0, 2.5, 8.8, 6.1];
    const copy = [...values];
    expect(percentiles(values, [50, 95, 99])).toEqual([expect.closeTo(5.25, 12), expect.closeTo(9.515, 12), expect.closeTo(9.823, 12)]);
    expect(values).toEqual(copy);
    // A string sort would put 10 before 9.
    expect(percentile([9, 10, 100], 50)).toBe(10);
  });

  it('returns NaN for no values, the value for one, and ignores NaN', () => {
    expect(percentile([], 95)).toBeNaN();
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([Number.NaN, 4, Number.NaN, 2], 50)).toBe(3);
    expect(percentileSorted(new Float64Array([1, 2, 3, 4]), 100)).toBe(4);
  });

  it('refuses q outside 0–100', () => {
    expect(() => percentile([1, 2], 101)).toThrow(RangeError);
    expect(() => percentile([1, 2], -1)).toThrow(/between 0 and 100/);
    expect(() => percentiles([1, 2], [50, Number.NaN])).toThrow(RangeError);
  });
});
