// Hyperparameter search as a learner runs it: a sweep of 8 trials with the median stopping rule,
// progress, results with importance (method named), the trials compared, and the tuning lesson's
// checks passing on the real state; and a sweep cancelled midway.
import { exerciseCard } from './course';
import { expect, test } from './fixtures';
import { seriousViolations } from './workbench';

test.describe('sweeps', () => {
  test.describe.configure({ timeout: 240_000 });

  test('a random sweep of 8 trials with median stopping: progress, importance, compare, and the lesson checks pass', async ({ page }) => {
    await page.goto('/workbench/sweep?dataset=penguins&target=species&epochs=4');
    await page.getByLabel('Backend', { exact: true }).selectOption('cpu');
    await page.getByLabel('Search', { exact: true }).selectOption('random');
    // 3 learning rates × 2 layer shapes × 2 dropouts: 12 configurations, 8 drawn at random.
    await page.getByRole('checkbox', { name: /dropout/ }).check();
    await page.getByLabel('Trials (budget)').fill('8');
    await page.getByLabel('Early termination').selectOption('median');
    await page.getByRole('button', { name: 'Start the sweep' }).click();
    await expect(page.getByTestId('sweep-progress')).toBeVisible({ timeout: 60_000 });
    const outcome = page.getByTestId('sweep-outcome');
    await expect(outcome).toContainText('Sweep FINISHED: 8 trials', { timeout: 180_000 });
    await expect(page.getByTestId('importance-method')).toContainText('Variance explained');
    await expect(page.getByTestId('best-trial')).toBeVisible();
    // Every trial is judged against the baseline as it ends (three classes: log loss against the
    // class shares), under the stated ranking rule.
    await expect(page.getByTestId('ranking-rule').first()).toContainText('Trials rank by the objective of the model each one saved');
    const live = page.getByRole('table', { name: 'Trials so far' }).getByTestId('baseline-verdict');
    await expect(live).toHaveCount(8);
    for (const status of await live.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')))) expect(['beats', 'short']).toContain(status);
    expect(await seriousViolations(page)).toEqual([]);
    const topParam = (await page.locator('.sweep-importance table tbody tr').first().locator('th, td').first().textContent())!.trim();
    expect(topParam).toMatch(/^(learningRate|hiddenLayers)$/);

    // The trials side by side.
    await page.getByTestId('compare-trials').click();
    await expect(page.getByTestId('compare-curves')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByTestId('compare-curves').locator('.overlaid-line')).toHaveCount(8);
    await page.goBack();

    // The parent run holds the sweep; the trials are nested under it in the runs table.
    await page.getByTestId('parent-run-link').click();
    await expect(page.getByTestId('parent-sweep')).toContainText('8 trials');
    // Its results rank the trials by the saved model's objective, best first.
    const results = page.getByRole('table', { name: /Trials of this sweep, best first/ });
    await expect(results.locator('tbody tr').first()).toHaveClass(/sweep-best/);
    const values = (await results.locator('tbody tr td.num').allTextContents()).map(Number);
    expect(values).toHaveLength(8);
    expect([...values].sort((a, b) => a - b)).toEqual(values);
    await expect(results.getByTestId('baseline-verdict')).toHaveCount(8);
    await page.getByRole('button', { name: 'Edit tags' }).click();
    await page.getByLabel(/^Tags/).fill(`sweep=parent, important=${topParam}`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Tags saved.')).toBeVisible();
    await page.goto(`/workbench/runs?filter=${encodeURIComponent(`(tags.important = "${topParam}" or status = "KILLED") and tags.sweep in ("parent")`)}`);
    await expect(page.getByTestId('runs-table')).toHaveAttribute('data-total-runs', '9');
    await expect(page.getByTestId('runs-table')).toHaveAttribute('data-shown-runs', '1');

    // The lesson grades this real sweep.
    await page.goto('/lessons/tuning-and-cross-validation');
    for (const id of ['sweep-of-eight', 'most-important-param']) {
      const card = exerciseCard(page, id);
      await card.getByRole('button', { name: 'Check my workbench' }).click();
      await expect(card.getByTestId('exercise-status')).toHaveText(/^Passed/);
    }
  });

  test('cancel stops the sweep: the running trial KILLED, finished trials and the summary kept', async ({ page }) => {
    await page.goto('/workbench/sweep?dataset=flights&target=delay&epochs=12');
    await page.getByLabel('Backend', { exact: true }).selectOption('wasm');
    await page.getByRole('button', { name: 'Start the sweep' }).click();
    const trials = page.getByTestId('sweep-trials').locator('tbody tr');
    // Cancel while the second trial trains, once the first has finished.
    await expect(trials.nth(1)).toHaveAttribute('data-status', 'RUNNING', { timeout: 90_000 });
    await expect(trials.first()).toHaveAttribute('data-status', 'FINISHED');
    const finishedValue = (await trials.first().locator('td.num').textContent())!.trim();
    await page.getByRole('button', { name: 'Cancel the sweep' }).click();
    await expect(page.getByTestId('sweep-outcome')).toContainText('Sweep KILLED', { timeout: 20_000 });
    await expect(trials.first()).toHaveAttribute('data-status', 'FINISHED');
    await expect(trials.nth(1)).toHaveAttribute('data-status', 'KILLED');

    // What is stored says the same after a reload: the summary on the parent run keeps the finished trial and its value.
    await page.getByTestId('parent-run-link').click();
    await expect(page).toHaveURL(/\/workbench\/run\?id=/);
    await page.reload();
    const stored = page.getByTestId('parent-sweep').getByTestId('sweep-trials').locator('tbody tr');
    await expect(stored.first()).toHaveAttribute('data-status', 'FINISHED');
    await expect(stored.first().locator('td.num')).toHaveText(finishedValue);
    await expect(stored.nth(1)).toHaveAttribute('data-status', 'KILLED');
    await page.goto('/workbench/runs');
    await expect(page.getByRole('row').filter({ hasText: 'KILLED' }).first()).toBeVisible();
  });

  test('a training started while a sweep runs waits for it in the one tfjs worker, saying so, and runs once the sweep ends', async ({ page }) => {
    await page.goto('/workbench/sweep?dataset=flights&target=delay&epochs=40');
    await page.getByLabel('Backend', { exact: true }).selectOption('wasm');
    await page.getByRole('button', { name: 'Start the sweep' }).click();
    await expect(page.getByTestId('sweep-trials').locator('tbody tr')).not.toHaveCount(0, { timeout: 60_000 });

    // In-app navigation keeps the sweep running in this tab's worker.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Train' }).click();
    await page.getByLabel('Run name').fill('queued behind the sweep');
    await page.getByLabel('Epochs').fill('3');
    await page.getByLabel('Backend', { exact: true }).selectOption('wasm');
    await page.getByRole('button', { name: 'Start training' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Waiting for the sweep to finish.' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Waiting/ })).toBeDisabled();
    // Still waiting a moment later: nothing races the sweep.
    await page.waitForTimeout(1500);
    await expect(page.getByTestId('epoch-progress')).toHaveCount(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tune' }).click();
    await page.getByRole('button', { name: 'Cancel the sweep' }).click();
    await expect(page.getByTestId('sweep-outcome')).toContainText('Sweep KILLED', { timeout: 20_000 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Train' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Run “queued behind the sweep” FINISHED' })).toBeVisible({ timeout: 60_000 });
  });
});

