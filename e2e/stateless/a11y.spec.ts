// Accessibility and layout of every page that holds no learner state: light, dark and a 375 px
// phone. Each test has its own browser context, so these run in parallel (see playwright.config.ts).
import { answerQuiz, correctChoices, exerciseCard, lessonDef, quizDef, wrongChoice } from '../course';
import { expect, test } from '../fixtures';
import { seriousViolations } from '../workbench';
import { allLessons } from '../../lib/course/course';
import { course } from '../../lessons/index';

const WORKBENCH = [
  '/workbench/data',
  '/workbench/dataset?id=penguins',
  '/workbench/train',
  '/workbench/sweep',
  '/workbench/runs',
  '/workbench/run?id=missing',
  '/workbench/compare',
  '/workbench/compare?runs=missing-a,missing-b',
  '/workbench/models',
  '/workbench/model?name=missing',
  '/workbench/transfer',
  '/workbench/benchmark',
  '/workbench/benchmark/tracking',
  '/workbench/benchmark/serving',
  '/workbench/benchmark/drift',
  '/workbench/alerts',
  '/workbench/drift-report',
];
const ROUTES = ['/', '/weeks/1', '/weeks/2', '/maturity', '/progress', '/no-such-page', ...WORKBENCH, ...allLessons(course).map((l) => `/lessons/${l.id}`)];

/*
 * One test per route, in one browser context (the static assets load once): light mode, dark
 * mode, then a 375 px phone (light). The same checks as three separate tests, at a third of the
 * page loads, so a new route costs one test.
 */
test.describe('every page', () => {
  test.use({ allowConsoleErrors: [/404 \(Not Found\)/] });
  for (const route of ROUTES) {
    test(`${route}: no serious axe violations in light and dark mode, and it fits a 375 px phone`, async ({ page }) => {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(route);
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page), `${scheme} mode`).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(route);
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), 'width at 375 px').toBeLessThanOrEqual(375);
      expect(await seriousViolations(page), 'at 375 px').toEqual([]);
    });
  }
});

test('feedback after answering has no serious axe violations (dark mode)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/lessons/what-is-mlops');
  await expect(page.getByTestId('lesson-progress-summary')).toContainText('required passed');
  const quiz = quizDef('what-is-mlops', lessonDef('what-is-mlops').exercises[0]!.id);
  await answerQuiz(page, quiz.id, [wrongChoice(quiz).text]);
  await exerciseCard(page, quiz.id).getByRole('button', { name: /Show hint/ }).click();
  await answerQuiz(page, quiz.id, correctChoices(quiz));
  await expect(exerciseCard(page, quiz.id).getByTestId('feedback')).toContainText('Correct.');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a quiz can be answered with the keyboard alone', async ({ page }) => {
  await page.goto('/lessons/what-is-mlops');
  await expect(page.getByTestId('lesson-progress-summary')).toContainText('required passed');
  // The skip link is the first stop and moves focus to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  const quiz = quizDef('what-is-mlops', lessonDef('what-is-mlops').exercises[0]!.id);
  const card = exerciseCard(page, quiz.id);
  const correctIndex = quiz.choices.findIndex((c) => c.correct);
  // Tab until the first choice of this quiz has focus (a bounded walk through the page).
  const first = card.getByRole('radio').first();
  for (let i = 0; i < 80 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('Space');
  for (let i = 0; i < correctIndex; i++) await page.keyboard.press('ArrowDown');
  await expect(card.getByRole('radio').nth(correctIndex)).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Check answer' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.getByTestId('exercise-status')).toHaveText('Passed · 1 try');
});

test('the theme toggle switches to dark mode and remembers it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: /Colour theme: System/ }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: /Colour theme: Light/ }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: /Colour theme: Dark/ })).toBeVisible();
});
