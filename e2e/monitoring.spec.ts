// Monitoring, as a learner works: serve a covariate shift and watch the heat map light up on the
// shifted input, an alert rule go pending then firing, acknowledge it; read the estimated accuracy
// fall while the labels are still on their way, then the realized accuracy follow; open a window,
// change its test; export the report. And the control: no drift, no alert; its log compared with
// the training data on the two-dataset page.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { deployChampion, seriousViolations } from './workbench';

test.describe.configure({ mode: 'serial' });

interface TrafficSettings {
  scenario: string;
  days: string;
  perDay: string;
  speed: string;
  feature?: string;
  driftStart?: string;
  magnitude?: string;
  labelDelay?: string;
}

async function startTraffic(page: Page, name: string, settings: TrafficSettings) {
  await page.goto(`/workbench/endpoint?name=${name}&tab=traffic`);
  const panel = page.getByTestId('traffic-panel');
  await panel.getByLabel('Scenario').selectOption(settings.scenario);
  await panel.getByLabel('Seed').fill('3');
  await panel.getByLabel('Days').fill(settings.days);
  await panel.getByLabel('Requests a day').fill(settings.perDay);
  if (settings.feature) await panel.getByLabel('Input that changes').selectOption(settings.feature);
  if (settings.driftStart) await panel.getByLabel('Drift starts on day').fill(settings.driftStart);
  if (settings.magnitude) await panel.getByLabel(/^Magnitude/).fill(settings.magnitude);
  if (settings.labelDelay) await panel.getByLabel('Labels arrive after (simulated hours)').fill(settings.labelDelay);
  await panel.getByLabel('Speed').selectOption(settings.speed);
  await panel.getByTestId('replay-start').click();
}

/** The estimated and realized accuracy of a window, as the performance table holds them. */
async function accuracyOf(page: Page, window: number) {
  const row = page.getByTestId('performance-table').locator(`tr[data-window="${window}"]`);
  const estimated = await row.getAttribute('data-estimated');
  const realized = await row.getAttribute('data-realized');
  return { estimated: estimated ? Number(estimated) : null, realized: realized ? Number(realized) : null };
}

test('a covariate shift lights up the heat map, its alert goes pending then firing and is acknowledged, the estimate falls before the labels, and the report exports', async ({ page }) => {
  test.setTimeout(240_000);
  await deployChampion(page, 'watch-api', 'impute');

  // A rule on the input that will move: one column drifted, for 2 windows in a row.
  await page.goto('/workbench/endpoint?name=watch-api&tab=monitor');
  await expect(page.getByTestId('monitor-empty')).toBeVisible();
  await expect(page.getByTestId('alert-rules').locator('li')).toHaveCount(4);
  const form = page.locator('fieldset.rule-form');
  await form.getByLabel('Name').fill('origin delay moved');
  await form.getByLabel('Metric', { exact: true }).selectOption('feature-drift');
  await form.getByLabel('Column').selectOption('origin_delay');
  await form.getByLabel('For consecutive windows').fill('2');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(page.getByTestId('alert-rules').locator('li')).toHaveCount(5);

  // Six days at a simulated day a second; the inputs move from day 2; labels take ten days.
  await startTraffic(page, 'watch-api', { scenario: 'covariate-sudden', days: '6', perDay: '600', speed: '86400', feature: 'origin_delay', driftStart: '2', magnitude: '3', labelDelay: '240' });
  await page.getByRole('link', { name: 'Monitoring' }).click();
  const heat = page.getByTestId('drift-heat-map');
  // Windows are the endpoint's days 1–6; the drift starts in window 3.
  await expect(heat.locator('thead th[data-window="3"]')).toBeVisible({ timeout: 30_000 });

  // While the drifted day's labels are still on their way, its accuracy is already estimated, and lower.
  await expect.poll(async () => (await accuracyOf(page, 3)).estimated, { timeout: 30_000 }).not.toBeNull();
  const early = await accuracyOf(page, 3);
  const before = await accuracyOf(page, 1);
  expect(early.realized).toBeNull();
  expect(early.estimated!).toBeLessThan(before.estimated!);

  // The rule's alert turns pending when window 3 closes, and fires when window 4 does (a simulated
  // day a second: the history below keeps both steps); the header's badge counts it.
  const rules = page.getByTestId('alerts');
  await expect(rules.locator('[data-rule="origin delay moved"]')).toHaveAttribute('data-state', /pending|firing/, { timeout: 30_000 });
  await expect(rules.locator('[data-rule="origin delay moved"]')).toHaveAttribute('data-state', 'firing', { timeout: 30_000 });
  await expect(page.getByTestId('alert-badge')).toHaveAttribute('data-count', /[1-9]/);
  // Back on the traffic tab (the replay runs on in the serving worker) until the last labels are in.
  await page.getByRole('link', { name: 'Production traffic' }).click();
  await expect(page.getByTestId('replay-result')).toHaveAttribute('data-status', 'FINISHED', { timeout: 60_000 });
  await page.getByRole('link', { name: 'Monitoring' }).click();

  // The shifted input is drifted in every window from the start, and in none before.
  for (const w of [1, 2]) await expect(heat.locator(`tr[data-column="origin_delay"] td`).nth(w - 1)).toHaveAttribute('data-drifted', 'false');
  for (const w of [3, 4, 5, 6]) await expect(heat.locator(`tr[data-column="origin_delay"] td`).nth(w - 1)).toHaveAttribute('data-drifted', 'true');
  const alert = rules.locator('[data-rule="origin delay moved"]');
  await alert.locator('summary', { hasText: 'History' }).click();
  await expect(alert.locator('ol li').nth(0)).toContainText('pending in window 3');
  await expect(alert.locator('ol li').nth(1)).toContainText('firing in window 4');

  // The labels came: the realized accuracy of the drifted days followed the estimate down.
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const realizedBefore = mean([(await accuracyOf(page, 1)).realized!, (await accuracyOf(page, 2)).realized!]);
  const realizedAfter = mean(await Promise.all([3, 4, 5, 6].map(async (w) => (await accuracyOf(page, w)).realized!)));
  expect(realizedAfter).toBeLessThan(realizedBefore);

  // Acknowledge: it keeps firing but leaves the badge.
  const badge = Number(await page.getByTestId('alert-badge').getAttribute('data-count'));
  await alert.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(alert).toHaveAttribute('data-acknowledged', 'true');
  await expect(alert).toHaveAttribute('data-state', 'firing');
  await expect(page.getByTestId('alert-badge')).toHaveAttribute('data-count', String(badge - 1));

  // Drill into window 4: distance is judged by the normed Wasserstein distance; switch it to K-S.
  await heat.locator('tr[data-column="origin_delay"] td').nth(3).getByRole('button').click();
  const drill = page.getByTestId('window-drill-down');
  await expect(drill).toHaveAttribute('data-window', '4');
  const row = drill.getByTestId('drift-table').locator('tr[data-column="distance"]');
  await expect(row).toHaveAttribute('data-test', 'wasserstein');
  await expect(row).toContainText('Evidently');
  await drill.getByLabel('Test for distance').selectOption('ks');
  await expect(row).toHaveAttribute('data-test', 'ks');
  await expect(row).toContainText('chosen by you');
  await expect(drill.getByTestId('drift-table').locator('tr[data-column="origin_delay"]')).toHaveAttribute('data-drifted', 'true');
  await expect(drill.locator('[data-testid="histogram-overlay"][data-column="origin_delay"]')).toBeVisible();
  // Against another window instead of training: window 4 judged against window 5 (both shifted) is calm on origin_delay.
  await drill.getByLabel('Compare with').selectOption('5');
  await expect(drill).toContainText('against watch-api: window 5');
  await expect(drill.getByTestId('drift-table').locator('tr[data-column="origin_delay"]')).toHaveAttribute('data-drifted', 'false');
  expect(await seriousViolations(page)).toEqual([]);

  // The report of that window, as one HTML file without scripts.
  const download = page.waitForEvent('download');
  await drill.getByRole('button', { name: 'Download HTML report' }).click();
  const html = readFileSync(await (await download).path(), 'utf8');
  expect(html).toContain('origin_delay');
  expect(html.toLowerCase()).not.toContain('<script');
});

