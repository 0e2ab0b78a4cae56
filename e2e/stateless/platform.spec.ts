import { expect, test } from '../fixtures';

test('WebGL2 works in the test browser (SwiftShader without a GPU)', async ({ page }) => {
  await page.goto('/');
  const gl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 4;
    const ctx = canvas.getContext('webgl2');
    if (!ctx) return null;
    const info = ctx.getExtension('WEBGL_debug_renderer_info');
    // Draw something and read it back: a context that exists but cannot render would fail here.
    ctx.clearColor(0, 1, 0, 1);
    ctx.clear(ctx.COLOR_BUFFER_BIT);
    const pixel = new Uint8Array(4);
    ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, pixel);
    return {
      version: String(ctx.getParameter(ctx.VERSION)),
      renderer: String(info ? ctx.getParameter(info.UNMASKED_RENDERER_WEBGL) : ctx.getParameter(ctx.RENDERER)),
      maxTextureSize: Number(ctx.getParameter(ctx.MAX_TEXTURE_SIZE)),
      floatTextures: !!ctx.getExtension('EXT_color_buffer_float'),
      pixel: [...pixel],
    };
  });
  expect(gl, 'webgl2 context').not.toBeNull();
  expect(gl!.version).toContain('WebGL 2.0');
  expect(gl!.pixel).toEqual([0, 255, 0, 255]);
  // tfjs's WebGL backend renders float textures.
  expect(gl!.floatTextures).toBe(true);
  expect(gl!.maxTextureSize).toBeGreaterThanOrEqual(4096);
  test.info().annotations.push({ type: 'renderer', description: gl!.renderer });
  if (process.env.CI) expect(gl!.renderer).toContain('SwiftShader');
});

test.describe('content security policy', () => {
  test.use({ allowConsoleErrors: [/violates the following Content Security Policy directive/] });
  test('pages are served with a CSP that forbids eval and allows only hashed inline scripts', async ({ page }) => {
    const response = await page.goto('/lessons/what-is-mlops');
    const csp = response!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(response!.headers()['x-content-type-options']).toBe('nosniff');
    // The page's own inline scripts ran (it hydrated) ...
    await expect(page.getByTestId('lesson-progress-summary')).toContainText('required passed');
    // ... while an injected inline script and a string passed to eval are refused.
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const injected = document.createElement('script');
      injected.textContent = 'window.__injected = eval("40 + 2")';
      document.body.append(injected);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { injected: (window as unknown as { __injected?: number }).__injected ?? null, violations };
    });
    expect(outcome.injected).toBeNull();
    expect(outcome.violations).toContain('script-src-elem');
  });
});

test('a lesson page loads no tfjs', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/lessons/running-example');
  await page.waitForLoadState('networkidle');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((url) => /tfjs|tensorflow/i.test(url))).toEqual([]);
  expect(await page.evaluate(() => '_tfengine' in globalThis || 'tf' in globalThis)).toBe(false);
});

test.describe('not found', () => {
  test.use({ allowConsoleErrors: [/404 \(Not Found\)/] });
  test('an unknown address shows a helpful not-found page', async ({ page }) => {
  const response = await page.goto('/lessons/no-such-lesson');
  expect(response!.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the course' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Learn MLOps');
});
});
