import { exerciseCard } from './course';
import { expect, test } from './fixtures';
import { seriousViolations, startTraining } from './workbench';

test.describe('training', () => {
  test.describe.configure({ timeout: 120_000 });

  test('train on flights with the UI, see progress and curves, then find the FINISHED run after a reload', async ({ page }) => {
    await startTraining(page, 'dataset=flights&target=delay&model=mlp&epochs=4', { 'Run name': 'first flights model', Tags: 'stage=baseline', Backend: 'wasm' });
    await expect(page.getByRole('progressbar', { name: 'Training progress' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('backend-label')).toHaveText('WebAssembly (CPU, SIMD)');
    await expect(page.getByTestId('epoch-progress')).toContainText(/Epoch [1-4] of 4/);
    await expect(page.locator('figure[data-chart="Loss per epoch"] .recharts-line').first()).toBeVisible();
    const outcome = page.getByRole('status').filter({ hasText: 'FINISHED' });
    // The banner judges the headline metric against the baseline by the stated margin: green or amber, with the figures.
    await expect(outcome).toContainText(/Validation RMSE [\d.]+ against [\d.]+ for always predicting the training mean \([\d.]+ % (better|worse)\): (beats|does not beat) the baseline by the margin \(at least 1 % lower/, { timeout: 90_000 });
    await expect(outcome).toContainText(/the saved model holds epoch [1-4]’s weights/);
    const verdict = await outcome.getAttribute('data-status');
    expect(['beats', 'short']).toContain(verdict);
    await expect(outcome).toHaveClass(verdict === 'beats' ? /notice ok/ : /notice warn/);

    await page.reload();
    await page.getByRole('link', { name: 'Runs', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'first flights model' });
    await expect(row).toContainText('FINISHED');
    await expect(row).toContainText('stage=baseline');
    // The backend column is one the column chooser adds; the choice survives a reload.
    await expect(row).not.toContainText('wasm');
    await page.getByText(/^Columns \(/).click();
    await page.getByRole('checkbox', { name: 'Backend', exact: true }).check();
    await expect(row).toContainText('wasm');
    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: 'first flights model' })).toContainText('wasm');
    await row.getByRole('link', { name: 'first flights model' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'first flights model' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Evaluation against the baseline' })).toBeVisible();
    await expect(page.getByRole('row', { name: /RMSE/ }).first()).toBeVisible();
    await expect(page.getByText('weights.bin')).toBeVisible();
    // Predict with the stored model and the run's preprocessing.
    await page.getByLabel('hour').fill('18');
    await page.getByLabel('distance').fill('900');
    await page.getByRole('button', { name: 'Predict' }).click();
    await expect(page.getByTestId('prediction')).toContainText(/Predicted delay: -?\d+\.\d\d/);

    // The lesson's check exercise grades this real run.
    await page.goto('/lessons/your-first-model');
    const card = exerciseCard(page, 'first-run');
    await card.getByRole('button', { name: 'Check my workbench' }).click();
    await expect(card.getByTestId('feedback')).toContainText('first flights model');
    await expect(card.getByTestId('exercise-status')).toHaveText(/^Passed/);
  });

  test('an absurd learning rate gives FAILED with the explanation and a hint', async ({ page }) => {
    await startTraining(page, 'dataset=flights&target=delay&model=linear&lr=10&optimizer=sgd&epochs=5', { Backend: 'cpu', 'Run name': 'too hot' });
    const alert = page.getByRole('alert').filter({ hasText: 'FAILED' });
    await expect(alert).toContainText(/The loss became (NaN|infinite)/, { timeout: 60_000 });
    await expect(alert).toContainText(/learning rate 10 is very high/);
    await alert.getByRole('link', { name: 'Open the run' }).click();
    await expect(page.getByTestId('run-status')).toHaveText('FAILED');
    await expect(page.getByRole('alert').filter({ hasText: 'training diverged' })).toContainText('Try 0.01 or lower');
    // Its charts stay readable: a loss that was never finite says so; a huge MAE gets each y label
    // once, short (exponent form), never a 20-digit number.
    await expect(page.locator('figure[data-chart="Loss per epoch"]').getByTestId('chart-no-finite')).toContainText('every value was NaN or infinite');
    const ticks = page.locator('figure[data-chart="Mean absolute error per epoch"] .recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
    await expect(ticks.first()).toBeVisible();
    const labels = await ticks.allTextContents();
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label.length).toBeLessThanOrEqual(8);
  });

  test('cancel stops the run as KILLED and keeps its metrics', async ({ page }) => {
    await startTraining(page, 'dataset=flights&target=delayed&epochs=200', { Backend: 'wasm', 'Run name': 'to cancel' });
    await expect(page.getByTestId('epoch-progress')).toContainText(/Epoch [2-9]|Epoch \d\d/, { timeout: 60_000 });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Run KILLED' })).toBeVisible({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Open the run' }).click();
    await expect(page.getByTestId('run-status')).toHaveText('KILLED');
    await expect(page.locator('figure[data-chart="Loss per epoch"] .recharts-line').first()).toBeVisible();
  });

  test('closing the tab mid-training leaves the run KILLED with its metrics, found on reopening', async ({ page, context }) => {
    await startTraining(page, 'dataset=flights&target=delayed&epochs=300', { Backend: 'wasm', 'Run name': 'closed mid-way' });
    // An epoch's metrics are written while the next epoch trains, so the page reports an epoch
    // before it is stored: close at epoch 5 or later so that at least 3 epochs are surely kept.
    await expect(page.getByTestId('epoch-progress')).toContainText(/Epoch [5-9] |Epoch \d\d/, { timeout: 60_000 });
    await page.close({ runBeforeUnload: false });
    const reopened = await context.newPage();
    await reopened.goto('/workbench/runs');
    await expect(reopened.getByText(/A run was interrupted when a tab closed mid-training/)).toBeVisible();
    const row = reopened.getByRole('row').filter({ hasText: 'closed mid-way' });
    await expect(row).toContainText('KILLED');
    await row.getByRole('link', { name: 'closed mid-way' }).click();
    await expect(reopened.getByText('Interrupted: the tab was closed or reloaded while this run was training.')).toBeVisible();
    await reopened.getByText('Table of loss per epoch').click();
    const rows = reopened.getByRole('region', { name: 'Loss per epoch as a table' }).getByRole('row');
    expect(await rows.count()).toBeGreaterThanOrEqual(4); // header + at least 3 epochs kept
  });

  for (const [backend, label] of [
    ['cpu', 'Plain JavaScript (CPU)'],
    ['webgl', /WebGL — software renderer \(.*SwiftShader.*\), no GPU/],
  ] as const) {
    test(`a forced ${backend} backend trains and the UI names it`, async ({ page }) => {
      await startTraining(page, 'dataset=penguins&target=species&epochs=3', { Backend: backend, 'Run name': `forced ${backend}` });
      await expect(page.getByTestId('backend-label')).toHaveText(label, { timeout: 60_000 });
      await expect(page.getByRole('status').filter({ hasText: 'FINISHED' })).toContainText(/Validation log loss [\d.]+ against [\d.]+ for predicting the training class shares/, { timeout: 90_000 });
      await expect(page.getByRole('status').filter({ hasText: 'FINISHED' })).toContainText(/Accuracy [\d.]+ % beside [\d.]+ % for always answering the majority class/);
      await page.goto('/workbench/runs');
      await expect(page.getByRole('row').filter({ hasText: `forced ${backend}` })).toContainText(backend);
    });
  }

  test('auto measures the backends, names the winner and reuses the measurement', async ({ page }) => {
    await startTraining(page, 'dataset=cars&target=mpg&epochs=2', { 'Run name': 'auto 1' });
    const notes = page.locator('.train-notes');
    await expect(notes).toContainText(/Auto measured WebGL .*, WebAssembly .*, CPU .*; (WebGL|WebAssembly|CPU) was fastest/, { timeout: 60_000 });
    await expect(page.getByRole('status').filter({ hasText: 'FINISHED' })).toBeVisible({ timeout: 60_000 });
    await page.getByLabel('Run name').fill('auto 2');
    await page.getByRole('button', { name: 'Start training' }).click();
    await expect(notes).toContainText('Auto reused its earlier measurement', { timeout: 30_000 });
  });

  test('a trained run: the train page with live curves and the run page have no serious axe violations (dark mode)', async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/workbench/train?dataset=penguins&target=species&epochs=3');
    await page.getByLabel('Backend').selectOption('cpu');
    await page.getByRole('button', { name: 'Start training' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'FINISHED' })).toBeVisible({ timeout: 60_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Open the run' }).click();
    await expect(page.getByRole('heading', { name: 'Evaluation against the baseline' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 375, height: 740 });
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Evaluation against the baseline' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
});
