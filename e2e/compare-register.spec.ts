// A self-learner's path from many runs to one deployable model: two runs (trained in Node by the
// real session and imported as a seed bundle; training itself is the training journey's), compared,
// the better one registered as @champion, its package downloaded and served in Node.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ModelPages, RunsPage, seriousViolations, TransferPage } from './workbench';
import { postJson, removeDir, startPackageServer, unzipPackage } from '../lib/ml/package-test-helpers';

const MODEL = 'flights-delay';

/** At 375 px the page scrolls only vertically and stays free of serious axe violations; then back to desktop. */
async function fitsPhone(page: Page) {
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 375, height: 740 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize(desktop);
}

test('two runs: compare both curves, register the better one as @champion, then package it and serve it in Node', async ({ page }) => {
  test.setTimeout(300_000);
  await new TransferPage(page).importSeed('flights-linear-and-mlp.json');
  const runsPage = new RunsPage(page);
  const models = new ModelPages(page);

  // The filter: a mistake is pointed at; a good filter with `or` finds both runs and lives in the URL.
  await runsPage.open();
  const filter = runsPage.filter;
  await filter.fill('metrics.val_rmse < and params.model = "mlp"');
  await expect(page.getByTestId('filter-error')).toContainText('Expected a value after "<" at column 20');
  await expect(filter).toHaveAttribute('aria-invalid', 'true');
  await filter.fill('params.model = "linear" or (params.model in ("mlp") and metrics.val_rmse > 0)');
  await expect(page.getByTestId('filter-error')).toHaveCount(0);
  await expect(page.getByTestId('runs-table')).toHaveAttribute('data-shown-runs', '2');
  await expect(page).toHaveURL(/filter=params\.model/);
  await page.reload();
  await expect(page.getByLabel('Search runs')).toHaveValue('params.model = "linear" or (params.model in ("mlp") and metrics.val_rmse > 0)');
  await filter.fill('params.model = "mlp"');
  await expect(page.getByTestId('runs-table')).toHaveAttribute('data-shown-runs', '1');
  await filter.fill('');

  // Compare: pick both runs in the table.
  await runsPage.select('linear three', 'mlp three');
  await page.getByTestId('compare-selected').click();
  await expect(page).toHaveURL(/\/workbench\/compare\?runs=[^&]+,[^&]+/);
  const curves = page.getByTestId('compare-curves');
  await expect(curves).toHaveAttribute('data-ready', 'true');
  await expect(curves.locator('.overlaid-line')).toHaveCount(2);
  await expect(curves).toContainText('linear three');
  await expect(curves).toContainText('mlp three');
  await expect(page.getByTestId('compare-diff')).toContainText('model');
  // Both saved models are judged against their baseline here too.
  await expect(page.getByTestId('compare-verdicts').getByTestId('baseline-verdict')).toHaveCount(2);
  await expect(page.getByTestId('compare-parallel')).toBeVisible();
  await expect(page.getByTestId('compare-scatter')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // The link is the comparison: reopening it shows the same two runs.
  await page.reload();
  await expect(page.getByTestId('compare-curves').locator('.overlaid-line')).toHaveCount(2);
  await fitsPhone(page);

  // The better run by best validation RMSE: sort the table by it, as the URL keeps it.
  await page.goto('/workbench/runs?sort=metrics.val_rmse&dir=asc');
  const best = page.locator('[data-testid="runs-table"] tbody tr[data-run-id]').first();
  const bestName = (await best.getByRole('link').first().textContent())!.trim();
  expect(['linear three', 'mlp three']).toContain(bestName);
  const otherName = bestName === 'linear three' ? 'mlp three' : 'linear three';

  // Register the other run first (v1), then the better one (v2), and make v2 the champion.
  for (const name of [otherName, bestName]) {
    await runsPage.open();
    await runsPage.openRun(name);
    await expect(await models.registerOpenRun(MODEL)).toContainText(`Registered as ${MODEL} version ${name === bestName ? 2 : 1}`);
  }
  await page.getByRole('link', { name: `Open ${MODEL}` }).click();
  await expect(page.getByTestId('version-panel')).toHaveAttribute('data-version', '2');
  await models.setAlias('champion');
  await expect(page.getByTestId('version-row').filter({ has: page.locator('[data-alias="champion"]') })).toHaveAttribute('data-version', '2');
  await expect(page.getByTestId('alias-history')).toContainText('champion');
  await expect(page.getByTestId('lineage')).toContainText('flights');
  expect(await seriousViolations(page)).toEqual([]);
  await fitsPhone(page);

  // The browser's own prediction for one raw row, from the champion's run page.
  await runsPage.open();
  await runsPage.openRun(bestName);
  await page.getByLabel('hour').fill('18');
  await page.getByLabel('distance').fill('900');
  await page.getByRole('button', { name: 'Predict' }).click();
  const browserPrediction = Number(await page.getByTestId('prediction').getAttribute('data-value'));
  expect(Number.isFinite(browserPrediction)).toBe(true);

  // Download the package of v2 and serve it in Node.
  await page.goto(`/workbench/model?name=${MODEL}&version=2`);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('download-package-button').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${MODEL}-v2.zip`);
  await expect(page.getByTestId('download-package-status')).toContainText(`${MODEL}-v2.zip`);
  const pkg = await unzipPackage(new Uint8Array(await readFile((await download.path())!)));
  // Impute, as the run page's form does: the row below leaves most inputs blank, which the default
  // policy (reject) refuses for a column that training never saw missing.
  const server = await startPackageServer(pkg.dir, { env: { VALIDATION_POLICY: 'impute' } });
  try {
    expect(pkg.files).toEqual(expect.arrayContaining(['model/model.json', 'model/weights.bin', 'preprocessing.json', 'contract.json', 'MODEL_CARD.md', 'server.mjs', 'Dockerfile', 'README.md']));
    const columns = (JSON.parse(await readFile(`${pkg.dir}/preprocessing.json`, 'utf8')) as { columns: string[] }).columns;
    const row = columns.map((c) => (c === 'hour' ? 18 : c === 'distance' ? 900 : null));
    const answer = await postJson(`${server.url}/predict`, { id: 'e2e-1', columns, rows: [row] });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ id: 'e2e-1' });
    const served = (answer.json as { predictions: number[] }).predictions;
    expect(served).toHaveLength(1);
    expect(Math.abs(served[0]! - browserPrediction)).toBeLessThan(1e-5);
    // The contract: a bad row is judged on its own (rejected, or flagged and imputed) and the rest
    // of the batch is answered; only an unreadable request is refused.
    const short = await postJson(`${server.url}/predict`, { id: 'bad', columns, rows: [row, row.slice(1)] });
    expect(short.status).toBe(200);
    expect(short.json).toMatchObject({ predictions: [expect.any(Number), null], validation: { policy: 'impute', rejected: 1 } });
    const nonNumeric = await postJson(`${server.url}/predict`, { id: 'bad', columns, rows: [columns.map((c) => (c === 'distance' ? 'far' : null))] });
    expect(nonNumeric.status).toBe(200);
    expect(nonNumeric.json).toMatchObject({ validation: { rows: [{ row: 0, verdict: 'flagged', issues: expect.arrayContaining([{ kind: 'malformed-number', column: 'distance', message: 'row 0, column distance: expected a number, got "far".' }]) }] } });
    expect((await postJson(`${server.url}/predict`, '')).status).toBe(400);
    const card = await readFile(`${pkg.dir}/MODEL_CARD.md`, 'utf8');
    expect(card).toContain(MODEL);
    expect(card).toMatch(/baseline/i);
  } finally {
    await server.stop();
    await removeDir(pkg.root);
  }
});
