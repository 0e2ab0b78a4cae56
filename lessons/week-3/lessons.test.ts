import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { course } from '@/lessons/index';
import type { CheckResult } from '@/lib/course/types';
import { MODEL_NAME, SHARED_WORKBENCH_PAGES, checkTrainLink, deepFreeze, describeLessonFolders, lessonFolders, type WorkbenchPages } from '../lesson-folder-tests';
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
const LESSON_FOLDERS = lessonFolders(WEEK_DIR);
const CHECKS = [serveAThousand, dirtyWithoutErrors, canaryToFull, guardRollback, significantWinner, shadowAgreement];

const ENDPOINT_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** The endpoint page's tabs (components/serving/EndpointView.tsx). */
const ENDPOINT_TABS = ['overview', 'console', 'traffic', 'log', 'load', 'batch'];

/** Workbench pages week 3 links to, and how each one's presets are checked. */
const WORKBENCH_PAGES: WorkbenchPages = {
  ...SHARED_WORKBENCH_PAGES,
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
};

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

  describeLessonFolders({ week: 3, weekDir: WEEK_DIR, workbenchPages: WORKBENCH_PAGES });

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
