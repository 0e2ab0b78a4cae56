import { describe, expect, it } from 'vitest';
import { builtinInfos } from '@/lib/data/load';
import { formFromParams, parseTags } from './form-state';

describe('train page URL presets', () => {
  const datasets = builtinInfos();
  const form = (query: string) => formFromParams(datasets, new URLSearchParams(query))!;

  it('reads dataset, target, model, learning rate, optimizer and epochs', () => {
    const f = form('dataset=flights&target=delay&model=linear&lr=0.05&optimizer=sgd&epochs=7');
    expect([f.datasetId, f.target, f.model, f.learningRate, f.optimizer, f.epochs]).toEqual(['flights', 'delay', 'linear', '0.05', 'sgd', '7']);
  });

  it('turns early stopping off with patience=off, sets a patience, and ignores nonsense', () => {
    expect(form('dataset=flights&patience=off').patience).toBe('');
    expect(form('dataset=flights&patience=3').patience).toBe('3');
    const untouched = form('dataset=flights').patience;
    expect(untouched).not.toBe('');
    expect(form('dataset=flights&patience=-2').patience).toBe(untouched);
    expect(form('dataset=flights&lr=-1&epochs=1.5').learningRate).toBe(form('dataset=flights').learningRate);
  });

  it('parses tags and drops prototype keys', () => {
    expect(parseTags('stage=baseline, best, __proto__=x')).toEqual({ stage: 'baseline', best: '' });
  });
});
