// Snapshot factories shared by the week 2 check tests (not a test file itself).
import { snapshotWith } from '@/lib/course/test-snapshots';
import type { CheckExercise, ExerciseProgress, Lesson, SnapshotModel, SnapshotModelVersion, SnapshotRun, SnapshotSweep, SnapshotSweepTrial, WorkbenchSnapshot } from '@/lib/course/types';
import yourFirstModel from './01-your-first-model/lesson';
import whyTrackExperiments from './02-why-track-experiments/lesson';
import comparingRuns from './03-comparing-runs/lesson';
import tuning from './04-tuning-and-cross-validation/lesson';
import modelRegistry from './05-model-registry/lesson';
import packaging from './06-packaging-a-model/lesson';

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
    savedMetrics: {},
    failure: null,
    parentRunId: null,
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
  return snapshotWith({ runs });
}

export { snapshotWith };

/** The saved state of an exercise the learner has tried `attempts` times without passing. */
export function tried(lesson: Lesson, exerciseId: string, attempts: number, solutionRevealed = false): ExerciseProgress {
  return { lessonId: lesson.id, exerciseId, status: 'attempted', attempts, hintsRevealed: 0, solutionRevealed, lastAnswer: [], lastFeedback: '', updatedAt: 1, passedAt: null };
}

/** A finished flights run predicting `delayed` (unless told) with its best and last val_loss. */
export function lossRun(best: number, last: number, input: RunInput = {}): SnapshotRun {
  return run({ ...input, bestMetrics: { val_loss: best, ...input.bestMetrics }, lastMetrics: { val_loss: last, ...input.lastMetrics } });
}

/** A trial of a sweep: FINISHED with its objective value unless told otherwise. */
export function trial(value: number | null, params: SnapshotSweepTrial['params'], input: Partial<SnapshotSweepTrial> = {}): SnapshotSweepTrial {
  counter += 1;
  return { runId: `trial-${counter}`, params, value, std: null, status: 'FINISHED', ...input };
}

/** Eight finished trials over learning rate and batch size: the rate explains nearly all (η² ≈ 1) and stands out from noise. */
export function eightTrials(): SnapshotSweepTrial[] {
  return [0.001, 0.003, 0.01, 0.03].flatMap((learningRate, i) => [32, 128].map((batchSize) => trial(0.5 - i * 0.02 + (batchSize === 128 ? 0.002 : 0), { learningRate, batchSize })));
}

/**
 * A finished random sweep on flights minimising val_loss. `importance` is what the snapshot
 * reads from sweep.json (raw η² of `eightTrials`); the check recomputes it, with the shuffled
 * baseline, from `trials`, so a test changes the trials to change the ranking.
 */
export function sweep(input: Partial<SnapshotSweep> = {}): SnapshotSweep {
  counter += 1;
  return {
    parentRunId: `sweep-${counter}`,
    name: `sweep ${counter}`,
    startedAt: 1_700_000_000_000 + counter * 1000,
    datasetId: 'flights',
    tags: { sweep: 'parent' },
    search: 'random',
    searched: ['learningRate', 'batchSize'],
    maxTrials: 8,
    earlyStopping: 'median',
    folds: null,
    objective: { metric: 'val_loss', direction: 'minimize' },
    trials: eightTrials(),
    importance: { method: 'Variance explained (η², one-way ANOVA) against a shuffled baseline', scores: [{ param: 'learningRate', score: 0.998 }, { param: 'batchSize', score: 0.002 }] },
    status: 'FINISHED',
    ...input,
  };
}

/** Version `n` of a flights `delay` regression, with its validation metrics at registration. */
export function version(n: number, metrics: Record<string, number>, input: Partial<SnapshotModelVersion> = {}): SnapshotModelVersion {
  return { version: n, runId: `run-of-v${n}`, archived: false, createdAt: 1_700_000_000_000 + n, metrics, datasetId: 'flights', datasetHash: 'h-flights', task: 'regression', target: 'delay', ...input };
}

/** A registered model; `moves` are champion moves in order, as [version or null, previous or null]. */
export function model(name: string, versions: SnapshotModelVersion[], champion: number | null, moves: Array<[number | null, number | null]> = []): SnapshotModel {
  return {
    name,
    description: '',
    aliases: champion === null ? {} : { champion },
    versions,
    aliasHistory: moves.map(([v, previousVersion], i) => ({ alias: 'champion', version: v, previousVersion, at: 1_700_000_100_000 + i, actor: 'you' })),
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
export const bestNotLast = checkOf(comparingRuns, 'best-not-last');
export const sweepOfEight = checkOf(tuning, 'sweep-of-eight');
export const mostImportant = checkOf(tuning, 'most-important-param');
export const beatChampion = checkOf(modelRegistry, 'beat-the-champion');
export const readyToPackage = checkOf(packaging, 'champion-to-package');
export { comparingRuns, tuning, modelRegistry, packaging };
