// Page helpers for the course, driven by the real lesson definitions (so tests follow the content).
import { expect, type Locator, type Page } from '@playwright/test';
import { findLesson } from '../lib/course/course';
import type { QuizExercise } from '../lib/course/types';
import { course } from '../lessons/index';

export function lessonDef(lessonId: string) {
  const lesson = findLesson(course, lessonId);
  if (!lesson) throw new Error(`no lesson ${lessonId}`);
  return lesson;
}

export function quizDef(lessonId: string, exerciseId: string): QuizExercise {
  const exercise = lessonDef(lessonId).exercises.find((e) => e.id === exerciseId);
  if (!exercise || exercise.kind !== 'quiz') throw new Error(`no quiz ${exerciseId}`);
  return exercise;
}

export const exerciseCard = (page: Page, exerciseId: string): Locator => page.getByTestId(`exercise-${exerciseId}`);

/** Ticks exactly the given choices (by text) and submits. */
export async function answerQuiz(page: Page, exerciseId: string, choiceTexts: string[]) {
  const card = exerciseCard(page, exerciseId);
  const quiz = quizDef(lessonIdOf(page), exerciseId);
  for (const choice of quiz.choices) {
    const input = card.getByLabel(choice.text, { exact: true });
    const want = choiceTexts.includes(choice.text);
    if (quiz.multiple) await input.setChecked(want);
    else if (want) await input.check();
  }
  await card.getByRole('button', { name: 'Check answer' }).click();
}

export const correctChoices = (quiz: QuizExercise) => quiz.choices.filter((c) => c.correct).map((c) => c.text);
export const wrongChoice = (quiz: QuizExercise) => quiz.choices.find((c) => !c.correct)!;

/** Answers every required quiz not yet passed in the open lesson correctly and waits for "Lesson complete". */
export async function completeOpenLesson(page: Page) {
  const lesson = lessonDef(lessonIdOf(page));
  for (const exercise of lesson.exercises) {
    if (exercise.kind !== 'quiz' || !exercise.required) continue;
    const status = exerciseCard(page, exercise.id).getByTestId('exercise-status');
    if ((await status.textContent())?.startsWith('Passed')) continue;
    await answerQuiz(page, exercise.id, correctChoices(exercise));
    await expect(exerciseCard(page, exercise.id).getByTestId('exercise-status')).toContainText('Passed');
  }
  await expect(page.getByTestId('lesson-completion')).toContainText('Lesson complete.');
}

export async function openLesson(page: Page, lessonId: string) {
  await page.goto(`/lessons/${lessonId}`);
  await expect(page.getByRole('heading', { level: 1, name: lessonDef(lessonId).title })).toBeVisible();
  // Islands hydrate and read IndexedDB before they accept answers.
  await expect(page.getByTestId('lesson-progress-summary')).toContainText('required passed');
}

function lessonIdOf(page: Page): string {
  const match = /\/lessons\/([a-z0-9-]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a lesson page: ${page.url()}`);
  return match[1];
}
