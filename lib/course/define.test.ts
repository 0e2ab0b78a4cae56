import { describe, expect, it } from 'vitest';
import { defineCourse, CourseValidationError, lessonFolder, lessonNeighbours, findLesson } from './course';
import { defineLesson, LessonValidationError } from './define';
import { toExerciseView } from './exercise-view';
import type { LessonInput } from './types';

const base: LessonInput = {
  id: 'alpha',
  week: 1,
  order: 1,
  title: 'Alpha',
  summary: 'S',
  maturityLevel: 0,
  minutes: 10,
  objectives: ['o'],
  exercises: [
    {
      kind: 'quiz',
      id: 'q1',
      title: 'Q',
      prompt: 'P',
      hints: ['h'],
      choices: [
        { id: 'a', text: 'A', correct: true, explanation: 'yes' },
        { id: 'b', text: 'B', correct: false, explanation: 'no' },
      ],
    },
    { kind: 'check', id: 'c1', title: 'C', prompt: 'P', hints: [], solution: 'S', check: () => ({ passed: true, feedback: '' }) },
  ],
};

function issuesOf(input: unknown): string[] {
  try {
    defineLesson(input as LessonInput);
  } catch (error) {
    if (error instanceof LessonValidationError) return error.issues.map((i) => `${i.field}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('defineLesson', () => {
  it('fills in defaults', () => {
    const lesson = defineLesson(base);
    expect(lesson.presets).toEqual([]);
    expect(lesson.exercises.map((e) => e.required)).toEqual([true, true]);
    expect(lesson.exercises[0]).toMatchObject({ multiple: false });
  });

  it('names every missing or wrong field', () => {
    const { minutes: _m, ...noMinutes } = base;
    expect(issuesOf({ ...noMinutes, id: 'Not Kebab', maturityLevel: 7 })).toEqual([
      'id: must be kebab-case: lower-case letters, digits and single dashes',
      'maturityLevel: must be a maturity level 0, 1, 2, 3 or 4',
      'minutes: is required',
    ]);
  });

  it('refuses unknown fields (typos) instead of ignoring them', () => {
    expect(issuesOf({ ...base, objectve: ['x'] })).toEqual(['(lesson): Unrecognized key: "objectve"']);
  });

  it('checks quiz answers and exercise ids', () => {
    const [quiz, checkEx] = base.exercises;
    const noCorrect = { ...quiz, choices: quiz!.kind === 'quiz' ? quiz!.choices.map((c) => ({ ...c, correct: false })) : [] };
    expect(issuesOf({ ...base, exercises: [noCorrect, checkEx] })).toEqual(['exercises.0.choices: no choice is marked correct']);
    const twoCorrect = { ...quiz, choices: quiz!.kind === 'quiz' ? quiz!.choices.map((c) => ({ ...c, correct: true })) : [] };
    expect(issuesOf({ ...base, exercises: [twoCorrect] })).toEqual([
      'exercises.0.choices: 2 choices are correct but the quiz is single choice (set multiple: true)',
    ]);
    expect(issuesOf({ ...base, exercises: [quiz, { ...checkEx, id: 'q1' }] })).toEqual(['exercises: duplicate exercise id "q1"']);
    expect(issuesOf({ ...base, exercises: [{ ...checkEx, check: 'not a function' }] })).toEqual([
      'exercises.0.check: must be a function (snapshot) => { passed, feedback }',
    ]);
  });
});

describe('a check exercise’s workbenchLink', () => {
  const [quiz, checkEx] = base.exercises;
  const withLink = (workbenchLink: unknown) => ({ ...base, exercises: [quiz, { ...checkEx, workbenchLink }] });
  const MESSAGE = 'must be a workbench page with its presets, starting with /workbench/ (e.g. /workbench/train?dataset=flights), with no spaces';

  it('is optional, and kept as written when valid', () => {
    expect(defineLesson(base).exercises[1]).not.toHaveProperty('workbenchLink');
    for (const link of ['/workbench/train?dataset=flights&target=delay&epochs=20', '/workbench/runs', '/workbench/model?name=flights-delay', '/workbench/runs?filter=params.target%20%3D%20%22delayed%22']) {
      expect(defineLesson(withLink(link) as LessonInput).exercises[1]).toMatchObject({ workbenchLink: link });
    }
  });

  it('must start with /workbench/ and name a page, without spaces', () => {
    for (const link of ['/lessons/alpha', 'https://example.com/workbench/train', 'workbench/train', '/workbench/', '/workbench', '/workbench/train?dataset=flights target=delay', '']) {
      expect(issuesOf(withLink(link)), link).toEqual([`exercises.1.workbenchLink: ${MESSAGE}`]);
    }
    expect(issuesOf(withLink(42))).toEqual(['exercises.1.workbenchLink: Invalid input: expected string, received number']);
  });

  it('must not set the origin params the course adds itself', () => {
    expect(issuesOf(withLink('/workbench/train?dataset=flights&from=alpha'))).toEqual(['exercises.1.workbenchLink: must not set from or ex: the course adds the lesson origin itself']);
    expect(issuesOf(withLink('/workbench/runs?ex=c1'))).toEqual(['exercises.1.workbenchLink: must not set from or ex: the course adds the lesson origin itself']);
  });

  it('is only for check exercises', () => {
    expect(issuesOf({ ...base, exercises: [{ ...quiz, workbenchLink: '/workbench/runs' }, checkEx] })).toEqual(['exercises.0: Unrecognized key: "workbenchLink"']);
  });

  it('travels to the browser in the exercise view', () => {
    const lesson = defineLesson(withLink('/workbench/runs') as LessonInput);
    expect(toExerciseView(lesson.exercises[1]!)).toMatchObject({ kind: 'check', id: 'c1', workbenchLink: '/workbench/runs' });
    expect(toExerciseView(defineLesson(base).exercises[1]!)).not.toHaveProperty('workbenchLink');
  });
});

describe('defineCourse', () => {
  const a = defineLesson(base);
  const b = defineLesson({ ...base, id: 'beta', order: 2 });
  const c = defineLesson({ ...base, id: 'gamma', week: 2, order: 1 });

  it('accepts weeks and lessons in order, and finds neighbours across weeks', () => {
    const weeks = defineCourse([
      { week: 1, title: 'W1', summary: 'S', lessons: [a, b] },
      { week: 2, title: 'W2', summary: 'S', lessons: [c] },
    ]);
    expect(lessonNeighbours(weeks, 'beta')).toEqual({ previous: a, next: c });
    expect(lessonNeighbours(weeks, 'alpha').previous).toBeUndefined();
    expect(findLesson(weeks, 'gamma')).toBe(c);
    expect(lessonFolder(c)).toBe('week-2/01-gamma');
  });

  it('names every contradiction', () => {
    expect(() => defineCourse([{ week: 1, title: 'W', summary: 'S', lessons: [b, a, a, c] }])).toThrow(CourseValidationError);
    try {
      defineCourse([{ week: 1, title: 'W', summary: 'S', lessons: [b, c] }]);
    } catch (error) {
      expect((error as CourseValidationError).problems).toEqual([
        'lesson "beta" has order 2 but is listed in position 1',
        'lesson "gamma" says week 2 but is listed under week 1',
        'lesson "gamma" has order 1 but is listed in position 2',
      ]);
    }
  });
});
