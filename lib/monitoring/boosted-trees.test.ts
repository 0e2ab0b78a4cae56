import { describe, expect, it } from 'vitest';
import { normal, seededRandom } from '../data/random';
import { fitBoostedTrees, predictBoostedTrees, toFeatureMatrix } from './boosted-trees';

function data(seed: number, rows: number, width: number) {
  const random = seededRandom(seed);
  const flat = new Float32Array(rows * width);
  const y: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < width; j++) flat[i * width + j] = normal(random);
    const x0 = flat[i * width]!;
    const x1 = flat[i * width + 1]!;
    y.push((x0 > 0.5 ? 2 : 0) + Math.abs(x1) + 0.1 * normal(random));
  }
  return { matrix: toFeatureMatrix(flat, width), y };
}

describe('gradient-boosted regression trees', () => {
  it('fits 5,000 × 12 fast, deterministically, and learns the signal', () => {
    const { matrix, y } = data(1, 5000, 12);
    fitBoostedTrees(matrix, y); // warm the JIT so the timing below is the steady state
    const started = performance.now();
    const model = fitBoostedTrees(matrix, y);
    const ms = performance.now() - started;
    console.info(`boosted trees: fit 5,000 × 12 in ${ms.toFixed(0)} ms`);
    // Well under a second on a quiet machine; the margin absorbs a loaded CI runner.
    expect(ms).toBeLessThan(1500);
    expect(model.trees).toHaveLength(100);
    expect(fitBoostedTrees(matrix, y)).toEqual(model);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);

    const test = data(2, 2000, 12);
    const predicted = predictBoostedTrees(model, test.matrix);
    let squared = 0;
    let variance = 0;
    const mean = test.y.reduce((a, b) => a + b, 0) / test.y.length;
    test.y.forEach((v, i) => {
      squared += (v - predicted[i]!) ** 2;
      variance += (v - mean) ** 2;
    });
    expect(1 - squared / variance).toBeGreaterThan(0.9); // R² on fresh data
  });

  it('accepts rows, routes missing values left, and handles tiny inputs', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [i < 50 ? Number.NaN : i, 1]);
    const y = rows.map((_, i) => (i < 50 ? 5 : -5));
    const model = fitBoostedTrees(toFeatureMatrix(rows, 2), y, { minLeaf: 5 });
    const predicted = predictBoostedTrees(model, toFeatureMatrix([[Number.NaN, 1], [80, 1]], 2));
    expect(predicted[0]!).toBeGreaterThan(4);
    expect(predicted[1]!).toBeLessThan(-4);
    // Too few rows to split: the mean target, no trees.
    const small = fitBoostedTrees(toFeatureMatrix([[1], [2], [3]], 1), [1, 2, 6]);
    expect(small.trees).toHaveLength(0);
    expect(predictBoostedTrees(small, toFeatureMatrix([[10]], 1))[0]).toBe(3);
    expect(fitBoostedTrees(toFeatureMatrix([], 3), []).base).toBe(0);
    expect(() => toFeatureMatrix([1, 2, 3], 2)).toThrow(RangeError);
    expect(() => fitBoostedTrees(toFeatureMatrix([[1]], 1), [Number.NaN])).toThrow(RangeError);
  });
});
