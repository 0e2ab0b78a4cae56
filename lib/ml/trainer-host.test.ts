import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../time/clock';
import { WorkbenchDatabase } from '../tracking/db';
import type { RpcContext } from '../worker-rpc/server';
import type { TrainingProgressEvent } from './protocol';
import type { SessionDeps } from './session';
import { createTrainerHandlers, TRAINER_BUSY, type TrainerEnvironment } from './trainer-host';
import { flightsDelayRequest } from './test-requests';

const request = flightsDelayRequest('n', 2);

const dbs: WorkbenchDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** An environment whose data never loads (so a session ends with an error), opened only when `open()` is called. */
function gatedEnvironment() {
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const environment: TrainerEnvironment = {
    deps: async (post, shouldStop): Promise<SessionDeps> => {
      await gate;
      const db = new WorkbenchDatabase(`host-${crypto.randomUUID()}`);
      dbs.push(db);
      return { tf, db, sources: { fetchText: () => Promise.reject(new Error('offline')), readUpload: async () => undefined }, backendCache: null, cores: 1, post, shouldStop, yieldNow: async () => undefined, clock: systemClock };
    },
  };
  return { environment, open };
}

const context = (): RpcContext<TrainingProgressEvent> & { events: TrainingProgressEvent[] } => {
  const events: TrainingProgressEvent[] = [];
  return { id: 1, signal: new AbortController().signal, progress: (e) => events.push(e), transferResult: () => undefined, events };
};

describe('trainer host', () => {
  it('refuses a second job while one runs (the page queues them; this guards the worker if one slips past)', async () => {
    const { environment, open } = gatedEnvironment();
    const handlers = createTrainerHandlers(environment);
    const first = handlers.train(request, context());
    await expect(handlers.train(request, context())).rejects.toThrow(TRAINER_BUSY);
    await expect(handlers.sweep({} as never, context() as never)).rejects.toThrow(TRAINER_BUSY);
    open();
    // The first job ends (its data could not load) and frees the trainer.
    await expect(first).rejects.toThrow(/offline/);
    await expect(handlers.train(request, context())).rejects.toThrow(/offline/);
  });

  it('relays progress and turns the session\'s error into the call\'s error', async () => {
    const { environment, open } = gatedEnvironment();
    open();
    const ctx = context();
    await expect(createTrainerHandlers(environment).train(request, ctx)).rejects.toThrow(/^Could not load US flights.*offline/);
    expect(ctx.events.map((e) => e.type)).toContain('status');
  });
});
