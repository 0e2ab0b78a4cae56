import { describe, expect, it } from 'vitest';
import { lttb, type Point } from './lttb';

const series = (n: number, f: (i: number) => number): Point[] => Array.from({ length: n }, (_, i) => ({ x: i, y: f(i) }));

describe('lttb', () => {
  it('returns short series unchanged (as a copy)', () => {
    const s = series(10, (i) => i);
    const out = lttb(s, 1000);
    expect(out).toEqual(s);
    expect(out).not.toBe(s);
    expect(lttb(s, 2)).toEqual(s);
  });

  it('keeps exactly `threshold` points, first and last included, in x order', () => {
    const s = series(100_000, (i) => Math.sin(i / 500));
    const out = lttb(s, 1000);
    expect(out).toHaveLength(1000);
    expect(out[0]).toBe(s[0]);
    expect(out.at(-1)).toBe(s.at(-1));
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
  });

  it('keeps a single spike that striding would miss', () => {
    const s = series(10_000, (i) => (i === 4321 ? 100 : 0));
    expect(lttb(s, 100).some((p) => p.y === 100)).toBe(true);
  });

  it('matches the reference algorithm on a small known series', () => {
    // Hand-checked: buckets {1,2}, {3,4}; the middle picks maximize the triangle areas.
    const s = [
      { x: 0, y: 0 },
      { x: 1, y: 5 },
      { x: 2, y: 1 },
      { x: 3, y: 1 },
      { x: 4, y: -4 },
      { x: 5, y: 0 },
    ];
    expect(lttb(s, 4).map((p) => p.x)).toEqual([0, 1, 4, 5]);
  });

  it('survives NaN values without losing the series end', () => {
    const s = series(5000, (i) => (i > 4000 ? NaN : i));
    const out = lttb(s, 500);
    expect(out).toHaveLength(500);
    expect(Number.isNaN(out.at(-1)!.y)).toBe(true);
  });
});
