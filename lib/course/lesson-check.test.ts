import { describe, expect, it } from 'vitest';
import { defineLesson, LessonValidationError } from './define';
import { checkLessonTree, type LessonFolderInput } from './lesson-check';
import type { LessonInput, Week } from './types';

const quiz = {
  kind: 'quiz' as const,
  id: 'q1',
  title: 'Q',
  prompt: 'Pick',
  hints: [],
  choices: [
    { id: 'a', text: 'A', correct: true, explanation: 'yes' },
    { id: 'b', text: 'B', correct: false, explanation: 'no' },
  ],
};
const input: LessonInput = {
  id: 'alpha',
  week: 1,
  order: 1,
  title: 'Alpha',
  summary: 'S',
  maturityLevel: 0,
  minutes: 5,
  objectives: ['o'],
  exercises: [quiz],
};
const lesson = defineLesson(input);
const week = (lessons = [lesson]): Week[] => [{ week: 1, title: 'W', summary: 'S', lessons }];
const folder = (over: Partial<LessonFolderInput> = {}): LessonFolderInput => ({
  dir: 'lessons/week-1/01-alpha',
  lesson: { ok: true, value: lesson },
  mdx: '## Intro\n\n<Exercise id="q1" />\n',
  ...over,
});
const check = (folders: LessonFolderInput[], weeks: Week[] = week()) =>
  checkLessonTree({ registryFile: 'lessons/index.ts', registry: { ok: true, weeks }, folders });

describe('checkLessonTree', () => {
  it('accepts a consistent lesson', () => {
    expect(check([folder()])).toEqual([]);
  });

  it('reports every schema issue of a lesson that failed validation', () => {
    const error = new LessonValidationError('alpha', [
      { field: 'minutes', message: 'is required' },
      { field: 'exercises.0.choices', message: 'no choice is marked correct' },
    ]);
    expect(check([folder({ lesson: { ok: false, error } })], [])).toEqual([
      { file: 'lessons/week-1/01-alpha/lesson.ts', field: 'minutes', message: 'is required' },
      { file: 'lessons/week-1/01-alpha/lesson.ts', field: 'exercises.0.choices', message: 'no choice is marked correct' },
    ]);
  });

  it('reports missing files', () => {
    const issues = check([folder({ lesson: null, mdx: null })], []);
    expect(issues.map((i) => i.file)).toEqual(['lessons/week-1/01-alpha/lesson.ts', 'lessons/week-1/01-alpha/content.mdx']);
  });

  it('requires the folder name to match week, order and id', () => {
    const issues = check([folder({ dir: 'lessons/week-2/03-beta' })]);
    expect(issues.map((i) => i.field)).toEqual(['week', 'order', 'id']);
  });

  it('flags exercises placed twice, never placed, without id, unknown components and imports', () => {
    const mdx = "import x from 'y'\n\n## A\n\n<Exercise />\n\n<Chart />\n";
    const issues = check([folder({ mdx })]);
    expect(issues.map((i) => `${i.field}: ${i.message}`)).toEqual([
      '<Exercise>: has no id attribute (write <Exercise id="…" />)',
      'exercises.q1: is declared in lesson.ts but never placed with <Exercise id> in the text',
      '<Chart>: is not a lesson component (available: Exercise, Callout, Figure, PhaseLoop, MaturityLadder, FlightsByMonth)',
      '(mdx): must not import or export: components come from the MDX components map',
    ]);
    expect(check([folder({ mdx: '## A\n<Exercise id="q1" />\n<Exercise id="q1" />' })])[0]?.message).toBe('is placed 2 times; place each exercise once');
  });

  it('reports MDX that does not parse with its position', () => {
    const [issue] = check([folder({ mdx: '## A\n\n<Exercise id="q1" \n' })]);
    expect(issue?.field).toBe('(mdx)');
    expect(issue?.message).toMatch(/does not parse: .*/);
  });

  it('reports registered lessons that have no folder', () => {
    expect(check([], week())).toEqual([
      { file: 'lessons/index.ts', field: 'weeks', message: 'lists the lesson "alpha" but no lesson folder defines it' },
    ]);
  });

  it('reports a registry that cannot load, unless a lesson already explains why', () => {
    const broken = { registryFile: 'lessons/index.ts', registry: { ok: false as const, error: new Error('boom') } };
    expect(checkLessonTree({ ...broken, folders: [folder()] })).toEqual([
      { file: 'lessons/index.ts', field: '(module)', message: 'cannot be loaded: boom' },
    ]);
    expect(checkLessonTree({ ...broken, folders: [folder({ lesson: { ok: false, error: new Error('bad lesson') } })] })).toEqual([
      { file: 'lessons/week-1/01-alpha/lesson.ts', field: '(module)', message: 'cannot be loaded: bad lesson' },
    ]);
  });
});
