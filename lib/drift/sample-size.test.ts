import { describe, expect, it } from 'vitest';
import { sampleSizeEffect } from './index';

describe('sampleSizeEffect', () => {
  const rows = sampleSizeEffect({ shift: 0.1, seed: 7 });

  it('one row per default size', () => {
    expect(rows.map((r) => r.n)).toEqual([100, 1000, 10000, 100000]);
  });

  it('the K-S p-value collapses with n while the normed Wasserstein distance stays near the shift', () => {
    const small = rows[0]!;
    const large = rows[3]!;
    expect(small.ksPValue).toBeGreaterThan(0.05);
    expect(small.ksDrift).toBe(false);
    expect(large.ksPValue).toBeLessThan(1e-6);
    expect(large.ksDrift).toBe(true);
    expect(Math.abs(large.normedWasserstein - 0.1)).toBeLessThan(0.03);
    expect(large.wassersteinDrift).toBe(large.normedWasserstein >= 0.1);
    // D estimates |Φ(0.05) − Φ(−0.05)| ≈ 0.0399 for a 0.1 shift.
    expect(Math.abs(large.ksStatistic - 0.0399)).toBeLessThan(0.01);
  });

  it('is reproducible, and a size does not depend on the other sizes asked for', () => {
    expect(sampleSizeEffect({ shift: 0.1, seed: 7, sizes: [1000] })).toEqual([rows[1]]);
    expect(sampleSizeEffect({ shift: 0.1, seed: 8, sizes: [1000] })).not.toEqual([rows[1]]);
  });

  it('no shift: no drift by either measure at a large n', () => {
    const [r] = sampleSizeEffect({ shift: 0, seed: 1, sizes: [20000] });
    expect(r!.ksDrift).toBe(false);
    expect(r!.normedWasserstein).toBeLessThan(0.05);
  });

  it('refuses bad sizes and shifts', () => {
    expect(() => sampleSizeEffect({ shift: 0.1, seed: 1, sizes: [0] })).toThrow(RangeError);
    expect(() => sampleSizeEffect({ shift: Number.NaN, seed: 1 })).toThrow(RangeError);
  });
});
