import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../data/random';
import type { SweepDimension } from '../../tracking/sweep-types';
import { gridConfigs, gridSize, planSweep, randomConfigs, sampleRange } from './generate';

const lr: SweepDimension = { param: 'learningRate', kind: 'values', values: [0.001, 0.01, 0.1] };
const layers: SweepDimension = { param: 'hiddenLayers', kind: 'values', values: ['16', '32-16'] };
const lrRange: SweepDimension = { param: 'learningRate', kind: 'range', min: 1e-4, max: 1e-1, scale: 'log', integer: false };

describe('grid', () => {
  it('is the cartesian product, the first dimension slowest', () => {
    expect(gridSize([lr, layers])).toBe(6);
    expect(gridConfigs([lr, layers])).toEqual([
      { learningRate: 0.001, hiddenLayers: '16' },
      { learningRate: 0.001, hiddenLayers: '32-16' },
      { learningRate: 0.01, hiddenLayers: '16' },
      { learningRate: 0.01, hiddenLayers: '32-16' },
      { learningRate: 0.1, hiddenLayers: '16' },
      { learningRate: 0.1, hiddenLayers: '32-16' },
    ]);
    expect(gridSize([lrRange])).toBeNull();
  });

  it('refuses a grid over the budget and says how many configurations it has', () => {
    expect(planSweep({ space: [lr, layers], search: 'grid', maxTrials: 4, seed: 1 })).toEqual({ problems: [expect.stringContaining('The grid has 6 configurations, more than the budget of 4 trials')] });
    expect(planSweep({ space: [lrRange, layers], search: 'grid', maxTrials: 40, seed: 1 })).toEqual({ problems: [expect.stringContaining('learningRate is a range')] });
    const ok = planSweep({ space: [lr, layers], search: 'grid', maxTrials: 6, seed: 1 });
    expect('configs' in ok && ok.configs).toHaveLength(6);
  });

  it('reports space, budget and model problems together', () => {
    const plan = planSweep({ space: [{ param: 'dropout', kind: 'values', values: [] }], search: 'grid', maxTrials: 0, seed: 1.5, base: { kind: 'linear' } });
    expect('problems' in plan && plan.problems).toEqual([
      'dropout: type at least one value',
      expect.stringContaining('Trials: the budget must be a whole number'),
      'Seed: must be a whole number',
      expect.stringContaining('dropout: only shape a neural network'),
    ]);
  });
});

describe('random search', () => {
  it('is reproducible from the seed and differs across seeds', () => {
    const a = randomConfigs([lrRange, layers], 8, 7);
    expect(randomConfigs([lrRange, layers], 8, 7)).toEqual(a);
    expect(randomConfigs([lrRange, layers], 8, 8)).not.toEqual(a);
    for (const c of a) {
      expect(c.learningRate).toBeGreaterThanOrEqual(1e-4);
      expect(c.learningRate).toBeLessThanOrEqual(0.1);
      expect(['16', '32-16']).toContain(c.hiddenLayers);
    }
  });

  it('draws a finite space without replacement and notes fewer trials', () => {
    const plan = planSweep({ space: [lr, layers], search: 'random', maxTrials: 10, seed: 3 });
    if (!('configs' in plan)) throw new Error('expected a plan');
    expect(plan.configs).toHaveLength(6);
    expect(new Set(plan.configs.map((c) => JSON.stringify(c))).size).toBe(6);
    expect(plan.notes[0]).toContain('only 6 distinct configurations');
  });

  it('samples a log range evenly per decade and integer ranges over every whole number', () => {
    const random = seededRandom(11);
    const draws = Array.from({ length: 4000 }, () => sampleRange({ param: 'learningRate', kind: 'range', min: 1e-4, max: 1, scale: 'log', integer: false }, random));
    const perDecade = [1e-4, 1e-3, 1e-2, 1e-1].map((lo) => draws.filter((d) => d >= lo && d < lo * 10).length / draws.length);
    for (const share of perDecade) expect(share).toBeGreaterThan(0.2);
    const ints = new Set(Array.from({ length: 500 }, () => sampleRange({ param: 'batchSize', kind: 'range', min: 8, max: 12, scale: 'linear', integer: true }, random)));
    expect([...ints].sort((a, b) => a - b)).toEqual([8, 9, 10, 11, 12]);
    const logInts = Array.from({ length: 500 }, () => sampleRange({ param: 'batchSize', kind: 'range', min: 16, max: 256, scale: 'log', integer: true }, random));
    expect(logInts.every((v) => Number.isInteger(v) && v >= 16 && v <= 256)).toBe(true);
  });
});
