// Playwright global setup: the seed bundles (see e2e/seed/seed-bundles.ts), made once per run.
import { writeSeedBundles } from './seed/seed-bundles';

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  await writeSeedBundles();
  console.log(`e2e seed bundles written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
