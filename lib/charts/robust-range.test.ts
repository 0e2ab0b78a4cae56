import { describe, expect, it } from 'vitest';
import { robustRange } from './robust-range';
import { formatNumber } from './scales';

describe('robustRange', () => {
  it('clips a diverged run’s huge values, counting them, and prints each tick once', () => {
    const loss = [3012, 2480, 2210, 2105, 2090, 9.48253531129774e17];
    const r = robustRange(loss);
    expect(r.clipped).toBe(1);
    expect(r.clippedMax).toBe(9.48253531129774e17);
    expect(r.domain[1]).toBeLessThan(4000);
    const labels = r.ticks.map(formatNumber);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).not.toContain('948253531129774080.0');
  });

  it('keeps a healthy curve whole, even one that starts two orders of magnitude above its end', () => {
    const r = robustRange([10_000, 200, 50, 30, 20, 15, 12, 11, 10.5, 10]);
    expect(r.clipped).toBe(0);
    expect(r.domain[0]).toBeLessThanOrEqual(10);
    expect(r.domain[1]).toBeGreaterThanOrEqual(10_000);
  });

  it('ignores non-finite values, and copes with none or one value', () => {
    expect(robustRange([1, NaN, Infinity, 2])).toMatchObject({ clipped: 0, domain: [1, 2] });
    expect(robustRange([])).toEqual({ domain: [0, 1], ticks: [0, 0.5, 1], clipped: 0, clippedMax: null });
    const flat = robustRange([5, 5]).domain;
    expect(flat[0]).toBeLessThan(5);
    expect(flat[1]).toBeGreaterThan(5);
  });
});

describe('tickLabels', () => {
  it('prints each tick once with as few digits as that takes', async () => {
    const { tickLabels } = await import('./robust-range');
    expect(tickLabels([9e17, 9.5e17, 1e18, 1.05e18, 1.1e18])).toEqual(['9e17', '9.5e17', '1e18', '1.05e18', '1.1e18']);
    expect(tickLabels([0, 0.2, 0.4])).toEqual(['0', '0.2', '0.4']);
    expect(tickLabels([2000, 2500, 3000])).toEqual(['2000', '2500', '3000']);
    expect(tickLabels([0.0001, 0.0002])).toEqual(['1e-4', '2e-4']);
  });
});
