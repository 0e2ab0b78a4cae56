// Page objects for the workbench: each wraps one page the way a learner uses it (labels, roles,
// what they read), so journeys say what they do and a page's markup changes in one place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { SEED_DIR } from './seed/paths';

/** The train page (`/workbench/train?…`, presets as lesson links set them). */
export class TrainPage {
  constructor(readonly page: Page) {}

  async open(query: string): Promise<void> {
    await this.page.goto(`/workbench/train?${query}`);
  }

  /** Fills fields by their label: text fields get typed, selects get picked. */
  async fill(settings: Record<string, string>): Promise<void> {
    for (const [label, value] of Object.entries(settings)) {
      const field = this.page.getByLabel(label, { exact: true });
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start training' }).click();
  }

  /** The outcome banner once the run FINISHED. */
  finished(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'FINISHED' });
  }
}

/** The runs table (`/workbench/runs`). */
export class RunsPage {
  constructor(readonly page: Page) {}

  async open(query = ''): Promise<void> {
    await this.page.goto(`/workbench/runs${query ? `?${query}` : ''}`);
  }

  get table(): Locator {
    return this.page.getByTestId('runs-table');
  }

  get filter(): Locator {
    return this.page.getByLabel('Search runs');
  }

  row(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  async select(...names: string[]): Promise<void> {
    for (const name of names) await this.page.getByLabel(`Select ${name}`).check();
  }

  async openRun(name: string): Promise<void> {
    await this.page.getByRole('link', { name, exact: true }).click();
  }
}

/** The Export & import page (`/workbench/transfer`). */
export class TransferPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/workbench/transfer');
  }

  /** Chooses a bundle file; the page checks it and shows what importing would do. */
  async chooseFile(name: string, buffer: Buffer): Promise<void> {
    await this.open();
    await this.page.getByTestId('bundle-file-input').setInputFiles({ name, mimeType: 'application/json', buffer });
  }

  /** Imports a file all the way: preview, confirm, and the message that it was added. */
  async importFile(name: string, buffer: Buffer): Promise<void> {
    await this.chooseFile(name, buffer);
    await expect(this.page.getByTestId('bundle-preview')).toBeVisible();
    await this.page.getByTestId('bundle-confirm').click();
    await expect(this.page.getByTestId('bundle-message')).toContainText(/Added/);
  }

  /** Imports a seed bundle made in Node by e2e/seed/seed-bundles.ts. */
  async importSeed(file: string): Promise<void> {
    await this.importFile(file, seedBundle(file));
  }
}

/** The model page: register a run's model from its run page, and move aliases. */
export class ModelPages {
  constructor(readonly page: Page) {}

  /** Registers the open run page's model under `model`; returns the confirmation. */
  async registerOpenRun(model: string): Promise<Locator> {
    const panel = this.page.getByTestId('register-panel');
    await panel.getByLabel('Model name').fill(model);
    await panel.getByTestId('register-submit').click();
    return panel.getByTestId('register-result');
  }

  /** On the model page: gives the open version `alias` and waits for the confirmation. */
  async setAlias(alias: string): Promise<void> {
    await this.page.getByTestId('alias-select').selectOption(alias);
    await this.page.getByTestId('alias-submit').click();
    await expect(this.page.getByTestId('version-panel').getByTestId('registry-message')).toContainText(`@${alias}`);
  }
}

/** A seed bundle's bytes. */
export function seedBundle(file: string): Buffer {
  return readFileSync(join(SEED_DIR, file));
}

/** Opens the train page with a preset (as lesson links do), fills `settings` by label and starts training. */
export async function startTraining(page: Page, query: string, settings: Record<string, string> = {}) {
  const train = new TrainPage(page);
  await train.open(query);
  await train.fill(settings);
  await train.start();
}

/** Trains to the end and waits for FINISHED. */
export async function trainToEnd(page: Page, query: string, settings: Record<string, string>) {
  await startTraining(page, query, settings);
  await expect(new TrainPage(page).finished()).toBeVisible({ timeout: 90_000 });
}

/** Serious or critical axe violations on the page, as readable lines. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Imports the registered model (v1 @champion, v2 @challenger) and deploys @champion as `name`. */
export async function deployChampion(page: Page, name: string, policy: 'reject' | 'impute' = 'reject') {
  await new TransferPage(page).importSeed('delayed-model.json');
  await page.goto('/workbench/endpoints?model=delayed&alias=champion');
  const form = page.getByTestId('deploy-form');
  await expect(form.getByLabel('Serve')).toHaveValue('@champion');
  await form.getByLabel('Endpoint name').fill(name);
  await form.getByLabel('Rows that break the data contract').selectOption(policy);
  await form.getByLabel('Why (recorded on the timeline)').fill('first release');
  await form.getByTestId('deploy-submit').click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByTestId('endpoint-routes')).toHaveText('v1 100 %');
}
