import { systemClock, type Clock, type TimerId } from '../time/clock';
import { createInPageWorker } from './in-page';
import { isRpcReply, type ProgressOf, type RequestOf, type ResultOf, type RpcMethods, type RpcReply, type RpcWorkerLike } from './protocol';
import { serveRpc, type RpcHandlers } from './server';

/**
 * Why a call failed: the handler threw (`remote`), it stopped on cancel (`cancelled`), the worker
 * crashed (`crash`), ignored a cancel past the grace time (`hang`), went silent past the stall
 * time (`stall`), the client was terminated (`terminated`), or no worker could run (`unavailable`).
 */
export type RpcFailure = 'remote' | 'cancelled' | 'crash' | 'hang' | 'stall' | 'terminated' | 'unavailable';

/** A failed call, with a sentence for the learner. */
export class RpcError extends Error {
  override name = 'RpcError';
  constructor(
    readonly kind: RpcFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface RpcClientOptions<M extends RpcMethods> {
  /** How messages name the worker: "the training worker". */
  name: string;
  /** Starts a worker. Null or a throw: the page has none, and `fallback` runs the handlers in the page. */
  spawn: () => RpcWorkerLike | null;
  /** The same handlers, loaded lazily, for the main-thread fallback. */
  fallback?: () => Promise<RpcHandlers<M>>;
  /** One call at a time; later calls wait in order (a tfjs worker: one training or sweep). */
  serial?: boolean;
  /** After a cancel, how long a worker may take to answer before it is stopped by force (ms). Default 3000. */
  cancelGraceMs?: number;
  /** A call that sends no progress for this long is stopped by force as a stall (ms); null: never. */
  stallMs?: number | null;
  /** On a crash: fail the calls in flight (default), or re-run them in the page and stay there. */
  onCrash?: 'fail' | 'fallback';
  /** Timers for the grace and stall limits (default: the system clock). */
  clock?: Clock;
}

export interface CallOptions<Progress> {
  onProgress?: (event: Progress) => void;
  /** The call left the queue and was sent (at once when nothing else runs). */
  onStart?: () => void;
  /** The call waits behind others: its place (1 = next) and the label of the running call. */
  onQueued?: (position: number, runningLabel: string) => void;
  /** What queued calls say is running ("the sweep"). */
  label?: string;
  /** Buffers of the request to move instead of copy. */
  transfer?: Transferable[];
  /** Sent at once even when a serial client is busy: for control calls that act on the running job. */
  immediate?: boolean;
}

/** A call in flight. `result` rejects with an `RpcError`. */
export interface RpcJob<Result> {
  readonly id: number;
  readonly result: Promise<Result>;
  /** Asks the handler to stop; a queued call is dropped at once. */
  cancel(): void;
}

export interface RpcClient<M extends RpcMethods> {
  call<K extends keyof M & string>(method: K, request: RequestOf<M, K>, options?: CallOptions<ProgressOf<M, K>>): RpcJob<ResultOf<M, K>>;
  /** True once calls run in the page (no worker here, or it crashed with `onCrash: 'fallback'`). */
  readonly onMainThread: boolean;
  /** Calls sent and not yet settled, plus those queued. */
  readonly pending: number;
  /** Stops the worker (or the in-page delivery) and fails every call, queued ones included. */
  terminate(): void;
  /** Starts a fresh worker for the next call: now when idle, else once the running calls settle. */
  recycle(): void;
}

interface Job {
  id: number;
  method: string;
  request: unknown;
  options: CallOptions<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: RpcError) => void;
  cancelling: boolean;
  graceTimer: TimerId | null;
  stallTimer: TimerId | null;
}

/**
 * The page's side of a worker protocol: typed calls with ids, progress, cancel, transferables, an
 * optional serial queue, and every way a worker can fail turned into an `RpcError` (the caller
 * then ends its records). The worker starts on the first call and again after a crash, hang or
 * stall; where `spawn` yields none, the handlers run in the page behind the same interface.
 */
export function createRpcClient<M extends RpcMethods>(options: RpcClientOptions<M>): RpcClient<M> {
  const clock = options.clock ?? systemClock;
  const grace = options.cancelGraceMs ?? 3000;
  let port: { worker: RpcWorkerLike; inPage: boolean } | null = null;
  let forcedInPage = false;
  let recycleWhenIdle = false;
  let nextId = 1;
  const queue: Job[] = [];
  const running = new Map<number, Job>();

  const clearTimers = (job: Job) => {
    if (job.graceTimer !== null) clock.clearTimeout(job.graceTimer);
    if (job.stallTimer !== null) clock.clearTimeout(job.stallTimer);
    job.graceTimer = job.stallTimer = null;
  };

  const settle = (job: Job, outcome: { value: unknown } | { error: RpcError }) => {
    if (!running.delete(job.id) && !queue.includes(job)) return;
    clearTimers(job);
    if ('value' in outcome) job.resolve(outcome.value);
    else job.reject(outcome.error);
  };

  const armStall = (job: Job) => {
    if (job.stallTimer !== null) clock.clearTimeout(job.stallTimer);
    job.stallTimer = null;
    const limit = options.stallMs;
    if (limit === null || limit === undefined || !port || port.inPage) return;
    job.stallTimer = clock.setTimeout(() => kill('stall', `${capital(options.name)} made no progress for ${seconds(limit)}, so it was stopped.`, [job]), limit);
  };

  const onReply = (reply: RpcReply) => {
    const job = running.get(reply.id);
    if (!job) return;
    if (reply.rpc === 'progress') {
      armStall(job);
      job.options.onProgress?.(reply.event);
    } else if (reply.rpc === 'result') {
      settle(job, { value: reply.value });
      afterSettle();
    } else {
      settle(job, { error: new RpcError(reply.cancelled ? 'cancelled' : 'remote', reply.message) });
      afterSettle();
    }
  };

  const inPagePort = () => {
    const pair = createInPageWorker();
    const fallback = options.fallback!;
    let served: Promise<void> | null = null;
    // Load the handlers before the first message is delivered.
    const ready = () => (served ??= fallback().then((handlers) => serveRpc(pair.server, handlers)));
    const post = pair.worker.postMessage;
    pair.worker.postMessage = (message, transfer) => {
      void ready().then(
        () => post(message, transfer),
        (error: unknown) => {
          if (message.rpc === 'call') onReply({ rpc: 'error', id: message.id, message: `${capital(options.name)} could not start in this page: ${describe(error)}`, cancelled: false });
        },
      );
    };
    return { worker: pair.worker, inPage: true };
  };

  const connect = (): { worker: RpcWorkerLike; inPage: boolean } => {
    if (port) return port;
    let worker: RpcWorkerLike | null = null;
    if (!forcedInPage) {
      try {
        worker = options.spawn();
      } catch {
        worker = null;
      }
    }
    if (worker) port = { worker, inPage: false };
    else if (options.fallback) port = inPagePort();
    else throw new RpcError('unavailable', `${capital(options.name)} cannot run here: this browser has no Web Workers.`);
    const current = port;
    current.worker.onmessage = (event) => {
      if (port === current && isRpcReply(event.data)) onReply(event.data);
    };
    current.worker.onerror = (event) => {
      event.preventDefault?.();
      if (port === current) crashed(event.message || 'it stopped unexpectedly');
    };
    current.worker.onmessageerror = () => {
      if (port === current) crashed('a message could not be read');
    };
    return current;
  };

  const send = (job: Job) => {
    running.set(job.id, job);
    try {
      const { worker } = connect();
      worker.postMessage({ rpc: 'call', id: job.id, method: job.method, request: job.request }, job.options.transfer ?? []);
    } catch (error) {
      settle(job, { error: error instanceof RpcError ? error : new RpcError('remote', `The request could not be sent to ${options.name}: ${describe(error)}`) });
      afterSettle();
      return;
    }
    armStall(job);
    job.options.onStart?.();
  };

  const pump = () => {
    while (queue.length > 0 && (!options.serial || running.size === 0)) send(queue.shift()!);
    const label = [...running.values()][0]?.options.label ?? 'another job';
    queue.forEach((job, i) => job.options.onQueued?.(i + 1, label));
  };

  const afterSettle = () => {
    if (recycleWhenIdle && running.size === 0) {
      recycleWhenIdle = false;
      dropPort();
    }
    pump();
  };

  const dropPort = () => {
    const old = port;
    port = null;
    try {
      old?.worker.terminate();
    } catch {
      // Already gone.
    }
  };

  /** Stops the worker and fails `jobs` (default: every running call); queued calls go on in a fresh worker. */
  const kill = (kind: RpcFailure, message: string, jobs: Job[] = [...running.values()]) => {
    dropPort();
    // Calls that ran beside the failed ones lose their worker too.
    for (const job of [...running.values()]) settle(job, { error: jobs.includes(job) ? new RpcError(kind, message) : new RpcError(kind, `${capital(options.name)} was restarted: ${message}`) });
    pump();
  };

  const crashed = (reason: string) => {
    if (options.onCrash === 'fallback' && options.fallback) {
      // Re-run what was in flight in the page, and stay there.
      forcedInPage = true;
      dropPort();
      const again = [...running.values()];
      running.clear();
      for (const job of again) {
        clearTimers(job);
        send(job);
      }
      return;
    }
    kill('crash', `${capital(options.name)} crashed (${reason}).`);
  };

  return {
    call(method, request, callOptions = {}) {
      const id = nextId++;
      let job!: Job;
      const result = new Promise<unknown>((resolve, reject) => {
        job = { id, method, request, options: callOptions as CallOptions<unknown>, resolve, reject, cancelling: false, graceTimer: null, stallTimer: null };
      });
      if (callOptions.immediate) send(job);
      else {
        queue.push(job);
        pump();
      }
      return {
        id,
        result: result as Promise<never>,
        cancel: () => {
          const waiting = queue.indexOf(job);
          if (waiting >= 0) {
            queue.splice(waiting, 1);
            job.reject(new RpcError('cancelled', 'Cancelled before it started.'));
            pump();
            return;
          }
          if (!running.has(id) || job.cancelling || !port) return;
          job.cancelling = true;
          port.worker.postMessage({ rpc: 'cancel', id });
          // Work in the page cannot be stopped by force; it stops at its next cancel check.
          if (!port.inPage) job.graceTimer = clock.setTimeout(() => kill('hang', `${capital(options.name)} did not stop within ${seconds(grace)} of the cancel, so it was stopped.`, [job]), grace);
        },
      };
    },
    get onMainThread() {
      return port?.inPage ?? forcedInPage;
    },
    get pending() {
      return running.size + queue.length;
    },
    terminate() {
      const waiting = queue.splice(0);
      for (const job of waiting) job.reject(new RpcError('terminated', `${capital(options.name)} was closed.`));
      kill('terminated', `${capital(options.name)} was closed.`);
    },
    recycle() {
      if (running.size === 0) dropPort();
      else recycleWhenIdle = true;
    },
  };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
