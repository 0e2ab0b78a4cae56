import { describe, expect, it } from 'vitest';
import { normal, seededRandom } from '../data/random';
import { columnQuality, defaultDriftTest, driftReport, inferColumnKind, normedWassersteinDistance, type ColumnSample } from './index';
import { normedWassersteinSorted } from './prepare';

describe('columnQuality', () => {
  it('numerical figures by hand: missing, min, max, mean, population std, unique', () => {
    // Present: 1, 2, 2, 3 (and '4' read as a number) → 1, 2, 2, 3, 4.
    const q = columnQuality('x', 'numerical', [1, 2, null, 2, Number.NaN, 3, '4', '', Infinity, 'abc']);
    expect(q).toMatchObject({ column: 'x', kind: 'numerical', rows: 10, missing: 5, missingShare: 0.5, min: 1, max: 4, unique: 4, top: [] });
    expect(q.mean).toBeCloseTo(12 / 5, 14);
    // Σ(x − 2.4)² = 1.96 + 0.16 + 0.16 + 0.36 + 2.56 = 5.2; population std = √(5.2 / 5).
    expect(q.std).toBeCloseTo(Math.sqrt(5.2 / 5), 14);
  });

  it('categorical: top values by count, ties in sorted order, at most 10', () => {
    const values = ['b', 'a', 'b', null, '', 'c', 'a', 'b', true, 1, '1'];
    const q = columnQuality('c', 'categorical', values);
    expect(q).toMatchObject({ rows: 11, missing: 2, unique: 5, min: null, max: null, mean: null, std: null });
    expect(q.top).toEqual([
      { value: 'b', count: 3 },
      { value: '1', count: 2 },
      { value: 'a', count: 2 },
      { value: 'c', count: 1 },
      { value: 'true', count: 1 },
    ]);
    const many = columnQuality('id', 'categorical', Array.from({ length: 50 }, (_, i) => `v${i % 25}`));
    expect(many.top).toHaveLength(10);
    expect(many.top[0]).toEqual({ value: 'v0', count: 2 });
  });

  it('no rows or no values: zero shares and null figures, never NaN', () => {
    expect(columnQuality('e', 'numerical', [])).toMatchObject({ rows: 0, missing: 0, missingShare: 0, mean: null, std: null, unique: 0 });
    expect(columnQuality('e', 'numerical', [null, null])).toMatchObject({ missing: 2, missingShare: 1, min: null });
  });
});

describe('inferColumnKind', () => {
  it('numerical when every present value is a finite number or a decimal string', () => {
    expect(inferColumnKind([1, '2.5', ' -3e2 ', null, '', Number.NaN])).toBe('numerical');
    expect(inferColumnKind([1, 'two'])).toBe('categorical');
    expect(inferColumnKind(['1,234'])).toBe('categorical');
    expect(inferColumnKind([true, false])).toBe('categorical');
    expect(inferColumnKind([null, undefined])).toBe('categorical');
  });
});

