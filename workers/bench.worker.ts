/**
 * The device benchmark's reference runs (see `BenchMethods` in lib/ml/protocol.ts): a plain tfjs
 * `model.fit` on a given backend, or on tfjs's own default pick. The page starts a fresh worker
 * for each request, so "default" really is tfjs's choice and not a backend left active earlier.
 */
import { benchHandlers } from '@/lib/ml/bench';
import { serveRpc, type RpcServerPort } from '@/lib/worker-rpc';

serveRpc(self as unknown as RpcServerPort, benchHandlers);
