/**
 * The tab's tfjs worker: trainings and sweeps (see `TrainerMethods` in lib/ml/protocol.ts). All
 * logic lives in lib/ml/trainer-host.ts, shared with the main-thread fallback. WebGL here runs on
 * an OffscreenCanvas, which tfjs creates by itself in a worker.
 */
import { createTrainerHandlers } from '@/lib/ml/trainer-host';
import { serveRpc, type RpcServerPort } from '@/lib/worker-rpc';

// The project's tsconfig uses the DOM lib, not the webworker lib (they conflict), so the worker
// scope is described by the part the RPC server uses.
serveRpc(self as unknown as RpcServerPort, createTrainerHandlers());
