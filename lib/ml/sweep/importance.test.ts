import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../data/random';
import { etaSquared, groupLabels, IMPORTANCE_METHOD, parameterImportance } from './importance';

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

describe('parameterImportance', () => {
  const random = seededRandom(5);
  const lrs = [0.0003, 0.001, 0.003, 0.01, 0.03, 0.1];
  const layers = ['16', '32-16', '64-32'];
  const dropouts = [0, 0.2];
  // An objective that depends only on the learning rate (with a little noise): layers and dropout are irrelevant.
  const trials = lrs.flatMap((learningRate) => layers.flatMap((hiddenLayers) => dropouts.map((dropout) => ({ params: { learningRate, hiddenLayers, dropout }, value: (Math.log10(learningRate) + 2) ** 2 + 0.01 * random() }))));

  it('ranks the only param the objective depends on first, scores sum to 1, names the method', () => {
    const result = parameterImportance(trials, ['hiddenLayers', 'dropout', 'learningRate']);
    if (!result.importance) throw new Error(result.message);
    expect(result.importance.method).toBe(IMPORTANCE_METHOD);
    expect(result.importance.scores[0]!.param).toBe('learningRate');
    expect(result.importance.scores[0]!.score).toBeGreaterThan(0.95);
    expect(result.importance.scores.reduce((s, x) => s + x.score, 0)).toBeCloseTo(1, 12);
    const scores = result.importance.scores.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('ranks layers first when the objective depends on layers only', () => {
    const byLayers = trials.map((t) => ({ ...t, value: layers.indexOf(t.params.hiddenLayers) + 0.01 * random() }));
    const result = parameterImportance(byLayers, ['learningRate', 'hiddenLayers', 'dropout']);
    expect(result.importance?.scores[0]?.param).toBe('hiddenLayers');
  });

  it('needs 3 trials with a value, and says how many more', () => {
    const few = [{ params: { learningRate: 0.1 }, value: 1 }, { params: { learningRate: 0.01 }, value: null }, { params: { learningRate: 0.001 }, value: 2 }];
    expect(parameterImportance(few, ['learningRate'])).toEqual({ importance: null, message: expect.stringContaining('2 so far (1 more)') });
  });

  it('gives every param 0 when the objective never changes', () => {
    const flat = [0.1, 0.01, 0.001].map((learningRate) => ({ params: { learningRate }, value: 1 }));
    expect(parameterImportance(flat, ['learningRate'])).toEqual({ importance: { method: IMPORTANCE_METHOD, scores: [{ param: 'learningRate', score: 0 }] } });
  });
});
