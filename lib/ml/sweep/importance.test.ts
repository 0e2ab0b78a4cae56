import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../data/random';
import type { SweepSummary } from '../../tracking/sweep-types';
import { etaSquared, groupLabels, IMPORTANCE_METHOD, IMPORTANCE_PERMUTATIONS, parameterImportance, permutationBaseline, sweepImportance } from './importance';

describe('etaSquared', () => {
  it('is 1 when groups explain everything, 0 when they explain nothing', () => {
    expect(etaSquared([1, 1, 5, 5], ['a', 'a', 'b', 'b'])).toBeCloseTo(1, 12);
    expect(etaSquared([1, 5, 1, 5], ['a', 'a', 'b', 'b'])).toBeCloseTo(0, 12);
    expect(etaSquared([2, 2, 2], ['a', 'b', 'c'])).toBe(0);
    expect(etaSquared([], [])).toBe(0);
  });

  it('matches a hand-computed one-way ANOVA', () => {
    // Groups a: 1, 2, 3 (mean 2); b: 4, 6 (mean 5). Grand mean 3.2.
    // SS_between = 3·(2 − 3.2)² + 2·(5 − 3.2)² = 4.32 + 6.48 = 10.8; SS_total = 4.84 + 1.44 + 0.04 + 0.64 + 7.84 = 14.8.
    expect(etaSquared([1, 2, 3, 4, 6], ['a', 'a', 'a', 'b', 'b'])).toBeCloseTo(10.8 / 14.8, 12);
  });
});

describe('groupLabels', () => {
  it('keeps few distinct values as groups and bins many numbers into quartiles by rank', () => {
    expect(groupLabels([0.1, 0.01, 0.1])).toEqual(['0.1', '0.01', '0.1']);
    expect(groupLabels(['16', '32-16', '64-32', '8', '128'])).toEqual(['16', '32-16', '64-32', '8', '128']);
    expect(groupLabels([1, 2, 3, 4, 5, 6, 7, 8])).toEqual(['q1', 'q1', 'q2', 'q2', 'q3', 'q3', 'q4', 'q4']);
    // Equal values share a bin: the four 5s all rank 5th of 8.
    expect(groupLabels([5, 5, 5, 5, 1, 2, 3, 4])).toEqual(['q3', 'q3', 'q3', 'q3', 'q1', 'q1', 'q2', 'q2']);
  });
});

describe('permutationBaseline', () => {
  const random = seededRandom(11);
  const values = Array.from({ length: 10 }, () => random());
  const groupings = [values.map((_, i) => `g${i % 4}`), values.map((_, i) => `g${i % 2}`)];

  it('is deterministic for a seed, and changes with it', () => {
    const a = permutationBaseline(values, groupings, { permutations: 200, seed: 7 });
    expect(permutationBaseline(values, groupings, { permutations: 200, seed: 7 })).toEqual(a);
    expect(permutationBaseline(values, groupings, { permutations: 200, seed: 8 })).not.toEqual(a);
  });

  it('centres near (g − 1) ÷ (n − 1) under noise, with p = (1 + k) ÷ (1 + permutations)', () => {
    const [four, two] = permutationBaseline(values, groupings, { permutations: 400, seed: 3 });
    // 4 groups of 10 trials: noise alone explains about 3/9 of the variance; 2 groups about 1/9.
    expect(four!.shuffledMean).toBeCloseTo(3 / 9, 1);
    expect(two!.shuffledMean).toBeCloseTo(1 / 9, 1);
    expect(four!.shuffledP95).toBeGreaterThan(four!.shuffledMean);
    for (const b of [four!, two!]) {
      const k = Math.round(b.pValue * 401) - 1;
      expect(Number.isInteger(k) && k >= 0 && k <= 400).toBe(true);
      expect(b.pValue).toBeCloseTo((1 + k) / 401, 12);
    }
  });
});

