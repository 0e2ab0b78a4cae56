import type { BackendName } from './backend-choice';
import type { TfModule } from './model';

/**
 * The GPU behind tfjs can go away mid-training: a driver reset, a laptop switching GPUs, memory
 * pressure on a phone. WebGL then reports `webglcontextlost`, and tfjs's pending reads never
 * complete. This module notices the loss at once, so training can resume on another backend
 * instead of hanging.
 */

/** Thrown out of a training when its backend's device was lost; the caller resumes elsewhere. */
export class DeviceLostError extends Error {
  override name = 'DeviceLostError';
  constructor(readonly backend: BackendName) {
    super(`The ${backend === 'webgl' ? 'WebGL context' : `${backend} backend`} was lost.`);
  }
}

/** Watches the active backend's device for the length of one training. */
export interface DeviceWatch {
  /** False for backends with no device to lose (CPU, WASM): no checkpoints are needed there. */
  readonly canBeLost: boolean;
  /** Resolves when the device is lost (never, for backends that cannot lose one). */
  readonly lost: Promise<DeviceLostError>;
  isLost(): boolean;
  /** Stops listening. */
  stop(): void;
}

type GlCanvas = { addEventListener(type: string, listener: (event: Event) => void): void; removeEventListener(type: string, listener: (event: Event) => void): void };

/**
 * The WebGL context of tfjs's `webgl` backend, or null when that backend has not started here.
 * Reads the engine's started backends only: `tf.findBackend` would start WebGL just to look.
 */
export function webglContextOf(tf: TfModule): WebGL2RenderingContext | WebGLRenderingContext | null {
  try {
    const started = (tf.engine() as unknown as { registry?: Record<string, { gpgpu?: { gl?: WebGL2RenderingContext } } | undefined> }).registry;
    return started?.webgl?.gpgpu?.gl ?? null;
  } catch {
    return null;
  }
}

/** A watch that never fires: CPU and WASM have no device to lose. */
export const NO_DEVICE_WATCH: DeviceWatch = { canBeLost: false, lost: new Promise(() => undefined), isLost: () => false, stop: () => undefined };

/**
 * Watches the active backend: on `webgl`, listens for `webglcontextlost` on the context's canvas
 * (an OffscreenCanvas in a worker) and also reads `isContextLost()` when asked, since a loss
 * before the listener was added sends no event. Other backends get `NO_DEVICE_WATCH`.
 */
export function watchDevice(tf: TfModule): DeviceWatch {
  if (tf.getBackend() !== 'webgl') return NO_DEVICE_WATCH;
  const gl = webglContextOf(tf);
  if (!gl) return NO_DEVICE_WATCH;
  let lost = false;
  let fire: (error: DeviceLostError) => void = () => undefined;
  const promise = new Promise<DeviceLostError>((resolve) => (fire = resolve));
  const onLost = () => {
    if (lost) return;
    lost = true;
    fire(new DeviceLostError('webgl'));
  };
  const canvas = gl.canvas as unknown as GlCanvas;
  canvas.addEventListener('webglcontextlost', onLost);
  if (gl.isContextLost()) onLost();
  return {
    canBeLost: true,
    lost: promise,
    isLost: () => {
      if (!lost && gl.isContextLost()) onLost();
      return lost;
    },
    stop: () => canvas.removeEventListener('webglcontextlost', onLost),
  };
}

/**
 * Loses the WebGL context of tfjs's `webgl` backend on purpose (`WEBGL_lose_context`), as a GPU
 * reset would: a fault drill for tests and the device page. False when there is no context to lose.
 */
export function loseWebglContext(tf: TfModule): boolean {
  const gl = webglContextOf(tf);
  const extension = gl?.getExtension('WEBGL_lose_context');
  if (!gl || !extension || gl.isContextLost()) return false;
  extension.loseContext();
  return true;
}
