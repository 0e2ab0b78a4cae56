import { describe, expect, it } from 'vitest';
import type { SweepTrialSummary } from '../../tracking/sweep-types';
import { bestTrial, compareRunIds, cvMetricKeys, defaultDirection, objectiveChoices, trialsBestFirst } from './summary';

const trial = (runId: string, value: number | null, status: SweepTrialSummary['status'] = 'FINISHED'): SweepTrialSummary => ({ runId, params: {}, value, std: null, status, epochs: 3 });

describe('sweep summary helpers', () => {
  const trials = [trial('a', 0.5), trial('b', null, 'FAILED'), trial('c', 0.2, 'STOPPED_EARLY'), trial('d', 0.9)];

  it('orders trials best first for the direction, trials without a value last', () => {
    expect(trialsBestFirst({ trials, objective: { metric: 'val_loss', direction: 'minimize' } }).map((t) => t.runId)).toEqual(['c', 'a', 'd', 'b']);
    expect(trialsBestFirst({ trials, objective: { metric: 'val_acc', direction: 'maximize' } }).map((t) => t.runId)).toEqual(['d', 'a', 'c', 'b']);
    expect(bestTrial({ trials, objective: { metric: 'val_loss', direction: 'minimize' } })?.runId).toBe('c');
    expect(bestTrial({ trials: [trial('x', null, 'FAILED')], objective: { metric: 'val_loss', direction: 'minimize' } })).toBeNull();
  });

  it('compares at most 20 trials with a value, best first', () => {
    const many = Array.from({ length: 25 }, (_, i) => trial(`r${i}`, 25 - i));
    const ids = compareRunIds({ trials: [...many, trial('f', null, 'FAILED')], objective: { metric: 'val_loss', direction: 'minimize' } });
    expect(ids).toHaveLength(20);
    expect(ids[0]).toBe('r24');
    expect(ids).not.toContain('f');
  });

  it('knows each objective’s direction', () => {
    expect(defaultDirection('val_loss')).toBe('minimize');
    expect(defaultDirection('val_accuracy')).toBe('maximize');
    expect(objectiveChoices('classification').map((c) => c.metric)).toEqual(['val_loss', 'val_accuracy', 'loss', 'accuracy']);
    expect(objectiveChoices('regression').map((c) => `${c.metric}:${c.direction}`)).toEqual(['val_loss:minimize', 'val_mae:minimize', 'loss:minimize', 'mae:minimize']);
    expect(cvMetricKeys('val_loss')).toEqual({ perFold: 'cv_val_loss', mean: 'cv_val_loss_mean', std: 'cv_val_loss_std' });
  });
});
