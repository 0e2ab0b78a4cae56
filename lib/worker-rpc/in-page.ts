import type { RpcCall, RpcReply, RpcServerPort, RpcWorkerLike } from './protocol';

/**
 * A worker-shaped pair of ports inside the page, for the main-thread fallback: the client talks to
 * `worker`, `serveRpc` listens on `server`. Messages are delivered asynchronously and structured-
 * cloned (transferables moved), so code behaves as it does across a real worker boundary.
 * `terminate` stops delivery both ways; work already started in the page cannot be stopped.
 */
export function createInPageWorker(): { worker: RpcWorkerLike; server: RpcServerPort } {
  let closed = false;
  const deliver = <T>(target: { onmessage: ((event: MessageEvent<T>) => void) | null }, message: T, transfer?: Transferable[]) => {
    if (closed) return;
    const data = structuredClone(message, { transfer: transfer ?? [] });
    setTimeout(() => {
      if (!closed) target.onmessage?.(new MessageEvent('message', { data }));
    }, 0);
  };
  const worker: RpcWorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage: (message: RpcCall, transfer?: Transferable[]) => deliver(server, message, transfer),
    terminate: () => {
      closed = true;
    },
  };
  const server: RpcServerPort = {
    onmessage: null,
    postMessage: (message: RpcReply, transfer?: Transferable[]) => deliver(worker, message, transfer),
  };
  return { worker, server };
}
