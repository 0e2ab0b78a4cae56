import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { snapshotWith as snapshotFrom } from '@/lib/course/test-snapshots';
import type { CheckExercise, ExerciseProgress, Lesson, WorkbenchSnapshot } from '@/lib/course/types';
import runningExample from './03-running-example/lesson';

const WEEK_DIR = fileURLToPath(new URL('.', import.meta.url));
const LESSON_FOLDERS = readdirSync(WEEK_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /^\d{2}-/.test(entry.name))
  .map((entry) => entry.name)
  .sort();

/** A snapshot whose only interesting part is the list of completed lessons. */
function snapshotWith(completedLessons: string[], exercises: ExerciseProgress[] = []): WorkbenchSnapshot {
  return snapshotFrom({ takenAt: 1_700_000_000_000, completedLessons, exercises });
}

function passedExercise(lessonId: string, exerciseId: string): ExerciseProgress {
  return {
    lessonId,
    exerciseId,
    status: 'passed',
    attempts: 1,
    hintsRevealed: 0,
    solutionRevealed: false,
    lastAnswer: [],
    lastFeedback: '',
    updatedAt: 1_700_000_000_000,
    passedAt: 1_700_000_000_000,
  };
}

function weekReview(): CheckExercise {
  const exercise = runningExample.exercises.find((e) => e.id === 'week-review');
  if (!exercise || exercise.kind !== 'check') throw new Error('week-review check exercise not found');
  return exercise;
}

const WHAT_IS_MLOPS = 'What is MLOps?';
const MATURITY_MODEL = 'The MLOps maturity model';

describe('week-review check', () => {
  it('is optional, so it does not block its own lesson', () => {
    expect(weekReview().required).toBe(false);
  });

  it('passes when both earlier week 1 lessons are complete', () => {
    const result = weekReview().check(snapshotWith(['what-is-mlops', 'maturity-model']));
    expect(result.passed).toBe(true);
    expect(result.feedback).not.toContain('Still to do');
  });

  it('passes when more lessons than needed are complete, in any order', () => {
    const result = weekReview().check(snapshotWith(['running-example', 'maturity-model', 'what-is-mlops']));
    expect(result.passed).toBe(true);
  });

  it('fails when nothing is done, naming both lessons', () => {
    const result = weekReview().check(snapshotWith([]));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('Still to do');
    expect(result.feedback).toContain(WHAT_IS_MLOPS);
    expect(result.feedback).toContain(MATURITY_MODEL);
  });

  it('fails when only "what-is-mlops" is done, naming only the maturity lesson', () => {
    const result = weekReview().check(snapshotWith(['what-is-mlops']));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain(MATURITY_MODEL);
    expect(result.feedback).not.toContain(WHAT_IS_MLOPS);
  });

  it('fails when only "maturity-model" is done, naming only the first lesson', () => {
    const result = weekReview().check(snapshotWith(['maturity-model']));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain(WHAT_IS_MLOPS);
    expect(result.feedback).not.toContain(MATURITY_MODEL);
  });

  it('counts completed lessons only, not passed exercises of an unfinished lesson', () => {
    const result = weekReview().check(
      snapshotWith(['maturity-model'], [passedExercise('what-is-mlops', 'phase-after-evaluation')]),
    );
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain(WHAT_IS_MLOPS);
  });

  it('is pure: same answer twice, snapshot untouched', () => {
    const snapshot = snapshotWith(['what-is-mlops']);
    const before = JSON.stringify(snapshot);
    Object.freeze(snapshot.progress.completedLessons);
    const first = weekReview().check(snapshot);
    const second = weekReview().check(snapshot);
    expect(second).toEqual(first);
    expect(JSON.stringify(snapshot)).toBe(before);
  });
});

describe('week 1 lessons', () => {
  it('has the three expected lesson folders', () => {
    expect(LESSON_FOLDERS).toEqual(['01-what-is-mlops', '02-maturity-model', '03-running-example']);
  });

  describe.each(LESSON_FOLDERS)('%s', (folder) => {
    const load = async (): Promise<Lesson> => {
      const mod = (await import(`./${folder}/lesson.ts`)) as { default: Lesson };
      return mod.default;
    };

    it('imports (defineLesson validates it)', async () => {
      await expect(load()).resolves.toBeDefined();
    });

    it('has id, week and order matching its folder', async () => {
      const lesson = await load();
      expect(folder).toBe(`${String(lesson.order).padStart(2, '0')}-${lesson.id}`);
      expect(lesson.week).toBe(1);
      expect(lesson.maturityLevel).toBe(0);
    });

    it('has at least two exercises, and every quiz choice explained', async () => {
      const lesson = await load();
      expect(lesson.exercises.length).toBeGreaterThanOrEqual(2);
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
      const mdx = readFileSync(join(WEEK_DIR, folder, 'content.mdx'), 'utf8');
      const placed = [...mdx.matchAll(/<Exercise\s+id="([^"]+)"\s*\/>/g)].map((m) => m[1]);
      expect([...placed].sort()).toEqual(lesson.exercises.map((e) => e.id).sort());
    });

    it('uses section headings and no h1 in content.mdx', () => {
      const mdx = readFileSync(join(WEEK_DIR, folder, 'content.mdx'), 'utf8');
      expect(mdx).toMatch(/^## /m);
      expect(mdx).not.toMatch(/^# /m);
      expect(mdx).not.toMatch(/^\s*(import|export)\s/m);
    });
  });

  it('has at least one multiple-answer quiz in the week', async () => {
    const lessons = await Promise.all(
      LESSON_FOLDERS.map(async (folder) => ((await import(`./${folder}/lesson.ts`)) as { default: Lesson }).default),
    );
    const multiple = lessons.flatMap((l) => l.exercises).filter((e) => e.kind === 'quiz' && e.multiple);
    expect(multiple.length).toBeGreaterThan(0);
  });

  it('asks the running-example quiz with the real January figure as its answer', () => {
    const quiz = runningExample.exercises.find((e) => e.id === 'january-delayed-share');
    if (!quiz || quiz.kind !== 'quiz') throw new Error('january-delayed-share quiz not found');
    // lib/data/flights-summary.test.ts checks that 20.8% is what the data says.
    expect(quiz.choices.filter((c) => c.correct).map((c) => c.text)).toEqual(['20.8%']);
  });
});
