import type { TrainerMethods } from '@/lib/ml/protocol';
import { createRpcClient, type RpcClient, type RpcClientOptions } from '@/lib/worker-rpc';

/** How long a cancelled job may take to stop before its worker is stopped by force (ms). */
export const CANCEL_GRACE_MS = 3000;
/**
 * A job that sends nothing (no epoch, no heartbeat) for this long is stopped as stalled (ms).
 * Sessions send a heartbeat at least once a second while batches run, so only a worker that truly
 * hangs (a GPU read that never completes) gets here.
 */
export const STALL_MS = 60_000;

/** Starts the tfjs worker (one per tab). Turbopack bundles the worker from this exact expression. */
function spawnTrainer(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('../workers/train.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * The tab's one tfjs worker: trainings and sweeps run in it one at a time, in the order they were
 * started (a training started during a sweep waits for it). Where workers are unavailable, the
 * same trainer runs on the main thread. Created lazily: no page pays for it until it trains.
 */
export function createTfWorker(overrides: Partial<RpcClientOptions<TrainerMethods>> = {}): RpcClient<TrainerMethods> {
  return createRpcClient<TrainerMethods>({
    name: 'the training worker',
    spawn: spawnTrainer,
    fallback: () => import('@/lib/ml/trainer-host').then(({ createTrainerHandlers }) => createTrainerHandlers()),
    serial: true,
    cancelGraceMs: CANCEL_GRACE_MS,
    stallMs: STALL_MS,
    ...overrides,
  });
}

let shared: RpcClient<TrainerMethods> | undefined;

/** The tab's tfjs worker client, shared by the training and sweep stores and the device page. */
export function tfWorker(): RpcClient<TrainerMethods> {
  shared ??= createTfWorker();
  return shared;
}
