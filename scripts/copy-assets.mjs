// Copies files the app fetches at run time into public/ (generated, git-ignored):
// the built-in datasets from the vega-datasets npm package, and tfjs's WASM binaries, which are
// self-hosted so nothing is fetched from a CDN. Runs before `next build` and `next dev`.
import { copyFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');
const vega = join(root, 'node_modules/vega-datasets/data');
const wasm = join(root, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');

const copies = [
  ...['flights-20k.json', 'seattle-weather.csv', 'penguins.json', 'cars.json'].map((f) => [join(vega, f), join(root, 'public/data', f)]),
  // Threaded builds need cross-origin isolation and gain nothing on small models; ship the two used.
  ...['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'].map((f) => [join(wasm, f), join(root, 'public/tfjs-wasm', f)]),
];
for (const [from, to] of copies) {
  if (!existsSync(from)) throw new Error(`copy-assets: missing ${from} (run npm install)`);
  mkdirSync(dirname(to), { recursive: true });
  copyFileSync(from, to);
}
console.log(`copy-assets: ${copies.length} files into public/data and public/tfjs-wasm`);
