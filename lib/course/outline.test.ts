import { describe, expect, it } from 'vitest';
import { emptyProgress } from './grading';
import { completedLessonIds, continueTarget, indexProgress, lessonCompletion, maturityStanding, type LessonOutline } from './outline';
import { snapshotFromRecords } from './snapshot';
import type { ExerciseProgress, MaturityLevel } from './types';

const lesson = (id: string, level: MaturityLevel, exercises: Array<[string, boolean]>): LessonOutline => ({
  id,
  week: 1,
  order: 1,
  title: id,
  minutes: 10,
  maturityLevel: level,
  exercises: exercises.map(([eid, required]) => ({ id: eid, title: eid, required })),
});
const passed = (lessonId: string, exerciseId: string): ExerciseProgress => ({ ...emptyProgress(lessonId, exerciseId, 1), status: 'passed', attempts: 1, passedAt: 1 });
const tried = (lessonId: string, exerciseId: string): ExerciseProgress => ({ ...emptyProgress(lessonId, exerciseId, 1), status: 'attempted', attempts: 1 });

const a = lesson('a', 0, [['q1', true], ['q2', true], ['opt', false]]);
const b = lesson('b', 0, [['q1', true]]);
const c = lesson('c', 1, [['q1', true]]);
const onlyOptional = lesson('d', 0, [['x', false]]);

describe('lesson completion', () => {
  it('is complete when all required exercises passed, whatever the optional ones', () => {
    expect(lessonCompletion(a, indexProgress([passed('a', 'q1')]))).toEqual({ passed: 1, required: 2, complete: false, started: true });
    expect(lessonCompletion(a, indexProgress([passed('a', 'q1'), passed('a', 'q2')])).complete).toBe(true);
    expect(lessonCompletion(a, indexProgress([tried('a', 'opt')]))).toMatchObject({ started: true, complete: false });
    expect(lessonCompletion(onlyOptional, indexProgress([]))).toMatchObject({ complete: false, started: false });
    expect(lessonCompletion(onlyOptional, indexProgress([passed('d', 'x')])).complete).toBe(true);
  });

  it('ignores rows of other lessons', () => {
    expect(completedLessonIds([a, b], [passed('b', 'q1'), passed('c', 'q1')])).toEqual(['b']);
  });
});

describe('maturity standing', () => {
  it('is null until every level-0 lesson is complete, then climbs level by level', () => {
    expect(maturityStanding([a, b, c], new Set(['a']))).toBeNull();
    expect(maturityStanding([a, b, c], new Set(['a', 'b']))).toBe(0);
    expect(maturityStanding([a, b, c], new Set(['a', 'b', 'c']))).toBe(1);
    expect(maturityStanding([a, b, c], new Set(['c']))).toBeNull();
    expect(maturityStanding([], new Set())).toBeNull();
  });
});

describe('continue where you left off', () => {
  const lessons = [a, b, c];
  it('starts at the first lesson of a new learner', () => {
    expect(continueTarget(lessons, [], [])).toEqual({ lessonId: 'a', reason: 'start' });
  });
  it('resumes the most recently opened unfinished lesson', () => {
    const visits = [
      { lessonId: 'a', visitedAt: 1 },
      { lessonId: 'c', visitedAt: 5 },
      { lessonId: 'b', visitedAt: 3 },
    ];
    expect(continueTarget(lessons, [], visits)).toEqual({ lessonId: 'c', reason: 'resume' });
    expect(continueTarget(lessons, [passed('c', 'q1')], visits)).toEqual({ lessonId: 'b', reason: 'resume' });
  });
  it('moves to the first unfinished lesson when the visited ones are done, and to review at the end', () => {
    const rows = [passed('a', 'q1'), passed('a', 'q2')];
    expect(continueTarget(lessons, rows, [{ lessonId: 'a', visitedAt: 1 }])).toEqual({ lessonId: 'b', reason: 'next' });
    const all = [...rows, passed('b', 'q1'), passed('c', 'q1')];
    expect(continueTarget(lessons, all, [{ lessonId: 'b', visitedAt: 9 }])).toEqual({ lessonId: 'b', reason: 'review' });
    expect(continueTarget([], [], [])).toBeNull();
  });
  it('ignores visits to lessons the course no longer has', () => {
    expect(continueTarget(lessons, [], [{ lessonId: 'gone', visitedAt: 9 }])).toEqual({ lessonId: 'a', reason: 'start' });
  });
});

describe('snapshotFromRecords', () => {
  it('lists completed lessons for checks', () => {
    const snapshot = snapshotFromRecords({ exercises: [passed('b', 'q1')], visits: [] }, [a, b], 42);
    expect(snapshot).toEqual({ takenAt: 42, progress: { exercises: [passed('b', 'q1')], visits: [], completedLessons: ['b'] }, runs: [], models: [], sweeps: [], endpoints: [], deployments: [], trafficWindows: [], replays: [], monitorWindows: [], alerts: [], alertRules: [] });
  });
});
