import { systemClock } from '../time/clock';
import { fetchText } from '../data/load';
import { getDatabase } from '../tracking/db';
import { getCachedBackend, getUploadedDataset, putCachedBackend } from '../tracking/datasets';
import { holdRunLock } from '../tracking/run-locks';
import type { RpcContext, RpcHandlers } from '../worker-rpc/server';
import type { BackendCache } from './backends';
import { loadTf } from './backends';
import { loseWebglContext, webglContextOf } from './device-loss';
import type { FromTrainer, SweepOutcome, TrainerMethods, TrainingOutcome } from './protocol';
import { runTrainingSession, type SessionDeps } from './session';
import { runSweepSession } from './sweep-session';

/**
 * Yields to the event loop through a MessageChannel: a macrotask like setTimeout(0), but neither
 * clamped to 4 ms nor throttled in a background tab.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** The sentence a second job gets when one already runs in this trainer (the page's queue should prevent it). */
export const TRAINER_BUSY = 'A training or sweep is already running here; wait for it or cancel it.';

/** What the session factory needs to know about the environment (the defaults are the browser's). */
export interface TrainerEnvironment {
  deps: (post: (message: FromTrainer) => void, shouldStop: () => boolean) => Promise<SessionDeps>;
}

/** The browser's environment: tfjs loaded lazily, the shared database, Web Locks, the system clock. */
export const browserTrainerEnvironment: TrainerEnvironment = {
  deps: async (post, shouldStop) => {
    post({ type: 'status', message: 'Loading TensorFlow.js…' });
    const tf = await loadTf();
    const db = getDatabase();
    const backendCache: BackendCache = { get: (key) => getCachedBackend(db, key), put: (key, value) => putCachedBackend(db, key, value) };
    return {
      tf,
      db,
      sources: { fetchText, readUpload: (id) => getUploadedDataset(db, id) },
      backendCache,
      cores: typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1,
      post,
      shouldStop,
      yieldNow: yieldToEventLoop,
      holdRunLock,
      clock: systemClock,
    };
  },
};

/**
 * The trainer behind `TrainerMethods`, served by the worker entry and by the main-thread
 * fallback alike. Sessions post `FromTrainer` messages: progress is relayed, `done` / `sweep-done`
 * become the result and `error` (bad input, before any run exists) the call's error. One job at a
 * time: the page queues jobs, and this guard refuses one that slips past the queue.
 */
export function createTrainerHandlers(environment: TrainerEnvironment = browserTrainerEnvironment): RpcHandlers<TrainerMethods> {
  let busy = false;

  /** Runs one session; its end message, what it returned, and the tensor count before and after. */
  async function runJob<Outcome extends FromTrainer, Returned>(
    context: RpcContext<FromTrainer>,
    isEnd: (m: FromTrainer) => m is Outcome,
    session: (deps: SessionDeps) => Promise<Returned>,
  ): Promise<{ outcome: Outcome; returned: Returned; tensorsBefore: number; tensorsAfter: number }> {
    if (busy) throw new Error(TRAINER_BUSY);
    busy = true;
    try {
      let end: Outcome | null = null;
      let error: string | null = null;
      const post = (m: FromTrainer) => {
        if (isEnd(m)) end = m;
        else if (m.type === 'error') error = m.message;
        else context.progress(m);
      };
      let deps: SessionDeps;
      try {
        deps = await environment.deps(post, () => context.signal.aborted);
      } catch (e) {
        throw new Error(`TensorFlow.js could not load: ${e instanceof Error ? e.message : String(e)}`);
      }
      const tensorsBefore = deps.tf.memory().numTensors;
      const returned = await session(deps);
      if (error !== null) throw new Error(error);
      const outcome = end as Outcome | null;
      if (!outcome) throw new Error('The trainer ended without a result.');
      // A lost WebGL context leaves this worker's WebGL backend unusable: the page starts a fresh worker.
      const backendLost = webglContextOf(deps.tf)?.isContextLost() ?? false;
      // Read after the session disposed everything (the device benchmark reports the difference).
      return { outcome: backendLost ? { ...outcome, backendLost } : outcome, returned, tensorsBefore, tensorsAfter: deps.tf.memory().numTensors };
    } finally {
      busy = false;
    }
  }

  return {
    train: async (request, context) => {
      const { outcome, returned: timing, tensorsBefore, tensorsAfter } = await runJob(context as RpcContext<FromTrainer>, (m): m is TrainingOutcome => m.type === 'done', (deps) => runTrainingSession(request, deps));
      return timing ? { ...outcome, diagnostics: { ...timing, tensorsBefore, tensorsAfter } } : outcome;
    },
    sweep: async (request, context) => (await runJob(context as RpcContext<FromTrainer>, (m): m is SweepOutcome => m.type === 'sweep-done', (deps) => runSweepSession(request, deps))).outcome,
    loseWebglContext: async () => loseWebglContext(await loadTf()),
  };
}
