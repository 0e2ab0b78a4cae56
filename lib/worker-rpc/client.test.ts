import { describe, expect, it } from 'vitest';
import { SimulatedClock } from '../time/simulated-clock';
import { FakeWorker } from './fake-worker';
import { createRpcClient, RpcCancelled, RpcError, transferablesOf, type RpcHandlers, type RpcMethod } from './index';

type Demo = {
  add: RpcMethod<{ a: number; b: number }, never, number>;
  count: RpcMethod<{ to: number }, number, string>;
  sum: RpcMethod<{ values: Float64Array }, never, { total: number; left: number }>;
  loop: RpcMethod<{ obeyCancel: boolean }, string, string>;
  fail: RpcMethod<null, never, never>;
  silent: RpcMethod<null, never, string>;
  ticker: RpcMethod<{ seconds: number }, number, string>;
};

const tick = () => new Promise((r) => setTimeout(r, 5));

// The simulated clock the `ticker` handler paces itself with (set by `setup`).
let handlerClock = new SimulatedClock({ start: 0, paused: true });

const handlers: RpcHandlers<Demo> = {
  add: ({ a, b }) => a + b,
  count: async ({ to }, ctx) => {
    for (let i = 1; i <= to; i++) ctx.progress(i);
    return `counted to ${to}`;
  },
  sum: ({ values }) => ({ total: values.reduce((s, v) => s + v, 0), left: values.length }),
  // Runs until cancelled (or forever when it ignores cancel), reporting progress as it goes.
  loop: async ({ obeyCancel }, ctx) => {
    for (let i = 0; ; i++) {
      if (obeyCancel && ctx.signal.aborted) throw new RpcCancelled('Stopped at the next check.');
      if (i % 10 === 0) ctx.progress(`step ${i}`);
      await tick();
    }
  },
  fail: () => {
    throw new Error('The model settings need fixing: epochs must be at least 1.');
  },
  // Never answers and never reports: a stalled worker.
  silent: () => new Promise<string>(() => undefined),
  // Reports once per simulated second.
  ticker: async ({ seconds }, ctx) => {
    for (let i = 1; i <= seconds; i++) {
      await handlerClock.sleep(1000);
      ctx.progress(i);
    }
    return `ticked ${seconds} times`;
  },
};

function setup(options: { serial?: boolean; noWorker?: boolean; stallMs?: number; onCrash?: 'fail' | 'fallback' } = {}) {
  const clock = new SimulatedClock({ start: 0, paused: true });
  handlerClock = clock;
  const workers: FakeWorker[] = [];
  const client = createRpcClient<Demo>({
    name: 'the demo worker',
    spawn: () => {
      if (options.noWorker) return null;
      const worker = new FakeWorker(handlers as never);
      workers.push(worker);
      return worker;
    },
    fallback: async () => handlers,
    serial: options.serial,
    stallMs: options.stallMs,
    onCrash: options.onCrash,
    cancelGraceMs: 3000,
    clock,
  });
  return { client, clock, workers };
}

const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(RpcError);
  return error as RpcError;
};

