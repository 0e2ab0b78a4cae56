import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { answerQuiz, correctChoices, exerciseCard, lessonDef, quizDef } from './course';
import { expect, test } from './fixtures';

const quiz = () => quizDef('what-is-mlops', lessonDef('what-is-mlops').exercises[0]!.id);

test('progress survives closing and restarting the browser with the same profile', async ({ baseURL }) => {
  const profile = await mkdtemp(path.join(tmpdir(), 'workbench-profile-'));
  const launch = () => chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, baseURL });
  try {
    let context = await launch();
    let page = await context.newPage();
    await page.goto('/lessons/what-is-mlops');
    await expect(page.getByTestId('lesson-progress-summary')).toContainText('required passed');
    await answerQuiz(page, quiz().id, correctChoices(quiz()));
    await expect(exerciseCard(page, quiz().id).getByTestId('exercise-status')).toHaveText('Passed · 1 try');
    await context.close();

    context = await launch();
    page = await context.newPage();
    await page.goto('/');
    await expect(page.getByTestId('continue-link')).toContainText(`Continue where you left off: ${lessonDef('what-is-mlops').title}`);
    await page.goto('/lessons/what-is-mlops');
    await expect(exerciseCard(page, quiz().id).getByTestId('exercise-status')).toHaveText('Passed · 1 try');
    await context.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

test('a second tab sees answers from the first without a reload', async ({ page, context }) => {
  const other = await context.newPage();
  await page.goto('/lessons/what-is-mlops');
  await other.goto('/lessons/what-is-mlops');
  for (const p of [page, other]) await expect(p.getByTestId('lesson-progress-summary')).toContainText('0 of');
  await answerQuiz(page, quiz().id, correctChoices(quiz()));
  await expect(exerciseCard(other, quiz().id).getByTestId('exercise-status')).toHaveText('Passed · 1 try');
  await expect(other.getByTestId('lesson-progress-summary')).toContainText('1 of');
});

test('a full disk is reported and loses nothing already saved', async ({ page }) => {
  await page.goto('/lessons/what-is-mlops');
  await expect(page.getByTestId('lesson-progress-summary')).toContainText('required passed');
  const q = quiz();
  await answerQuiz(page, q.id, [q.choices.find((c) => !c.correct)!.text]);
  await expect(exerciseCard(page, q.id).getByTestId('exercise-status')).toHaveText('Attempted · 1 try');
  // Make every IndexedDB write fail the way a full disk does.
  await page.evaluate(() => {
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    (window as unknown as { restorePut: () => void }).restorePut = () => (IDBObjectStore.prototype.put = original);
  });
  await answerQuiz(page, q.id, correctChoices(q));
  const card = exerciseCard(page, q.id);
  await expect(card.getByRole('alert')).toContainText('run out of storage space');
  await expect(card.getByRole('alert')).toContainText('Everything saved earlier is untouched.');
  await page.reload();
  await expect(card.getByTestId('exercise-status')).toHaveText('Attempted · 1 try');
});

test('a tab on an old schema never blocks an upgrade made in another tab, and says why it must reload', async ({ page, context }) => {
  await page.goto('/lessons/what-is-mlops');
  await expect(page.getByTestId('lesson-progress-summary')).toContainText('required passed');
  await answerQuiz(page, quiz().id, correctChoices(quiz()));
  await expect(exerciseCard(page, quiz().id).getByTestId('exercise-status')).toHaveText('Passed · 1 try');
  // A second tab runs a newer workbench: it opens the database one schema version up.
  const newer = await context.newPage();
  await newer.goto('/');
  const outcome = await newer.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const probe = indexedDB.open('mlops-workbench');
        probe.onsuccess = () => {
          const version = probe.result.version;
          probe.result.close();
          const request = indexedDB.open('mlops-workbench', version + 10);
          request.onblocked = () => resolve('blocked');
          request.onupgradeneeded = () => request.result.createObjectStore('a-table-from-the-future', { keyPath: 'id' });
          request.onsuccess = () => {
            request.result.close();
            resolve('upgraded');
          };
          request.onerror = () => resolve(`failed: ${String(request.error)}`);
        };
      }),
  );
  expect(outcome).toBe('upgraded');
  const notice = page.getByTestId('superseded-notice');
  await expect(notice).toContainText('A newer version of the workbench is open in another tab');
  await expect(notice).toContainText('reload it to carry on. Nothing was lost.');
  await expect(notice.getByRole('button', { name: 'Reload this tab' })).toBeVisible();
});
