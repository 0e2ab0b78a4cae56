import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { answerQuiz, correctChoices, lessonDef, quizDef } from './course';
import { expect, test } from './fixtures';

const valid = (exercises: unknown[]) => ({ format: 'mlops-workbench/progress', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', exercises, visits: [] });
const row = (lessonId: string, exerciseId: string) => ({
  lessonId,
  exerciseId,
  status: 'passed',
  attempts: 1,
  hintsRevealed: 0,
  solutionRevealed: false,
  lastAnswer: [],
  lastFeedback: 'Correct.',
  updatedAt: 1,
  passedAt: 1,
});

const BAD_FILES: Array<{ name: string; content: () => string; message: RegExp }> = [
  { name: 'not-json.json', content: () => '{"format": "mlops-workbench/progress", oops', message: /is not valid JSON/ },
  { name: 'wrong-schema.json', content: () => JSON.stringify({ hello: 'world' }), message: /does not match the progress format: format is not "mlops-workbench\/progress"/ },
  {
    name: 'proto.json',
    content: () => `{"format":"mlops-workbench/progress","version":1,"exportedAt":"x","exercises":[],"visits":[],"__proto__":{"polluted":"yes"}}`,
    message: /contains the key "__proto__"/,
  },
  {
    name: 'constructor.json',
    content: () => JSON.stringify(valid([{ ...row('what-is-mlops', 'why-models-decay'), constructor: { prototype: { polluted: 'yes' } } }])),
    message: /contains the key "(constructor|prototype)"/,
  },
  { name: 'unknown-lesson.json', content: () => JSON.stringify(valid([row('no-such-lesson', 'q1')])), message: /refers to the lesson "no-such-lesson", which this course does not have/ },
  { name: 'future-version.json', content: () => JSON.stringify({ ...valid([]), version: 99 }), message: /version must be 1/ },
];

async function passOneExercise(page: Page) {
  const quiz = quizDef('what-is-mlops', lessonDef('what-is-mlops').exercises[0]!.id);
  await page.goto('/lessons/what-is-mlops');
  await expect(page.getByTestId('lesson-progress-summary')).toContainText('required passed');
  await answerQuiz(page, quiz.id, correctChoices(quiz));
  await expect(page.getByTestId(`exercise-${quiz.id}`).getByTestId('exercise-status')).toContainText('Passed');
}

test('bad progress files are refused with a clear message and change nothing', async ({ page }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'bad-progress-'));
  await passOneExercise(page);
  await page.goto('/progress');
  const totals = page.getByTestId('progress-totals');
  await expect(totals).toContainText('1 exercise passed');

  const files = [...BAD_FILES];
  // 50 MB: refused by size before it is read.
  const big = path.join(dir, 'huge.json');
  await writeFile(big, `{"format":"mlops-workbench/progress","pad":"${'x'.repeat(50 * 1024 * 1024)}"}`);
  for (const bad of files) {
    const file = path.join(dir, bad.name);
    await writeFile(file, bad.content());
    await page.getByLabel('Progress file (.json)').setInputFiles(file);
    const alert = page.getByTestId('transfer-message').getByRole('alert');
    await expect(alert).toContainText(`“${bad.name}” was not imported.`);
    await expect(alert).toContainText(bad.message);
    await expect(alert).toContainText('Nothing was imported; your progress is unchanged.');
    await expect(page.getByRole('button', { name: 'Replace my progress' })).toHaveCount(0);
    await expect(totals).toContainText('1 exercise passed');
  }
  await page.getByLabel('Progress file (.json)').setInputFiles(big);
  await expect(page.getByTestId('transfer-message').getByRole('alert')).toContainText('The file is 50.0 MB, more than the 2.0 MB a progress file can be.');

  // Nothing leaked into prototypes, and the saved data is untouched after a reload.
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
  await page.reload();
  await expect(totals).toContainText('1 exercise passed');
});

test('a valid import can be cancelled, leaving progress as it was', async ({ page }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'progress-'));
  await passOneExercise(page);
  const file = path.join(dir, 'other.json');
  await writeFile(file, JSON.stringify(valid([row('maturity-model', lessonDef('maturity-model').exercises[0]!.id)])));
  await page.goto('/progress');
  await page.getByLabel('Progress file (.json)').setInputFiles(file);
  await expect(page.getByRole('status').filter({ hasText: 'holds 1 exercise record (1 passed)' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(page.getByTestId('progress-table')).toContainText('In progress');
  await expect(page.getByTestId('progress-totals')).toContainText('1 exercise passed');
});
