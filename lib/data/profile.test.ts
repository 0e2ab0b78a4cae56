import { describe, expect, it } from 'vitest';
import { OTHER_CATEGORY, profileColumn, profileTable, targetDistribution } from './profile';
import type { Column, DataTable } from './table';

const num = (name: string, values: Array<number | null>, type: 'numeric' | 'datetime' | 'boolean' = 'numeric'): Column => ({ name, type, values });
const cat = (name: string, values: Array<string | null>): Column => ({ name, type: 'categorical', values });

describe('profileColumn', () => {
  it('summarises a numeric column and bins it with exact edges and counts', () => {
    const p = profileColumn(num('x', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, null, null]), { bins: 5 });
    expect(p).toMatchObject({ name: 'x', type: 'numeric', count: 11, missing: 2, distinct: 11 });
    expect(p.numeric!.min).toBe(0);
    expect(p.numeric!.max).toBe(10);
    expect(p.numeric!.mean).toBe(5);
    expect(p.numeric!.std).toBeCloseTo(Math.sqrt(10), 12); // population variance of 0..10 is 10
    // Width 2: [0,2) [2,4) [4,6) [6,8) [8,10]; 10 falls in the closed last bin.
    expect(p.numeric!.histogram).toEqual([
      { from: 0, to: 2, count: 2 },
      { from: 2, to: 4, count: 2 },
      { from: 4, to: 6, count: 2 },
      { from: 6, to: 8, count: 2 },
      { from: 8, to: 10, count: 3 },
    ]);
    expect(p.categories).toBeUndefined();
  });

  it('uses 20 bins by default, ending exactly at max', () => {
    const h = profileColumn(num('x', [0.1, 0.2, 0.7])).numeric!.histogram;
    expect(h).toHaveLength(20);
    expect(h[19]!.to).toBe(0.7);
    expect(h.reduce((a, b) => a + b.count, 0)).toBe(3);
    expect(h[0]!.count).toBe(1);
    expect(h[3]!.count).toBe(1); // (0.2 − 0.1) / 0.03 = 3.33 → bin 3
    expect(h[19]!.count).toBe(1);
  });

  it('gives a constant column one bin and an empty column no summary', () => {
    const p = profileColumn(num('c', [4, 4, null, 4]));
    expect(p.numeric).toEqual({ min: 4, max: 4, mean: 4, std: 0, histogram: [{ from: 4, to: 4, count: 3 }] });
    expect(p.distinct).toBe(1);
    const empty = profileColumn(num('e', [null, null]));
    expect(empty).toEqual({ name: 'e', type: 'numeric', count: 0, missing: 2, distinct: 0 });
  });

  it('bins datetimes in epoch ms', () => {
    const day = 86_400_000;
    const p = profileColumn(num('t', [0, day, 2 * day, 4 * day], 'datetime'), { bins: 2 });
    expect(p.numeric!.histogram).toEqual([
      { from: 0, to: 2 * day, count: 2 },
      { from: 2 * day, to: 4 * day, count: 2 },
    ]);
  });

  it('counts booleans as true/false categories', () => {
    const p = profileColumn(num('b', [1, 0, 1, null, 1], 'boolean'));
    expect(p).toMatchObject({ count: 4, missing: 1, distinct: 2 });
    expect(p.categories).toEqual([
      { value: 'true', count: 3 },
      { value: 'false', count: 1 },
    ]);
    expect(p.numeric).toBeUndefined();
  });

  it('lists top categories by count, ties alphabetical, then (other)', () => {
    const values = ['c', 'b', 'a', 'c', 'b', 'c', 'd', 'e', null, 'a', 'f'];
    const p = profileColumn(cat('g', values), { top: 3 });
    expect(p).toMatchObject({ count: 10, missing: 1, distinct: 6 });
    expect(p.categories).toEqual([
      { value: 'c', count: 3 },
      { value: 'a', count: 2 },
      { value: 'b', count: 2 },
      { value: OTHER_CATEGORY, count: 3 },
    ]);
    // No (other) when everything fits.
    expect(profileColumn(cat('g', ['x', 'y', 'x'])).categories).toEqual([
      { value: 'x', count: 2 },
      { value: 'y', count: 1 },
    ]);
  });
});

describe('profileTable', () => {
  it('profiles every column in order', () => {
    const table: DataTable = { rowCount: 2, columns: [num('a', [1, 2]), cat('b', ['x', null])] };
    expect(profileTable(table).map((p) => [p.name, p.count, p.missing])).toEqual([
      ['a', 2, 0],
      ['b', 1, 1],
    ]);
  });
});

describe('targetDistribution', () => {
  const table: DataTable = {
    rowCount: 6,
    columns: [
      cat('weather', ['sun', 'rain', 'sun', null, 'fog', 'sun']),
      num('delayed', [1, 0, 0, 1, 0, null], 'boolean'),
      num('delay', [10, -5, 3, null, 40, 2]),
    ],
  };

  it('gives class counts and shares for classification, most frequent first', () => {
    const d = targetDistribution(table, 'weather', 'classification');
    expect(d).toEqual({
      task: 'classification',
      count: 5,
      missing: 1,
      classes: [
        { value: 'sun', count: 3, share: 0.6 },
        { value: 'fog', count: 1, share: 0.2 },
        { value: 'rain', count: 1, share: 0.2 },
      ],
    });
    const b = targetDistribution(table, 'delayed', 'classification');
    expect(b.task === 'classification' && b.classes).toEqual([
      { value: 'false', count: 3, share: 0.6 },
      { value: 'true', count: 2, share: 0.4 },
    ]);
  });

  it('gives summary statistics and a histogram for regression', () => {
    const d = targetDistribution(table, 'delay', 'regression');
    if (d.task !== 'regression') throw new Error('expected regression');
    expect(d).toMatchObject({ count: 5, missing: 1, min: -5, max: 40, mean: 10, median: 3 });
    // deviations −15, 0, −7, 30, −8 → squares sum 225 + 0 + 49 + 900 + 64 = 1238
    expect(d.std).toBeCloseTo(Math.sqrt(1238 / 5), 12);
    expect(d.histogram).toHaveLength(20);
    expect(d.histogram[0]).toEqual({ from: -5, to: -2.75, count: 1 });
    expect(d.histogram[19]).toEqual({ from: 37.75, to: 40, count: 1 });
    expect(d.histogram.reduce((a, b) => a + b.count, 0)).toBe(5);
    const even = targetDistribution({ rowCount: 4, columns: [num('y', [4, 1, 3, 2])] }, 'y', 'regression');
    expect(even.task === 'regression' && even.median).toBe(2.5);
  });

  it('refuses impossible regression targets and unknown columns', () => {
    expect(() => targetDistribution(table, 'weather', 'regression')).toThrow(/categorical/);
    expect(() => targetDistribution({ rowCount: 1, columns: [num('y', [null])] }, 'y', 'regression')).toThrow(/no values/);
    expect(() => targetDistribution(table, 'nope', 'classification')).toThrow(/no column "nope"/);
  });
});