describe('worker RPC', () => {
  it('pairs each result with its call, relays progress in order, and starts the worker once', async () => {
    const { client, workers } = setup();
    const seen: number[] = [];
    const [a, b] = [client.call('add', { a: 2, b: 3 }), client.call('count', { to: 3 }, { onProgress: (n) => seen.push(n) })];
    expect(await a.result).toBe(5);
    expect(await b.result).toBe('counted to 3');
    expect(seen).toEqual([1, 2, 3]);
    expect(workers).toHaveLength(1);
    expect(a.id).not.toBe(b.id);
  });

  it('moves typed arrays as transferables instead of copying them', async () => {
    const { client } = setup();
    const values = new Float64Array([1, 2, 3.5]);
    const job = client.call('sum', { values }, { transfer: transferablesOf({ values }) });
    expect(values.length).toBe(0); // detached: it moved to the worker
    expect(await job.result).toEqual({ total: 6.5, left: 3 });
  });

  it('turns a handler error into a remote RpcError with its sentence, and the worker lives on', async () => {
    const { client, workers } = setup();
    const error = await failureOf(client.call('fail', null).result);
    expect(error.kind).toBe('remote');
    expect(error.message).toBe('The model settings need fixing: epochs must be at least 1.');
    expect(await client.call('add', { a: 1, b: 1 }).result).toBe(2);
    expect(workers).toHaveLength(1);
  });

  it('cancel reaches the handler, which stops at its next check', async () => {
    const { client, workers } = setup();
    const job = client.call('loop', { obeyCancel: true });
    await tick();
    job.cancel();
    const error = await failureOf(job.result);
    expect(error).toMatchObject({ kind: 'cancelled', message: 'Stopped at the next check.' });
    expect(workers[0]!.terminated).toBe(false);
  });

  it('a worker that ignores cancel past the grace time is stopped by force (hang), and the next call gets a fresh worker', async () => {
    const { client, clock, workers } = setup();
    const job = client.call('loop', { obeyCancel: false });
    await tick();
    job.cancel();
    const failed = failureOf(job.result);
    await clock.step(2900);
    expect(workers[0]!.terminated).toBe(false);
    await clock.step(200);
    const error = await failed;
    expect(error.kind).toBe('hang');
    expect(error.message).toBe('The demo worker did not stop within 3 s of the cancel, so it was stopped.');
    expect(workers[0]!.terminated).toBe(true);
    expect(await client.call('add', { a: 4, b: 4 }).result).toBe(8);
    expect(workers).toHaveLength(2);
  });

  it('a crash fails the call in flight with the reason, and queued calls run in a fresh worker', async () => {
    const { client, workers } = setup({ serial: true });
    const first = client.call('loop', { obeyCancel: true });
    const second = client.call('add', { a: 1, b: 2 });
    await tick();
    workers[0]!.crash('out of memory');
    const error = await failureOf(first.result);
    expect(error).toMatchObject({ kind: 'crash', message: 'The demo worker crashed (out of memory).' });
    expect(await second.result).toBe(3);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
  });

  it('a call that reports nothing for the stall time is stopped as a stall; one that reports keeps going', async () => {
    const { client, clock, workers } = setup({ stallMs: 10_000 });
    const ticking = client.call('ticker', { seconds: 30 });
    await clock.step(30_000);
    expect(await ticking.result).toBe('ticked 30 times');
    const silent = client.call('silent', null);
    const failed = failureOf(silent.result);
    await clock.step(9_000);
    expect(workers[0]!.terminated).toBe(false);
    await clock.step(1_001);
    expect(await failed).toMatchObject({ kind: 'stall', message: 'The demo worker made no progress for 10 s, so it was stopped.' });
    expect(workers[0]!.terminated).toBe(true);
  });

  it('calls that shared a stopped worker fail too, saying why', async () => {
    const { client, clock } = setup({ stallMs: 10_000 });
    const busy = failureOf(client.call('ticker', { seconds: 60 }).result);
    const silent = failureOf(client.call('silent', null).result);
    await clock.step(10_001);
    expect((await silent).kind).toBe('stall');
    expect((await busy).message).toMatch(/was restarted: The demo worker made no progress/);
  });

  it('serial: a second call waits for the first, is told its place and what runs, and can be dropped while it waits', async () => {
    const { client } = setup({ serial: true });
    const started: string[] = [];
    const queued: Array<[number, string]> = [];
    const sweep = client.call('loop', { obeyCancel: true }, { label: 'the sweep', onStart: () => started.push('sweep') });
    const training = client.call('add', { a: 1, b: 1 }, { onStart: () => started.push('training'), onQueued: (position, label) => queued.push([position, label]) });
    const dropped = client.call('add', { a: 9, b: 9 }, { onStart: () => started.push('dropped') });
    await tick();
    expect(started).toEqual(['sweep']);
    expect(queued[0]).toEqual([1, 'the sweep']);
    expect(client.pending).toBe(3);
    dropped.cancel();
    expect((await failureOf(dropped.result)).kind).toBe('cancelled');
    sweep.cancel();
    await failureOf(sweep.result);
    expect(await training.result).toBe(2);
    expect(started).toEqual(['sweep', 'training']);
  });

  it('an immediate call goes past a busy serial queue (a control call acting on the running job)', async () => {
    const { client } = setup({ serial: true });
    const running = client.call('loop', { obeyCancel: true });
    const queued = client.call('add', { a: 1, b: 1 });
    expect(await client.call('add', { a: 20, b: 22 }, { immediate: true }).result).toBe(42);
    running.cancel();
    await failureOf(running.result);
    expect(await queued.result).toBe(2);
  });

  it('runs the same handlers in the page where no worker can start', async () => {
    const { client, workers } = setup({ noWorker: true });
    const seen: number[] = [];
    expect(await client.call('count', { to: 2 }, { onProgress: (n) => seen.push(n) }).result).toBe('counted to 2');
    expect(seen).toEqual([1, 2]);
    expect(client.onMainThread).toBe(true);
    expect(workers).toHaveLength(0);
    const job = client.call('loop', { obeyCancel: true });
    await tick();
    job.cancel();
    expect((await failureOf(job.result)).kind).toBe('cancelled');
  });

  it('with onCrash "fallback", a crash re-runs the call in the page and later calls stay there', async () => {
    const { client, workers } = setup({ onCrash: 'fallback' });
    const job = client.call('count', { to: 2 });
    workers[0]!.crash('failed to load');
    expect(await job.result).toBe('counted to 2');
    expect(client.onMainThread).toBe(true);
    expect(await client.call('add', { a: 2, b: 2 }).result).toBe(4);
    expect(workers).toHaveLength(1);
  });

  it('terminate fails running and queued calls; recycle starts a fresh worker once idle', async () => {
    const { client, workers } = setup({ serial: true });
    expect(await client.call('add', { a: 1, b: 0 }).result).toBe(1);
    client.recycle();
    expect(workers[0]!.terminated).toBe(true);
    const running = client.call('loop', { obeyCancel: true });
    const waiting = client.call('add', { a: 1, b: 1 });
    await tick();
    client.terminate();
    expect((await failureOf(running.result)).kind).toBe('terminated');
    expect((await failureOf(waiting.result)).kind).toBe('terminated');
    expect(workers).toHaveLength(2);
    expect(workers[1]!.terminated).toBe(true);
  });

  it('answers an unknown method with an error instead of hanging', async () => {
    const { client } = setup();
    const error = await failureOf((client as unknown as { call: (m: string, r: unknown) => { result: Promise<unknown> } }).call('nope', null).result);
    expect(error.message).toBe('This worker has no method "nope".');
  });
});
