import { describe, expect, it } from 'vitest';
import { trialName } from './sweep-trial';

describe('trialName', () => {
  it('puts the trial number and its searched values before the sweep name, so cut names still differ', () => {
    expect(trialName(2, { learningRate: 0.0123456789, hiddenLayers: '32-16' }, 'sweep: 6 trials')).toBe('trial 3 · learningRate=0.01235, hiddenLayers=32-16 · sweep: 6 trials');
    expect(trialName(0, {}, 'sweep')).toBe('trial 1 · sweep');
  });
});
