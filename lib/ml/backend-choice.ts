/** tfjs backends the workbench ships, fastest-first as a fallback order when nothing was measured. */
export type BackendName = 'webgl' | 'wasm' | 'cpu';
export const FALLBACK_ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** How sentences name each backend. */
export const BACKEND_NAMES: Record<BackendName, string> = { webgl: 'WebGL', wasm: 'WebAssembly', cpu: 'CPU' };

/** Result of a short measured trial of one backend on the model about to train. */
export interface BackendTrial {
  backend: BackendName;
  /** Training throughput in the trial; absent when the backend failed to start. */
  examplesPerSec?: number;
  error?: string;
}

/**
 * The backend "auto" picks: the fastest trial that ran. Ties go to the earlier backend in
 * `FALLBACK_ORDER`. Returns null when no trial ran (then training falls back in order).
 */
export function pickFastest(trials: readonly BackendTrial[]): BackendName | null {
  const ran = trials.filter((t) => t.examplesPerSec !== undefined && Number.isFinite(t.examplesPerSec) && t.examplesPerSec > 0);
  if (ran.length === 0) return null;
  return ran.reduce((best, t) => (t.examplesPerSec! > best.examplesPerSec! || (t.examplesPerSec === best.examplesPerSec && FALLBACK_ORDER.indexOf(t.backend) < FALLBACK_ORDER.indexOf(best.backend)) ? t : best)).backend;
}

/**
 * Cache key for a backend choice: the device (renderer string, cores) and the model's size
 * bucket by trainable parameters (×4 steps from 1k), since the fastest backend flips with size.
 */
export function backendCacheKey(device: { renderer: string | null; cores: number }, parameters: number): string {
  const bucket = parameters <= 1000 ? 0 : Math.ceil(Math.log(parameters / 1000) / Math.log(4));
  return `${device.renderer ?? 'no-webgl'}|${device.cores}|p${bucket}`;
}

/** Backends to try after `failed`, in fallback order. */
export function fallbacksAfter(failed: BackendName): BackendName[] {
  return FALLBACK_ORDER.slice(FALLBACK_ORDER.indexOf(failed) + 1);
}

/** How the UI names the backend that ran, flagging software WebGL (no GPU). */
export function describeBackend(backend: BackendName, renderer: string | null): string {
  if (backend === 'wasm') return 'WebAssembly (CPU, SIMD)';
  if (backend === 'cpu') return 'Plain JavaScript (CPU)';
  const software = renderer !== null && /swiftshader|llvmpipe|software|basic render/i.test(renderer);
  return software ? `WebGL — software renderer (${renderer}), no GPU` : `WebGL (${renderer ?? 'GPU'})`;
}
