import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every e2e test fails on an uncaught page error or a console error: hydration mismatches,
 * CSP violations and failed requests all surface there. Tests that provoke an error on
 * purpose list the messages they expect in `allowConsoleErrors`.
 */
export const test = base.extend<{ pageErrors: string[]; allowConsoleErrors: RegExp[] }>({
  allowConsoleErrors: [[], { option: true }],
  pageErrors: [
    async ({ page, allowConsoleErrors }, use) => {
      const errors: string[] = [];
      watch(page, errors, allowConsoleErrors);
      page.context().on('page', (other) => watch(other, errors, allowConsoleErrors));
      await use(errors);
      expect(errors, 'errors in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

function watch(page: Page, errors: string[], allowed: RegExp[]) {
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!allowed.some((pattern) => pattern.test(text))) errors.push(`console: ${text}`);
  });
}

export { expect };
