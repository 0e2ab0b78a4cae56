// A GPU that goes away mid-training (a driver reset, a laptop switching GPUs): the WebGL context of
// the training worker is lost on purpose (WEBGL_lose_context, through the console's fault drill).
import { expect, test } from './fixtures';
import { startTraining } from './workbench';

test('losing the WebGL context mid-training resumes on WebAssembly within seconds, keeping every epoch before the loss', async ({ page }) => {
  test.setTimeout(180_000);
  await startTraining(page, 'dataset=flights&target=delay&model=mlp&epochs=10&patience=off', { Backend: 'webgl', 'Run name': 'gpu lost' });
  await expect(page.getByTestId('backend-label')).toContainText('WebGL', { timeout: 60_000 });
  await expect(page.getByTestId('epoch-progress')).toContainText(/Epoch [3-6] of 10/, { timeout: 90_000 });
  const lostAt = Date.now();
  expect(await page.evaluate(() => (window as unknown as { mlopsWorkbench: { loseWebglContext(): Promise<boolean> } }).mlopsWorkbench.loseWebglContext())).toBe(true);
  const notice = page.locator('.train-notes').getByText(/Resumed on WebAssembly at epoch \d+ after the WebGL context was lost\./);
  await expect(notice).toBeVisible({ timeout: 10_000 });
  const resumedWithinMs = Date.now() - lostAt;
  test.info().annotations.push({ type: 'resumed within (ms)', description: String(resumedWithinMs) });
  expect(resumedWithinMs).toBeLessThan(10_000);
  const resumedAt = Number(/epoch (\d+)/.exec((await notice.textContent())!)![1]);
  expect(resumedAt).toBeGreaterThanOrEqual(4);

  await expect(page.getByRole('status').filter({ hasText: 'FINISHED' })).toBeVisible({ timeout: 120_000 });

  // The next training in this tab gets a fresh worker with a working WebGL context.
  await page.getByLabel('Run name', { exact: true }).fill('after the loss');
  await page.getByLabel('Epochs', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Start training' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Run “after the loss” FINISHED' })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('backend-label')).toContainText('WebGL');

  await page.goto('/workbench/runs');
  await page.getByRole('link', { name: 'gpu lost', exact: true }).click();
  await expect(page.getByTestId('run-status')).toHaveText('FINISHED');
  await expect(page.getByText(`Resumed on WebAssembly at epoch ${resumedAt} after the WebGL context was lost.`).first()).toBeVisible();
  // Every epoch once: those before the loss kept, the interrupted one trained again.
  await page.getByText('Table of loss per epoch').click();
  const epochs = await page.getByRole('region', { name: 'Loss per epoch as a table' }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.querySelector('th, td')?.textContent)));
  expect(epochs).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  await page.goto('/workbench/runs');
  await page.getByText(/^Columns \(/).click();
  await page.getByRole('checkbox', { name: 'Backend', exact: true }).check();
  await expect(page.getByRole('row').filter({ hasText: 'gpu lost' })).toContainText('wasm');
});
