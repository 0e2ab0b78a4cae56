import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeRunsView } from '@/components/runs/runs-url-state';
import { parseRunFilter } from '@/lib/tracking/run-filter';
import { SHARED_WORKBENCH_PAGES, checkTrainLink, deepFreeze, describeLessonFolders, lessonFolders, type WorkbenchPages } from '../lesson-folder-tests';
import yourFirstModel from './01-your-first-model/lesson';
import whyTrackExperiments from './02-why-track-experiments/lesson';
import {
  DIVERGED,
  beatBaseline,
  beatChampion,
  bestNotLast,
  comparingRuns,
  delayRun,
  failedRun,
  firstRun,
  lossRun,
  lrRun,
  model,
  modelRegistry,
  mostImportant,
  packaging,
  readyToPackage,
  run,
  snapshotWith,
  sweep,
  sweepOfEight,
  trio,
  tuning,
  version,
} from './test-snapshots';

const WEEK_DIR = fileURLToPath(new URL('.', import.meta.url));
const LESSON_FOLDERS = lessonFolders(WEEK_DIR);

describe('week 2 checks are pure', () => {
  it.each([firstRun, beatBaseline, trio, failedRun, bestNotLast, sweepOfEight, mostImportant, beatChampion, readyToPackage])('$id: same answer twice, snapshot untouched', (exercise) => {
    const snapshot = snapshotWith({
      runs: [lrRun(0.001, 0.48), lrRun(0.01, 0.45, { tags: { best: '' } }), delayRun(32.1, 32.7), run({ status: 'FAILED', failure: DIVERGED }), lossRun(0.43, 0.5, { tags: { winner: '' } })],
      sweeps: [sweep({ tags: { important: 'batchSize' } })],
      models: [model('flights-delay', [version(1, { val_rmse: 33 }), version(2, { val_rmse: 32 })], 2, [[1, null], [2, 1]])],
    });
    const before = JSON.stringify(snapshot);
    deepFreeze(snapshot);
    const first = exercise.check(snapshot);
    expect(exercise.check(snapshot)).toEqual(first);
    expect(JSON.stringify(snapshot)).toBe(before);
  });
});

const nonEmpty = (v: string) => v.trim().length > 0;

/** The runs page's presets through its own decoder, and the filter through the runs filter's parser. */
function checkRunsLink(params: URLSearchParams): string[] {
  const view = decodeRunsView(params);
  const problems: string[] = [];
  for (const key of params.keys()) if (!['filter', 'sort', 'dir', 'trials'].includes(key)) problems.push(`${key} is not a preset the runs page reads`);
  if (params.has('filter')) {
    const parsed = parseRunFilter(view.filter);
    if (!parsed.ok) problems.push(`filter: ${parsed.error.message}`);
  }
  if (params.has('sort') && view.sort !== params.get('sort')) problems.push(`sort=${params.get('sort')} became ${view.sort}`);
  return problems;
}

/** Workbench pages the lessons may link to, and how each one's presets are checked. */
const WORKBENCH_PAGES: WorkbenchPages = {
  ...SHARED_WORKBENCH_PAGES,
  '/workbench/data': () => [],
  '/workbench/sweep': (p) => checkTrainLink(p, true),
  '/workbench/runs': checkRunsLink,
  '/workbench/run': (p) => (nonEmpty(p.get('id') ?? '') ? [] : ['no run id']),
  '/workbench/compare': (p) => [...p.keys()].filter((k) => !['runs', 'metric'].includes(k)).map((k) => `${k} is not a preset the compare page reads`),
  '/workbench/transfer': () => [],
};

describe('week 2 lessons', () => {
  it('has the expected lesson folders', () => {
    expect(LESSON_FOLDERS).toEqual([
      '01-your-first-model',
      '02-why-track-experiments',
      '03-comparing-runs',
      '04-tuning-and-cross-validation',
      '05-model-registry',
      '06-packaging-a-model',
    ]);
  });

  describeLessonFolders({ week: 2, weekDir: WEEK_DIR, workbenchPages: WORKBENCH_PAGES });

  it('climbs from level 0 to level 2, and ends the week at the door of level 3', () => {
    expect([yourFirstModel, whyTrackExperiments, comparingRuns, tuning, modelRegistry, packaging].map((l) => l.maturityLevel)).toEqual([0, 2, 2, 2, 2, 3]);
  });

  it('checks preset links with the pages’ real parsers, so a typo in a link fails', () => {
    expect(checkTrainLink(new URLSearchParams('dataset=flights&target=delay&epochs=15&patience=off'), false)).toEqual([]);
    expect(checkTrainLink(new URLSearchParams('dataset=flight&lr=0.01'), false)).toEqual(['dataset=flight became flights']);
    expect(checkTrainLink(new URLSearchParams('learningRate=0.01'), false)).toEqual(['learningRate is not a preset the page reads']);
    expect(checkRunsLink(new URLSearchParams('filter=params.target = "delayed"'))).toEqual([]);
    expect(checkRunsLink(new URLSearchParams('filter=params.learningRate in (0.001, 0.01, 0.1)'))).toEqual([]);
    expect(checkRunsLink(new URLSearchParams('filter=params.lr <'))[0]).toMatch(/^filter: Expected a value after "<"/);
  });

  it('asks why-it-failed with the learning rate as the one right answer', () => {
    const quiz = whyTrackExperiments.exercises.find((e) => e.id === 'why-it-failed');
    if (!quiz || quiz.kind !== 'quiz') throw new Error('why-it-failed quiz not found');
    expect(quiz.choices.filter((c) => c.correct).map((c) => c.id)).toEqual(['learning-rate-too-high']);
  });
});
