import type { FromTrainer, ToTrainer } from '@/lib/ml/protocol';

/** A connection to a trainer: the worker, or the main-thread fallback. */
export interface TrainerTransport {
  post(message: ToTrainer): void;
  terminate(): void;
  /** True when training runs on the main thread (no worker here). */
  onMainThread: boolean;
}

export type ConnectTrainer = (onMessage: (message: FromTrainer) => void, onCrash: (reason: string) => void) => TrainerTransport;

/**
 * Starts the training worker; where workers are unavailable (or refuse to start), trains on
 * the main thread instead, yielding between batches. tfjs loads lazily either way.
 */
export const connectTrainer: ConnectTrainer = (onMessage, onCrash) => {
  try {
    if (typeof Worker === 'undefined') throw new Error('no Worker');
    const worker = new Worker(new URL('../workers/train.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<FromTrainer>) => onMessage(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      onCrash(event.message || 'the training worker stopped unexpectedly');
    };
    return { post: (m) => worker.postMessage(m), terminate: () => worker.terminate(), onMainThread: false };
  } catch {
    return connectOnMainThread(onMessage, onCrash);
  }
};

function connectOnMainThread(onMessage: (message: FromTrainer) => void, onCrash: (reason: string) => void): TrainerTransport {
  const host = import('@/lib/ml/trainer-host').then(({ createTrainerHost }) => createTrainerHost(onMessage));
  return {
    post: (m) => {
      host.then((h) => h.handle(m)).catch((error: unknown) => onCrash(error instanceof Error ? error.message : String(error)));
    },
    // A main-thread training cannot be torn down; cancel (sent before this) stops it after the current batch.
    terminate: () => undefined,
    onMainThread: true,
  };
}