describe('parameterImportance', () => {
  const lrs = [0.001, 0.01, 0.1, 1];
  // A full 4 × 2 × 2 grid, so the params vary independently of each other.
  const grid = lrs.flatMap((learningRate) => [32, 128].flatMap((batchSize) => [0, 0.2].map((dropout) => ({ learningRate, batchSize, dropout }))));
  const noise = seededRandom(5);

  it('keeps raw η² (not scaled to sum to 1): one driving param stands out, the others do not', () => {
    const trials = grid.map((params) => ({ params, value: (Math.log10(params.learningRate) + 2) ** 2 + 0.001 * noise() }));
    const result = parameterImportance(trials, ['batchSize', 'dropout', 'learningRate']);
    if (!result.importance) throw new Error(result.message);
    const { method, scores, sentence, trials: n, permutations } = result.importance;
    expect(method).toBe(IMPORTANCE_METHOD);
    expect([n, permutations]).toEqual([16, IMPORTANCE_PERMUTATIONS]);
    const [lr, ...others] = scores;
    expect(lr).toMatchObject({ param: 'learningRate', groups: 4, standsOut: true });
    expect(lr!.score).toBeGreaterThan(0.99);
    expect(lr!.pValue).toBeLessThanOrEqual(0.05);
    expect(lr!.score).toBeGreaterThan(lr!.shuffledP95);
    for (const o of others) {
      expect(o.standsOut, o.param).toBe(false);
      expect(o.score, o.param).toBeLessThan(0.01);
    }
    // Raw η², exactly the statistic, not a share of what the params explain together.
    expect(lr!.score).toBeCloseTo(etaSquared(trials.map((t) => t.value), groupLabels(grid.map((p) => p.learningRate))), 12);
    expect(sentence).toMatch(/^learningRate stands out from noise: with 16 trials it explains 100% of the objective’s variance against \d+% at the shuffled 95th percentile \(p = 0\.00\d\)\. (batchSize and dropout|dropout and batchSize) do not: shuffled objectives explain as much\.$/);
  });

  it('on a noisy sweep of 10 trials, params look important but none stands out', () => {
    // The motivating case: an objective that barely moves, unrelated to any param.
    const random = seededRandom(42);
    const trials = Array.from({ length: 10 }, (_, i) => ({ params: { learningRate: lrs[i % 4]!, batchSize: [32, 64, 128][i % 3]!, dropout: i % 2 ? 0.2 : 0 }, value: 0.5 + 0.001 * random() }));
    const result = parameterImportance(trials, ['learningRate', 'batchSize', 'dropout']);
    if (!result.importance) throw new Error(result.message);
    const { scores, sentence } = result.importance;
    expect(scores.some((s) => s.score > 0.2)).toBe(true);
    expect(scores.every((s) => !s.standsOut && s.pValue > 0.05)).toBe(true);
    const lr = scores.find((s) => s.param === 'learningRate')!;
    expect(lr.shuffledMean).toBeCloseTo(3 / 9, 1);
    expect(sentence).toMatch(/^No param stands out from noise: with 10 trials, shuffled objectives explain as much \(\w+, the top param, explains \d+%; shuffled, \d+% on average and up to \d+% at the 95th percentile; p = 0\.\d\d\)/);
  });

  it('flags pure noise as standing out about 5% of the time, no more', () => {
    let flagged = 0;
    let tested = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const random = seededRandom(1000 + seed);
      const trials = grid.map((params) => ({ params, value: random() }));
      const result = parameterImportance(trials, ['learningRate', 'batchSize', 'dropout'], { permutations: 100, seed });
      for (const s of result.importance?.scores ?? []) {
        tested += 1;
        if (s.standsOut) flagged += 1;
      }
    }
    expect(tested).toBe(120);
    // Expected 6 of 120 at p ≤ 0.05; 15 would be a broken test, not bad luck (binomial p < 0.001).
    expect(flagged).toBeLessThan(15);
  });

  it('is not rescaled: two params that vary together both explain nearly everything', () => {
    const trials = grid.map((params) => ({ params: { ...params, epochs: params.learningRate * 1000 }, value: params.learningRate + 0.0001 * noise() }));
    const scores = parameterImportance(trials, ['learningRate', 'epochs']).importance!.scores;
    expect(scores.map((s) => s.score).reduce((a, b) => a + b)).toBeGreaterThan(1.9);
    expect(scores.every((s) => s.standsOut)).toBe(true);
    expect(parameterImportance(trials, ['learningRate', 'epochs']).importance!.sentence).toMatch(/^epochs and learningRate stand out from noise with 16 trials: epochs explains 100% of the objective’s variance against \d+% at the shuffled 95th percentile \(p = 0\.00\d\); learningRate explains 100%/);
  });

  it('is deterministic for a seed', () => {
    const trials = grid.map((params, i) => ({ params, value: Math.sin(i) }));
    const params = ['learningRate', 'batchSize'];
    expect(parameterImportance(trials, params, { seed: 9 })).toEqual(parameterImportance(trials, params, { seed: 9 }));
    expect(parameterImportance(trials, params)).toEqual(parameterImportance(trials, params));
  });

  it('needs 3 trials with a value, and says how many more', () => {
    const few = [{ params: { learningRate: 0.1 }, value: 1 }, { params: { learningRate: 0.01 }, value: null }, { params: { learningRate: 0.001 }, value: 2 }];
    expect(parameterImportance(few, ['learningRate'])).toEqual({ importance: null, message: expect.stringContaining('2 so far (1 more)') });
  });

  it('gives every param 0 with p = 1 when the objective never changes: nothing to explain', () => {
    const flat = [0.1, 0.01, 0.001, 0.0001].map((learningRate, i) => ({ params: { learningRate, batchSize: i % 2 ? 32 : 64 }, value: 1 }));
    const result = parameterImportance(flat, ['learningRate', 'batchSize']);
    if (!result.importance) throw new Error(result.message);
    expect(result.importance.scores).toEqual([
      { param: 'batchSize', score: 0, groups: 2, shuffledMean: 0, shuffledP95: 0, pValue: 1, standsOut: false },
      { param: 'learningRate', score: 0, groups: 4, shuffledMean: 0, shuffledP95: 0, pValue: 1, standsOut: false },
    ]);
    expect(result.importance.sentence).toBe('Nothing to explain: all 4 trials with a value reached the same objective, so every param explains 0% of its variance.');
  });

  it('scores a param that never varied 0, with p = 1', () => {
    const trials = grid.map((params) => ({ params: { ...params, hiddenLayers: '16' }, value: params.learningRate }));
    const layers = parameterImportance(trials, ['learningRate', 'hiddenLayers']).importance!.scores.find((s) => s.param === 'hiddenLayers');
    expect(layers).toMatchObject({ score: 0, groups: 1, pValue: 1, standsOut: false });
  });
});

