import type { ServingMethods } from '@/lib/serving/protocol';
import { createRpcClient, type RpcClient } from '@/lib/worker-rpc';

/** Starts the serving worker. Turbopack bundles the worker from this exact expression. */
function spawnServing(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  return new Worker(new URL('../workers/serving.worker.ts', import.meta.url), { type: 'module' });
}

let shared: RpcClient<ServingMethods> | undefined;

/**
 * The tab's serving worker client: endpoints, replays, load tests and batch scoring run in it,
 * apart from the training worker, so a replay never waits behind a training (and the reverse).
 * Calls run concurrently; where workers are unavailable the same handlers run in the page. A crash
 * fails the calls in flight with a sentence; the next call starts a fresh worker.
 */
export function servingWorker(): RpcClient<ServingMethods> {
  shared ??= createRpcClient<ServingMethods>({
    name: 'the serving worker',
    spawn: spawnServing,
    fallback: () => import('@/lib/serving/serving-host').then(({ createServingHandlers }) => createServingHandlers()),
    cancelGraceMs: 5000,
    stallMs: null,
  });
  return shared;
}
