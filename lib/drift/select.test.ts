import { describe, expect, it } from 'vitest';
import { normal, seededRandom } from '../data/random';
import {
  chiSquareTest,
  datasetDrift,
  defaultDriftTest,
  DRIFT_TESTS,
  DriftInputError,
  isDrifted,
  jensenShannonDistance,
  ksTest,
  normedWassersteinDistance,
  psi,
  zTestProportions,
} from './index';

const normals = (n: number, seed: number, shift = 0): number[] => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => normal(random) + shift);
};
/** n values cycling through `values`. */
const cycle = <T>(n: number, values: readonly T[]): T[] => Array.from({ length: n }, (_, i) => values[i % values.length] as T);

describe("defaultDriftTest follows Evidently's get_default_stattest", () => {
  it('numerical, ≤ 1,000 reference rows, > 5 unique: K-S, drift when p ≤ 0.05', () => {
    const ref = normals(300, 1);
    const cur = normals(200, 2, 0.5);
    const r = defaultDriftTest(ref, cur, 'numerical', { column: 'age' });
    const ks = ksTest(ref, cur);
    expect(r).toMatchObject({ column: 'age', kind: 'numerical', test: 'ks', testLabel: 'Kolmogorov–Smirnov', scoreKind: 'p-value' });
    expect(r).toMatchObject({ statistic: ks.statistic, score: ks.pValue, threshold: 0.05, drifted: ks.pValue <= 0.05 });
    expect(r).toMatchObject({ referenceRows: 300, currentRows: 200, uniqueValues: 500 });
    expect(r.drifted).toBe(true);
    expect(r.reason).toBe('The reference has 300 rows (≤ 1,000) and the samples 500 unique values (> 5), so Evidently uses the Kolmogorov–Smirnov test; drift when p ≤ 0.05.');
  });

  it('switches from K-S to normed Wasserstein exactly after 1,000 reference rows', () => {
    const cur = normals(500, 4);
    expect(defaultDriftTest(normals(1000, 3), cur, 'numerical').test).toBe('ks');
    const ref = normals(1001, 3);
    const r = defaultDriftTest(ref, cur, 'numerical');
    expect(r).toMatchObject({ test: 'wasserstein', scoreKind: 'distance', threshold: 0.1, referenceRows: 1001 });
    expect(r.statistic).toBe(r.score);
    expect(r.score).toBeCloseTo(normedWassersteinDistance(ref, cur), 12);
    expect(r.drifted).toBe(r.score >= 0.1);
    expect(r.reason).toContain('1,001 rows (> 1,000)');
    expect(r.reason).toContain('normed Wasserstein');
    expect(r.reason).toMatch(/drift when the distance ≥ 0\.1\.$/);
  });

  it('counts rows after dropping missing and non-finite values', () => {
    const ref = [...normals(1000, 5), null, Number.NaN, Infinity, undefined];
    const r = defaultDriftTest(ref, normals(50, 6), 'numerical');
    expect(r).toMatchObject({ test: 'ks', referenceRows: 1000 });
  });

  it('counts unique values over both samples together', () => {
    // Three values on each side, six together: K-S, not chi-square.
    const r = defaultDriftTest(cycle(30, [1, 2, 3]), cycle(30, [4, 5, 6]), 'numerical');
    expect(r).toMatchObject({ test: 'ks', uniqueValues: 6 });
    expect(defaultDriftTest(cycle(30, [1, 2, 3]), cycle(30, [3, 4, 5]), 'numerical')).toMatchObject({ test: 'chisquare', uniqueValues: 5 });
  });

  it('compares a numerical column with 3 values as categories: chi-square', () => {
    const ref = cycle(90, [0, 1, 2]);
    const cur = [...cycle(60, [0, 1, 2]), ...cycle(30, [2])];
    const r = defaultDriftTest(ref, cur, 'numerical');
    const chi = chiSquareTest(ref.map(String), cur.map(String));
    expect(r).toMatchObject({ kind: 'numerical', test: 'chisquare', uniqueValues: 3, statistic: chi.statistic, score: chi.pValue });
    expect(r.reason).toContain('3 unique values (≤ 5), compared as categories');
    expect(r.reason).toContain('(more than 2 values)');
  });

  it('compares a numerical column with 2 values by the z-test on the share of the last value', () => {
    const ref = cycle(100, [0, 1]);
    const cur = cycle(100, [1, 1, 1, 0]);
    const r = defaultDriftTest(ref, cur, 'numerical');
    const z = zTestProportions(ref.map(String), cur.map(String));
    expect(r).toMatchObject({ test: 'z', uniqueValues: 2, statistic: z.statistic, score: z.pValue });
    expect(r.statistic).toBeLessThan(0); // the share of "1" grew
    expect(r.reason).toContain('z-test (at most 2 values) on the share of "1"; drift when p < 0.05.');
  });

  it('categorical, ≤ 1,000 rows: chi-square above 2 values, z-test at 2', () => {
    expect(defaultDriftTest(cycle(50, ['a', 'b', 'c']), cycle(40, ['a']), 'categorical').test).toBe('chisquare');
    const r = defaultDriftTest(cycle(50, ['no', 'yes']), cycle(40, ['yes']), 'categorical');
    expect(r).toMatchObject({ test: 'z', drifted: true });
    expect(r.reason).toContain('share of "yes"');
  });

  it('categorical above 1,000 rows: Jensen–Shannon distance', () => {
    const ref = cycle(4000, ['a', 'b', 'c', 'd']);
    const cur = cycle(900, ['a', 'a', 'b', 'e']);
    const r = defaultDriftTest(ref, cur, 'categorical');
    expect(r).toMatchObject({ test: 'jensenshannon', threshold: 0.1, uniqueValues: 5 });
    expect(r.score).toBeCloseTo(jensenShannonDistance(ref, cur, { kind: 'categorical' }), 14);
    expect(r.drifted).toBe(true);
    expect(r.reason).toBe('The reference has 4,000 rows (> 1,000) and the samples 5 unique values, so Evidently uses the Jensen–Shannon distance; drift when the distance ≥ 0.1.');
  });

  it('numerical with ≤ 5 values above 1,000 rows: Jensen–Shannon by value', () => {
    const ref = cycle(2000, [1, 2, 3, 4, 5]);
    const cur = cycle(500, [1, 2]);
    const r = defaultDriftTest(ref, cur, 'numerical');
    expect(r).toMatchObject({ test: 'jensenshannon', uniqueValues: 5 });
    expect(r.score).toBeCloseTo(jensenShannonDistance(ref, cur, { kind: 'numerical' }), 14);
  });

  it('a constant column gets p = 1 and no drift, never NaN', () => {
    const r = defaultDriftTest([7, 7, 7], [7, 7], 'numerical');
    expect(r).toMatchObject({ test: 'z', statistic: 0, score: 1, drifted: false, uniqueValues: 1 });
    expect(r.reason).toContain('both samples hold only "7", so they cannot differ (p = 1)');
    const c = defaultDriftTest(cycle(1500, ['x']), ['x'], 'categorical');
    expect(c).toMatchObject({ test: 'jensenshannon', score: 0, drifted: false });
  });

  it('reads numeric strings in a numerical column as numbers', () => {
    const r = defaultDriftTest(['1', ' 2 ', '3.5', 'n/a', '4', '5', '6'], [1, 2, 3.5, 4, 5, 6], 'numerical');
    expect(r).toMatchObject({ test: 'ks', referenceRows: 6, uniqueValues: 6, score: 1 });
  });
});

