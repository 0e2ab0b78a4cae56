// Shared by the benchmark scripts: waits until the static server they started answers.

/** Resolves once `url` answers 2xx; throws after about 10 s of trying. */
export async function waitForServer(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}
