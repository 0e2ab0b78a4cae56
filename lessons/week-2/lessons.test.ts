import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeRunsView } from '@/components/runs/runs-url-state';
import { sweepFormFromParams, sweepRequestFromForm } from '@/components/sweep/sweep-form';
import { formFromParams, requestFromForm, type TrainForm } from '@/components/training/form-state';
import type { Lesson } from '@/lib/course/types';
import { builtinInfos } from '@/lib/data/load';
import { parseRunFilter } from '@/lib/tracking/run-filter';
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
const LESSON_FOLDERS = readdirSync(WEEK_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /^\d{2}-/.test(entry.name))
  .map((entry) => entry.name)
  .sort();

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

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const nonEmpty = (v: string) => v.trim().length > 0;
const DATASETS = builtinInfos();
const AT = new Date(Date.UTC(2026, 0, 1));

/** Where the train form keeps each URL preset, read back from the form the real parser builds. */
const TRAIN_PRESETS: Record<string, (form: TrainForm) => string> = {
  dataset: (f) => f.datasetId,
  target: (f) => f.target,
  model: (f) => f.model,
  lr: (f) => f.learningRate,
  optimizer: (f) => f.optimizer,
  epochs: (f) => f.epochs,
  patience: (f) => (f.patience === '' ? 'off' : f.patience),
};

/**
 * A link's presets through the page's own parser: every param must land in the form as written
 * (the parser ignores what it does not understand, so a typo would silently change nothing), and
 * the form must make a valid request.
 */
function checkTrainLink(params: URLSearchParams, sweep: boolean): string[] {
  const problems: string[] = [];
  const form = sweep ? sweepFormFromParams(DATASETS, params) : formFromParams(DATASETS, params);
  if (!form) return ['no form'];
  const base = 'base' in form ? form.base : form;
  for (const [key, value] of params) {
    const read = TRAIN_PRESETS[key];
    if (!read) problems.push(`${key} is not a preset the page reads`);
    else if (read(base) !== value) problems.push(`${key}=${value} became ${read(base)}`);
  }
  const info = DATASETS.find((d) => d.id === base.datasetId)!;
  const built = 'base' in form ? sweepRequestFromForm(form, info, AT) : requestFromForm(form, info, AT);
  if ('problems' in built) problems.push(...built.problems);
  return problems;
}

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
const WORKBENCH_PAGES: Record<string, (params: URLSearchParams) => string[]> = {
  '/workbench/data': () => [],
  '/workbench/train': (p) => checkTrainLink(p, false),
  '/workbench/sweep': (p) => checkTrainLink(p, true),
  '/workbench/runs': checkRunsLink,
  '/workbench/run': (p) => (nonEmpty(p.get('id') ?? '') ? [] : ['no run id']),
  '/workbench/compare': (p) => [...p.keys()].filter((k) => !['runs', 'metric'].includes(k)).map((k) => `${k} is not a preset the compare page reads`),
  '/workbench/models': () => [],
  '/workbench/model': (p) => (/^[A-Za-z0-9._-]{1,64}$/.test(p.get('name') ?? '') ? [] : ['not a model name']),
  '/workbench/transfer': () => [],
};

function workbenchLinks(text: string): string[] {
  return [...text.matchAll(/\/workbench\/[^\s)"',]*/g)].map((m) => m[0].replace(/[.]$/, ''));
}

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

  describe.each(LESSON_FOLDERS)('%s', (folder) => {
    const load = async (): Promise<Lesson> => {
      const mod = (await import(`./${folder}/lesson.ts`)) as { default: Lesson };
      return mod.default;
    };
    const mdx = () => readFileSync(join(WEEK_DIR, folder, 'content.mdx'), 'utf8');

    it('has id, week and order matching its folder', async () => {
      const lesson = await load();
      expect(folder).toBe(`${String(lesson.order).padStart(2, '0')}-${lesson.id}`);
      expect(lesson.week).toBe(2);
    });

    it('has quizzes and checks, with 2–3 hints each and every quiz choice explained', async () => {
      const lesson = await load();
      expect(lesson.exercises.some((e) => e.kind === 'quiz')).toBe(true);
      expect(lesson.exercises.some((e) => e.kind === 'check')).toBe(true);
      for (const exercise of lesson.exercises) {
        expect(exercise.hints.length, exercise.id).toBeGreaterThanOrEqual(2);
        expect(exercise.hints.length, exercise.id).toBeLessThanOrEqual(3);
        if (exercise.kind === 'quiz') {
          for (const choice of exercise.choices) expect(choice.explanation.trim(), choice.id).not.toBe('');
        }
      }
    });

    it('places every declared exercise exactly once in content.mdx, and no undeclared one', async () => {
      const lesson = await load();
      const placed = [...mdx().matchAll(/<Exercise\s+id="([^"]+)"\s*\/>/g)].map((m) => m[1]);
      expect([...placed].sort()).toEqual(lesson.exercises.map((e) => e.id).sort());
    });

    it('uses section headings and no h1 in content.mdx', () => {
      expect(mdx()).toMatch(/^## /m);
      expect(mdx()).not.toMatch(/^# /m);
      expect(mdx()).not.toMatch(/^\s*(import|export)\s/m);
    });

    it('links only to workbench pages that exist, with presets the pages’ own parsers take as written', async () => {
      const lesson = await load();
      const texts = [mdx(), ...lesson.exercises.map((e) => (e.kind === 'check' ? `${e.solution} ${e.workbenchLink ?? ''}` : ''))];
      const links = texts.flatMap(workbenchLinks);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        const url = new URL(link, 'https://workbench.test');
        const check = WORKBENCH_PAGES[url.pathname];
        expect(check, link).toBeDefined();
        expect(check!(url.searchParams), link).toEqual([]);
      }
    });

    it('gives every check the workbench link its card opens, one the lesson text already links to', async () => {
      const lesson = await load();
      const linked = workbenchLinks(mdx());
      for (const exercise of lesson.exercises) {
        if (exercise.kind !== 'check') continue;
        expect(exercise.workbenchLink, exercise.id).toBeDefined();
        expect(linked, exercise.id).toContain(exercise.workbenchLink);
      }
    });
  });

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
