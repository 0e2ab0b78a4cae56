// npm run bench:train — runs the device benchmark page (/workbench/benchmark) in headless
// Debian Chromium against the static export and prints its figures as one JSON line.
// Needs `npm run build` first (out/). Figures: see components/training/DeviceBenchmark.tsx.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { waitForServer } from './lib/wait-for-server.mjs';

const PORT = 3210;
if (!existsSync('out/index.html')) {
  console.error('bench:train needs the static export: run `npm run build` first.');
  process.exit(1);
}
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(PORT)], { stdio: 'ignore' });
try {
  await waitForServer(`http://127.0.0.1:${PORT}/`);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/workbench/benchmark`);
    await page.getByRole('button', { name: 'Run the benchmark' }).click();
    const json = page.locator('[data-testid="bench-json"], .notice.error[role="alert"]');
    await json.waitFor({ timeout: 300_000 });
    const text = await json.textContent();
    if (!text?.startsWith('{')) throw new Error(text ?? 'no result');
    const figures = JSON.parse(text);
    const renderer = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return gl ? gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) : null;
    });
    console.log(JSON.stringify({ ...figures, webglRenderer: renderer }));
  } finally {
    await browser.close();
  }
} finally {
  server.kill();
}
