// npm run bench:tracking — the tracking benchmark of issue #4 in headless Debian Chromium
// against the static export (run `npm run build` first). Prints one JSON line:
//   log100kPointsMs       100,000 points through MetricWriter, one transaction per 1,000 (timed in the page)
//   compare20x10kReadyMs  compare view of 20 runs × 10,000 steps: view mounted → curves drawn
//                         (reads the histories from IndexedDB, LTTB, recharts), median of 5 opens
//   runTable1000Ms        runs table with 1,000 runs: data in hand → rows rendered, median of 5 opens
//   runTable1000WithReadMs  the same, from asking IndexedDB for the 1,000 runs
//   maxPointsPerLine      the most points the compare chart drew in any line
// Plus the same two views measured from navigation start (page load and scripts included).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { waitForServer } from './lib/wait-for-server.mjs';

const PORT = 3211;
const OPENS = 5;
if (!existsSync('out/index.html')) {
  console.error('bench:tracking needs the static export: run `npm run build` first.');
  process.exit(1);
}
const origin = `http://127.0.0.1:${PORT}`;
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(PORT)], { stdio: 'ignore' });
const profile = mkdtempSync(join(tmpdir(), 'bench-tracking-'));
try {
  await waitForServer(`${origin}/`);
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/workbench/benchmark/tracking`);
    await page.getByRole('button', { name: 'Write the benchmark runs' }).click();
    const result = page.locator('[data-testid="tracking-bench-json"], .notice.error[role="alert"]');
    await result.waitFor({ timeout: 300_000 });
    const text = (await result.textContent()) ?? '';
    if (!text.startsWith('{')) throw new Error(text || 'no result');
    const seeded = JSON.parse(text);

    const compareUrl = `${origin}/workbench/compare?runs=${seeded.curveRunIds.join(',')}&metric=val_loss`;
    const compare = [];
    let maxPointsPerLine = 0;
    for (let i = 0; i < OPENS; i++) {
      await page.goto(compareUrl);
      const curves = page.locator('[data-testid="compare-curves"][data-ready="true"]');
      await curves.waitFor({ timeout: 60_000 });
      maxPointsPerLine = Math.max(maxPointsPerLine, Number(await curves.getAttribute('data-max-points-per-line')));
      compare.push(await between(page, 'compare-start', 'compare-ready'));
    }

    const table = [];
    for (let i = 0; i < OPENS; i++) {
      await page.goto(`${origin}/workbench/runs`);
      await page.locator('[data-testid="runs-table"][data-total-runs="1000"]').waitFor({ timeout: 60_000 });
      table.push({ ...(await between(page, 'runs-table-start', 'runs-table-rendered')), withRead: (await between(page, 'runs-table-read', 'runs-table-rendered')).span });
    }
    const renderedRows = await page.locator('[data-testid="runs-table"] tbody tr').count();

    console.log(
      JSON.stringify({
        compare20x10kReadyMs: median(compare.map((m) => m.span)),
        runTable1000Ms: median(table.map((m) => m.span)),
        runTable1000WithReadMs: median(table.map((m) => m.withRead)),
        log100kPointsMs: seeded.log100kPointsMs,
        maxPointsPerLine,
        compareFromNavigationMs: median(compare.map((m) => m.end)),
        runTableFromNavigationMs: median(table.map((m) => m.end)),
        runTableRowsInDom: renderedRows,
        opens: OPENS,
      }),
    );
  } finally {
    await context.close();
  }
} finally {
  server.kill();
  rmSync(profile, { recursive: true, force: true });
}

/** Milliseconds between two performance marks of the current page, and the end mark's time since navigation. */
async function between(page, start, end) {
  const handle = await page.waitForFunction(
    ([s, e]) => {
      const a = performance.getEntriesByName(s, 'mark')[0];
      const b = performance.getEntriesByName(e, 'mark')[0];
      return a && b ? { span: b.startTime - a.startTime, end: b.startTime } : null;
    },
    [start, end],
    { timeout: 60_000 },
  );
  const { span, end: at } = await handle.jsonValue();
  return { span: Math.round(span), end: Math.round(at) };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
