import type * as Tf from '@tensorflow/tfjs';
import { BACKEND_NAMES, backendCacheKey, describeBackend, fallbacksAfter, FALLBACK_ORDER, pickFastest, type BackendName, type BackendTrial } from './backend-choice';
import { buildModel, type TfModule } from './model';
import type { ModelSpec } from './model-spec';
import type { BackendRequest } from './protocol';
import type { Matrix } from './train';

/** Where the self-hosted WASM binaries live (copied from the npm package at build). */
export const WASM_PATH = '/tfjs-wasm/';

let loading: Promise<TfModule> | undefined;

/**
 * Loads tfjs with the WebGL, WASM and CPU backends, once. Lazy on purpose: no page pays for
 * tfjs until it trains or predicts. WebGPU is not shipped (it would take over the default pick).
 */
export function loadTf(): Promise<TfModule> {
  loading ??= (async () => {
    const tf = await import('@tensorflow/tfjs');
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(WASM_PATH);
    return tf;
  })();
  return loading;
}

/** Switches tfjs to `name`; false (never a throw) when that backend cannot start here. */
export async function activateBackend(tf: TfModule, name: BackendName): Promise<{ ok: boolean; error?: string }> {
  try {
    const ok = await tf.setBackend(name);
    await tf.ready();
    if (ok && tf.getBackend() === name) return { ok: true };
    return { ok: false, error: `${name} did not initialise` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The WebGL renderer string ("ANGLE (…SwiftShader…)", a GPU name), or null without WebGL2. */
export function webglRenderer(): string | null {
  try {
    const canvas: OffscreenCanvas | HTMLCanvasElement =
      typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
    const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return renderer;
  } catch {
    return null;
  }
}

/** Trainable parameters of the model a spec builds for `inputWidth` inputs. */
export function parameterCount(spec: ModelSpec, inputWidth: number): number {
  const widths = [inputWidth, ...(spec.kind === 'mlp' ? spec.hiddenLayers : []), spec.task === 'classification' ? spec.classes : 1];
  let total = 0;
  for (let i = 1; i < widths.length; i++) total += widths[i - 1]! * widths[i]! + widths[i]!;
  return total;
}

/**
 * A short measured trial of one backend on this model: one warm-up batch (shader compilation,
 * WASM start-up), then batches of `sample` until `budgetMs` passes. Throughput in examples/s.
 */
export async function measureBackend(tf: TfModule, name: BackendName, spec: ModelSpec, sample: Matrix, budgetMs = 600): Promise<BackendTrial> {
  const started = await activateBackend(tf, name);
  if (!started.ok) return { backend: name, error: started.error };
  let model: Tf.Sequential | undefined;
  try {
    model = buildModel(tf, spec, sample.width);
    const rows = Math.min(sample.rows, spec.batchSize * 64);
    const { xs, ys } = tf.tidy(() => {
      const x = tf.tensor2d(sample.x.subarray(0, rows * sample.width), [rows, sample.width]);
      const y = spec.task === 'regression' ? tf.tensor2d(sample.y.subarray(0, rows), [rows, 1]) : tf.oneHot(tf.tensor1d(Int32Array.from(sample.y.subarray(0, rows)), 'int32'), spec.classes).toFloat();
      return { xs: x, ys: y };
    });
    try {
      const warm = Math.min(rows, spec.batchSize);
      const [wx, wy] = [xs.slice(0, warm), ys.slice(0, warm)];
      try {
        await model.fit(wx, wy, { epochs: 1, batchSize: spec.batchSize, verbose: 0, yieldEvery: 'never' });
      } finally {
        wx.dispose();
        wy.dispose();
      }
      let batches = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < budgetMs && batches < 10_000) {
        await model.fit(xs, ys, {
          epochs: 1,
          batchSize: spec.batchSize,
          shuffle: false,
          verbose: 0,
          yieldEvery: 'never',
          callbacks: { onBatchEnd: () => { batches++; if (performance.now() - t0 >= budgetMs) model!.stopTraining = true; } },
        });
      }
      const seconds = (performance.now() - t0) / 1000;
      return { backend: name, examplesPerSec: Math.round((batches * Math.min(spec.batchSize, rows)) / seconds) };
    } finally {
      xs.dispose();
      ys.dispose();
    }
  } catch (error) {
    return { backend: name, error: error instanceof Error ? error.message : String(error) };
  } finally {
    model?.optimizer?.dispose();
    model?.dispose();
  }
}

/** The backend a training runs on, how the UI names it, and what happened on the way. */
export interface BackendChoice {
  backend: BackendName;
  label: string;
  renderer: string | null;
  /** Learner-facing sentences: fallbacks taken, a cached choice reused, a software renderer. */
  notes: string[];
  trials: BackendTrial[];
}

export interface BackendCache {
  get(key: string): Promise<{ backend: BackendName; trials: BackendTrial[] } | undefined>;
  put(key: string, value: { backend: BackendName; trials: BackendTrial[]; measuredAt: number }): Promise<void>;
}

/**
 * Picks and activates the backend. "auto": reuse the cached choice for this device and model
 * size, or measure every backend (`measureBackend`) and cache the fastest. A forced backend
 * that cannot start falls back in order (WebGL → WASM → CPU), saying so in `notes`.
 */
export async function chooseBackend(tf: TfModule, request: BackendRequest, spec: ModelSpec, sample: Matrix, cache: BackendCache | null, cores: number, now: () => number): Promise<BackendChoice> {
  const renderer = webglRenderer();
  const notes: string[] = [];
  let trials: BackendTrial[] = [];
  let order: BackendName[];
  if (request === 'auto') {
    const key = backendCacheKey({ renderer, cores }, parameterCount(spec, sample.width));
    const cached = await cache?.get(key).catch(() => undefined);
    if (cached) {
      trials = cached.trials;
      order = [cached.backend, ...FALLBACK_ORDER.filter((b) => b !== cached.backend)];
      notes.push(`Auto reused its earlier measurement on this device for a model this size: ${BACKEND_NAMES[cached.backend]} was fastest.`);
    } else {
      for (const name of FALLBACK_ORDER) trials.push(await measureBackend(tf, name, spec, sample));
      const fastest = pickFastest(trials);
      order = fastest ? [fastest, ...FALLBACK_ORDER.filter((b) => b !== fastest)] : [...FALLBACK_ORDER];
      if (fastest) {
        await cache?.put(key, { backend: fastest, trials, measuredAt: now() }).catch(() => undefined);
        notes.push(`Auto measured ${trials.map((t) => `${BACKEND_NAMES[t.backend]} ${t.examplesPerSec ? `${t.examplesPerSec.toLocaleString('en-US')} examples/s` : 'failed'}`).join(', ')}; ${BACKEND_NAMES[fastest]} was fastest.`);
      }
    }
  } else {
    order = [request, ...fallbacksAfter(request)];
  }
  for (const name of order) {
    const started = await activateBackend(tf, name);
    if (started.ok) {
      if (request !== 'auto' && name !== request) notes.push(`${BACKEND_NAMES[request]} could not start here, so training fell back to ${BACKEND_NAMES[name]}.`);
      if (name === 'webgl' && renderer && /swiftshader|llvmpipe|software/i.test(renderer)) notes.push('WebGL runs on a software renderer here (no GPU), so it is slower than WebAssembly.');
      return { backend: name, label: describeBackend(name, renderer), renderer, notes, trials };
    }
    notes.push(`${BACKEND_NAMES[name]} could not start (${started.error}).`);
  }
  throw new Error(`No tfjs backend could start: ${notes.join(' ')}`);
}
