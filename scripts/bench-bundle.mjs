// npm run bench:bundle — gzip size of all JS a cold visit loads, per route, in real Chromium.
// Prints one JSON line. Builds first when out/ is missing (or with --build).
//   lessonFirstLoadJsGzipKB: every script fetched by a cold visit to a lesson page, gzipped
//   tfjsLoaded: whether any tfjs code reached the lesson page (it must not)
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const PORT = Number(process.env.BENCH_PORT ?? 3199);
const BASE = `http://127.0.0.1:${PORT}`;
const LESSON_ROUTE = '/lessons/what-is-mlops';
const ROUTES = ['/', '/weeks/1', LESSON_ROUTE, '/lessons/running-example', '/maturity', '/progress'];
/** Bare Next 16 page with one client component, measured on this machine (issue #2). */
const BARE_NEXT_PAGE_KB = 171;
const BUDGET_KB = Math.round(BARE_NEXT_PAGE_KB * 1.2);
const TFJS_MARKERS = /@tensorflow\/tfjs|tfjs-core|tfjs-backend|_tfengine/;

if (process.argv.includes('--build') || !existsSync('out/index.html')) {
  execSync('npm run build', { stdio: ['ignore', 'ignore', 'inherit'] });
}

const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  server.stdout.once('data', resolve);
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const perRoute = {};
  let lesson;
  for (const route of ROUTES) {
    const result = await measure(route);
    perRoute[route] = result.gzipKB;
    if (route === LESSON_ROUTE) lesson = result;
  }
  console.log(
    JSON.stringify({
      lessonFirstLoadJsGzipKB: lesson.gzipKB,
      tfjsLoaded: lesson.tfjsLoaded,
      lessonRoute: LESSON_ROUTE,
      lessonScripts: lesson.scripts,
      lessonFirstLoadJsRawKB: lesson.rawKB,
      bareNextPageKB: BARE_NEXT_PAGE_KB,
      budgetKB: BUDGET_KB,
      withinBudget: lesson.gzipKB <= BUDGET_KB,
      perRouteGzipKB: perRoute,
    }),
  );
} finally {
  await browser.close();
  server.kill();
}

/** A cold visit (fresh context, empty cache): sums every script response until the network is idle. */
async function measure(route) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pending = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    pending.push(response.body().then((body) => ({ url: response.url(), body }), () => null));
  });
  await page.goto(BASE + route, { waitUntil: 'networkidle' });
  // Let idle-time work (prefetch, lazy islands) start before counting.
  await page.waitForTimeout(1500);
  await page.waitForLoadState('networkidle');
  const engine = await page.evaluate(() => '_tfengine' in globalThis || 'tf' in globalThis);
  const bodies = (await Promise.all(pending)).filter(Boolean);
  const seen = new Set();
  let raw = 0;
  let gzip = 0;
  let tfjs = engine;
  for (const { url, body } of bodies) {
    if (seen.has(url)) continue;
    seen.add(url);
    raw += body.length;
    gzip += gzipSync(body).length;
    if (TFJS_MARKERS.test(body.toString('utf8'))) tfjs = true;
  }
  await context.close();
  const kb = (n) => Math.round((n / 1024) * 10) / 10;
  return { gzipKB: kb(gzip), rawKB: kb(raw), scripts: seen.size, tfjsLoaded: tfjs };
}
