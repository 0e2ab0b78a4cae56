import { createStore } from 'zustand/vanilla';
import type { BackendTrial } from '@/lib/ml/backend-choice';
import type { FromTrainer, PreparedShape, TrainingRequest } from '@/lib/ml/protocol';
import { getDatabase } from '@/lib/tracking/db';
import { finishRun } from '@/lib/tracking/runs';
import { connectTrainer, type ConnectTrainer, type TrainerTransport } from './trainer-transport';
import { systemClock } from '@/lib/time';

export type TrainingPhase = 'idle' | 'preparing' | 'training' | 'done' | 'error';

/** One row of the live curves: the epoch and that epoch's metrics. */
export type EpochPoint = { epoch: number } & Record<string, number>;

export interface TrainingState {
  phase: TrainingPhase;
  statusMessage: string;
  request: TrainingRequest | null;
  runId: string | null;
  backendLabel: string | null;
  notes: string[];
  trials: BackendTrial[];
  shape: PreparedShape | null;
  onMainThread: boolean;
  epoch: number;
  epochs: number;
  elapsedMs: number;
  history: EpochPoint[];
  cancelling: boolean;
  result: { status: 'FINISHED' | 'FAILED' | 'KILLED'; failure: { message: string; hint: string } | null; summary: Record<string, number> } | null;
  error: string | null;
  start: (request: TrainingRequest) => void;
  cancel: () => void;
  /** Back to idle after a finished training (keeps nothing). */
  reset: () => void;
}

const IDLE = {
  phase: 'idle' as TrainingPhase,
  statusMessage: '',
  request: null,
  runId: null,
  backendLabel: null,
  notes: [],
  trials: [],
  shape: null,
  onMainThread: false,
  epoch: 0,
  epochs: 0,
  elapsedMs: 0,
  history: [],
  cancelling: false,
  result: null,
  error: null,
};

/** How long a cancelled worker may take to end its run before it is stopped by force (ms). */
export const CANCEL_GRACE_MS = 3000;

/** Milliseconds left, from the mean epoch time so far; null before the first epoch. */
export function estimateRemainingMs(epoch: number, epochs: number, elapsedMs: number): number | null {
  if (epoch <= 0 || epochs <= epoch) return epoch >= epochs && epoch > 0 ? 0 : null;
  return (elapsedMs / epoch) * (epochs - epoch);
}

/**
 * The in-flight training of this tab (it dies with the tab; the run itself lives in IndexedDB).
 * It survives in-app navigation, so a training keeps going while the learner looks at runs.
 */
export function createTrainingStore(connect: ConnectTrainer = connectTrainer) {
  let transport: TrainerTransport | null = null;
  let cancelTimer: ReturnType<typeof setTimeout> | undefined;
  return createStore<TrainingState>()((set, get) => {
    const close = () => {
      clearTimeout(cancelTimer);
      transport?.terminate();
      transport = null;
    };
    const onMessage = (m: FromTrainer) => {
      switch (m.type) {
        case 'status':
          set({ statusMessage: m.message });
          break;
        case 'started':
          set({ phase: 'training', runId: m.runId, backendLabel: m.backendLabel, notes: m.notes, trials: m.trials, shape: m.shape, epochs: m.epochs, statusMessage: 'Training…' });
          break;
        case 'epoch':
          set((s) => ({ epoch: m.epoch, epochs: m.epochs, elapsedMs: m.elapsedMs, history: [...s.history, { epoch: m.epoch, ...m.metrics }] }));
          break;
        case 'done':
          close();
          set({ phase: 'done', cancelling: false, result: { status: m.status, failure: m.failure, summary: m.summary }, statusMessage: '' });
          break;
        case 'error':
          close();
          set({ phase: 'error', cancelling: false, error: m.message, statusMessage: '' });
          break;
      }
    };
    const endByForce = async (status: 'FAILED' | 'KILLED', failure: { message: string; hint: string }) => {
      close();
      const runId = get().runId;
      if (runId) await finishRun(getDatabase(), runId, status, systemClock.now(), failure).catch(() => undefined);
      set(runId ? { phase: 'done', cancelling: false, result: { status, failure, summary: {} } } : { phase: 'error', cancelling: false, error: failure.message });
    };
    return {
      ...IDLE,
      start: (request) => {
        if (get().phase === 'preparing' || get().phase === 'training') return;
        set({ ...IDLE, phase: 'preparing', request, statusMessage: 'Starting…' });
        transport = connect(onMessage, (reason) => {
          void endByForce('FAILED', { message: `The training worker crashed: ${reason}.`, hint: 'Try a smaller model or another backend; metrics logged so far are kept.' });
        });
        set({ onMainThread: transport.onMainThread });
        transport.post({ type: 'train', request });
      },
      cancel: () => {
        if (!transport || get().cancelling) return;
        set({ cancelling: true, statusMessage: 'Cancelling after the current batch…' });
        transport.post({ type: 'cancel' });
        if (!transport.onMainThread) {
          cancelTimer = setTimeout(() => void endByForce('KILLED', { message: 'Cancelled.', hint: 'Metrics up to the cancellation are kept.' }), CANCEL_GRACE_MS);
        }
      },
      reset: () => {
        if (get().phase === 'preparing' || get().phase === 'training') return;
        set({ ...IDLE });
      },
    };
  });
}

/** The one training store of this tab. */
export const trainingStore = createTrainingStore();
