import { createStore } from 'zustand/vanilla';
import type { FromTrainer, PreparedShape, SweepRequest, SweepStage } from '@/lib/ml/protocol';
import { endSweepByForce } from '@/lib/ml/sweep-record';
import { getDatabase, type WorkbenchDatabase } from '@/lib/tracking/db';
import type { ParamValue } from '@/lib/tracking/run-types';
import type { SweepSummary, SweepTrialSummary } from '@/lib/tracking/sweep-types';
import { connectTrainer, type ConnectTrainer, type TrainerTransport } from './trainer-transport';
import { systemClock } from '@/lib/time';

export type SweepPhase = 'idle' | 'preparing' | 'running' | 'done' | 'error';

/** One trial as the live table shows it. */
export interface TrialProgress {
  index: number;
  runId: string;
  params: Record<string, ParamValue>;
  status: 'RUNNING' | SweepTrialSummary['status'];
  value: number | null;
  std: number | null;
  stage: SweepStage;
  /** 1-based fold while cross-validating, else null. */
  fold: number | null;
  epoch: number;
  epochs: number;
  /** Latest objective reported this epoch. */
  objective: number | null;
  failure: { message: string; hint: string } | null;
}

export interface SweepState {
  phase: SweepPhase;
  statusMessage: string;
  request: SweepRequest | null;
  parentRunId: string | null;
  totalTrials: number;
  backendLabel: string | null;
  notes: string[];
  shape: PreparedShape | null;
  onMainThread: boolean;
  folds: number | null;
  earlyStopping: SweepSummary['earlyStopping'] | null;
  trials: TrialProgress[];
  /** The latest summary the trainer sent (what `sweep.json` holds). */
  summary: SweepSummary | null;
  cancelling: boolean;
  result: { status: 'FINISHED' | 'KILLED' | 'FAILED'; message: string | null } | null;
  error: string | null;
  start: (request: SweepRequest) => void;
  cancel: () => void;
  /** Back to idle after a sweep ended (keeps nothing; the runs stay in IndexedDB). */
  reset: () => void;
}

const IDLE = {
  phase: 'idle' as SweepPhase,
  statusMessage: '',
  request: null,
  parentRunId: null,
  totalTrials: 0,
  backendLabel: null,
  notes: [],
  shape: null,
  onMainThread: false,
  folds: null,
  earlyStopping: null,
  trials: [],
  summary: null,
  cancelling: false,
  result: null,
  error: null,
};

/** How long a cancelled worker may take to end its trial before it is stopped by force (ms). */
export const SWEEP_CANCEL_GRACE_MS = 3000;

/** Trials done (any end) out of the total, counting the running trial's epochs as a fraction. */
export function sweepProgress(s: Pick<SweepState, 'trials' | 'totalTrials' | 'folds'>): { done: number; fraction: number } {
  const done = s.trials.filter((t) => t.status !== 'RUNNING').length;
  const running = s.trials.find((t) => t.status === 'RUNNING');
  let partial = 0;
  if (running && running.epochs > 0) {
    // With k-fold a trial trains k + 1 models of `epochs` epochs each.
    const models = s.folds ? s.folds + 1 : 1;
    const modelIndex = running.stage === 'fold' ? (running.fold ?? 1) - 1 : running.stage === 'refit' ? models - 1 : 0;
    partial = (modelIndex + running.epoch / running.epochs) / models;
  }
  return { done, fraction: s.totalTrials > 0 ? Math.min(1, (done + partial) / s.totalTrials) : 0 };
}

/**
 * The in-flight sweep of this tab (it dies with the tab; the runs and `sweep.json` live in
 * IndexedDB). It has its own trainer connection, separate from a single training's.
 */
