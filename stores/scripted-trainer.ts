/* Test helper (not shipped): the tab's tfjs worker client, with a FakeWorker whose trainer the test scripts. */
import type { SweepOutcome, TrainerMethods, TrainingOutcome } from '@/lib/ml/protocol';
import { SimulatedClock } from '@/lib/time';
import { FakeWorker } from '@/lib/worker-rpc/fake-worker';
import type { RpcHandlers } from '@/lib/worker-rpc';
import { createTfWorker } from './tf-worker';

/** One call the fake trainer received: the test speaks for the trainer through it. */
export interface ScriptedCall {
  method: 'train' | 'sweep';
  request: unknown;
  emit: (event: unknown) => void;
  finish: (outcome: TrainingOutcome | SweepOutcome) => void;
  fail: (message: string) => void;
  signal: AbortSignal;
}

/**
 * A tfjs worker client exactly as the app configures it (serial queue, cancel grace, stall limit),
 * on a paused simulated clock, whose workers hold a trainer the test drives call by call.
 */
export function scriptedTrainer() {
  const clock = new SimulatedClock({ start: 1_000_000, paused: true });
  const calls: ScriptedCall[] = [];
  const workers: FakeWorker[] = [];
  const receive = (method: 'train' | 'sweep') => (request: unknown, ctx: { progress: (e: never) => void; signal: AbortSignal }) =>
    new Promise<never>((resolve, reject) => {
      calls.push({ method, request, emit: (e) => ctx.progress(e as never), finish: (o) => resolve(o as never), fail: (m) => reject(new Error(m)), signal: ctx.signal });
    });
  const handlers = { train: receive('train'), sweep: receive('sweep'), loseWebglContext: () => false } as unknown as RpcHandlers<TrainerMethods>;
  const client = createTfWorker({
    clock,
    spawn: () => {
      const worker = new FakeWorker(handlers as never);
      workers.push(worker);
      return worker;
    },
  });
  /** Lets messages cross the fake worker boundary. */
  const settle = async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  };
  return { client, clock, calls, workers, settle };
}
