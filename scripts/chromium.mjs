// Debian's Chromium and the headless flags that work on this machine and in CI
// (Playwright cannot download its own browser here). Shared by Playwright and the benchmarks.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // WebGL2 through SwiftShader (software): training needs WebGL even without a GPU.
  '--enable-unsafe-swiftshader',
  // Nothing but the local server is reachable; fail fast instead of waiting on DNS.
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
];
