// Page helpers for the workbench: training through the real form, and axe.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Opens the train page with a preset (as lesson links do), fills `settings` by label and starts training. */
export async function startTraining(page: Page, query: string, settings: Record<string, string> = {}) {
  await page.goto(`/workbench/train?${query}`);
  for (const [label, value] of Object.entries(settings)) {
    const field = page.getByLabel(label, { exact: true });
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByRole('button', { name: 'Start training' }).click();
}

/** Trains to the end and waits for FINISHED. */
export async function trainToEnd(page: Page, query: string, settings: Record<string, string>) {
  await startTraining(page, query, settings);
  await expect(page.getByRole('status').filter({ hasText: 'FINISHED' })).toBeVisible({ timeout: 90_000 });
}

/** Serious or critical axe violations on the page, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
