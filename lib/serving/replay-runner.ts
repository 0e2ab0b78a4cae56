import type { DatasetSources } from '../data/load';
import type { WorkbenchDatabase } from '../tracking/db';
import { PredictionLogWriter } from '../tracking/prediction-log';
import type { Endpoint, ReplayRecord } from '../tracking/serving-types';
import { SimulatedClock } from '../time/simulated-clock';
import { CanaryTracker } from './canary-tracker';
import { changeRoutes } from './endpoints';
import { answerBatch, type IncomingRequest } from './engine';
import { ServingError } from './errors';
import type { ReplayOutcome, ReplayProgress, ReplayRequest } from './protocol';
import { scenarioContext } from './replay-context';
import { LabelQueue } from './replay-labels';
import { ReplayMonitor } from './replay-monitor';
import { resumeReplay } from './replay-resume';
import { ReplayWindows } from './replay-windows';
import { agrees } from './shadow';
import { createTraffic, DAY_MS, HOUR_MS, scenarioProblem, type TrafficStream } from './traffic';
import type { VersionCache } from './version-cache';

/** Simulated time one batch of arrivals spans: requests arriving within it are answered together. */
export const TICK_MS = 10 * 60_000;
/** Real time between flushes of the prediction log (ms): writes stay a small share of a replay. */
export const FLUSH_EVERY_MS = 1000;
/** Real time between progress reports (ms). */
const PROGRESS_EVERY_MS = 200;

export interface ReplayDeps {
  db: WorkbenchDatabase;
  cache: VersionCache;
  sources: DatasetSources;
  /** Wall clock (epoch ms), for records. */
  now: () => number;
  /** A monotonic real-time clock in ms (performance.now), for latencies and pacing. */
  perfNow: () => number;
  post: (event: ReplayProgress) => void;
  signal: AbortSignal;
  /** Lets the runner hand its clock to the control calls (pause, step, speed). */
  onClock?: (clock: SimulatedClock | null) => void;
  /** Gives the page's event loop a turn (a macrotask) between batches. */
  yieldNow: () => Promise<void>;
}

/** The next window index of an endpoint: after every window it already has, so replays never share one. */
async function nextWindow(db: WorkbenchDatabase, endpoint: string): Promise<number> {
  const windows = await db.trafficWindows.where('endpoint').equals(endpoint).primaryKeys();
  return windows.reduce((max, key) => Math.max(max, (key as [string, number])[1] + 1), 1);
}

/**
 * Replays a traffic scenario against an endpoint on a simulated clock: requests arrive in batches
 * (one per `TICK_MS` of simulated time), are answered by the endpoint's current split (re-read each
 * batch, so a rollback by hand applies at once), logged in chunks, counted per window (a simulated
 * day), and their labels delivered after the scenario's delay. A canary is judged after each batch
 * and advances, promotes or rolls back by itself. The log, the windows and the replay record are
 * flushed together about once a second; a reload loses at most the unflushed second, and the
 * record says how far the log got, so the replay can resume from there.
 */
