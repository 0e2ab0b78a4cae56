// Snapshot factories shared by the week 2 check tests (not a test file itself).
import type { CheckExercise, Lesson, SnapshotRun, WorkbenchSnapshot } from '@/lib/course/types';
import yourFirstModel from './01-your-first-model/lesson';
import whyTrackExperiments from './02-why-track-experiments/lesson';


/** The params the Train form records for a small MLP classifying `delayed` on the flights. */
export const PARAMS: SnapshotRun['params'] = {
  task: 'classification',
  target: 'delayed',
  features: 'hour,weekday,month,distance,origin,destination',
  split: 'time',
  model: 'mlp',
  hiddenLayers: '32-16',
  activation: 'relu',
  dropout: 0,
  l2: 0,
  optimizer: 'adam',
  learningRate: 0.01,
  batchSize: 64,
  epochs: 10,
  patience: 5,
  seed: 42,
};

export const DELAY_PARAMS: SnapshotRun['params'] = { ...PARAMS, task: 'regression', target: 'delay', epochs: 15 };

export const DIVERGED = { message: 'The loss became NaN in epoch 1: training diverged.', hint: 'The learning rate 10 is very high for this model: the weights overshoot and grow without bound. Try 0.01 or lower.' };

export type RunInput = Omit<Partial<SnapshotRun>, 'params'> & { params?: Partial<SnapshotRun['params']> };

let counter = 0;

/**
 * A run as the snapshot holds it: a FINISHED flights run with the default params unless told
 * otherwise. `params` are merged over the defaults; runs start one second apart, in creation order.
 */
export function run(input: RunInput = {}): SnapshotRun {
  counter += 1;
  const { params, ...rest } = input;
  const startedAt = rest.startedAt ?? 1_700_000_000_000 + counter * 1000;
  return {
    id: `run-${counter}`,
    name: `run ${counter}`,
    status: 'FINISHED',
    startedAt,
    endedAt: rest.status === 'RUNNING' ? null : startedAt + 500,
    tags: {},
    notes: '',
    datasetId: 'flights',
    backend: 'webgl',
    lastMetrics: {},
    bestMetrics: {},
    failure: null,
    ...rest,
    params: Object.fromEntries(Object.entries({ ...PARAMS, ...params }).filter(([, v]) => v !== undefined)) as SnapshotRun['params'],
  };
}

/** A finished flights run predicting `delay`, evaluated against the mean baseline. */
export function delayRun(valRmse: number, baselineRmse: number, input: RunInput = {}): SnapshotRun {
  return run({
    ...input,
    params: { ...DELAY_PARAMS, ...input.params },
    lastMetrics: { loss: 1100, val_loss: 1040, val_rmse: valRmse, baseline_val_rmse: baselineRmse, ...input.lastMetrics },
  });
}

/** A finished run of the learning-rate comparison with its best (and, unless told, last) val_loss. */
export function lrRun(learningRate: number, bestValLoss: number, input: RunInput = {}): SnapshotRun {
  return run({
    ...input,
    params: { ...input.params, learningRate },
    bestMetrics: { loss: bestValLoss - 0.02, val_loss: bestValLoss, ...input.bestMetrics },
    lastMetrics: { loss: bestValLoss - 0.01, val_loss: bestValLoss + 0.01, ...input.lastMetrics },
  });
}

export function snapshotOf(...runs: SnapshotRun[]): WorkbenchSnapshot {
  return {
    takenAt: 1_800_000_000_000,
    progress: { exercises: [], visits: [], completedLessons: [] },
    runs: [...runs].sort((a, b) => a.startedAt - b.startedAt),
  };
}

export function checkOf(lesson: Lesson, id: string): CheckExercise {
  const exercise = lesson.exercises.find((e) => e.id === id);
  if (!exercise || exercise.kind !== 'check') throw new Error(`${id} check exercise not found`);
  return exercise;
}

export const firstRun = checkOf(yourFirstModel, 'first-run');
export const beatBaseline = checkOf(yourFirstModel, 'beat-mean-baseline');
export const trio = checkOf(whyTrackExperiments, 'learning-rate-trio');
export const failedRun = checkOf(whyTrackExperiments, 'failed-run');
