import { describe, expect, it } from 'vitest';
import { fitPreprocessing, transformRecord, transformTable } from './preprocess';
import { randomSplit, timeSplit } from './split';
import { tableFromRecords, type DataTable } from './table';

const schema = [
  { name: 'distance', type: 'numeric' as const },
  { name: 'origin', type: 'categorical' as const },
];
const table = tableFromRecords(
  [
    { distance: 100, origin: 'SFO' },
    { distance: 300, origin: 'SFO' },
    { distance: null, origin: 'LAX' },
    { distance: 200, origin: null },
    { distance: 9999, origin: 'JFK' },
  ],
  schema,
);
const train = [0, 1, 2, 3];

describe('fitPreprocessing', () => {
  it('learns mean, std, categories and mode from training rows', () => {
    const prep = fitPreprocessing(table, train, ['distance', 'origin']);
    expect(prep.encoders[0]).toEqual({ kind: 'numeric', column: 'distance', mean: 200, std: Math.sqrt(20000 / 3) });
    expect(prep.encoders[1]).toEqual({ kind: 'onehot', column: 'origin', categories: ['SFO', 'LAX'], mode: 'SFO' });
    expect(prep.featureNames).toEqual(['distance', 'origin=SFO', 'origin=LAX', 'origin=(other)']);
  });

  it('imputes, scales and sends unseen categories to (other)', () => {
    const prep = fitPreprocessing(table, train, ['distance', 'origin']);
    const std = Math.sqrt(20000 / 3);
    const m = Array.from(transformTable(prep, table, [2, 3, 4]));
    expect(m.slice(0, 4)).toEqual([0, 0, 1, 0]); // missing distance → mean → 0
    expect(m.slice(4, 8)).toEqual([0, 1, 0, 0]); // missing origin → mode SFO
    expect(m[8]).toBeCloseTo((9999 - 200) / std, 4);
    expect(m.slice(9, 12)).toEqual([0, 0, 1]); // JFK unseen in training → (other)
    expect(Array.from(transformRecord(prep, { distance: '300', origin: 'LAX' }))).toEqual([Math.fround(100 / std), 0, 1, 0]);
    expect(Array.from(transformRecord(prep, { distance: 'abc' }))).toEqual([0, 1, 0, 0]);
  });

  it('never looks at validation or test rows (no leakage)', () => {
    const big: DataTable = tableFromRecords(
      Array.from({ length: 500 }, (_, i) => ({ distance: i, origin: `A${i % 7}` })),
      schema,
    );
    const split = randomSplit(500, 7);
    const before = fitPreprocessing(big, split.train, ['distance', 'origin'], { maxCategories: 3 });
    // Rewrite every non-training value with extremes: the fitted state must not move.
    for (const r of [...split.validation, ...split.test]) {
      big.columns[0]!.values[r] = 1e9;
      big.columns[1]!.values[r] = 'LEAK';
    }
    const after = fitPreprocessing(big, split.train, ['distance', 'origin'], { maxCategories: 3 });
    expect(after).toEqual(before);
    expect(after.featureNames).not.toContain('origin=LEAK');
  });

  it('keeps constant columns finite', () => {
    const flat = tableFromRecords([{ distance: 5 }, { distance: 5 }], [schema[0]!]);
    const prep = fitPreprocessing(flat, [0, 1], ['distance']);
    expect(Array.from(transformTable(prep, flat, [0]))).toEqual([0]);
  });
});

describe('splits', () => {
  it('random split is seeded, disjoint and complete', () => {
    const a = randomSplit(1000, 42);
    expect(randomSplit(1000, 42)).toEqual(a);
    expect(randomSplit(1000, 43)).not.toEqual(a);
    expect([a.train.length, a.validation.length, a.test.length]).toEqual([700, 150, 150]);
    expect(new Set([...a.train, ...a.validation, ...a.test]).size).toBe(1000);
  });

  it('time split puts the oldest rows in training and the newest in test', () => {
    const times = [50, 10, 40, 20, 30, NaN, 60, 70, 80, 90, 100];
    const s = timeSplit(times, [0.6, 0.2, 0.2]);
    expect(s.train.map((i) => times[i])).toEqual([10, 20, 30, 40, 50, 60]);
    expect(s.validation.map((i) => times[i])).toEqual([70, 80]);
    expect(s.test.map((i) => times[i])).toEqual([90, 100]);
    expect(() => timeSplit(times, [0.5, 0.5, 0.5])).toThrow(RangeError);
  });
});