describe('overrides and comparators', () => {
  const ref = normals(3000, 7);
  const cur = normals(3000, 8, 0.2);

  it('uses the test you choose and says so', () => {
    const r = defaultDriftTest(ref, cur, 'numerical', { test: 'psi' });
    expect(r).toMatchObject({ test: 'psi', testLabel: 'PSI', threshold: 0.1 });
    expect(r.score).toBeCloseTo(psi(ref, cur, { kind: 'numerical' }), 12);
    expect(r.reason).toContain('chosen by you');
    expect(r.reason).toContain('Evidently would use the normed Wasserstein distance');
    expect(defaultDriftTest(ref, cur, 'numerical', { test: 'ks' })).toMatchObject({ test: 'ks', drifted: true });
  });

  it('uses the threshold you set', () => {
    const plain = defaultDriftTest(ref, cur, 'numerical');
    const strict = defaultDriftTest(ref, cur, 'numerical', { threshold: plain.score + 0.01 });
    expect(strict).toMatchObject({ score: plain.score, threshold: plain.score + 0.01, drifted: false });
    expect(strict.reason).toContain('(threshold set by you)');
    expect(() => defaultDriftTest(ref, cur, 'numerical', { threshold: Number.NaN })).toThrow(RangeError);
  });

  it('K-S drifts at p equal to the threshold, chi-square and z do not, distances do at equality', () => {
    const p = defaultDriftTest(normals(50, 9), normals(50, 10, 0.3), 'numerical').score;
    expect(defaultDriftTest(normals(50, 9), normals(50, 10, 0.3), 'numerical', { threshold: p }).drifted).toBe(true);
    const a = cycle(60, ['a', 'b', 'c']);
    const b = cycle(60, ['a', 'a', 'b', 'c']);
    const chi = chiSquareTest(a, b).pValue;
    expect(defaultDriftTest(a, b, 'categorical', { threshold: chi })).toMatchObject({ test: 'chisquare', score: chi, drifted: false });
    const za = cycle(60, ['a', 'b']);
    const zp = zTestProportions(za, b.filter((x) => x !== 'c')).pValue;
    expect(defaultDriftTest(za, b.filter((x) => x !== 'c'), 'categorical', { threshold: zp }).drifted).toBe(false);
    const w = defaultDriftTest(ref, cur, 'numerical');
    expect(defaultDriftTest(ref, cur, 'numerical', { threshold: w.score }).drifted).toBe(true);
    expect([isDrifted('ks', 0.05, 0.05), isDrifted('chisquare', 0.05, 0.05), isDrifted('z', 0.05, 0.05)]).toEqual([true, false, false]);
    expect([isDrifted('wasserstein', 0.1, 0.1), isDrifted('jensenshannon', 0.1, 0.1), isDrifted('psi', 0.0999, 0.1)]).toEqual([true, true, false]);
  });

  it('refuses tests that cannot run on the column, with a sentence', () => {
    expect(() => defaultDriftTest(['a', 'b'], ['a'], 'categorical', { test: 'ks' })).toThrow(/needs a numerical column/);
    expect(() => defaultDriftTest(['a', 'b'], ['c'], 'categorical', { test: 'z', column: 'city' })).toThrow(/column "city" has 3/);
  });

  it('DRIFT_TESTS lists every test with its default threshold and comparator', () => {
    expect(Object.keys(DRIFT_TESTS)).toEqual(['ks', 'chisquare', 'z', 'wasserstein', 'jensenshannon', 'psi']);
    for (const [name, info] of Object.entries(DRIFT_TESTS)) {
      expect(info.name).toBe(name);
      expect(info.defaultThreshold).toBe(info.scoreKind === 'p-value' ? 0.05 : 0.1);
    }
    expect(DRIFT_TESTS.ks.comparator).toBe('<=');
    expect(DRIFT_TESTS.wasserstein.kinds).toEqual(['numerical']);
  });
});

