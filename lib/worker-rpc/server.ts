import { isRpcCall, type ProgressOf, type RequestOf, type ResultOf, type RpcCall, type RpcMethods, type RpcServerPort } from './protocol';

/** What a handler gets besides its request. */
export interface RpcContext<Progress> {
  /** The call's id (unique per client). */
  readonly id: number;
  /** Aborted when the caller cancels: stop soon, end records as cancelled, then resolve or throw. */
  readonly signal: AbortSignal;
  /** Sends a progress event; `transfer` moves the listed buffers instead of copying them. */
  progress(event: Progress, transfer?: Transferable[]): void;
  /** Buffers of the result to move instead of copy (see `transferablesOf`). */
  transferResult(transfer: Transferable[]): void;
}

/** The functions behind a protocol, one per method. They run in the worker, or in the page as the fallback. */
export type RpcHandlers<M extends RpcMethods> = {
  [K in keyof M]: (request: RequestOf<M, K>, context: RpcContext<ProgressOf<M, K>>) => Promise<ResultOf<M, K>> | ResultOf<M, K>;
};

/** Thrown by a handler to say it stopped because the caller cancelled (the client reports it as cancelled). */
export class RpcCancelled extends Error {
  override name = 'RpcCancelled';
  constructor(message = 'Cancelled.') {
    super(message);
  }
}

/**
 * Serves `handlers` on `port` (a worker's global scope, or the in-page fallback): each call runs
 * its handler with an AbortSignal that a `cancel` aborts; the handler's result or error goes back
 * with the call's id. A handler that throws never takes the worker down: the error becomes a
 * message for that call only. Unknown methods and malformed messages are answered with an error
 * (or ignored when they carry no id).
 */
export function serveRpc<M extends RpcMethods>(port: RpcServerPort, handlers: RpcHandlers<M>): void {
  const running = new Map<number, AbortController>();
  port.onmessage = (event: MessageEvent<RpcCall>) => {
    const message = event.data;
    if (!isRpcCall(message)) return;
    if (message.rpc === 'cancel') {
      running.get(message.id)?.abort();
      return;
    }
    void answer(message.id, message.method, message.request);
  };

  async function answer(id: number, method: string, request: unknown): Promise<void> {
    const handler = Object.hasOwn(handlers, method) ? (handlers as Record<string, RpcHandlers<M>[keyof M]>)[method] : undefined;
    if (!handler) {
      port.postMessage({ rpc: 'error', id, message: `This worker has no method "${method}".`, cancelled: false });
      return;
    }
    const controller = new AbortController();
    running.set(id, controller);
    let resultTransfer: Transferable[] = [];
    const context: RpcContext<unknown> = {
      id,
      signal: controller.signal,
      progress: (progressEvent, transfer) => port.postMessage({ rpc: 'progress', id, event: progressEvent }, transfer ?? []),
      transferResult: (transfer) => {
        resultTransfer = transfer;
      },
    };
    try {
      const value = await handler(request as never, context as never);
      try {
        port.postMessage({ rpc: 'result', id, value }, resultTransfer);
      } catch (error) {
        // A result that cannot be cloned must still settle the call.
        port.postMessage({ rpc: 'error', id, message: `The result could not be sent back (${error instanceof Error ? error.message : String(error)}).`, cancelled: false });
      }
    } catch (error) {
      const cancelled = error instanceof RpcCancelled || (controller.signal.aborted && error instanceof Error && error.name === 'AbortError');
      port.postMessage({ rpc: 'error', id, message: error instanceof Error ? error.message : String(error), cancelled });
    } finally {
      running.delete(id);
    }
  }
}