export function createSweepStore(connect: ConnectTrainer = connectTrainer, database: () => WorkbenchDatabase = getDatabase) {
  let transport: TrainerTransport | null = null;
  let cancelTimer: ReturnType<typeof setTimeout> | undefined;
  return createStore<SweepState>()((set, get) => {
    const close = () => {
      clearTimeout(cancelTimer);
      transport?.terminate();
      transport = null;
    };
    const patchTrial = (index: number, patch: Partial<TrialProgress>) => set((s) => ({ trials: s.trials.map((t) => (t.index === index ? { ...t, ...patch } : t)) }));
    const onMessage = (m: FromTrainer) => {
      switch (m.type) {
        case 'status':
          set({ statusMessage: m.message });
          break;
        case 'sweep-started':
          set({ phase: 'running', parentRunId: m.parentRunId, totalTrials: m.totalTrials, backendLabel: m.backendLabel, notes: m.notes, shape: m.shape, folds: m.folds, earlyStopping: m.earlyStopping, statusMessage: 'Sweeping…' });
          break;
        case 'sweep-trial-started': {
          const epochs = get().request?.base.spec.epochs ?? 0;
          const trial: TrialProgress = { index: m.index, runId: m.runId, params: m.params, status: 'RUNNING', value: null, std: null, stage: 'train', fold: null, epoch: 0, epochs, objective: null, failure: null };
          set((s) => ({ trials: [...s.trials, trial], statusMessage: `Trial ${m.index + 1} of ${s.totalTrials}…` }));
          break;
        }
        case 'sweep-epoch':
          patchTrial(m.index, { stage: m.stage, fold: m.fold, epoch: m.epoch, epochs: m.epochs, objective: m.objective });
          break;
        case 'sweep-trial-done':
          patchTrial(m.index, { status: m.status, value: m.value, std: m.std, failure: m.failure });
          set({ summary: m.summary });
          break;
        case 'sweep-done':
          close();
          set({ phase: 'done', cancelling: false, summary: m.summary, result: { status: m.status, message: m.message }, statusMessage: '' });
          break;
        case 'error':
          close();
          set({ phase: 'error', cancelling: false, error: m.message, statusMessage: '' });
          break;
        default:
          break;
      }
    };
    const endByForce = async (status: 'FAILED' | 'KILLED', failure: { message: string; hint: string }) => {
      close();
      const { parentRunId, trials } = get();
      const running = trials.find((t) => t.status === 'RUNNING');
      if (parentRunId) {
        await endSweepByForce(database(), { parentRunId, trial: running ? { runId: running.runId, params: running.params } : null, status, failure, now: systemClock.now() }).catch(() => undefined);
      }
      set((s) => ({
        phase: parentRunId ? 'done' : 'error',
        cancelling: false,
        trials: s.trials.map((t) => (t.status === 'RUNNING' ? { ...t, status, failure } : t)),
        result: parentRunId ? { status, message: failure.message } : null,
        error: parentRunId ? null : failure.message,
        statusMessage: '',
      }));
    };
    return {
      ...IDLE,
      start: (request) => {
        if (get().phase === 'preparing' || get().phase === 'running') return;
        set({ ...IDLE, phase: 'preparing', request, statusMessage: 'Starting…' });
        transport = connect(onMessage, (reason) => {
          void endByForce('FAILED', { message: `The training worker crashed: ${reason}.`, hint: 'Try smaller models or another backend; finished trials are kept.' });
        });
        set({ onMainThread: transport.onMainThread });
        transport.post({ type: 'sweep', request });
      },
      cancel: () => {
        if (!transport || get().cancelling) return;
        set({ cancelling: true, statusMessage: 'Cancelling after the current batch…' });
        transport.post({ type: 'cancel' });
        if (!transport.onMainThread) {
          cancelTimer = setTimeout(() => void endByForce('KILLED', { message: 'Cancelled.', hint: 'Finished trials and the sweep summary are kept.' }), SWEEP_CANCEL_GRACE_MS);
        }
      },
      reset: () => {
        if (get().phase === 'preparing' || get().phase === 'running') return;
        set({ ...IDLE });
      },
    };
  });
}

/** The one sweep store of this tab. */
export const sweepStore = createSweepStore();
