// npm run bench:drift — the drift benchmark of issue #12 in headless Debian Chromium against the
// static export (run `npm run build` first). Prints one JSON line:
//   report100kx10Ms        a drift report of 100,000 rows × 10 mixed columns against a 100,000-row
//                          reference, every column's default test plus data quality, in the
//                          serving worker (lib/serving/bench-drift.ts)
//   scipyReport100kx10Ms   the same tests and figures on the same data in SciPy/NumPy, measured in
//                          this run when python3 with SciPy is present (else null)
//   ratio                  report100kx10Ms / scipyReport100kx10Ms (target ≤ 1.5)
//   windowUpdate1kRowsMs   one monitoring window taking 1,000 more rows and being judged again
//                          (median of 10, target ≤ 20)
//   longTasksOver50ms      the page's main-thread tasks over 50 ms meanwhile (target 0)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { waitForServer } from './lib/wait-for-server.mjs';

const PORT = 3213;
const ROWS = 100_000;
const SEED = 42;
if (!existsSync('out/workbench/benchmark/drift.html')) {
  console.error('bench:drift needs the static export with /workbench/benchmark/drift: run `npm run build` first.');
  process.exit(1);
}

/** SciPy's time on the same data, or null (with the reason on stderr) when Python or SciPy is missing. */
function scipyTime(dir) {
  const probe = spawnSync('python3', ['-c', 'import scipy, numpy'], { stdio: 'ignore' });
  if (probe.status !== 0) {
    console.error('bench:drift: python3 with SciPy is not installed (apt-get install python3-scipy); scipyReport100kx10Ms is null.');
    return null;
  }
  const file = join(dir, 'drift-bench.json');
  const data = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/drift-bench-data.ts', String(ROWS), String(SEED), file], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (data.status !== 0) throw new Error('bench:drift could not write the benchmark data for SciPy.');
  const run = spawnSync('python3', ['scripts/drift-bench.py', file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench:drift: the SciPy side failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

const origin = `http://127.0.0.1:${PORT}`;
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(PORT)], { stdio: 'ignore' });
const dir = mkdtempSync(join(tmpdir(), 'bench-drift-'));
try {
  await waitForServer(`${origin}/`);
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } });
  let figures;
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`bench:drift page error: ${error.message}`));
    await page.goto(`${origin}/workbench/benchmark/drift`);
    await page.getByRole('button', { name: 'Run the drift benchmark' }).click();
    const result = page.locator('[data-testid="drift-bench-json"], .notice.error[role="alert"]');
    await result.waitFor({ timeout: 10 * 60_000 });
    const text = (await result.textContent()) ?? '';
    if (!text.startsWith('{')) throw new Error(text || 'no result');
    figures = JSON.parse(text);
  } finally {
    await context.close();
  }
  const scipy = scipyTime(dir);
  const { report100kx10Ms, windowUpdate1kRowsMs, longTasksOver50ms, ...rest } = figures;
  const scipyReport100kx10Ms = scipy?.scipyReport100kx10Ms ?? null;
  const ratio = scipyReport100kx10Ms ? Math.round((report100kx10Ms / scipyReport100kx10Ms) * 100) / 100 : null;
  console.log(JSON.stringify({ report100kx10Ms: Math.round(report100kx10Ms), scipyReport100kx10Ms, ratio, windowUpdate1kRowsMs: Math.round(windowUpdate1kRowsMs * 10) / 10, longTasksOver50ms, ...rest, scipyDriftedColumns: scipy?.scipyDriftedColumns ?? null }));
} finally {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
