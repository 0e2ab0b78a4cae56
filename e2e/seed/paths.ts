import { join } from 'node:path';

/** The project root: Playwright runs from it. */
export const ROOT = process.cwd();

/** Where the seed bundles are written (git-ignored, made anew by every e2e run). */
export const SEED_DIR = join(ROOT, 'test-results', 'seed');
