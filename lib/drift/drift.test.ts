import { describe, expect, it } from 'vitest';
import fixture from './fixtures/scipy-reference.json';
import { materialise, type FixtureSample } from './fixture-samples';
import {
  chiSquareTest,
  DriftInputError,
  jensenShannonDistance,
  ksTest,
  normedWassersteinDistance,
  psi,
  wassersteinDistance,
  zTestProportions,
} from './index';

const STAT = fixture.tolerance.statistic;
const P = fixture.tolerance.pValue;

/** |actual − expected| within tol, relative for large magnitudes (PSI of disjoint samples ≈ 18). */
function close(actual: number, expected: number, tol: number): void {
  expect(Number.isFinite(actual)).toBe(true);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

const nums = (s: unknown): number[] => materialise(s as FixtureSample) as number[];
const cats = (s: unknown): string[] => materialise(s as FixtureSample).map(String);

describe('numerical distances match SciPy', () => {
  for (const c of fixture.numerical) {
    it(c.name, () => {
      const ref = nums(c.ref);
      const cur = nums(c.cur);
      close(wassersteinDistance(ref, cur), c.wasserstein as number, STAT);
      close(normedWassersteinDistance(ref, cur), c.normedWasserstein as number, STAT);
      close(jensenShannonDistance(ref, cur, { kind: 'numerical' }), c.jensenShannon, STAT);
      close(psi(ref, cur, { kind: 'numerical' }), c.psi, STAT);
    });
  }
});

describe('categorical distances match SciPy', () => {
  for (const c of fixture.categorical) {
    it(c.name, () => {
      const ref = cats(c.ref);
      const cur = cats(c.cur);
      close(jensenShannonDistance(ref, cur, { kind: 'categorical' }), c.jensenShannon, STAT);
      close(psi(ref, cur, { kind: 'categorical' }), c.psi, STAT);
    });
  }
});

describe('chiSquareTest matches scipy.stats.chisquare', () => {
  for (const c of fixture.chiSquare) {
    it(c.name, () => {
      const r = chiSquareTest(cats(c.ref), cats(c.cur));
      expect(r.dof).toBe(c.dof);
      if (c.statistic === null) expect(r.statistic).toBe(Number.MAX_VALUE);
      else close(r.statistic, c.statistic, STAT);
      close(r.pValue, c.pValue, P);
    });
  }
});

describe('zTestProportions matches the pooled z-test with norm.sf', () => {
  for (const c of fixture.zTest) {
    it(c.name, () => {
      const r = zTestProportions(cats(c.ref), cats(c.cur), { positive: c.positive });
      close(r.statistic, c.statistic, STAT);
      close(r.pValue, c.pValue, P);
    });
  }

  it('defaults the positive class to the last sorted category', () => {
    expect(zTestProportions(['0', '1', '1'], ['0', '0', '1']).statistic).toBeGreaterThan(0);
  });

  it('refuses more than two categories', () => {
    expect(() => zTestProportions(['a', 'b'], ['c'])).toThrow(/binary column/);
  });
});

describe('ksTest matches scipy.stats.ks_2samp (two-sided, auto)', () => {
  for (const c of fixture.ks) {
    it(c.name, () => {
      const r = ksTest(nums(c.ref), nums(c.cur));
      expect(r.method).toBe(c.method);
      close(r.statistic, c.statistic, STAT);
      close(r.pValue, c.pValue, P);
    });
  }

  it('is symmetric in its arguments', () => {
    const a = [1, 2, 2, 3, 7];
    const b = [2, 4, 5];
    expect(ksTest(a, b)).toEqual(ksTest(b, a));
  });

  it('drops missing values and refuses an empty side', () => {
    expect(ksTest([1, null, Number.NaN, 2], [1, 2, Infinity])).toEqual({ statistic: 0, pValue: 1, method: 'exact' });
    expect(() => ksTest([], [1])).toThrow(DriftInputError);
    expect(() => ksTest([1], [null, -Infinity])).toThrow(/current sample has no finite values/);
  });
});

describe('inputs without usable values throw a sentence, never NaN', () => {
  it.each([
    ['empty', [] as number[]],
    ['all missing', [null, undefined, Number.NaN]],
    ['all non-finite', [Infinity, -Infinity]],
  ])('%s', (_label, bad) => {
    expect(() => wassersteinDistance(bad, [1])).toThrow(DriftInputError);
    expect(() => normedWassersteinDistance([1], bad)).toThrow(/current sample has no finite values/);
    expect(() => jensenShannonDistance(bad, [1], { kind: 'numerical' })).toThrow(/reference sample/);
    expect(() => psi([1], bad, { kind: 'numerical' })).toThrow(DriftInputError);
  });

  it('drops missing values before testing', () => {
    expect(wassersteinDistance([1, null, Number.NaN, 2], [1, 2, Infinity])).toBe(0);
    expect(() => chiSquareTest([null, ''], ['a'])).toThrow(/reference sample has no values/);
    expect(() => zTestProportions(['a'], [undefined])).toThrow(/current sample/);
  });
});
