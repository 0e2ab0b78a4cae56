// Vitest global setup: emits the model package's runtime modules (scripts/package-runtime.mjs)
// so that `npx vitest` works on its own, with the same files the build ships.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup() {
  execFileSync(process.execPath, [fileURLToPath(new URL('./package-runtime.mjs', import.meta.url))], { stdio: 'inherit' });
}
