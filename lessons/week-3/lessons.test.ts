import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formFromParams, requestFromForm } from '@/components/training/form-state';
import { course } from '@/lessons/index';
import type { CheckResult, Lesson } from '@/lib/course/types';
import { builtinInfos } from '@/lib/data/load';
import {
  WEEK_3,
  abSplit,
  canary,
  canaryToFull,
  deployChampion,
  deployment,
  delayModel,
  dirtyWithoutErrors,
  endpoint,
  guardRollback,
  only,
  regression,
  replay,
  serveAThousand,
  shadowAgreement,
  significantWinner,
  snapshotWith,
  stats,
  window,
} from './test-snapshots';

const WEEK_DIR = fileURLToPath(new URL('.', import.meta.url));
const LESSON_FOLDERS = readdirSync(WEEK_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /^\d{2}-/.test(entry.name))
  .map((entry) => entry.name)
  .sort();
const CHECKS = [serveAThousand, dirtyWithoutErrors, canaryToFull, guardRollback, significantWinner, shadowAgreement];
const DATASETS = builtinInfos();
const AT = new Date(Date.UTC(2026, 0, 1));

/** The train page's presets, read back from the form its own parser builds (as in week 2). */
const TRAIN_PRESETS: Record<string, (form: NonNullable<ReturnType<typeof formFromParams>>) => string> = {
  dataset: (f) => f.datasetId,
  target: (f) => f.target,
  model: (f) => f.model,
  lr: (f) => f.learningRate,
  epochs: (f) => f.epochs,
};

function checkTrainLink(params: URLSearchParams): string[] {
  const form = formFromParams(DATASETS, params);
  if (!form) return ['no form'];
  const problems = [...params].flatMap(([key, value]) => {
    const read = TRAIN_PRESETS[key];
    if (!read) return [`${key} is not a preset the page reads`];
    return read(form) === value ? [] : [`${key}=${value} became ${read(form)}`];
  });
  const built = requestFromForm(form, DATASETS.find((d) => d.id === form.datasetId)!, AT);
  return 'problems' in built ? [...problems, ...built.problems] : problems;
}

const MODEL_NAME = /^[A-Za-z0-9._-]{1,64}$/;
const ENDPOINT_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** The endpoint page's tabs (components/serving/EndpointView.tsx). */
const ENDPOINT_TABS = ['overview', 'console', 'traffic', 'log', 'load', 'batch'];

/** Workbench pages week 3 links to, and how each one's presets are checked. */
const WORKBENCH_PAGES: Record<string, (params: URLSearchParams) => string[]> = {
  '/workbench/train': checkTrainLink,
  '/workbench/endpoints': (p) => [
    ...[...p.keys()].filter((k) => !['model', 'alias'].includes(k)).map((k) => `${k} is not a preset the endpoints page reads`),
    ...(p.has('model') && !MODEL_NAME.test(p.get('model')!) ? ['not a model name'] : []),
    ...(p.has('alias') && !/^[a-z][a-z0-9-]*$/.test(p.get('alias')!) ? ['not an alias (write it without @)'] : []),
  ],
  '/workbench/endpoint': (p) => [
    ...[...p.keys()].filter((k) => !['name', 'tab'].includes(k)).map((k) => `${k} is not a preset the endpoint page reads`),
    ...(ENDPOINT_NAME.test(p.get('name') ?? '') ? [] : ['no endpoint name']),
    ...(p.has('tab') && !ENDPOINT_TABS.includes(p.get('tab')!) ? [`tab=${p.get('tab')} is not a tab`] : []),
  ],
  '/workbench/models': () => [],
  '/workbench/model': (p) => (MODEL_NAME.test(p.get('name') ?? '') ? [] : ['not a model name']),
};

