import { systemClock } from '../time/clock';
import { getDatabase } from '../tracking/db';
import { getCachedBackend, getUploadedDataset, putCachedBackend } from '../tracking/datasets';
import { holdRunLock } from '../tracking/run-locks';
import type { BackendCache } from './backends';
import { loadTf } from './backends';
import type { FromTrainer, ToTrainer } from './protocol';
import { runTrainingSession, type SessionDeps, type SessionTiming } from './session';
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

async function fetchText(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/**
 * The trainer behind the protocol: the worker entry and the main-thread fallback both feed it
 * `ToTrainer` messages and relay what it posts. One training or sweep at a time.
 */
export function createTrainerHost(post: (message: FromTrainer) => void): { handle: (message: ToTrainer) => Promise<SessionTiming | null> } {
  let stopRequested = false;
  let busy = false;
  const db = getDatabase();
  const backendCache: BackendCache = {
    get: (key) => getCachedBackend(db, key),
    put: (key, value) => putCachedBackend(db, key, value),
  };
  return {
    async handle(message) {
      if (message.type === 'cancel') {
        stopRequested = true;
        return null;
      }
      if (busy) {
        post({ type: 'error', runId: null, message: 'A training or sweep is already running here; wait for it or cancel it.' });
        return null;
      }
      busy = true;
      stopRequested = false;
      try {
        post({ type: 'status', message: 'Loading TensorFlow.js…' });
        const tf = await loadTf();
        const tensorsBefore = tf.memory().numTensors;
        let finalMessage: FromTrainer | null = null;
        const deps: SessionDeps = {
          tf,
          db,
          sources: { fetchText, readUpload: (id) => getUploadedDataset(db, id) },
          backendCache,
          cores: typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1,
          // Hold back `done` so it can carry the tensor count after the session disposed everything.
          post: (m) => (m.type === 'done' ? (finalMessage = m) : post(m)),
          shouldStop: () => stopRequested,
          yieldNow: yieldToEventLoop,
          holdRunLock,
          clock: systemClock,
        };
        if (message.type === 'sweep') {
          await runSweepSession(message.request, deps);
          return null;
        }
        const timing = await runTrainingSession(message.request, deps);
        const done = finalMessage as FromTrainer | null;
        if (done?.type === 'done') post(timing ? { ...done, diagnostics: { ...timing, tensorsBefore, tensorsAfter: tf.memory().numTensors } } : done);
        return timing;
      } catch (error) {
        post({ type: 'error', runId: null, message: `TensorFlow.js could not load: ${error instanceof Error ? error.message : String(error)}` });
        return null;
      } finally {
        busy = false;
      }
    },
  };
}
