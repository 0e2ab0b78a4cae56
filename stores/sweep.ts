import { createStore } from 'zustand/vanilla';
import type { PreparedShape, SweepProgressEvent, SweepRequest, SweepStage, TrainerMethods } from '@/lib/ml/protocol';
import { endSweepByForce } from '@/lib/ml/sweep-record';
import { getDatabase, type WorkbenchDatabase } from '@/lib/tracking/db';
import type { ParamValue } from '@/lib/tracking/run-types';
import type { SweepSummary, SweepTrialSummary } from '@/lib/tracking/sweep-types';
import { systemClock } from '@/lib/time';
import type { RpcClient } from '@/lib/worker-rpc';
import { createJobLifecycle, IDLE_JOB, type ForcedEnd, type JobFields } from './job-lifecycle';
import { tfWorker } from './tf-worker';

export type { JobPhase as SweepPhase } from './job-lifecycle';

/** One trial as the live table shows it. */
export interface TrialProgress {
  index: number;
  runId: string;
  params: Record<string, ParamValue>;
  status: 'RUNNING' | SweepTrialSummary['status'];
  value: number | null;
  std: number | null;
  /** Once done: the epoch whose weights the trial kept, and its verdict against the baseline. */
  savedEpoch?: number;
  headline?: SweepTrialSummary['headline'];
  stage: SweepStage;
  /** 1-based fold while cross-validating, else null. */
  fold: number | null;
  epoch: number;
  epochs: number;
  /** Latest objective reported this epoch. */
  objective: number | null;
  failure: { message: string; hint: string } | null;
}

export interface SweepState extends JobFields {
  request: SweepRequest | null;
  parentRunId: string | null;
  totalTrials: number;
  backendLabel: string | null;
  notes: string[];
  shape: PreparedShape | null;
  folds: number | null;
  earlyStopping: SweepSummary['earlyStopping'] | null;
  trials: TrialProgress[];
  /** The latest summary the trainer sent (what `sweep.json` holds). */
  summary: SweepSummary | null;
  result: { status: 'FINISHED' | 'KILLED' | 'FAILED'; message: string | null } | null;
  start: (request: SweepRequest) => void;
  cancel: () => void;
  /** Back to idle after a sweep ended (keeps nothing; the runs stay in IndexedDB). */
  reset: () => void;
}

const IDLE = {
  ...IDLE_JOB,
  request: null,
  parentRunId: null,
  totalTrials: 0,
  backendLabel: null,
  notes: [],
  shape: null,
  folds: null,
  earlyStopping: null,
  trials: [],
  summary: null,
  result: null,
};

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
 * IndexedDB). It runs in the tab's tfjs worker, after any training already there.
 */
export function createSweepStore(worker: () => RpcClient<TrainerMethods> = tfWorker, database: () => WorkbenchDatabase = getDatabase) {
  return createStore<SweepState>()((set, get) => {
    const job = createJobLifecycle(set, get);
    const patchTrial = (index: number, patch: Partial<TrialProgress>) => set((s) => ({ trials: s.trials.map((t) => (t.index === index ? { ...t, ...patch } : t)) }));
    const onProgress = (m: SweepProgressEvent) => {
      switch (m.type) {
        case 'status':
          set({ statusMessage: m.message });
          break;
        case 'notice':
          set((s) => ({ notes: [...s.notes, m.message] }));
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
          {
            // The summary holds what the trial saved: its kept epoch and its verdict against the baseline.
            const stored = m.summary.trials.find((t) => t.runId === m.runId);
            patchTrial(m.index, { status: m.status, value: m.value, std: m.std, failure: m.failure, savedEpoch: stored?.savedEpoch, headline: stored?.headline });
          }
          set({ summary: m.summary });
          break;
        default:
          break;
      }
    };
    const onForcedEnd = async ({ status, failure }: ForcedEnd) => {
      const { parentRunId, trials } = get();
      const running = trials.find((t) => t.status === 'RUNNING');
      if (parentRunId) {
        await endSweepByForce(database(), { parentRunId, trial: running ? { runId: running.runId, params: running.params } : null, status, failure, now: systemClock.now() }).catch(() => undefined);
      }
      set((s) => ({
        phase: parentRunId ? 'done' : 'error',
        trials: s.trials.map((t) => (t.status === 'RUNNING' ? { ...t, status, failure } : t)),
        result: parentRunId ? { status, message: failure.message } : null,
        error: parentRunId ? null : failure.message,
      }));
    };
    return {
      ...IDLE,
      start: (request) => {
        if (job.active()) return;
        set({ ...IDLE });
        job.start(
          (options) => worker().call('sweep', request, { ...options, label: 'the sweep' }),
          {
            onProgress,
            onResult: (m) => {
              if (m.backendLost) worker().recycle();
              set({ phase: 'done', summary: m.summary, result: { status: m.status, message: m.message } });
            },
            onForcedEnd,
            keptHint: 'Finished trials and the sweep summary are kept.',
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

/** The one sweep store of this tab. */
export const sweepStore = createSweepStore();
