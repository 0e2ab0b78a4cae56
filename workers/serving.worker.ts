/**
 * The tab's serving worker: endpoints answer requests, production traffic is replayed and logged,
 * load tests and batch scoring run here (see `ServingMethods` in lib/serving/protocol.ts). All
 * logic lives in lib/serving/serving-host.ts, shared with the main-thread fallback.
 */
import { createServingHandlers } from '@/lib/serving/serving-host';
import { serveRpc, type RpcServerPort } from '@/lib/worker-rpc';

serveRpc(self as unknown as RpcServerPort, createServingHandlers());
