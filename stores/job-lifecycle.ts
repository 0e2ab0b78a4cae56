import type { CallOptions, RpcError, RpcJob } from '@/lib/worker-rpc';

/** Where a worker job stands, as its page shows it. */
export type JobPhase = 'idle' | 'queued' | 'preparing' | 'running' | 'done' | 'error';

/** The fields every job store has (training, sweep; later pipeline steps). */
export interface JobFields {
  phase: JobPhase;
  statusMessage: string;
  /** True when the job runs on the main thread (no worker here). */
  onMainThread: boolean;
  cancelling: boolean;
  /** Why the job could not start (bad input, tfjs failed to load); nothing was recorded. */
  error: string | null;
}

/** A job waiting in the worker's queue, starting, or running. */
export function isJobActive(phase: JobPhase): boolean {
  return phase === 'queued' || phase === 'preparing' || phase === 'running';
}

export const IDLE_JOB: JobFields = { phase: 'idle', statusMessage: '', onMainThread: false, cancelling: false, error: null };

/** How a record ended when its worker went away, for the store to show. */
export interface ForcedEnd {
  status: 'FAILED' | 'KILLED';
  failure: { message: string; hint: string };
}

/**
 * A job whose worker did not end it: a cancel ignored past the grace time ends it KILLED (that is
 * what the learner asked for); a crash, a stall or a closed worker ends it FAILED with the reason.
 */
export function forcedEnd(error: RpcError, cancelling: boolean, hint: string): ForcedEnd {
  if (error.kind === 'hang' || (cancelling && error.kind === 'terminated')) return { status: 'KILLED', failure: { message: 'Cancelled.', hint } };
  return { status: 'FAILED', failure: { message: error.message, hint } };
}

export interface JobHooks<Progress, Result> {
  onProgress: (event: Progress) => void;
  onResult: (result: Result) => void;
  /** The worker crashed, hung or stalled: end the records it left RUNNING, then show the end. */
  onForcedEnd: (end: ForcedEnd) => Promise<void>;
  /** What forced ends of this job say the learner keeps. */
  keptHint: string;
}

/**
 * The lifecycle the training and sweep stores share: start (refused while one is active), wait in
 * the worker's queue, progress, cancel (a queued job is dropped, a running one asked to stop), and
 * every end — a result, an error before anything was recorded, or a forced end that closes the
 * records the worker left RUNNING.
 */
export function createJobLifecycle(set: (patch: Partial<JobFields>) => void, get: () => JobFields) {
  let job: RpcJob<unknown> | null = null;
  const active = () => isJobActive(get().phase);
  return {
    active,
    /** Starts `call` unless a job is active; false when refused. */
    start<Progress, Result>(call: (options: CallOptions<Progress>) => RpcJob<Result>, hooks: JobHooks<Progress, Result>, onMainThread: () => boolean): boolean {
      if (active()) return false;
      set({ ...IDLE_JOB, phase: 'preparing', statusMessage: 'Starting…' });
      const current = call({
        onProgress: (event) => {
          if (job === current) hooks.onProgress(event);
        },
        onQueued: (position, label) => set({ phase: 'queued', statusMessage: `Waiting for ${label} to finish${position > 1 ? ` (${position - 1} more ahead)` : ''}. It starts by itself; cancel to drop it.` }),
        onStart: () => set({ phase: 'preparing', statusMessage: 'Starting…', onMainThread: onMainThread() }),
      });
      job = current as RpcJob<unknown>;
      current.result.then(
        (result) => {
          if (job !== current) return;
          job = null;
          set({ cancelling: false, statusMessage: '' });
          hooks.onResult(result);
        },
        async (error: RpcError) => {
          if (job !== current) return;
          job = null;
          if (error.kind === 'remote' || error.kind === 'unavailable') set({ phase: 'error', cancelling: false, error: error.message, statusMessage: '' });
          else if (error.kind === 'cancelled') set({ ...IDLE_JOB });
          else {
            await hooks.onForcedEnd(forcedEnd(error, get().cancelling, hooks.keptHint));
            set({ cancelling: false, statusMessage: '' });
          }
        },
      );
      return true;
    },
    cancel(): void {
      if (!job || get().cancelling) return;
      if (get().phase === 'queued') {
        job.cancel();
        return;
      }
      set({ cancelling: true, statusMessage: 'Cancelling after the current batch…' });
      job.cancel();
    },
  };
}