function workbenchLinks(text: string): string[] {
  return [...text.matchAll(/\/workbench\/[^\s)"',]*/g)].map((m) => m[0].replace(/[.]$/, ''));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('week 3 lessons', () => {
  it('has the expected lesson folders, registered as week 3 in order', () => {
    expect(LESSON_FOLDERS).toEqual(['01-serving-a-model', '02-dirty-production-traffic', '03-canary-releases', '04-ab-tests-and-shadows']);
    const week = course.find((w) => w.week === 3);
    expect(week?.title).toBe('Deploy and serve');
    expect(week?.lessons.map((l) => l.id)).toEqual(WEEK_3.map((l) => l.id));
  });

  it('sits at maturity level 3 throughout', () => {
    expect(WEEK_3.map((l) => l.maturityLevel)).toEqual([3, 3, 3, 3]);
  });

  describe.each(LESSON_FOLDERS)('%s', (folder) => {
    const load = async (): Promise<Lesson> => ((await import(`./${folder}/lesson.ts`)) as { default: Lesson }).default;
    const mdx = () => readFileSync(join(WEEK_DIR, folder, 'content.mdx'), 'utf8');

    it('has id, week and order matching its folder', async () => {
      const lesson = await load();
      expect(folder).toBe(`${String(lesson.order).padStart(2, '0')}-${lesson.id}`);
      expect(lesson.week).toBe(3);
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

    it('links only to workbench pages that exist, with presets the pages read', async () => {
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

  it('checks train links with the page’s own parser, so a typo fails', () => {
    expect(checkTrainLink(new URLSearchParams('dataset=flights&target=delay&model=mlp&lr=0.001&epochs=30'))).toEqual([]);
    expect(checkTrainLink(new URLSearchParams('learningRate=0.01'))).toEqual(['learningRate is not a preset the page reads']);
    expect(WORKBENCH_PAGES['/workbench/endpoint']!(new URLSearchParams('name=x&tab=traffics'))).toEqual(['tab=traffics is not a tab']);
  });
});

describe('week 3 checks are pure', () => {
  it.each(CHECKS)('$id: same answer twice, snapshot untouched', (exercise) => {
    const r = replay('r1', 1_800_000_000_000, { dirtyRate: 0.1 });
    const snapshot = snapshotWith({
      models: [delayModel()],
      endpoints: [endpoint({ policy: 'impute' })],
      deployments: [
        deployChampion(2),
        ...canary(2, 3, [5, 100], { action: 'promote', actor: 'canary' }),
        deployment({ action: 'ab-start', version: 1, strategy: 'ab', routes: abSplit(3, 1) }),
        deployment({ action: 'ab-end', version: 1, strategy: 'ab', routes: only(3) }),
      ],
      replays: [r],
      trafficWindows: [window(1, r.id, { '3': regression(300, 1000, 5e6), '1': regression(300, 1100, 6e6) }, { issues: { missing: 5 }, shadowByVersion: { '2': stats(10) }, shadowAgreement: { compared: 10, agreed: 9 } })],
    });
    const before = JSON.stringify(snapshot);
    deepFreeze(snapshot);
    const first = exercise.check(snapshot);
    expect(exercise.check(snapshot)).toEqual(first);
    expect(JSON.stringify(snapshot)).toBe(before);
  });
});

describe('week 3 checks: nothing to grade yet', () => {
  const nothingToGrade = (result: CheckResult) => {
    expect(result.passed).toBe(false);
    expect(result.notGradable).toBe(true);
    expect(result.feedback.trim()).not.toBe('');
  };

  it.each(CHECKS)('$id: an empty workbench is not a try', (exercise) => {
    nothingToGrade(exercise.check(snapshotWith({})));
  });

  it('an endpoint with no rollout is not a try for the rollout checks', () => {
    const snapshot = snapshotWith({ models: [delayModel()], endpoints: [endpoint()], deployments: [deployChampion(2)] });
    for (const exercise of [canaryToFull, guardRollback, significantWinner, shadowAgreement]) nothingToGrade(exercise.check(snapshot));
  });

  it('traffic still running is not a try', () => {
    const live = replay('live', 1, { status: 'RUNNING', dirtyRate: 0.1, requestsDone: 300 });
    nothingToGrade(serveAThousand.check(snapshotWith({ endpoints: [endpoint()], deployments: [deployChampion(2)], replays: [live], trafficWindows: [window(1, 'live', { '2': stats(300) })] })));
    nothingToGrade(dirtyWithoutErrors.check(snapshotWith({ replays: [live] })));
  });
});
