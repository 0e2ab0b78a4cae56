import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '@/lib/course/types';
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

const DATASETS = ['flights', 'seattle-weather', 'penguins', 'cars'];
const nonEmpty = (v: string) => v.trim().length > 0;
/** A filter as the runs table takes it: at least one `metrics.`, `last.`, `params.` or `tags.` term. */
const filterLike = (v: string) => /\b(metrics|last|params|tags)\.[A-Za-z_]\w*\s*(=|!=|<=|>=|<|>|in\b)/.test(v);

/** Workbench pages the lessons may link to, and the URL params each one understands. */
const WORKBENCH_PAGES: Record<string, Record<string, (value: string) => boolean>> = {
  '/workbench/data': {},
  '/workbench/train': {
    dataset: (v) => DATASETS.includes(v),
    target: nonEmpty,
    model: (v) => ['linear', 'mlp'].includes(v),
    lr: (v) => Number(v) > 0,
    optimizer: (v) => ['adam', 'sgd', 'rmsprop'].includes(v),
    epochs: (v) => Number.isInteger(Number(v)) && Number(v) > 0,
    patience: (v) => v === 'off' || (Number.isInteger(Number(v)) && Number(v) > 0),
  },
  '/workbench/runs': { filter: filterLike, sort: (v) => /^(metrics|last|params)\.\w+$|^(name|status|dataset|model|backend|started|duration)$/.test(v) },
  '/workbench/run': { id: nonEmpty },
  '/workbench/compare': { runs: nonEmpty, metric: nonEmpty },
  '/workbench/sweep': { dataset: (v) => DATASETS.includes(v), target: nonEmpty, model: (v) => ['linear', 'mlp'].includes(v) },
  '/workbench/models': {},
  '/workbench/model': { name: (v) => /^[A-Za-z0-9._-]{1,64}$/.test(v) },
  '/workbench/transfer': {},
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

    it('links only to workbench pages that exist, with Train params the form understands', async () => {
      const lesson = await load();
      const texts = [mdx(), ...lesson.exercises.map((e) => (e.kind === 'check' ? e.solution : ''))];
      const links = texts.flatMap(workbenchLinks);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        const url = new URL(link, 'https://workbench.test');
        const params = WORKBENCH_PAGES[url.pathname];
        expect(params, link).toBeDefined();
        for (const [key, value] of url.searchParams) {
          expect(params?.[key]?.(value), `${link}: ${key}=${value}`).toBe(true);
        }
      }
    });
  });

  it('climbs from level 0 to level 2, and ends the week at the door of level 3', () => {
    expect([yourFirstModel, whyTrackExperiments, comparingRuns, tuning, modelRegistry, packaging].map((l) => l.maturityLevel)).toEqual([0, 2, 2, 2, 2, 3]);
  });

  it('checks the filter examples it links to against the runs table language', () => {
    expect(filterLike('params.target = "delayed"')).toBe(true);
    expect(filterLike('params.learningRate in (0.001, 0.01, 0.1)')).toBe(true);
    expect(filterLike('delayed')).toBe(false);
  });

  it('asks why-it-failed with the learning rate as the one right answer', () => {
    const quiz = whyTrackExperiments.exercises.find((e) => e.id === 'why-it-failed');
    if (!quiz || quiz.kind !== 'quiz') throw new Error('why-it-failed quiz not found');
    expect(quiz.choices.filter((c) => c.correct).map((c) => c.id)).toEqual(['learning-rate-too-high']);
  });
});