describe('sweepImportance', () => {
  const summary = (importance: SweepSummary['importance']): SweepSummary => ({
    search: 'grid',
    space: [{ param: 'learningRate', kind: 'values', values: [0.1, 0.01] }],
    objective: { metric: 'val_loss', direction: 'minimize' },
    earlyStopping: 'none',
    budget: { maxTrials: 4, maxMinutes: null },
    folds: null,
    seed: 1,
    trials: [0.1, 0.01, 0.1, 0.01].map((learningRate, i) => ({ runId: `t${i}`, params: { learningRate }, value: learningRate + i / 100, std: null, status: 'FINISHED', epochs: 3 })),
    importance,
    status: 'FINISHED',
  });

  it('recomputes from the trials, so a new sweep reads back exactly as it was stored', () => {
    const stored = parameterImportance(summary(null).trials, ['learningRate']).importance;
    expect(sweepImportance(summary(stored))).toEqual({ importance: stored, legacy: false });
  });

  it('marks importance stored with the older scaled scores as legacy, and recomputes it', () => {
    const old = sweepImportance(summary({ method: 'Variance explained (η², one-way ANOVA)', scores: [{ param: 'learningRate', score: 1 }] }));
    expect(old.legacy).toBe(true);
    expect(old.importance?.scores[0]).toMatchObject({ param: 'learningRate', groups: 2 });
    expect(old.importance?.scores[0]!.score).toBeLessThan(1);
  });

  it('falls back to the stored params when the summary has no space', () => {
    const noSpace = { ...summary({ method: 'old', scores: [{ param: 'learningRate', score: 1 }] }), space: [] };
    expect(sweepImportance(noSpace).importance?.scores.map((s) => s.param)).toEqual(['learningRate']);
  });
});
