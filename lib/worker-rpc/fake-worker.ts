/* A `Worker` stand-in for tests (not shipped): serves handlers through the in-page ports, and can crash on demand. */
import { createInPageWorker } from './in-page';
import type { RpcCall, RpcMethods, RpcReply, RpcWorkerLike } from './protocol';
import { serveRpc, type RpcHandlers } from './server';

export class FakeWorker implements RpcWorkerLike {
  onmessage: ((event: MessageEvent<RpcReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  terminated = false;
  readonly received: RpcCall[] = [];
  private readonly pair = createInPageWorker();

  constructor(handlers: RpcHandlers<RpcMethods>) {
    serveRpc(this.pair.server, handlers);
    this.pair.worker.onmessage = (event) => {
      if (!this.terminated) this.onmessage?.(event);
    };
  }

  postMessage(message: RpcCall, transfer?: Transferable[]): void {
    if (this.terminated) return;
    this.received.push(message);
    this.pair.worker.postMessage(message, transfer);
  }

  terminate(): void {
    this.terminated = true;
    this.pair.worker.terminate();
  }

  /** What a worker does when its script throws at the top level, or it runs out of memory. */
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as unknown as ErrorEvent);
  }
}
