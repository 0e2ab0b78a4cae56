// Which results of the week 2 checks are "nothing to grade yet" (`notGradable`): a click on them
// shows the feedback but is not an attempt (lib/course/grading.ts, applyCheckResult). Only an
// empty workbench, or one whose only relevant work is still running, qualifies; a wrong answer
// (another dataset, a cancelled run, a tag in the wrong place, a missing alias) always counts.
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '@/lib/course/types';
import {
  DIVERGED,
  beatBaseline,
  beatChampion,
  bestNotLast,
  delayRun,
  eightTrials,
  failedRun,
  firstRun,
  lrRun,
  model,
  mostImportant,
  readyToPackage,
  run,
  snapshotOf,
  snapshotWith,
  sweep,
  sweepOfEight,
  trio,
  version,
} from './test-snapshots';

const ALL = [firstRun, beatBaseline, trio, failedRun, bestNotLast, sweepOfEight, mostImportant, beatChampion, readyToPackage];

function nothingToGrade(result: CheckResult): void {
  expect(result.passed).toBe(false);
  expect(result.notGradable).toBe(true);
  expect(result.feedback.trim()).not.toBe('');
}

function graded(result: CheckResult): void {
  expect(result.passed).toBe(false);
  expect(result.notGradable).toBeUndefined();
}

describe('week 2 checks: nothing to grade yet', () => {
  it.each(ALL)('$id: an empty workbench is not a try', (exercise) => {
    nothingToGrade(exercise.check(snapshotWith({})));
  });

  it('runs still training are not a try, until something ended', () => {
    nothingToGrade(firstRun.check(snapshotOf(run({ status: 'RUNNING' }))));
    nothingToGrade(beatBaseline.check(snapshotOf(delayRun(30, 32, { status: 'RUNNING' }))));
    nothingToGrade(failedRun.check(snapshotOf(run({ status: 'RUNNING' }))));
    nothingToGrade(trio.check(snapshotOf(lrRun(0.01, 0.4, { status: 'RUNNING' }))));
    nothingToGrade(bestNotLast.check(snapshotOf(run({ status: 'RUNNING' }))));
    nothingToGrade(sweepOfEight.check(snapshotWith({ sweeps: [sweep({ status: 'RUNNING', trials: eightTrials().slice(0, 5) })] })));
    nothingToGrade(mostImportant.check(snapshotWith({ sweeps: [sweep({ importance: null, trials: eightTrials().slice(0, 2), status: 'RUNNING' })] })));
  });

  it('finished work that is not about this check is not a try either', () => {
    nothingToGrade(failedRun.check(snapshotOf(run(), run({ name: 'another' }))));
    nothingToGrade(sweepOfEight.check(snapshotOf(run())));
    nothingToGrade(beatChampion.check(snapshotWith({ models: [model('new', [], null)] })));
    nothingToGrade(readyToPackage.check(snapshotWith({ models: [model('new', [], null)] })));
  });
});

describe('week 2 checks: wrong answers still count', () => {
  it('counts a run on the wrong dataset, target or status', () => {
    graded(firstRun.check(snapshotOf(run({ datasetId: 'penguins', params: { target: 'species' } }))));
    graded(firstRun.check(snapshotOf(run({ status: 'KILLED' }))));
    graded(beatBaseline.check(snapshotOf(run())));
    graded(beatBaseline.check(snapshotOf(delayRun(33, 32))));
    graded(trio.check(snapshotOf(lrRun(0.01, 0.4))));
  });

  it('counts a failure that did not diverge, a cancelled run, and a running run beside a wrong failure', () => {
    const oom = { message: 'Out of memory.', hint: 'Smaller batches.' };
    graded(failedRun.check(snapshotOf(run({ status: 'FAILED', failure: oom }))));
    graded(failedRun.check(snapshotOf(run({ status: 'KILLED' }))));
    graded(failedRun.check(snapshotOf(run({ status: 'FAILED', failure: oom }), run({ status: 'RUNNING' }))));
    expect(failedRun.check(snapshotOf(run({ status: 'FAILED', failure: DIVERGED }))).passed).toBe(true);
  });

  it('counts a winner tag on a run that cannot take part', () => {
    graded(bestNotLast.check(snapshotOf(run({ datasetId: 'penguins', tags: { winner: '' } }))));
  });

  it('counts a finished sweep that is too small, and an untagged sweep with an importance', () => {
    graded(sweepOfEight.check(snapshotWith({ sweeps: [sweep({ trials: eightTrials().slice(0, 5) })] })));
    graded(mostImportant.check(snapshotWith({ sweeps: [sweep({ trials: eightTrials() })] })));
  });

  it('counts a model whose versions hold no @champion, and a champion that does not beat its baseline', () => {
    graded(beatChampion.check(snapshotWith({ models: [model('flights-delay', [version(1, { val_rmse: 33 })], null)] })));
    graded(readyToPackage.check(snapshotWith({ models: [model('flights-delay', [version(1, { val_rmse: 33 })], null)] })));
    graded(readyToPackage.check(snapshotWith({ models: [model('flights-delay', [version(1, { val_rmse: 35, baseline_val_rmse: 32 })], 1, [[1, null]])] })));
  });
});
