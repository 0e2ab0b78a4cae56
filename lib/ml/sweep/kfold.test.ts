import { describe, expect, it } from 'vitest';
import { tableFromRecords } from '../../data/table';
import { prepareData } from '../prepare';
import { kFoldSplits, meanStd } from './kfold';

describe('kFoldSplits', () => {
  const rows = Array.from({ length: 23 }, (_, i) => i * 2);

  it('validates every row exactly once, with fold sizes within one of each other', () => {
    const folds = kFoldSplits(rows, 5, 42);
    expect(folds).toHaveLength(5);
    const validated = folds.flatMap((f) => f.validation).sort((a, b) => a - b);
    expect(validated).toEqual(rows);
    const sizes = folds.map((f) => f.validation.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const fold of folds) {
      expect(fold.train.length + fold.validation.length).toBe(rows.length);
      expect(fold.train.filter((r) => fold.validation.includes(r))).toEqual([]);
    }
  });

  it('is reproducible from the seed', () => {
    expect(kFoldSplits(rows, 3, 1)).toEqual(kFoldSplits(rows, 3, 1));
    expect(kFoldSplits(rows, 3, 1)).not.toEqual(kFoldSplits(rows, 3, 2));
  });

  it('refuses too few folds or rows', () => {
    expect(() => kFoldSplits(rows, 1, 1)).toThrow(/k ≥ 2/);
    expect(() => kFoldSplits([1, 2], 3, 1)).toThrow(/at least 3 rows/);
  });
});

describe('meanStd', () => {
  it('uses the sample standard deviation', () => {
    expect(meanStd([2, 4, 6])).toEqual({ mean: 4, std: 2 });
    expect(meanStd([5])).toEqual({ mean: 5, std: 0 });
    expect(meanStd([]).mean).toBeNaN();
  });
});

describe('fold preprocessing (no leakage)', () => {
  it('fits each fold’s scaling on its own training rows only and leaves the test rows alone', () => {
    const records = Array.from({ length: 60 }, (_, i) => ({ x: i < 50 ? i : 1000 + i, y: i % 2 ? 'a' : 'b' }));
    const table = tableFromRecords(records, [{ name: 'x', type: 'numeric' }, { name: 'y', type: 'categorical' }]);
    const trainVal = Array.from({ length: 50 }, (_, i) => i);
    const test = Array.from({ length: 10 }, (_, i) => 50 + i);
    for (const fold of kFoldSplits(trainVal, 5, 9)) {
      const prepared = prepareData(table, { target: 'y', features: ['x'], task: 'classification', split: 'random', seed: 1, parts: { train: fold.train, validation: fold.validation, test }, partsLabel: 'fold' });
      const encoder = prepared.preprocessing.encoders[0]!;
      if (encoder.kind !== 'numeric') throw new Error('x should be numeric');
      const trainMean = fold.train.reduce((s, r) => s + r, 0) / fold.train.length;
      // The fold's own training rows set the mean: not its validation rows, not the (huge) test values.
      expect(encoder.mean).toBeCloseTo(trainMean, 9);
      expect(encoder.mean).not.toBeCloseTo(trainVal.reduce((s, r) => s + r, 0) / trainVal.length, 3);
      expect(prepared.split.test).toEqual(test);
      expect(prepared.validation.rows).toBe(fold.validation.length);
      expect(prepared.splitLabel).toBe('fold');
    }
  });
});
