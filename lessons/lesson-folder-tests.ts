// Structure tests and workbench-link checks shared by the week lesson tests (lessons/week-N/lessons.test.ts).
// Not a test file itself, and imported only by test files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
/* eslint-disable import/no-restricted-paths -- test-only module: links are checked with the pages' real parsers, as the *.test.ts files that import it (exempt from the layer rule) did */
import { sweepFormFromParams, sweepRequestFromForm } from '@/components/sweep/sweep-form';
import { formFromParams, requestFromForm, type TrainForm } from '@/components/training/form-state';
import { builtinInfos } from '@/lib/data/load';
/* eslint-enable import/no-restricted-paths */
import type { Lesson } from '@/lib/course/types';

/** Checks one workbench link's query string: the problems found, none when the page takes every preset as written. */
export type PresetCheck = (params: URLSearchParams) => string[];

/** Workbench pages a week's lessons may link to, by path, each with how its presets are checked. */
export type WorkbenchPages = Readonly<Record<string, PresetCheck>>;

/** The lesson folders (`NN-id`) directly under `weekDir`, sorted. */
export function lessonFolders(weekDir: string): string[] {
  return readdirSync(weekDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{2}-/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Every `/workbench/…` link in `text`, query included, less the full stop of a sentence it ends. */
export function workbenchLinks(text: string): string[] {
  return [...text.matchAll(/\/workbench\/[^\s)"',]*/g)].map((m) => m[0].replace(/[.]$/, ''));
}

/** Freezes `value` and everything it holds, so a check that writes to its snapshot throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

const DATASETS = builtinInfos();
const AT = new Date(Date.UTC(2026, 0, 1));

/** Where the train form keeps each URL preset, read back from the form the real parser builds. */
export const TRAIN_PRESETS: Readonly<Record<string, (form: TrainForm) => string>> = {
  dataset: (f) => f.datasetId,
  target: (f) => f.target,
  model: (f) => f.model,
  lr: (f) => f.learningRate,
  optimizer: (f) => f.optimizer,
  epochs: (f) => f.epochs,
  patience: (f) => (f.patience === '' ? 'off' : f.patience),
};

/**
 * A train (or, with `sweep`, sweep) link's presets through the page's own parser: every param must
 * land in the form as written (the parser ignores what it does not understand, so a typo would
 * silently change nothing), and the form must make a valid request.
 */
export function checkTrainLink(params: URLSearchParams, sweep = false): string[] {
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

/** A model name as the registry takes it. */
export const MODEL_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** The pages every week links to the same way: train (as a single run), the model list and one model. */
export const SHARED_WORKBENCH_PAGES: WorkbenchPages = {
  '/workbench/train': (p) => checkTrainLink(p, false),
  '/workbench/models': () => [],
  '/workbench/model': (p) => (MODEL_NAME.test(p.get('name') ?? '') ? [] : ['not a model name']),
};

/** What {@link describeLessonFolders} needs to know about one week. */
export interface LessonFolderOptions {
  /** The week number every lesson in the folder must declare. */
  week: number;
  /** The week's folder on disk, holding one `NN-id/` folder per lesson with lesson.ts and content.mdx. */
  weekDir: string;
  /** The workbench pages the week's lessons may link to, and how each one's presets are checked. */
  workbenchPages: WorkbenchPages;
}

/**
 * One `describe` per lesson folder under `weekDir`, with the structure tests every week shares:
 * id/week/order match the folder; a quiz and a check, 2–3 hints each, every quiz choice explained;
 * every declared exercise placed exactly once in content.mdx; section headings, no h1 and no imports;
 * workbench links only to `workbenchPages`, with presets those pages read; and every check's
 * workbench link declared and already linked from the lesson text. Call it inside the week's `describe`.
 */
export function describeLessonFolders({ week, weekDir, workbenchPages }: LessonFolderOptions): void {
  describe.each(lessonFolders(weekDir))('%s', (folder) => {
    const load = async (): Promise<Lesson> => {
      const mod = (await import(pathToFileURL(join(weekDir, folder, 'lesson.ts')).href)) as { default: Lesson };
      return mod.default;
    };
    const mdx = () => readFileSync(join(weekDir, folder, 'content.mdx'), 'utf8');

    it('has id, week and order matching its folder', async () => {
      const lesson = await load();
      expect(folder).toBe(`${String(lesson.order).padStart(2, '0')}-${lesson.id}`);
      expect(lesson.week).toBe(week);
    });

    it('has a quiz and a check, with 2–3 hints each and every quiz choice explained', async () => {
      const lesson = await load();
      expect(lesson.exercises.some((e) => e.kind === 'quiz')).toBe(true);
      expect(lesson.exercises.some((e) => e.kind === 'check')).toBe(true);
      for (const exercise of lesson.exercises) {
        expect(exercise.hints.length, exercise.id).toBeGreaterThanOrEqual(2);
        expect(exercise.hints.length, exercise.id).toBeLessThanOrEqual(3);
        if (exercise.kind === 'quiz') for (const choice of exercise.choices) expect(choice.explanation.trim(), choice.id).not.toBe('');
      }
    });

    it('places every declared exercise exactly once in content.mdx, and no undeclared one', async () => {
      const lesson = await load();
      const placed = [...mdx().matchAll(/<Exercise\s+id="([^"]+)"\s*\/>/g)].map((m) => m[1]);
      expect([...placed].sort()).toEqual(lesson.exercises.map((e) => e.id).sort());
    });

    it('uses section headings, no h1 and no imports in content.mdx', () => {
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
        const check = workbenchPages[url.pathname];
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
}