describe('driftReport', () => {
  const random = seededRandom(11);
  const reference: ColumnSample[] = [
    { name: 'age', kind: 'numerical', values: Array.from({ length: 400 }, () => 40 + 10 * normal(random)) },
    { name: 'city', kind: 'categorical', values: Array.from({ length: 400 }, (_, i) => ['a', 'b', 'c'][i % 3] as string) },
    { name: 'flag', kind: 'categorical', values: Array.from({ length: 400 }, (_, i) => i % 2 === 0) },
    { name: 'gone', kind: 'numerical', values: [1, 2, 3] },
    { name: 'empty', kind: 'numerical', values: [1, 2, 3] },
  ];
  const current: ColumnSample[] = [
    { name: 'age', kind: 'numerical', values: Array.from({ length: 300 }, () => 45 + 10 * normal(random)) },
    { name: 'city', kind: 'categorical', values: Array.from({ length: 300 }, (_, i) => ['a', 'b', 'c'][i % 3] as string) },
    { name: 'flag', kind: 'categorical', values: Array.from({ length: 300 }, (_, i) => i % 4 !== 0) },
    { name: 'empty', kind: 'numerical', values: [null, Number.NaN] },
    { name: 'new', kind: 'categorical', values: ['x'] },
  ];

  it('compares shared columns with the default tests and agrees with defaultDriftTest', () => {
    const report = driftReport(reference, current);
    expect(report.columns.map((c) => [c.column, c.test, c.drifted])).toEqual([
      ['age', 'ks', true],
      ['city', 'chisquare', false],
      ['flag', 'z', true],
    ]);
    expect(report.columns[0]).toEqual(defaultDriftTest(reference[0]!.values, current[0]!.values, 'numerical', { column: 'age' }));
    expect(report.dataset).toEqual({ driftedColumns: 2, totalColumns: 3, share: 2 / 3, threshold: 0.5, drifted: true });
  });

  it('skips columns on one side only, or without values on a side, with a sentence', () => {
    const { skipped } = driftReport(reference, current);
    expect(skipped.map((s) => s.column)).toEqual(['gone', 'empty', 'new']);
    expect(skipped[0]!.reason).toBe('Column "gone" is in the reference but not in the current data, so it cannot be compared.');
    expect(skipped[1]!.reason).toMatch(/current sample of column "empty" has no finite number/);
    expect(skipped[2]!.reason).toMatch(/in the current data but not in the reference/);
  });

  it('applies per-column tests, thresholds and the dataset share', () => {
    const report = driftReport(reference, current, { tests: { city: 'psi', flag: 'ks' }, thresholds: { age: 1e-300 }, share: 0.9 });
    expect(report.columns.map((c) => c.test)).toEqual(['ks', 'psi']);
    expect(report.columns[0]).toMatchObject({ threshold: 1e-300, drifted: false });
    expect(report.skipped.map((s) => s.column)).toContain('flag'); // K-S on a categorical column
    expect(report.dataset).toMatchObject({ threshold: 0.9, drifted: false });
  });

  it('reports quality for every column of each side', () => {
    const { quality } = driftReport(reference, current);
    expect(quality.reference.map((q) => q.column)).toEqual(['age', 'city', 'flag', 'gone', 'empty']);
    expect(quality.current.find((q) => q.column === 'empty')).toMatchObject({ missing: 2, missingShare: 1 });
    expect(quality.current.find((q) => q.column === 'flag')?.top).toEqual([
      { value: 'true', count: 225 },
      { value: 'false', count: 75 },
    ]);
  });

  it('handles 100,000 rows × 10 columns against a 100,000-row reference', () => {
    const r = seededRandom(3);
    const table = (shift: number): ColumnSample[] =>
      Array.from({ length: 10 }, (_, c) => {
        const values = c < 6 ? Float64Array.from({ length: 100_000 }, () => normal(r) + shift) : Array.from({ length: 100_000 }, () => `k${Math.floor(r() * 4 * c)}`);
        return { name: `col${c}`, kind: inferColumnKind(values), values };
      });
    const report = driftReport(table(0), table(0.3));
    expect(report.columns.map((c) => c.test)).toEqual([...Array<string>(6).fill('wasserstein'), ...Array<string>(4).fill('jensenshannon')]);
    expect(report.columns.slice(0, 6).every((c) => c.drifted && Math.abs(c.score - 0.3) < 0.03)).toBe(true);
    expect(report.columns.slice(6).every((c) => !c.drifted)).toBe(true);
    expect(report.dataset).toMatchObject({ driftedColumns: 6, share: 0.6, drifted: true });
    expect(report.quality.reference[0]).toMatchObject({ rows: 100_000, missing: 0, unique: 100_000 });
  });
});

describe('normedWassersteinSorted', () => {
  it('gives the same number as normedWassersteinDistance on sorted input', () => {
    const r = seededRandom(5);
    const u = Float64Array.from({ length: 777 }, () => Math.round(normal(r) * 4) / 4).sort();
    const v = Float64Array.from({ length: 333 }, () => Math.round(normal(r) * 4) / 4 + 0.5).sort();
    expect(normedWassersteinSorted(u, v)).toBe(normedWassersteinDistance(u, v));
    expect(normedWassersteinSorted(Float64Array.of(3), Float64Array.of(3))).toBe(0);
  });
});
