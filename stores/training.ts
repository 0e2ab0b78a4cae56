import { createStore } from 'zustand/vanilla';
import type { BackendTrial } from '@/lib/ml/backend-choice';
import type { PreparedShape, TrainerMethods, TrainingProgressEvent, TrainingRequest } from '@/lib/ml/protocol';
import { systemClock } from '@/lib/time';
import { getDatabase, type WorkbenchDatabase } from '@/lib/tracking/db';
import { finishRun } from '@/lib/tracking/runs';
import type { RpcClient } from '@/lib/worker-rpc';
import { createJobLifecycle, IDLE_JOB, type JobFields } from './job-lifecycle';
import { tfWorker } from './tf-worker';

export type { JobPhase as TrainingPhase } from './job-lifecycle';

/** One row of the live curves: the epoch and that epoch's metrics. */
export type EpochPoint = { epoch: number } & Record<string, number>;

export interface TrainingState extends JobFields {
  request: TrainingRequest | null;
  runId: string | null;
  backendLabel: string | null;
  notes: string[];
  trials: BackendTrial[];
  shape: PreparedShape | null;
  epoch: number;
  epochs: number;
  elapsedMs: number;
  history: EpochPoint[];
  /** `summary`: the saved model's metrics; `savedEpoch`: the epoch whose weights it holds (0 when none). */
  result: { status: 'FINISHED' | 'FAILED' | 'KILLED'; failure: { message: string; hint: string } | null; summary: Record<string, number>; savedEpoch: number } | null;
  start: (request: TrainingRequest) => void;
  cancel: () => void;
  /** Back to idle after a finished training (keeps nothing). */
  reset: () => void;
}

const IDLE = {
  ...IDLE_JOB,
  request: null,
  runId: null,
  backendLabel: null,
  notes: [],
  trials: [],
  shape: null,
  epoch: 0,
  epochs: 0,
  elapsedMs: 0,
  history: [],
  result: null,
};

/** Milliseconds left, from the mean epoch time so far; null before the first epoch. */
export function estimateRemainingMs(epoch: number, epochs: number, elapsedMs: number): number | null {
  if (epoch <= 0 || epochs <= epoch) return epoch >= epochs && epoch > 0 ? 0 : null;
  return (elapsedMs / epoch) * (epochs - epoch);
}

/**
 * The in-flight training of this tab (it dies with the tab; the run itself lives in IndexedDB).
 * It survives in-app navigation, so a training keeps going while the learner looks at runs. It
 * runs in the tab's tfjs worker, after any sweep already there.
 */
export function createTrainingStore(worker: () => RpcClient<TrainerMethods> = tfWorker, database: () => WorkbenchDatabase = getDatabase) {
  return createStore<TrainingState>()((set, get) => {
    const job = createJobLifecycle(set, get);
    const onProgress = (m: TrainingProgressEvent) => {
      switch (m.type) {
        case 'status':
          set({ statusMessage: m.message });
          break;
        case 'notice':
          set((s) => ({ notes: [...s.notes, m.message] }));
          break;
        case 'started':
          set({ phase: 'running', runId: m.runId, backendLabel: m.backendLabel, notes: m.notes, trials: m.trials, shape: m.shape, epochs: m.epochs, statusMessage: 'Training…' });
          break;
        case 'epoch':
          set((s) => ({ epoch: m.epoch, epochs: m.epochs, elapsedMs: m.elapsedMs, history: [...s.history, { epoch: m.epoch, ...m.metrics }] }));
          break;
        default:
          break;
      }
    };
    return {
      ...IDLE,
      start: (request) => {
        if (job.active()) return;
        set({ ...IDLE });
        job.start(
          (options) => worker().call('train', request, { ...options, label: `the training “${request.name}”` }),
          {
            onProgress,
            onResult: (m) => {
              if (m.backendLost) worker().recycle();
              set({ phase: 'done', result: { status: m.status, failure: m.failure, summary: m.summary, savedEpoch: m.savedEpoch ?? 0 } });
            },
            onForcedEnd: async ({ status, failure }) => {
              const runId = get().runId;
              if (runId) await finishRun(database(), runId, status, systemClock.now(), failure).catch(() => undefined);
              set(runId ? { phase: 'done', result: { status, failure, summary: {}, savedEpoch: 0 } } : { phase: 'error', error: failure.message });
            },
            keptHint: 'Metrics logged so far are kept.',
          },
          () => worker().onMainThread,
        );
        set({ request });
      },
      cancel: () => job.cancel(),
      reset: () => {
        if (job.active()) return;
        set({ ...IDLE });
      },
    };
  });
}

/** The one training store of this tab. */
export const trainingStore = createTrainingStore();
