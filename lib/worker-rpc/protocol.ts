/**
 * The wire format of every worker in the workbench, and the types a protocol is declared with.
 * A protocol (`lib/<topic>/protocol.ts`) names its methods with their request, progress and result
 * types; `createRpcClient` and `serveRpc` speak it on both sides, so a message can only be sent
 * with the shape its method declares.
 */

/** One method of a protocol: what the caller sends, the progress events it hears, what it gets back. */
export interface RpcMethod<Request, Progress, Result> {
  request: Request;
  progress: Progress;
  result: Result;
}

/** A protocol: method name → `RpcMethod`. */
export type RpcMethods = Record<string, RpcMethod<unknown, unknown, unknown>>;

export type RequestOf<M extends RpcMethods, K extends keyof M> = M[K]['request'];
export type ProgressOf<M extends RpcMethods, K extends keyof M> = M[K]['progress'];
export type ResultOf<M extends RpcMethods, K extends keyof M> = M[K]['result'];

/** Page → worker. */
export type RpcCall = { rpc: 'call'; id: number; method: string; request: unknown } | { rpc: 'cancel'; id: number };

/** Worker → page: progress of a call, its result, or why it failed (a sentence for the learner). */
export type RpcReply =
  | { rpc: 'progress'; id: number; event: unknown }
  | { rpc: 'result'; id: number; value: unknown }
  | { rpc: 'error'; id: number; message: string; cancelled: boolean };

/** The side of a worker a server talks to: the worker's global scope, or the in-page fallback. */
export interface RpcServerPort {
  postMessage(message: RpcReply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<RpcCall>) => void) | null;
}

/** The side a client talks to: a `Worker`, or the in-page fallback. */
export interface RpcWorkerLike {
  postMessage(message: RpcCall, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<RpcReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export function isRpcReply(value: unknown): value is RpcReply {
  if (typeof value !== 'object' || value === null) return false;
  const { rpc, id } = value as { rpc?: unknown; id?: unknown };
  return (rpc === 'progress' || rpc === 'result' || rpc === 'error') && typeof id === 'number';
}

export function isRpcCall(value: unknown): value is RpcCall {
  if (typeof value !== 'object' || value === null) return false;
  const { rpc, id } = value as { rpc?: unknown; id?: unknown };
  return (rpc === 'call' || rpc === 'cancel') && typeof id === 'number';
}

/**
 * The buffers behind the typed arrays in `value` (searched through plain objects and arrays, a
 * few levels deep), each once: pass them as transferables so large arrays move instead of being
 * copied. The sender's arrays are emptied by the transfer.
 */
export function transferablesOf(value: unknown, depth = 4): ArrayBuffer[] {
  const found = new Set<ArrayBuffer>();
  const visit = (v: unknown, d: number) => {
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) found.add(v.buffer);
    } else if (v instanceof ArrayBuffer) found.add(v);
    else if (d > 0 && typeof v === 'object' && v !== null) for (const item of Array.isArray(v) ? v : Object.values(v)) visit(item, d - 1);
  };
  visit(value, depth);
  return [...found];
}
