import { fetchText, type DatasetSources } from '../data/load';
import { getDatabase, type WorkbenchDatabase } from '../tracking/db';
import { getUploadedDataset } from '../tracking/datasets';
import { PredictionLogWriter } from '../tracking/prediction-log';
import { systemClock } from '../time/clock';
import type { SimulatedClock } from '../time/simulated-clock';
import type { RpcHandlers } from '../worker-rpc/server';
import { RpcCancelled } from '../worker-rpc/server';
import { scoreCsv } from './batch-scoring';
import { answerBatch } from './engine';
import { ServingError } from './errors';
import { runLoadTest } from './load-test';
import type { ServingMethods } from './protocol';
import { sampleSizeEffect } from '../drift';
import { runDriftBench } from './bench-drift';
import { datasetsReport, monitorRangeReport } from './monitor-detail';
import { loadReferenceProfile } from './reference-profile';
import { ConsoleDrift } from './replay-monitor';
import { runReplay } from './replay-runner';
import { replayLockName } from './lock-names';
import { VersionCache } from './version-cache';

/** Window index of requests sent by hand (the console): apart from the replays' simulated days. */
export const CONSOLE_WINDOW = 0;


/** What the serving handlers run on (the browser's by default; tests pass Node's). */
export interface ServingEnvironment {
  db: WorkbenchDatabase;
  cache: VersionCache;
  sources: DatasetSources;
  now: () => number;
  perfNow: () => number;
  yieldNow: () => Promise<void>;
  /** Runs `fn` holding a lock no other tab can take (Web Locks), so a page can tell a live replay from an interrupted one. */
  holdLock: <T>(name: string, fn: () => Promise<T>) => Promise<T>;
}

/** A macrotask turn: lets messages (pause, cancel) and the page's rendering in between batches. */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}


/** The browser's environment: the shared database, tfjs loaded lazily, Web Locks when there are any. */
export function browserServingEnvironment(): ServingEnvironment {
  const db = getDatabase();
  const perfNow = () => performance.now();
  return {
    db,
    cache: new VersionCache({ db, now: perfNow }),
    sources: { fetchText, readUpload: (id) => getUploadedDataset(db, id) },
    now: () => systemClock.now(),
    perfNow,
    yieldNow: macrotask,
    holdLock: (name, fn) => (typeof navigator !== 'undefined' && navigator.locks ? (navigator.locks.request(name, { mode: 'exclusive' }, fn) as Promise<Awaited<ReturnType<typeof fn>>>) : fn()),
  };
}

/**
 * The serving worker's handlers (`ServingMethods`), shared by the worker entry and the
 * main-thread fallback. Models stay loaded between calls; one replay runs at a time per worker.
 */
export function createServingHandlers(environment: () => ServingEnvironment = browserServingEnvironment): RpcHandlers<ServingMethods> {
  let env: ServingEnvironment | undefined;
  const getEnv = () => (env ??= environment());
  let replayClock: SimulatedClock | null = null;
  let replaying = false;
  const consoleWriters = new Map<string, PredictionLogWriter>();
  let consoleDrift: ConsoleDrift | undefined;
  const consoleWriter = (endpoint: string, source: string): PredictionLogWriter => {
    const key = JSON.stringify([endpoint, source]);
    let writer = consoleWriters.get(key);
    if (!writer) consoleWriters.set(key, (writer = new PredictionLogWriter(getEnv().db, endpoint, source)));
    return writer;
  };
  return {
    async answer(request) {
      const { db, cache, perfNow } = getEnv();
      const t0 = perfNow();
      const endpoint = await db.endpoints.get(request.endpoint);
      if (!endpoint) throw new ServingError(`There is no endpoint named “${request.endpoint}”.`);
      if (endpoint.status === 'stopped') return { status: 503, body: { error: `Endpoint ${endpoint.name} is stopped.` }, version: null, serverMs: perfNow() - t0, shadows: [], backendLabel: null };
      const at = getEnv().now();
      const [answered] = await answerBatch(endpoint, [{ body: request.body, fallbackId: `console-${at}`, at, window: CONSOLE_WINDOW }], cache, perfNow);
      consoleDrift ??= new ConsoleDrift(getEnv());
      await consoleDrift.stamp(endpoint, answered!);
      // Logged before the answer goes back: a tab closed right after a request loses nothing.
      // A failed write keeps its rows in the writer, which the next request's flush retries.
      const writer = consoleWriter(endpoint.name, request.source);
      for (const v of [answered!.answer, ...answered!.shadows]) for (const row of v.rows) writer.log(row);
      await writer.flush({ windows: [] });
      const { answer, shadows } = answered!;
      return {
        status: answer.status,
        body: answer.response,
        version: answer.version,
        serverMs: perfNow() - t0,
        shadows: shadows.map((s) => ({ version: s.version, predictions: ((s.response as { predictions?: unknown[] }).predictions ?? []) as unknown[] })),
        backendLabel: await cache.backendLabel(),
      };
    },

    async replay(request, context) {
      if (replaying) throw new ServingError('A replay is already running in this tab: pause or stop it first.');
      replaying = true;
      const e = getEnv();
      try {
        return await e.holdLock(replayLockName(request.endpoint), () =>
          runReplay(request, {
            db: e.db,
            cache: e.cache,
            sources: e.sources,
            now: e.now,
            perfNow: e.perfNow,
            yieldNow: e.yieldNow,
            post: (event) => context.progress(event),
            signal: context.signal,
            onClock: (clock) => {
              replayClock = clock;
            },
          }),
        );
      } finally {
        replaying = false;
        replayClock = null;
      }
    },

    replayControl(control) {
      const clock = replayClock;
      if (!clock) return null;
      if (control.action === 'pause') clock.pause();
      else if (control.action === 'resume') clock.resume();
      else if (control.action === 'speed') clock.setSpeed(control.speed);
      else clock.step(control.ms);
      return { simNow: clock.now(), paused: clock.paused, speed: clock.speed };
    },

    async loadTest(request, context) {
      const e = getEnv();
      const summary = await runLoadTest(request, { db: e.db, cache: e.cache, sources: e.sources, perfNow: e.perfNow, yieldNow: e.yieldNow, signal: context.signal, post: (point) => context.progress(point) });
      if (context.signal.aborted && summary.requests === 0) throw new RpcCancelled('The load test was stopped before it sent anything.');
      return summary;
    },

    monitorRange(request) {
      return monitorRangeReport(getEnv(), request);
    },

    datasetsReport(request) {
      return datasetsReport(getEnv(), request);
    },

    async profileVersion(request) {
      const profile = await loadReferenceProfile(getEnv(), request.model, request.version);
      return { rows: profile.rows, estimator: profile.estimator?.kind ?? null };
    },

    benchDrift(request) {
      return runDriftBench(request.rows, request.seed, getEnv().perfNow);
    },

    sampleSize(request) {
      return sampleSizeEffect({ shift: request.shift, seed: request.seed });
    },

    async scoreBatch(request, context) {
      const e = getEnv();
      return scoreCsv(request, { cache: e.cache, perfNow: e.perfNow, yieldNow: e.yieldNow, signal: context.signal, progress: (done, total) => context.progress({ done, total }) });
    },
  };
}
