// Bundles: everything a learner did, carried to a fresh browser profile in one file; a corrupted
// file changes nothing and says why. The two runs come in a seed bundle trained in Node (training
// is the training journey's); registering, exporting and importing happen here, in the browser.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { ModelPages, RunsPage, TransferPage } from './workbench';

const MODEL = 'penguin-species';

async function registerChampion(page: Page, runName: string) {
  const runs = new RunsPage(page);
  const models = new ModelPages(page);
  await runs.open();
  await runs.openRun(runName);
  await expect(await models.registerOpenRun(MODEL)).toContainText(`Registered as ${MODEL} version 1`);
  await page.getByRole('link', { name: `Open ${MODEL}` }).click();
  await models.setAlias('champion');
}

const importFile = (page: Page, name: string, buffer: Buffer) => new TransferPage(page).chooseFile(name, buffer);

test('export a bundle, import it in a fresh browser profile: same runs and aliases; again: nothing added; a corrupted one: nothing changed', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await new TransferPage(page).importSeed('penguins-two-runs.json');
  await registerChampion(page, 'penguins second');

  // Export everything from the runs table's selection.
  await page.goto('/workbench/runs');
  await page.getByLabel('Select penguins first').check();
  await page.getByLabel('Select penguins second').check();
  await page.getByTestId('export-selected').click();
  await expect(page).toHaveURL(/\/workbench\/transfer\?runs=/);
  const exportPanel = page.getByTestId('bundle-export');
  await exportPanel.getByRole('checkbox', { name: new RegExp(MODEL) }).check();
  await expect(page.getByTestId('bundle-download')).toBeEnabled({ timeout: 20_000 });
  const downloading = page.waitForEvent('download');
  await page.getByTestId('bundle-download').click();
  const bundle = await readFile((await (await downloading).path())!);
  expect(JSON.parse(bundle.toString('utf8'))).toMatchObject({ format: 'mlops-workbench/bundle', version: 3 });

  // A fresh profile: nothing there, then the import.
  const fresh = await browser.newContext();
  const errors: string[] = [];
  try {
    const other = await fresh.newPage();
    other.on('pageerror', (e) => errors.push(e.message));
    other.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await other.goto('/workbench/runs');
    await expect(other.getByText('No runs yet.')).toBeVisible();
    await importFile(other, 'bundle.json', bundle);
    await expect(other.getByTestId('bundle-preview')).toBeVisible();
    await other.getByTestId('bundle-confirm').click();
    await expect(other.getByTestId('bundle-message')).toContainText(/Added/);
    await other.goto('/workbench/runs');
    await expect(other.getByTestId('runs-table')).toHaveAttribute('data-total-runs', '2');
    await expect(other.getByRole('link', { name: 'penguins first', exact: true })).toBeVisible();
    await other.getByRole('link', { name: 'penguins second', exact: true }).click();
    await expect(other.getByTestId('run-status')).toHaveText('FINISHED');
    await expect(other.getByTestId('run-registrations')).toContainText('@champion');
    await other.goto(`/workbench/model?name=${MODEL}`);
    await expect(other.getByTestId('version-row').filter({ has: other.locator('[data-alias="champion"]') })).toHaveAttribute('data-version', '1');
    await expect(other.getByTestId('alias-history')).toContainText('champion');

    // The same file again adds nothing.
    await importFile(other, 'bundle.json', bundle);
    await expect(other.getByTestId('bundle-preview')).toContainText(/already/i);
    await other.getByTestId('bundle-confirm').click();
    await expect(other.getByTestId('bundle-message')).not.toContainText(/Added [1-9]/);
    await other.goto('/workbench/runs');
    await expect(other.getByTestId('runs-table')).toHaveAttribute('data-total-runs', '2');

    // A truncated file and a tampered one: refused with the reason, nothing written.
    await importFile(other, 'truncated.json', bundle.subarray(0, Math.floor(bundle.length / 2)));
    await expect(other.getByTestId('bundle-message')).toContainText(/not complete JSON/);
    await expect(other.getByTestId('bundle-message')).toContainText('Nothing was changed');
    await expect(other.getByTestId('bundle-preview')).toHaveCount(0);
    const tampered = JSON.parse(bundle.toString('utf8'));
    tampered.runs.push({ ...tampered.runs[0], id: 'tampered-run', name: 'tampered', status: 'DONE' });
    await importFile(other, 'tampered.json', Buffer.from(JSON.stringify(tampered)));
    await expect(other.getByTestId('bundle-message')).toContainText(/status/);
    await expect(other.getByTestId('bundle-message')).toContainText('Nothing was changed');
    await other.goto('/workbench/runs');
    await expect(other.getByTestId('runs-table')).toHaveAttribute('data-total-runs', '2');
    await expect(other.getByRole('link', { name: 'tampered', exact: true })).toHaveCount(0);
  } finally {
    await fresh.close();
  }
  expect(errors, 'errors in the fresh profile').toEqual([]);
});