export async function runReplay(request: ReplayRequest, deps: ReplayDeps): Promise<ReplayOutcome> {
  const { db, signal } = deps;
  const endpoint0 = await db.endpoints.get(request.endpoint);
  if (!endpoint0) throw new ServingError(`There is no endpoint named “${request.endpoint}”.`);
  if (endpoint0.status === 'stopped') throw new ServingError(`Endpoint “${request.endpoint}” is stopped: start it before sending traffic.`);
  const primary = endpoint0.routes.find((r) => r.role === 'primary')!.version;
  const ctx = await scenarioContext(db, endpoint0.model, primary, deps.sources);
  const problem = scenarioProblem(request.resume ? ((await db.replays.get(request.resume))?.scenario ?? request.scenario) : request.scenario, ctx);
  if (problem) throw new ServingError(problem);
  const previous = request.resume ? await db.replays.get(request.resume) : undefined;
  if (request.resume && !previous) throw new ServingError('That replay is no longer stored, so it cannot be resumed.');
  const record: ReplayRecord = previous
    ? { ...previous, status: 'RUNNING', endedAt: null, message: null }
    : {
        id: crypto.randomUUID(),
        endpoint: request.endpoint,
        scenario: request.scenario,
        seed: request.seed,
        dirtyRate: request.dirtyRate,
        status: 'RUNNING',
        requestsDone: 0,
        requestsTotal: 0,
        simStart: 0,
        simNow: 0,
        startedAt: deps.now(),
        endedAt: null,
        message: null,
        windowOffset: await nextWindow(db, request.endpoint),
        options: { days: request.days, requestsPerDay: request.requestsPerDay, rowsPerRequest: request.rowsPerRequest, driftStart: request.driftStart, magnitude: request.magnitude, feature: request.feature, hidden: request.hidden, labelDelayHours: request.labelDelayHours },
      };
  const options = record.options;
  const stream: TrafficStream = createTraffic(record.scenario, ctx, { seed: record.seed, dirtyRate: record.dirtyRate, days: options.days, requestsPerDay: options.requestsPerDay, rowsPerRequest: options.rowsPerRequest, driftStart: options.driftStart, magnitude: options.magnitude, feature: options.feature, hidden: options.hidden, labelDelayMs: options.labelDelayHours === undefined ? undefined : options.labelDelayHours * HOUR_MS, idPrefix: `${record.id.slice(0, 8)}-` });
  record.requestsTotal = stream.totalRequests;
  const { drift, profile, feature, className, startDay, magnitude } = stream.truth;
  record.truth = { drift, profile, feature, className, startDay, magnitude };
  record.simStart = stream.start;
  const resumeFrom = record.requestsDone;
  const monitor = await ReplayMonitor.start(deps, endpoint0);
  const windows = new ReplayWindows(record.endpoint, record.id, ctx.task);
  const labels = new LabelQueue(ctx.task, stream.info.labelDelayMs);
  const canary = new CanaryTracker(ctx.task);
  const writer = new PredictionLogWriter(db, record.endpoint, record.id);
  if (resumeFrom > 0) {
    await resumeReplay(db, record, stream, windows, labels);
    await monitor.resume(record);
  }
  const backendLabel = await deps.cache.backendLabel();
  // The clock starts only now: simulated time must not run on while the reference profile is built
  // (the training split predicted, the estimator fitted) or a resumed replay reads its log back.
  const clock = new SimulatedClock({ start: resumeFrom > 0 ? record.simNow : stream.start, speed: request.speed, paused: request.paused ?? false });
  deps.onClock?.(clock);
  deps.post({ type: 'started', replayId: record.id, totalRequests: stream.totalRequests, simStart: stream.start, simEnd: stream.start + stream.days * DAY_MS, scenarioTitle: stream.info.title, backendLabel, resumedFrom: resumeFrom });
  const span = (window: number) => ({ start: stream.start + (window - record.windowOffset) * DAY_MS, end: stream.start + (window - record.windowOffset + 1) * DAY_MS });

  let i = resumeFrom;
  const startedAt = deps.perfNow();
  let logWriteMs = 0;
  let logCommitMs = 0;
  let lastFlush = deps.perfNow();
  let lastProgress = 0;
  let currentWindow = record.windowOffset;
  let endpoint: Endpoint = endpoint0;
  // One flush in flight at a time, not awaited: answering the next batches overlaps the database's
  // commit. The record written with each flush says how far the log got, so a reload still loses
  // nothing that was counted. `logWriteMs` is the time the loop spent in or waiting for flushes.
  let inFlight: Promise<unknown> | null = null;
  const flush = async (wait = false, final = false) => {
    const t0 = deps.perfNow();
    const monitored = await monitor.take(clock.now(), deps.now(), final);
    if (inFlight) {
      const previous = inFlight;
      inFlight = null;
      // A failed flush kept its rows in the writer: the error stops the replay, whose final flush retries them.
      await previous;
    }
    record.simNow = clock.now();
    const began = deps.perfNow();
    const started = writer.flush({ windows: windows.takeChanged(), replay: { ...record }, ...monitored }).then((result) => {
      logCommitMs += deps.perfNow() - began;
      return result;
    });
    // Awaited at the next flush; until then a failure must not surface as an unhandled rejection.
    started.catch(() => undefined);
    inFlight = started;
    if (wait) {
      inFlight = null;
      await started;
    }
    lastFlush = deps.perfNow();
    logWriteMs += lastFlush - t0;
  };
  const finish = async (status: ReplayOutcome['status'], message: string | null): Promise<ReplayOutcome> => {
    record.status = status === 'FAILED' ? 'STOPPED' : status;
    record.endedAt = deps.now();
    record.message = message;
    // A replay that ran to its end closes its last windows; a stopped one leaves them open for a resume.
    await flush(true, status === 'FINISHED');
    deps.onClock?.(null);
    return { replayId: record.id, status, requestsDone: record.requestsDone, message, wallMs: deps.perfNow() - startedAt, logWriteMs, logCommitMs };
  };

  try {
    while (i < stream.totalRequests || labels.waiting > 0) {
      if (signal.aborted) return await finish('STOPPED', 'Stopped by you.');
      const nextAt = i < stream.totalRequests ? stream.request(i).at : (labels.nextArrival ?? clock.now());
      const tickEnd = Math.max(nextAt, clock.now()) + TICK_MS;
      await clock.sleep(Math.max(0, nextAt - clock.now()), signal).catch(() => undefined);
      if (signal.aborted) return await finish('STOPPED', 'Stopped by you.');
      const fresh = await db.endpoints.get(record.endpoint);
      if (!fresh || fresh.status === 'stopped') return await finish('STOPPED', fresh ? 'The endpoint was stopped.' : 'The endpoint was deleted.');
      endpoint = fresh;
      const batch: Array<{ incoming: IncomingRequest; labels: Array<number | string | null> }> = [];
      while (i < stream.totalRequests) {
        const r = stream.request(i);
        if (r.at >= tickEnd && batch.length > 0) break;
        currentWindow = record.windowOffset + r.day;
        batch.push({ incoming: { body: { id: r.id, columns: r.columns, rows: r.rows }, fallbackId: r.id, at: r.at, window: currentWindow }, labels: r.labels });
        i++;
      }
      if (batch.length > 0) {
        const answered = await answerBatch(endpoint, batch.map((b) => b.incoming), deps.cache, deps.perfNow);
        monitor.observe(answered, span);
        answered.forEach((a, k) => {
          for (const v of [a.answer, ...a.shadows]) {
            for (const row of v.rows) writer.log(row);
            windows.addRequest(a.request.window, span(a.request.window), v.version, v.role, v.outcome, v.role === 'answer' ? v.issues : [], v.rows.length);
          }
          for (const shadow of a.shadows) {
            shadow.rows.forEach((row, r) => {
              const answerRow = a.answer.rows[r];
              const agreed = answerRow ? agrees(ctx.task, answerRow.prediction, row.prediction) : null;
              if (agreed !== null) windows.addAgreement(a.request.window, agreed);
            });
          }
          labels.push(a, batch[k]!.labels);
        });
        canary.observe(endpoint, answered, clock.now());
        record.requestsDone = i;
      }
      const delivered = labels.deliver(clock.now());
      for (const d of delivered) {
        writer.label(d.arrival);
        monitor.label(d.arrival);
        for (const l of d.losses) windows.addLabel(d.arrival.window, l.version, l.role, l.loss);
      }
      canary.observeLabels(endpoint, delivered, clock.now());
      const change = canary.decide(endpoint, clock.now());
      if (change) {
        const { decision } = change;
        endpoint = await changeRoutes(db, endpoint.name, { routes: change.routes, rollout: change.rollout, action: decision.action === 'advance' ? 'canary-step' : decision.action === 'promote' ? 'promote' : 'rollback', version: endpoint.rollout!.candidate, strategy: 'canary' }, deps.now(), { actor: decision.action === 'rollback' ? 'canary guard' : 'canary', reason: decision.reason, simAt: clock.now() });
        deps.post({ type: 'rollout', message: decision.reason, endpoint });
      }
      if (deps.perfNow() - lastFlush >= FLUSH_EVERY_MS) await flush();
      if (deps.perfNow() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = deps.perfNow();
        deps.post({ type: 'tick', replayId: record.id, simNow: clock.now(), requestsDone: record.requestsDone, paused: clock.paused, speed: clock.speed, window: windows.summaryOf(currentWindow) });
      }
      await deps.yieldNow();
    }
    const outcome = await finish('FINISHED', null);
    deps.post({ type: 'tick', replayId: record.id, simNow: clock.now(), requestsDone: record.requestsDone, paused: false, speed: clock.speed, window: windows.summaryOf(currentWindow) });
    return outcome;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    try {
      await finish('FAILED', `The replay stopped: ${message}`);
    } catch {
      // Storage itself failed: the record stays RUNNING and is marked interrupted on the next visit.
    }
    throw error;
  }
}
