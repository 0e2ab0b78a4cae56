import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lesson } from '@/lib/course/types';
import yourFirstModel from './01-your-first-model/lesson';
import whyTrackExperiments from './02-why-track-experiments/lesson';
import { DIVERGED, beatBaseline, delayRun, failedRun, firstRun, lrRun, run, snapshotOf, trio } from './test-snapshots';

const WEEK_DIR = fileURLToPath(new URL('.', import.meta.url));
const LESSON_FOLDERS = readdirSync(WEEK_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /^\d{2}-/.test(entry.name))
  .map((entry) => entry.name)
  .sort();

describe('week 2 checks are pure', () => {
  it.each([firstRun, beatBaseline, trio, failedRun])('$id: same answer twice, snapshot untouched', (exercise) => {
    const snapshot = snapshotOf(lrRun(0.001, 0.48), lrRun(0.01, 0.45, { tags: { best: '' } }), delayRun(32.1, 32.7), run({ status: 'FAILED', failure: DIVERGED }));
    const before = JSON.stringify(snapshot);
    Object.freeze(snapshot.runs);
    snapshot.runs.forEach((r) => Object.freeze(r));
    const first = exercise.check(snapshot);
    expect(exercise.check(snapshot)).toEqual(first);
    expect(JSON.stringify(snapshot)).toBe(before);
  });
});

/** Workbench pages the lessons may link to, and the URL params the Train page understands. */
const WORKBENCH_PAGES = new Set(['/workbench/data', '/workbench/train', '/workbench/runs', '/workbench/run']);
const TRAIN_PARAMS: Record<string, (value: string) => boolean> = {
  dataset: (v) => ['flights', 'seattle-weather', 'penguins', 'cars'].includes(v),
  target: (v) => v.length > 0,
  model: (v) => ['linear', 'mlp'].includes(v),
  lr: (v) => Number(v) > 0,
  optimizer: (v) => ['adam', 'sgd', 'rmsprop'].includes(v),
  epochs: (v) => Number.isInteger(Number(v)) && Number(v) > 0,
};

function workbenchLinks(text: string): string[] {
  return [...text.matchAll(/\/workbench\/[^\s)"',]*/g)].map((m) => m[0].replace(/[.]$/, ''));
}

describe('week 2 lessons', () => {
  it('has the expected lesson folders', () => {
    expect(LESSON_FOLDERS).toEqual(['01-your-first-model', '02-why-track-experiments']);
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
        expect(WORKBENCH_PAGES.has(url.pathname), link).toBe(true);
        for (const [key, value] of url.searchParams) {
          expect(url.pathname, link).toBe('/workbench/train');
          expect(TRAIN_PARAMS[key]?.(value), `${link}: ${key}=${value}`).toBe(true);
        }
      }
    });
  });

  it('teaches level 0 first, then level 2', () => {
    expect([yourFirstModel.maturityLevel, whyTrackExperiments.maturityLevel]).toEqual([0, 2]);
  });

  it('asks why-it-failed with the learning rate as the one right answer', () => {
    const quiz = whyTrackExperiments.exercises.find((e) => e.id === 'why-it-failed');
    if (!quiz || quiz.kind !== 'quiz') throw new Error('why-it-failed quiz not found');
    expect(quiz.choices.filter((c) => c.correct).map((c) => c.id)).toEqual(['learning-rate-too-high']);
  });
});
