import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLessonsDirectory } from './lib/lesson-tree';

const root = path.resolve(__dirname, '..');
const fixture = (name: string) => path.join(__dirname, '__fixtures__', 'lessons', name);
const base = 'scripts/__fixtures__/lessons';

describe('lessons:check over lesson folders', () => {
  it('accepts a valid tree', async () => {
    expect(await checkLessonsDirectory(fixture('valid'), root)).toEqual([]);
  });

  it('names the file and the field of a missing field', async () => {
    expect(await checkLessonsDirectory(fixture('missing-field'), root)).toEqual([
      { file: `${base}/missing-field/week-1/01-alpha/lesson.ts`, field: 'objectives', message: 'is required' },
    ]);
  });

  it('refuses a lesson id used by two folders', async () => {
    const issues = await checkLessonsDirectory(fixture('duplicate-id'), root);
    expect(issues).toContainEqual({
      file: `${base}/duplicate-id/week-1/02-alpha/lesson.ts`,
      field: 'id',
      message: `"alpha" is already used by ${base}/duplicate-id/week-1/01-alpha`,
    });
  });

  it('refuses an <Exercise id> that lesson.ts does not declare', async () => {
    const issues = await checkLessonsDirectory(fixture('undeclared-exercise'), root);
    expect(issues).toContainEqual({
      file: `${base}/undeclared-exercise/week-1/01-alpha/content.mdx`,
      field: '<Exercise id="nope">',
      message: 'is not declared in lesson.ts exercises',
    });
  });

  it('refuses a lesson folder that is not registered', async () => {
    expect(await checkLessonsDirectory(fixture('unregistered'), root)).toEqual([
      {
        file: `${base}/unregistered/index.ts`,
        field: 'weeks',
        message: `the lesson folder ${base}/unregistered/week-1/02-beta (id "beta") is not registered`,
      },
    ]);
  });

  it('passes on the real course', async () => {
    expect(await checkLessonsDirectory(path.join(root, 'lessons'), root)).toEqual([]);
  });
});
