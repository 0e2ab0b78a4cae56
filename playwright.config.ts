import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

/**
 * The e2e suite serves the real static export (out/) with the real headers.
 *
 * Two projects: `pages` scans pages that hold no learner state (e2e/stateless: accessibility in
 * light, dark and phone layouts, platform checks), every test in parallel; `journeys` are the
 * learner's paths (training, sweeps, registry, bundles, progress), one at a time in file order,
 * since they train models and the machine has two cores. State a journey only needs to start from
 * is seeded from bundles made in Node (e2e/global-setup.ts), not trained through the UI.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  // Journeys first: they take one worker from the start, while page scans share the other (and
  // both workers once the journeys are done).
  projects: [
    { name: 'journeys', testMatch: '*.spec.ts', testIgnore: 'stateless/**', fullyParallel: false, workers: 1 },
    { name: 'pages', testMatch: 'stateless/**/*.spec.ts', fullyParallel: true },
  ],
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e-results.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `node scripts/serve.mjs --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
  },
});
