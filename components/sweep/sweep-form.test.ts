import { describe, expect, it } from 'vitest';
import { builtinInfos } from '@/lib/data/load';
import { gridPreview, objectiveFor, spaceFromRows, sweepFormFromParams, sweepRequestFromForm, type SweepForm } from './sweep-form';

const datasets = builtinInfos();
const cars = datasets.find((d) => d.id === 'cars')!;
const at = new Date(2024, 0, 1, 12, 0, 0);
const form = (params = 'dataset=cars'): SweepForm => sweepFormFromParams(datasets, new URLSearchParams(params))!;
const row = (f: SweepForm, param: string) => f.space.find((r) => r.param === param)!;

describe('sweep form', () => {
  it('takes the train page presets and starts with a 6-configuration grid within a budget of 8', () => {
    const f = form('dataset=flights&target=delayed&model=mlp&epochs=4');
    expect(f.base).toMatchObject({ datasetId: 'flights', target: 'delayed', model: 'mlp', epochs: '4', patience: '' });
    expect(gridPreview(f)).toBe('A grid over these values has 6 configurations.');
  });

  it('builds a request the trainer accepts: searched params, budget, objective, folds, no name unless typed', () => {
    const f = form();
    f.folds = '3';
    f.earlyStopping = 'median';
    const built = sweepRequestFromForm(f, cars, at);
    if (!('request' in built)) throw new Error(built.problems.join('\n'));
    expect(built.request).toMatchObject({ search: 'grid', maxTrials: 8, maxMinutes: null, folds: 3, earlyStopping: 'none', objective: { metric: 'val_loss', direction: 'minimize' }, seed: 42 });
    expect(built.request.base).toMatchObject({ name: '', target: 'mpg', dataset: { id: 'cars', kind: 'builtin' } });
    expect(built.request.base.spec).toMatchObject({ task: 'regression', epochs: 10, patience: null });
    expect(built.request.space).toEqual([
      { param: 'learningRate', kind: 'values', values: [0.001, 0.01, 0.1] },
      { param: 'hiddenLayers', kind: 'values', values: ['16', '32-16'] },
    ]);
  });

  it('says how many configurations a grid has and when it is over budget or needs lists', () => {
    const f = form();
    row(f, 'optimizer').enabled = true;
    f.maxTrials = '10';
    expect(gridPreview(f)).toBe('A grid over these values has 12 configurations, more than the budget of 10 trials.');
    expect(sweepRequestFromForm(f, cars, at)).toEqual({ problems: [expect.stringContaining('The grid has 12 configurations, more than the budget of 10 trials')] });
    row(f, 'learningRate').mode = 'range';
    expect(gridPreview(f)).toContain('A grid needs lists of values');
    f.search = 'random';
    const built = sweepRequestFromForm(f, cars, at);
    expect('request' in built && built.request.space[0]).toEqual({ param: 'learningRate', kind: 'range', min: 0.0001, max: 0.1, scale: 'log', integer: false });
  });

  it('collects every problem with a clear message and keeps what was typed', () => {
    const f = form();
    row(f, 'learningRate').values = '0.1, fast';
    row(f, 'dropout').enabled = true;
    row(f, 'dropout').mode = 'range';
    row(f, 'dropout').min = 'x';
    f.base.seed = '1.5';
    f.maxMinutes = '-2';
    const built = sweepRequestFromForm(f, cars, at);
    expect('problems' in built && built.problems).toEqual(['seed: must be a whole number', 'learningRate: “fast” is not a number', 'dropout: type a number for both min and max', expect.stringContaining('Minutes: type a positive number')]);
    expect(row(f, 'learningRate').values).toBe('0.1, fast');
    expect(spaceFromRows(f.space.map((r) => ({ ...r, enabled: false }))).problems).toEqual(['Search at least one param: tick it and type its values.']);
  });

  it('keeps the objective when the task offers it, else falls back to validation loss', () => {
    const f = form();
    f.objective = 'val_mae';
    expect(objectiveFor(f, 'regression').objective).toBe('val_mae');
    expect(objectiveFor(f, 'classification')).toEqual({ objective: 'val_loss', direction: 'minimize' });
  });
});
