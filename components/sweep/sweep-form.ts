import type { DatasetInfo } from '@/lib/data/load';
import type { SweepRequest } from '@/lib/ml/protocol';
import { checkSweepRequest } from '@/lib/ml/sweep/check';
import { gridSize } from '@/lib/ml/sweep/generate';
import type { Direction } from '@/lib/ml/sweep/scheduler';
import { paramInfo, parseValues, SWEEP_PARAMS, type SweepParam } from '@/lib/ml/sweep/space';
import { defaultDirection, objectiveChoices } from '@/lib/ml/sweep/summary';
import type { SweepDimension, SweepSummary } from '@/lib/tracking/sweep-types';
import { formFromParams, requestFromForm, type TrainForm } from '@/components/training/form-state';

/** One param of the space editor, as typed. */
export interface SpaceRow {
  param: SweepParam;
  enabled: boolean;
  mode: 'values' | 'range';
  /** Comma-separated values. */
  values: string;
  min: string;
  max: string;
  log: boolean;
}

/** The sweep form as the learner edits it: the base training form plus the search settings. */
export interface SweepForm {
  base: TrainForm;
  space: SpaceRow[];
  search: 'grid' | 'random';
  maxTrials: string;
  maxMinutes: string;
  earlyStopping: SweepSummary['earlyStopping'];
  objective: string;
  direction: Direction;
  folds: 'off' | '3' | '5';
}

/** Starting values typed in each param's row; learning rate and layers are on, as the lesson's first sweep. */
const DEFAULT_ROWS: Record<SweepParam, Omit<SpaceRow, 'param'>> = {
  learningRate: { enabled: true, mode: 'values', values: '0.001, 0.01, 0.1', min: '0.0001', max: '0.1', log: true },
  hiddenLayers: { enabled: true, mode: 'values', values: '16, 32-16', min: '', max: '', log: false },
  dropout: { enabled: false, mode: 'values', values: '0, 0.2', min: '0', max: '0.5', log: false },
  l2: { enabled: false, mode: 'values', values: '0, 0.001', min: '0.00001', max: '0.01', log: true },
  batchSize: { enabled: false, mode: 'values', values: '32, 64', min: '16', max: '256', log: true },
  optimizer: { enabled: false, mode: 'values', values: 'adam, sgd', min: '', max: '', log: false },
  activation: { enabled: false, mode: 'values', values: 'relu, tanh', min: '', max: '', log: false },
  epochs: { enabled: false, mode: 'values', values: '5, 10', min: '3', max: '20', log: false },
  model: { enabled: false, mode: 'values', values: 'linear, mlp', min: '', max: '', log: false },
};

/** Task of the form's target (regression when the dataset does not say). */
export function taskOf(form: TrainForm, info: DatasetInfo): 'regression' | 'classification' {
  return info.targets.find((t) => t.column === form.target)?.task ?? 'regression';
}

/**
 * The sweep form for a base training form: 6 grid configurations (3 learning rates × 2 layer
 * shapes) within a budget of 8, 10 epochs, patience off (the sweep's own rule stops trials),
 * validation loss minimised.
 */
export function sweepFormFor(base: TrainForm): SweepForm {
  return {
    base: { ...base, epochs: '10', patience: '' },
    space: SWEEP_PARAMS.map((param) => ({ param, ...DEFAULT_ROWS[param] })),
    search: 'grid',
    maxTrials: '8',
    maxMinutes: '',
    earlyStopping: 'none',
    objective: 'val_loss',
    direction: 'minimize',
    folds: 'off',
  };
}

/** Applies the train page's URL presets (`dataset`, `target`, `model`, `lr`, `optimizer`, `epochs`). */
export function sweepFormFromParams(datasets: readonly DatasetInfo[], params: URLSearchParams): SweepForm | null {
  const base = formFromParams(datasets, params);
  if (!base) return null;
  const form = sweepFormFor(base);
  const epochs = params.get('epochs');
  if (epochs && Number.isInteger(Number(epochs)) && Number(epochs) > 0) form.base.epochs = epochs;
  return form;
}

/** The objective to use after the target (and so the task) changed: kept when still offered. */
export function objectiveFor(form: SweepForm, task: 'regression' | 'classification'): Pick<SweepForm, 'objective' | 'direction'> {
  if (objectiveChoices(task).some((c) => c.metric === form.objective)) return { objective: form.objective, direction: form.direction };
  return { objective: 'val_loss', direction: defaultDirection('val_loss') };
}

const number = (s: string) => (s.trim() === '' ? NaN : Number(s));

/** The space from the enabled rows, or a problem per bad row (named by param). */
export function spaceFromRows(rows: readonly SpaceRow[]): { space: SweepDimension[]; problems: string[] } {
  const space: SweepDimension[] = [];
  const problems: string[] = [];
  for (const row of rows.filter((r) => r.enabled)) {
    const info = paramInfo(row.param);
    if (row.mode === 'range' && info.numeric) {
      const min = number(row.min);
      const max = number(row.max);
      if (!Number.isFinite(min) || !Number.isFinite(max)) problems.push(`${row.param}: type a number for both min and max`);
      else space.push({ param: row.param, kind: 'range', min, max, scale: row.log ? 'log' : 'linear', integer: info.integer });
      continue;
    }
    const parsed = parseValues(row.param, row.values);
    if ('error' in parsed) problems.push(parsed.error);
    else space.push({ param: row.param, kind: 'values', values: parsed.values });
  }
  if (space.length === 0 && problems.length === 0) problems.push('Search at least one param: tick it and type its values.');
  return { space, problems };
}

/** "A grid over these values has 6 configurations." — what the learner sees before starting. */
export function gridPreview(form: SweepForm): string {
  const { space, problems } = spaceFromRows(form.space);
  if (problems.length > 0) return 'Fix the space to see how many configurations a grid has.';
  const size = gridSize(space);
  if (size === null) return 'A grid needs lists of values: a range can only be sampled by random search.';
  const budget = Number(form.maxTrials);
  const over = Number.isInteger(budget) && budget > 0 && size > budget ? `, more than the budget of ${budget} trials` : '';
  return `A grid over these values has ${size.toLocaleString('en-US')} configuration${size === 1 ? '' : 's'}${over}.`;
}

/** The sweep request for a form, or every problem to fix (base settings, space, budget, objective). */
export function sweepRequestFromForm(form: SweepForm, info: DatasetInfo, at: Date): { request: SweepRequest } | { problems: string[] } {
  const built = requestFromForm(form.base, info, at);
  const { space, problems } = spaceFromRows(form.space);
  if ('problems' in built) problems.unshift(...built.problems);
  const maxTrials = number(form.maxTrials);
  const minutes = form.maxMinutes.trim() === '' ? null : number(form.maxMinutes);
  if (minutes !== null && !(minutes > 0)) problems.push('Minutes: type a positive number, or leave it empty for no time limit');
  if (problems.length > 0 || 'problems' in built) return { problems };
  const folds = form.folds === 'off' ? null : Number(form.folds);
  const request: SweepRequest = {
    // The name is left to the trainer ("sweep: 8 trials of lr × layers") unless the learner typed one.
    base: { ...built.request, name: form.base.name.trim(), tags: built.request.tags },
    space,
    search: form.search,
    maxTrials,
    maxMinutes: minutes,
    earlyStopping: folds ? 'none' : form.earlyStopping,
    objective: { metric: form.objective, direction: form.direction },
    folds,
    seed: built.request.spec.seed,
  };
  const checked = checkSweepRequest(request);
  return 'problems' in checked ? { problems: checked.problems } : { request };
}
