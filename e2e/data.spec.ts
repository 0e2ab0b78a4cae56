import { expect, test } from './fixtures';

const CSV = [
  'date,temperature,wind,station,rainy',
  '2024-01-01,3.5,12,north,yes',
  '2024-01-02,4.1,8,south,no',
  '2024-01-03,oops,9,north,no',
  '2024-01-04,2.2,15,"south, coast",yes',
  '2024-01-05,1.0,11,north', // too few fields
  '2024-01-06,0.5,10,south,no',
  '2024-01-07,2.5,7,north,yes,extra', // too many fields
  ...Array.from({ length: 60 }, (_, i) => `2024-02-${String((i % 28) + 1).padStart(2, '0')},${(i % 9) - 2},${5 + (i % 11)},${i % 3 ? 'north' : 'south'},${i % 4 ? 'no' : 'yes'}`),
].join('\n');

test.describe('datasets', () => {
  test.describe.configure({ timeout: 90_000 });

  test('upload a CSV with malformed rows: an honest report, then save, explore and train on it', async ({ page }) => {
    await page.goto('/workbench/data');
    await page.getByLabel('Upload a CSV file').setInputFiles({ name: 'weather-notes.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    const report = page.getByTestId('upload-report');
    await expect(report).toBeVisible();
    await expect(page.getByTestId('rows-kept')).toHaveText('65');
    await expect(report).toContainText('2 malformed rows were set aside');
    await expect(report).toContainText(/lines 6 and 8/);
    // The non-numeric temperature is counted as malformed in its column, not hidden.
    const temperature = report.getByRole('row').filter({ has: page.getByRole('cell', { name: 'temperature', exact: true }).or(page.getByRole('rowheader', { name: 'temperature', exact: true })) });
    await expect(temperature.first()).toContainText('numeric');
    await page.getByLabel('Target').selectOption('rainy');
    await expect(page.getByTestId('inferred-task')).toHaveText('classification');
    await page.getByLabel('Dataset name').fill('Weather notes');
    await page.getByRole('button', { name: 'Save dataset' }).click();
    const saved = page.getByTestId('save-result');
    await expect(saved).toBeVisible();

    await saved.getByRole('link', { name: 'Explore' }).click();
    await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Target distribution' })).toBeVisible();
    await expect(page.getByTestId('dataset-rows')).toContainText('65');

    await page.goto('/workbench/data');
    await page.locator('[data-testid^="dataset-"]:not([data-testid="dataset-list"])').filter({ hasText: 'Weather notes' }).getByRole('link', { name: 'Train on it' }).click();
    await expect(page).toHaveURL(/\/workbench\/train\?/);
    await expect(page.getByLabel('Dataset', { exact: true })).toHaveValue(/.+/);
    await page.getByLabel('Backend').selectOption('cpu');
    await page.getByLabel('Epochs').fill('3');
    await page.getByLabel('Run name').fill('uploaded data run');
    await page.getByRole('button', { name: 'Start training' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'FINISHED' })).toContainText(/Accuracy [\d.]+ % beside [\d.]+ % for always answering the majority class/, { timeout: 60_000 });
  });

  test('an empty file and a file over the size limit are refused with a clear message', async ({ page }) => {
    await page.goto('/workbench/data');
    await page.getByLabel('Upload a CSV file').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    await expect(page.locator('.notice.error[role="alert"]')).toContainText('The file is empty.');
    await page.getByLabel('Upload a CSV file').setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(21 * 1024 * 1024, 'a,b\n') });
    await expect(page.locator('.notice.error[role="alert"]')).toContainText(/up to 20 MB/);
    await expect(page.getByRole('button', { name: 'Save dataset' })).toHaveCount(0);
  });

  test('the flights dataset page shows columns, charts with tables, and both targets', async ({ page }) => {
    await page.goto('/workbench/dataset?id=flights');
    await expect(page.getByTestId('dataset-rows')).toContainText('20,000');
    await expect(page.getByTestId('dataset-version')).toHaveText(/^[0-9a-f]{12}/);
    await expect(page.getByRole('heading', { name: 'Target distribution' })).toBeVisible();
    await expect(page.getByTestId('target-delayed')).toBeVisible();
    await expect(page.getByTestId('target-delay')).toBeVisible();
    await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await page.goto('/workbench/dataset?id=nope');
    await expect(page.getByRole('link', { name: /data/i }).last()).toBeVisible();
  });
});
