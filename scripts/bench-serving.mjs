// npm run bench:serving — the serving benchmark of issue #11 in headless Debian Chromium against
// the static export (run `npm run build` first). The page (/workbench/benchmark/serving) trains
// and deploys a small flights model in a fresh profile, then measures; this prints one JSON line:
//   singleRowP50Ms, singleRowP95Ms  one-row requests, main thread → serving worker → main thread
//                                   (the request console's path), 300 after 20 warm-ups
//   batch1000RowsPerSec             1,000-row requests through the same path, rows/s (20 after 3)
//   replay100kRequestsMs            100,000 one-row requests replayed at speed 'max' and logged,
//                                   timed from the page (replayWallMs: the worker's own loop)
//   longTasksOver50ms               main-thread long tasks during the replay (null: not reported)
//   logWriteShare                   the share of the replay's wall time its loop was blocked on the
//                                   prediction log (logCommitShare: the flushes' span to commit,
//                                   which overlaps answering the next batches)
//   backendLabel, webglRenderer     the serving worker's tfjs backend and the page's WebGL renderer
// Targets (reported, not asserted): p95 ≤ 10 ms, ≥ 100,000 rows/s, ≤ 20 s, 0 long tasks, ≤ 0.05.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { waitForServer } from './lib/wait-for-server.mjs';

const PORT = 3212;
/** Training the model (first run), 340 requests and the replay, on a slow shared CPU. */
const RUN_TIMEOUT_MS = 20 * 60_000;
if (!existsSync('out/index.html')) {
  console.error('bench:serving needs the static export: run `npm run build` first.');
  process.exit(1);
}
if (!existsSync('out/workbench/benchmark/serving.html')) {
  console.error('bench:serving: out/ has no /workbench/benchmark/serving page (built before it existed?): run `npm run build` again.');
  process.exit(1);
}
const origin = `http://127.0.0.1:${PORT}`;
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(PORT)], { stdio: 'ignore' });
const profile = mkdtempSync(join(tmpdir(), 'bench-serving-'));
try {
  await waitForServer(`${origin}/`);
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    // Page errors go to stderr, so a failed run says why; stdout stays the one JSON line.
    page.on('pageerror', (error) => console.error(`bench:serving page error: ${error.message}`));
    await page.goto(`${origin}/workbench/benchmark/serving`);
    await page.getByRole('button', { name: 'Run the serving benchmark' }).click();
    const result = page.locator('[data-testid="serving-bench-json"], .notice.error[role="alert"]');
    try {
      await result.waitFor({ timeout: RUN_TIMEOUT_MS });
    } catch (error) {
      const status = await page.locator('section[aria-labelledby="serving-bench-heading"] [role="status"]').first().textContent().catch(() => null);
      throw new Error(`bench:serving gave no result within ${RUN_TIMEOUT_MS / 60_000} min; last status: ${status ?? 'none'} (${error.message})`);
    }
    const text = (await result.textContent()) ?? '';
    if (!text.startsWith('{')) throw new Error(text || 'no result');
    const figures = JSON.parse(text);
    const webglRenderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl ? gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) : null;
    });
    // The figures first, then the rest as the page reported them.
    const { singleRowP50Ms, singleRowP95Ms, batch1000RowsPerSec, replay100kRequestsMs, longTasksOver50ms, logWriteShare, backendLabel, ...rest } = figures;
    console.log(JSON.stringify({ singleRowP50Ms, singleRowP95Ms, batch1000RowsPerSec, replay100kRequestsMs, longTasksOver50ms, logWriteShare, backendLabel, webglRenderer, ...rest }));
  } finally {
    await context.close();
  }
} finally {
  server.kill();
  rmSync(profile, { recursive: true, force: true });
}
