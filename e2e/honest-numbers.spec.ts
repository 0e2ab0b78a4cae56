// Numbers a practitioner can trust: every page judges a model against its baseline by the same
// rule (green past the stated margin, amber short of it), and the registry refuses a version
// whose signature differs from the model's (a classifier under a regression model); a filter on
// a key no run has says so.
import { expect, test } from './fixtures';
import { ModelPages, RunsPage, TransferPage } from './workbench';

test('the baseline verdict agrees on the runs table, the run page and the registry; a classifier cannot join a regression model', async ({ page }) => {
  test.setTimeout(120_000);
  const transfer = new TransferPage(page);
  await transfer.importSeed('flights-linear-and-mlp.json');
  await transfer.importSeed('penguins-two-runs.json');
  const runsPage = new RunsPage(page);
  const models = new ModelPages(page);

  // A filter naming a key no run has explains itself instead of showing an empty table.
  await runsPage.open();
  await runsPage.filter.fill('metrics.val_loss < 5000 and params.lr = 0.01');
  await expect(page.getByTestId('filter-error')).toContainText('No param `lr` in these runs (at column 29); did you mean `learningRate`?');
  await runsPage.filter.fill('metrics.val_los < 5000');
  await expect(page.getByTestId('filter-error')).toContainText('did you mean `val_loss`?');
  await runsPage.filter.fill('');

  // Runs table: the "Against baseline" column judges each saved model.
  const row = page.locator('[data-testid="runs-table"] tbody tr[data-run-id]').filter({ hasText: 'linear three' });
  const badge = row.getByTestId('baseline-verdict');
  await expect(badge).toHaveAttribute('data-status', /^(beats|short)$/);
  const status = (await badge.getAttribute('data-status'))!;
  await expect(badge).toHaveText(status === 'beats' ? /^beats the baseline/ : /^does not beat the baseline/);

  // On a phone the table starts from the columns that say which run is good, and the page does not scroll sideways.
  const desktop = page.viewportSize()!;
  await page.setViewportSize({ width: 375, height: 740 });
  const headers = page.locator('[data-testid="runs-table"] thead th:not(.select-cell)');
  await expect(headers).toHaveText([/Name/, /Status/, /Against baseline/, /val_rmse best/, /val_log_loss best/]);
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize(desktop);

  // The run page says the same, green or amber, with the figures and the margin.
  await runsPage.openRun('linear three');
  const notice = page.getByTestId('baseline-notice');
  await expect(notice).toHaveAttribute('data-status', status);
  await expect(notice).toHaveClass(status === 'beats' ? /notice ok/ : /notice warn/);
  await expect(notice).toContainText(/Validation RMSE [\d.]+ against [\d.]+ for always predicting the training mean/);
  await expect(notice).toContainText("at least 1 % lower than the baseline's");
  await expect(notice).toContainText(/Test RMSE [\d.]+ against [\d.]+/);
  await expect(await models.registerOpenRun('flights-delay')).toContainText('Registered as flights-delay version 1');

  // A classifier of penguin species is refused as a version of the delay regression, and nothing is written.
  await runsPage.open();
  await runsPage.openRun('penguins first');
  await models.registerOpenRun('flights-delay');
  await expect(page.getByTestId('register-error')).toContainText('flights-delay takes a different model: its versions are a regression (target “delay”), this run is a classification (target “species”)');
  // Under its own name it registers, with its own headline metric: log loss for three classes.
  await expect(await models.registerOpenRun('penguin-species')).toContainText('Registered as penguin-species version 1');

  // The registry's version row carries the same verdict as the run.
  await page.goto('/workbench/model?name=flights-delay');
  const version = page.getByTestId('version-row').filter({ hasText: 'v1' });
  await expect(version.getByTestId('baseline-verdict')).toHaveAttribute('data-status', status);
  await expect(page.getByTestId('version-row')).toHaveCount(1);
});

test('a binary classifier: ROC AUC is the headline, and the threshold picker shows the confusion matrix at the chosen threshold', async ({ page }) => {
  await new TransferPage(page).importSeed('flights-delayed.json');
  const runsPage = new RunsPage(page);
  await runsPage.open();
  await runsPage.openRun('delayed linear');
  const notice = page.getByTestId('baseline-notice');
  await expect(notice).toContainText(/Validation ROC AUC [\d.]+ against 0\.5000 for a constant score/);
  await expect(notice).toContainText("at least 0.05 higher than the baseline's");

  const picker = page.getByTestId('threshold-picker');
  await expect(picker).toBeVisible();
  const validation = page.getByTestId('threshold-split-validation');
  await expect(validation).toHaveAttribute('data-threshold', '0.5');
  const count = async (cell: string) => Number(await validation.getAttribute(`data-${cell}`));
  const flaggedAtHalf = (await count('tp')) + (await count('fp'));
  // A lower threshold flags more flights: more caught, more false alarms.
  await picker.getByLabel('Decision threshold, exact value (0 to 1)').fill('0.15');
  await expect(validation).toHaveAttribute('data-threshold', '0.15');
  expect((await count('tp')) + (await count('fp'))).toBeGreaterThan(flaggedAtHalf);
  const matrix = page.getByTestId('threshold-confusion-validation');
  await expect(matrix.getByRole('row')).toHaveCount(3);
  await page.getByTestId('threshold-preset-f1').click();
  await expect(validation).not.toHaveAttribute('data-threshold', '0.15');
  await expect(page.getByTestId('threshold-majority-validation')).toContainText(/right [\d.]+ % of the time/);
});
