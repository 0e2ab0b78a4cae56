import { tfWorker } from '@/stores/tf-worker';

/** What `window.mlopsWorkbench` offers in the browser console (and to the end-to-end tests). */
export interface FaultDrills {
  /** Loses the training worker's WebGL context, as a GPU reset would; resolves to false when no WebGL context is up. */
  loseWebglContext(): Promise<boolean>;
}

/**
 * Installs the fault drills on `window.mlopsWorkbench`, so a learner (or a test) can watch a
 * training survive a lost GPU: `await mlopsWorkbench.loseWebglContext()` in the console while
 * a training runs on WebGL. The call goes past the worker's queue, to the running training.
 */
export function installFaultDrills(): void {
  const drills: FaultDrills = {
    loseWebglContext: () => tfWorker().call('loseWebglContext', null, { immediate: true }).result,
  };
  (window as unknown as { mlopsWorkbench?: FaultDrills }).mlopsWorkbench = drills;
}
