import { describe, expect, it } from 'vitest';
import { DEFAULT_MLP } from '../model-spec';
import { applyParams, describeDimension, parseLayers, parseValues, shortSpaceName, validateSpace } from './space';

describe('parseValues', () => {
  it('parses numbers, layers and choices, dropping duplicates', () => {
    expect(parseValues('learningRate', '0.001, 0.01 ,0.01,')).toEqual({ values: [0.001, 0.01] });
    expect(parseValues('hiddenLayers', '16, 32-16, 64 32')).toEqual({ values: ['16', '32-16', '64-32'] });
    expect(parseValues('optimizer', 'adam, sgd')).toEqual({ values: ['adam', 'sgd'] });
  });

  it('names the param and the bad value', () => {
    expect(parseValues('learningRate', '')).toEqual({ error: 'learningRate: type at least one value' });
    expect(parseValues('learningRate', '0.1, abc')).toEqual({ error: 'learningRate: “abc” is not a number' });
    expect(parseValues('dropout', '0.2, 1.5')).toEqual({ error: 'dropout: 1.5 must be at least 0 and below 1' });
    expect(parseValues('batchSize', '32.5')).toMatchObject({ error: expect.stringContaining('batchSize: 32.5 must be a whole number') });
    expect(parseValues('hiddenLayers', '32-0')).toMatchObject({ error: expect.stringContaining('hiddenLayers: “32-0”') });
    expect(parseValues('activation', 'relu, gelu')).toEqual({ error: 'activation: gelu must be relu, tanh, sigmoid or elu' });
  });
});

describe('validateSpace', () => {
  it('accepts a good space', () => {
    expect(validateSpace([{ param: 'learningRate', kind: 'range', min: 1e-4, max: 0.1, scale: 'log', integer: false }, { param: 'hiddenLayers', kind: 'values', values: ['16', '32-16'] }])).toEqual([]);
  });

  it('explains every kind of mistake', () => {
    expect(validateSpace([])).toEqual(['Search at least one param.']);
    const problems = validateSpace([
      { param: 'momentum', kind: 'values', values: [0.9] },
      { param: 'learningRate', kind: 'values', values: [] },
      { param: 'dropout', kind: 'range', min: 0.5, max: 0.2, scale: 'linear', integer: false },
      { param: 'l2', kind: 'range', min: 0, max: 0.1, scale: 'log', integer: false },
      { param: 'optimizer', kind: 'range', min: 0, max: 1, scale: 'linear', integer: false },
      { param: 'l2', kind: 'values', values: [0.01] },
      { param: 'batchSize', kind: 'range', min: 8.2, max: 8.7, scale: 'linear', integer: true },
    ]);
    expect(problems).toEqual([
      expect.stringMatching(/^momentum: not a param a sweep can search/),
      'learningRate: type at least one value',
      'dropout: min (0.5) must be below max (0.2)',
      'l2: a log range needs min above 0 (got 0)',
      'optimizer: a range needs a numeric param; list the values instead',
      'l2: listed twice',
      'batchSize: no whole number lies between 8.2 and 8.7',
    ]);
  });

  it('checks range bounds against what the param allows', () => {
    expect(validateSpace([{ param: 'dropout', kind: 'range', min: 0.1, max: 1.2, scale: 'linear', integer: false }])).toEqual(['dropout: 1.2 must be at least 0 and below 1']);
  });
});

describe('applyParams', () => {
  it('sets each searched param on the spec and ignores unknown ones', () => {
    const spec = applyParams(DEFAULT_MLP, { learningRate: 0.1, hiddenLayers: '64-32', batchSize: 16, optimizer: 'sgd', activation: 'tanh', dropout: 0.2, l2: 0.001, epochs: 3, model: 'linear', other: 1 });
    expect(spec).toMatchObject({ learningRate: 0.1, hiddenLayers: [64, 32], batchSize: 16, optimizer: 'sgd', activation: 'tanh', dropout: 0.2, l2: 0.001, epochs: 3, kind: 'linear' });
    expect(DEFAULT_MLP.learningRate).toBe(0.01);
  });
});

describe('descriptions', () => {
  it('describes dimensions and names the space briefly', () => {
    expect(describeDimension({ param: 'learningRate', kind: 'values', values: [0.001, 0.01] })).toBe('{0.001, 0.01}');
    expect(describeDimension({ param: 'batchSize', kind: 'range', min: 16, max: 128, scale: 'log', integer: true })).toBe('log int [16, 128]');
    expect(shortSpaceName([{ param: 'learningRate', kind: 'values', values: [1] }, { param: 'hiddenLayers', kind: 'values', values: ['16'] }])).toBe('lr × layers');
    expect(parseLayers('32x16')).toEqual([32, 16]);
    expect(parseLayers('a')).toBeNull();
  });
});
