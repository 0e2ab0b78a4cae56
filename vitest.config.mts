import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'lessons/**/*.test.ts', 'scripts/**/*.test.ts', 'stores/**/*.test.ts', 'workers/**/*.test.ts'],
    exclude: ['node_modules/**', 'e2e/**', '**/__fixtures__/**'],
    testTimeout: 20_000,
    // The model package's runtime modules are generated from TypeScript before any test imports them.
    globalSetup: ['scripts/vitest-setup.mjs'],
  },
});
