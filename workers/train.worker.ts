/**
 * Training off the main thread: `train`, `sweep` and `cancel` messages in, progress out (see
 * lib/ml/protocol.ts). All logic lives in lib/ml/trainer-host.ts, shared with the main-thread
 * fallback. WebGL here runs on an OffscreenCanvas, which tfjs creates by itself in a worker.
 */
import type { FromTrainer, ToTrainer } from '@/lib/ml/protocol';
import { createTrainerHost } from '@/lib/ml/trainer-host';

// The project's tsconfig uses the DOM lib, not the webworker lib (they conflict), so describe
// just the part of the worker scope used here.
interface TrainerWorkerScope {
  onmessage: ((event: MessageEvent<ToTrainer>) => void) | null;
  postMessage(message: FromTrainer): void;
}

const scope = self as unknown as TrainerWorkerScope;
const host = createTrainerHost((message) => scope.postMessage(message));

scope.onmessage = (event) => {
  void host.handle(event.data);
};
