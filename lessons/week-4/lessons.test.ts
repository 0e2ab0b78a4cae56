import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { course } from '@/lessons/index';
import type { CheckResult } from '@/lib/course/types';
import { SHARED_WORKBENCH_PAGES, deepFreeze, describeLessonFolders, lessonFolders, type WorkbenchPages } from '../lesson-folder-tests';
import {
  WEEK_4,
  alert,
  alertOnShiftQuietOnControl,
  datasetDriftRule,
  estimate,
  estimateBeforeLabels,
  findTheDriftedFeature,
  monitorWindow,
  replay,
  rule,
  shift,
  snapshotWith,
} from './test-snapshots';

const WEEK_DIR = fileURLToPath(new URL('.', import.meta.url));
const LESSON_FOLDERS = lessonFolders(WEEK_DIR);
const CHECKS = [findTheDriftedFeature, alertOnShiftQuietOnControl, estimateBeforeLabels];

const ENDPOINT_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** The endpoint page's tabs (components/serving/EndpointView.tsx). */
const ENDPOINT_TABS = ['overview', 'console', 'traffic', 'monitor', 'log', 'load', 'batch'];
const noPresets = (page: string) => (p: URLSearchParams) => [...p.keys()].map((k) => `${k} is not a preset the ${page} page reads`);

/** Workbench pages week 4 links to, and how each one's presets are checked. */
const WORKBENCH_PAGES: WorkbenchPages = {
  ...SHARED_WORKBENCH_PAGES,
  '/workbench/endpoint': (p) => [
    ...[...p.keys()].filter((k) => !['name', 'tab'].includes(k)).map((k) => `${k} is not a preset the endpoint page reads`),
    ...(ENDPOINT_NAME.test(p.get('name') ?? '') ? [] : ['no endpoint name']),
    ...(p.has('tab') && !ENDPOINT_TABS.includes(p.get('tab')!) ? [`tab=${p.get('tab')} is not a tab`] : []),
  ],
  '/workbench/drift-report': noPresets('drift report'),
  '/workbench/alerts': noPresets('alerts'),
};

describe('week 4 lessons', () => {
  it('has the expected lesson folders, registered as week 4 in order', () => {
    expect(LESSON_FOLDERS).toEqual(['01-what-drift-is', '02-alerts-that-fire', '03-performance-before-labels']);
    const week = course.find((w) => w.week === 4);
    expect(week?.title).toBe('Monitor what you serve');
    expect(week?.lessons.map((l) => l.id)).toEqual(WEEK_4.map((l) => l.id));
  });

  it('measures drift at level 3, then alerts and estimates at level 4', () => {
    expect(WEEK_4.map((l) => l.maturityLevel)).toEqual([3, 4, 4]);
  });

  describeLessonFolders({ week: 4, weekDir: WEEK_DIR, workbenchPages: WORKBENCH_PAGES });

  it('checks endpoint links against the page’s tabs, so a typo fails', () => {
    expect(WORKBENCH_PAGES['/workbench/endpoint']!(new URLSearchParams('name=x&tab=monitor'))).toEqual([]);
    expect(WORKBENCH_PAGES['/workbench/endpoint']!(new URLSearchParams('name=x&tab=monitoring'))).toEqual(['tab=monitoring is not a tab']);
    expect(WORKBENCH_PAGES['/workbench/alerts']!(new URLSearchParams('endpoint=x'))).toEqual(['endpoint is not a preset the alerts page reads']);
  });
});

describe('week 4 checks are pure', () => {
  it.each(CHECKS)('$id: same answer twice, snapshot untouched', (exercise) => {
    const drift = rule('r', { column: 'origin_delay' });
    const snapshot = snapshotWith({
      replays: [replay('c', 1000), shift('s', 2000, 'origin_delay', 15, 7, { hidden: true })],
      monitorWindows: Array.from({ length: 28 }, (_, i) =>
        monitorWindow(i + 1, i + 1 >= 22 ? ['origin_delay'] : [], { estimated: [estimate('mae', i + 1 >= 22 ? 13 : 10, 0.4, i + 1 >= 22 ? 14 : 10)] }),
      ),
      alertRules: [datasetDriftRule(), drift],
      alerts: [alert(drift, 22, 23)],
    });
    const before = JSON.stringify(snapshot);
    deepFreeze(snapshot);
    const first = exercise.check(snapshot);
    expect(first.passed).toBe(true);
    expect(exercise.check(snapshot)).toEqual(first);
    expect(JSON.stringify(snapshot)).toBe(before);
  });
});

describe('week 4 checks: nothing to grade yet', () => {
  const nothingToGrade = (result: CheckResult) => {
    expect(result.passed).toBe(false);
    expect(result.notGradable).toBe(true);
    expect(result.feedback.trim()).not.toBe('');
  };

  it.each(CHECKS)('$id: an empty workbench is not a try', (exercise) => {
    nothingToGrade(exercise.check(snapshotWith({})));
  });

  it('traffic still running is not a try', () => {
    const live = shift('live', 1, 'distance', 1, 7, { status: 'RUNNING', hidden: true, requestsDone: 300 });
    for (const exercise of CHECKS) nothingToGrade(exercise.check(snapshotWith({ replays: [live], monitorWindows: [monitorWindow(1, [], { closed: false })] })));
  });
});