describe('empty sides throw DriftInputError, never NaN', () => {
  it('all-missing current or reference', () => {
    expect(() => defaultDriftTest([1, 2, 3], [null, Number.NaN, undefined], 'numerical', { column: 'x' })).toThrow(DriftInputError);
    expect(() => defaultDriftTest([1, 2, 3], [null, Number.NaN], 'numerical', { column: 'x' })).toThrow(/current sample of column "x" has no finite number/);
    expect(() => defaultDriftTest(['', null], ['a'], 'categorical')).toThrow(/reference sample has no value/);
    expect(() => defaultDriftTest([], [1], 'numerical')).toThrow(DriftInputError);
  });
});

describe('datasetDrift', () => {
  const cols = (drifted: number, total: number) => Array.from({ length: total }, (_, i) => ({ drifted: i < drifted }));

  it('drifts when the share of drifted columns reaches 0.5', () => {
    expect(datasetDrift(cols(2, 4))).toEqual({ driftedColumns: 2, totalColumns: 4, share: 0.5, threshold: 0.5, drifted: true });
    expect(datasetDrift(cols(2, 5))).toMatchObject({ share: 0.4, drifted: false });
    expect(datasetDrift(cols(1, 5), { share: 0.2 })).toMatchObject({ threshold: 0.2, drifted: true });
  });

  it('no columns: share 0, not drifted', () => {
    expect(datasetDrift([])).toEqual({ driftedColumns: 0, totalColumns: 0, share: 0, threshold: 0.5, drifted: false });
    expect(datasetDrift([], { share: 0 }).drifted).toBe(false);
  });

  it('refuses a share outside [0, 1]', () => {
    expect(() => datasetDrift([], { share: 1.5 })).toThrow(RangeError);
  });
});