test('the no-drift control raises no alert, and its log compared with the training data on the two-dataset page', async ({ page }) => {
  test.setTimeout(180_000);
  await deployChampion(page, 'calm-api', 'impute');
  await startTraffic(page, 'calm-api', { scenario: 'control', days: '4', perDay: '1500', speed: 'max' });
  await expect(page.getByTestId('replay-result')).toHaveAttribute('data-status', 'FINISHED', { timeout: 90_000 });
  await page.getByRole('link', { name: 'Monitoring' }).click();
  const heat = page.getByTestId('drift-heat-map');
  await expect(heat.locator('thead th[data-window]')).toHaveCount(4);
  // No numerical input moved, the dataset never drifted, and no rule fired. (At 1,500 rows a day:
  // on a few hundred, the heavy-tailed delays cross 0.1 by chance, as the lessons show.)
  for (const column of ['hour', 'distance', 'origin_delay', 'destination_delay']) {
    await expect(heat.locator(`tr[data-column="${column}"] td[data-drifted="true"]`)).toHaveCount(0);
  }
  await expect(heat.locator('tr[data-column="dataset"] td[data-drifted="true"]')).toHaveCount(0);
  await expect(page.getByTestId('no-alerts')).toBeVisible();
  await expect(page.getByTestId('alert-badge')).toHaveAttribute('data-count', '0');

  // The sample-size explainer: the same 0.1-std shift, significant only once n is large.
  await page.getByRole('button', { name: 'Judge the shift at four sample sizes' }).click();
  const sizes = page.getByTestId('sample-size-table');
  await expect(sizes.locator('tr[data-n="100"]')).toHaveAttribute('data-ks-drift', 'false');
  await expect(sizes.locator('tr[data-n="100000"]')).toHaveAttribute('data-ks-drift', 'true');

  // The log's export, judged against the built-in flights data like any two datasets.
  await page.getByRole('link', { name: 'Prediction log' }).click();
  const download = page.waitForEvent('download');
  await page.getByTestId('prediction-log').getByTestId('log-export-csv').click();
  const file = await (await download).path();
  await page.goto('/workbench/drift-report');
  const panel = page.getByTestId('datasets-report');
  await panel.getByLabel('Reference', { exact: true }).selectOption('builtin:flights');
  await panel.getByLabel('Current', { exact: true }).selectOption({ label: 'CSV file from disk…' });
  await panel.getByLabel('Current CSV file').setInputFiles(file);
  await panel.getByRole('button', { name: 'Compare' }).click();
  const result = page.getByTestId('datasets-report-result');
  await expect(result.getByTestId('drift-table').locator('tr[data-column="distance"]')).toBeVisible({ timeout: 60_000 });
  await expect(result.getByTestId('dataset-drift-summary')).toContainText('columns drifted');
  await expect(result.getByTestId('quality-table')).toBeVisible();
});
