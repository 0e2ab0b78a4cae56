import { readFile } from 'node:fs/promises';
import { answerQuiz, completeOpenLesson, correctChoices, exerciseCard, lessonDef, quizDef, wrongChoice } from './course';
import { expect, test } from './fixtures';
import { allLessons } from '../lib/course/course';
import { course } from '../lessons/index';

const TOTAL_LESSONS = allLessons(course).length;

test('a learner finishes a lesson, keeps progress across reloads, and restores it from an export', async ({ page }) => {
  const first = lessonDef('what-is-mlops');
  const quiz = quizDef(first.id, first.exercises[0]!.id);

  // Home → the "start" call to action leads to the first lesson.
  await page.goto('/');
  await expect(page.getByTestId('ladder-standing')).toContainText('not reached a level yet');
  await page.getByTestId('continue-link').click();
  await expect(page.getByRole('heading', { level: 1, name: first.title })).toBeVisible();
  await expect(page.getByTestId('lesson-progress-summary')).toContainText(`0 of ${first.exercises.filter((e) => e.required).length} required passed`);

  // A wrong answer: feedback with that choice's explanation, then a hint on request.
  const card = exerciseCard(page, quiz.id);
  const wrong = wrongChoice(quiz);
  await answerQuiz(page, quiz.id, [wrong.text]);
  await expect(card.getByTestId('feedback')).toContainText('Not quite.');
  await expect(card.getByTestId('feedback')).toContainText(wrong.explanation);
  await expect(card.getByTestId('exercise-status')).toHaveText('Attempted · 1 try');
  await card.getByRole('button', { name: `Show hint 1 of ${quiz.hints.length}` }).click();
  await expect(card.getByRole('list', { name: 'Hints' })).toContainText(quiz.hints[0]!);
  await expect(card.getByText(quiz.hints[1]!)).toHaveCount(0);

  // The right answer passes; then the rest of the lesson.
  await answerQuiz(page, quiz.id, correctChoices(quiz));
  await expect(card.getByTestId('feedback')).toContainText('Correct.');
  await expect(card.getByTestId('exercise-status')).toHaveText('Passed · 2 tries');
  await completeOpenLesson(page);

  // Reload: everything is still there, hint included.
  await page.reload();
  await expect(page.getByTestId('lesson-completion')).toContainText('Lesson complete.');
  await expect(card.getByTestId('exercise-status')).toHaveText('Passed · 2 tries');
  await expect(card.getByRole('list', { name: 'Hints' })).toContainText(quiz.hints[0]!);

  // Home reflects it, and "continue" moves on to the next lesson.
  await page.goto('/');
  await expect(page.getByTestId('week-progress').first()).toHaveText('1 of 3 lessons complete');
  await expect(page.getByTestId('continue-link')).toContainText(`Continue with the next lesson: ${lessonDef('maturity-model').title}`);

  // Export, reset, import: progress restored.
  await page.goto('/progress');
  await expect(page.getByTestId('progress-totals')).toContainText(`1 of ${TOTAL_LESSONS} lessons complete`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8'));
  expect(exported.format).toBe('mlops-workbench/progress');
  expect(exported.exercises.filter((e: { status: string }) => e.status === 'passed')).toHaveLength(first.exercises.filter((e) => e.required).length);

  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await page.getByRole('button', { name: 'Yes, delete my progress' }).click();
  await expect(page.getByTestId('transfer-message')).toContainText('Progress reset');
  await expect(page.getByTestId('progress-totals')).toContainText(`0 of ${TOTAL_LESSONS} lessons complete`);

  await page.getByLabel('Progress file (.json)').setInputFiles((await download.path())!);
  await page.getByRole('button', { name: 'Replace my progress' }).click();
  await expect(page.getByTestId('transfer-message')).toContainText('Imported');
  await expect(page.getByTestId('progress-totals')).toContainText(`1 of ${TOTAL_LESSONS} lessons complete`);

  await page.goto(`/lessons/${first.id}`);
  await expect(page.getByTestId('lesson-completion')).toContainText('Lesson complete.');
  await expect(card.getByTestId('exercise-status')).toHaveText('Passed · 2 tries');
});

test('the solution unlocks after three tries, and a passed exercise stays passed', async ({ page }) => {
  await page.goto('/lessons/maturity-model');
  const lesson = lessonDef('maturity-model');
  const quiz = quizDef(lesson.id, lesson.exercises[0]!.id);
  const card = exerciseCard(page, quiz.id);
  await expect(card.getByText('The solution unlocks after 3 more tries.')).toBeVisible();
  for (let i = 0; i < 3; i++) await answerQuiz(page, quiz.id, [wrongChoice(quiz).text]);
  await expect(card.getByTestId('exercise-status')).toHaveText('Attempted · 3 tries');
  await card.getByRole('button', { name: 'Show the solution' }).click();
  for (const text of correctChoices(quiz)) await expect(card.getByTestId('solution')).toContainText(text);
  await answerQuiz(page, quiz.id, correctChoices(quiz));
  await answerQuiz(page, quiz.id, [wrongChoice(quiz).text]);
  await expect(card.getByTestId('exercise-status')).toHaveText('Passed · 5 tries');
  await expect(card.getByText('You passed this exercise earlier; it stays passed.')).toBeVisible();
});

test('a check exercise grades the real workbench state, and the ladder shows where the learner stands', async ({ page }) => {
  await page.goto('/lessons/running-example');
  const card = exerciseCard(page, 'week-review');
  await card.getByRole('button', { name: 'Check my workbench' }).click();
  await expect(card.getByTestId('feedback')).toContainText(lessonDef('what-is-mlops').title);
  await expect(card.getByTestId('feedback')).toContainText(lessonDef('maturity-model').title);
  await expect(card.getByTestId('exercise-status')).toHaveText('Attempted · 1 try');

  for (const id of ['what-is-mlops', 'maturity-model', 'running-example']) {
    await page.goto(`/lessons/${id}`);
    await expect(page.getByTestId('lesson-progress-summary')).toContainText('required passed');
    await completeOpenLesson(page);
  }
  await card.getByRole('button', { name: 'Check my workbench' }).click();
  await expect(card.getByTestId('exercise-status')).toHaveText('Passed · 2 tries');

  // Week 1 is done, but level 0 also holds "Your first model", whose checks need real runs.
  await page.goto('/');
  await expect(page.getByTestId('week-progress').first()).toHaveText('3 of 3 lessons complete');
  await expect(page.getByTestId('ladder-standing')).toContainText('finish the level 0 lessons');
  await expect(page.getByTestId('continue-link')).toContainText(lessonDef('your-first-model').title);
});
