// The serving benchmark's steps in this tab (issue #11, `npm run bench:serving`): train and deploy
// the model if this browser has none, then time the request console path and a 100k-request
// replay through the tab's serving worker, exactly as the endpoint page calls it.
import { builtinInfos } from '@/lib/data/load';
import { BENCH_NAME, BENCH_PRESET, benchPreprocessing, benchReplayRequest, ensureBenchEndpoint, findBenchVersion, latencySummary, logWriteShare, registerBenchRun, rowsPerSecond, typicalRowsBody, type BenchVersion } from '@/lib/serving/bench-setup';
import type { ReplayOutcome, ReplayRequest } from '@/lib/serving/protocol';
import { getDatabase, type WorkbenchDatabase } from '@/lib/tracking/db';
import { deleteEndpointTraffic } from '@/lib/tracking/prediction-log-state';
import { systemClock } from '@/lib/time';
import { formFromParams, requestFromForm } from '@/components/training/form-state';
import { servingWorker } from '@/stores/serving-worker';
import { tfWorker } from '@/stores/tf-worker';
import { countLongTasks, type LongTaskCount } from './long-tasks';

/** The sizes: 300 one-row requests after 20 warm-ups; 1,000-row requests, 20 after 3. */
const SINGLE = { warmups: 20, requests: 300 };
const BATCH = { rows: 1000, warmups: 3, requests: 20 };

/** The JSON line the benchmark prints (the script adds the WebGL renderer). */
export interface ServingBenchResult {
  singleRowP50Ms: number;
  singleRowP95Ms: number;
  singleRowRequests: number;
  batch1000RowsPerSec: number;
  batch1000P50Ms: number;
  /** Page → replay call → outcome in the page, including the scenario's setup in the worker. */
  replay100kRequestsMs: number;
  /** The outcome's own `wallMs` (the worker's loop, from its first request). */
  replayWallMs: number;
  replayRequests: number;
  /** Null where this browser reports no long tasks (PerformanceObserver 'longtask'). */
  longTasksOver50ms: number | null;
  longestTaskMs: number | null;
  logWriteShare: number;
  logWriteMs: number;
  /** The flushes' summed span from start to commit over the replay's wall time (they overlap answering). */
  logCommitShare: number;
  /** The serving worker's tfjs backend, as the replay's `started` event names it. */
  backendLabel: string | null;
  modelVersion: number;
  /** Whether this run trained the model (false: an earlier run's version was reused). */
  trainedModel: boolean;
}

type Status = (message: string) => void;

/** Trains the benchmark model from its train-page preset in the tab's tfjs worker; its run id. */
async function trainBenchModel(onStatus: Status): Promise<string> {
  const infos = builtinInfos();
  const form = formFromParams(infos, new URLSearchParams(BENCH_PRESET));
  const info = form && infos.find((d) => d.id === form.datasetId);
  if (!form || !info) throw new Error('The flights dataset is missing from this build.');
  const built = requestFromForm({ ...form, name: 'serving benchmark model', backend: 'auto' }, info, new Date(systemClock.now()));
  if ('problems' in built) throw new Error(built.problems.join('; '));
  const request = { ...built.request, experiment: 'serving-benchmark', tags: { benchmark: 'serving' } };
  const done = await tfWorker().call('train', request, {
    label: 'the serving benchmark’s training',
    onQueued: (_, label) => onStatus(`Waiting for ${label} to finish…`),
    onProgress: (m) => {
      if (m.type === 'started') onStatus(`Training the benchmark model on ${m.backendLabel}…`);
      if (m.type === 'epoch') onStatus(`Training the benchmark model: epoch ${m.epoch} of ${m.epochs}…`);
    },
  }).result;
  if (done.status !== 'FINISHED') throw new Error(`Training the benchmark model ended ${done.status}: ${done.failure?.message ?? 'no reason given'}`);
  return done.runId;
}

/** The benchmark model's servable version, trained and registered first when there is none. */
async function benchVersion(db: WorkbenchDatabase, onStatus: Status): Promise<{ bench: BenchVersion; trained: boolean }> {
  const found = await findBenchVersion(db);
  if (found) return { bench: found, trained: false };
  const runId = await trainBenchModel(onStatus);
  return { bench: await registerBenchRun(db, runId, systemClock.now()), trained: true };
}

/** Sends `body` to the endpoint `warmups + requests` times, one after another; the timed round trips (ms). */
async function timeRequests(body: string, { warmups, requests }: { warmups: number; requests: number }): Promise<number[]> {
  const client = servingWorker();
  const samples: number[] = [];
  for (let i = 0; i < warmups + requests; i++) {
    const t0 = performance.now();
    const answer = await client.call('answer', { endpoint: BENCH_NAME, body, source: 'console' }).result;
    const ms = performance.now() - t0;
    // A refused request would time the error path, not serving: stop with the endpoint's words.
    if (answer.status !== 200) throw new Error(`The endpoint answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    if (i >= warmups) samples.push(ms);
  }
  return samples;
}

/** The 100k replay, timed from this page, counting main-thread long tasks from before it starts until it ends. */
async function timeReplay(request: ReplayRequest, onStatus: Status): Promise<{ outcome: ReplayOutcome; pageMs: number; backendLabel: string | null; longTasks: LongTaskCount | null }> {
  const total = request.days * request.requestsPerDay;
  let backendLabel: string | null = null;
  const longTasks = countLongTasks();
  const t0 = performance.now();
  try {
    const outcome = await servingWorker().call('replay', request, {
      label: 'the benchmark replay',
      onProgress: (event) => {
        if (event.type === 'started') backendLabel = event.backendLabel;
        if (event.type === 'tick') onStatus(`Replaying: ${event.requestsDone.toLocaleString('en')} of ${total.toLocaleString('en')} requests…`);
      },
    }).result;
    const pageMs = performance.now() - t0;
    return { outcome, pageMs, backendLabel, longTasks: await longTasks.stop() };
  } finally {
    longTasks.cancel();
  }
}

/**
 * Runs the whole benchmark in this tab and returns its figures. Each step's failure is thrown
 * with the step named, so the script's error line says where it stopped.
 */
export async function runServingBenchmark(onStatus: Status): Promise<ServingBenchResult> {
  const db = getDatabase();
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    onStatus(`${name}…`);
    try {
      return await fn();
    } catch (error) {
      throw new Error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const { bench, trained } = await step('Preparing the benchmark model', () => benchVersion(db, onStatus));
  await step('Deploying the benchmark endpoint', () => ensureBenchEndpoint(db, bench.version, systemClock.now()));
  const prep = await step('Reading the model’s preprocessing', () => benchPreprocessing(db, bench.runId));
  const single = await step(`Sending ${SINGLE.requests} one-row requests`, () => timeRequests(typicalRowsBody(prep, 1, 'bench-one-row'), SINGLE));
  const batch = await step(`Sending ${BATCH.requests} requests of ${BATCH.rows.toLocaleString('en')} rows`, () => timeRequests(typicalRowsBody(prep, BATCH.rows, 'bench-batch'), BATCH));
  // An earlier run's replay (and the requests just sent) would count against the log's retention
  // cap and make this replay drop rows as it writes: start it from an empty log.
  await step('Clearing the endpoint’s earlier traffic', () => deleteEndpointTraffic(db, BENCH_NAME));
  const request = benchReplayRequest();
  const replay = await step('Replaying 100,000 requests', () => timeReplay(request, onStatus));
  const { outcome } = replay;
  if (outcome.status !== 'FINISHED' || outcome.requestsDone !== request.days * request.requestsPerDay) {
    throw new Error(`The replay ended ${outcome.status} after ${outcome.requestsDone} requests: ${outcome.message ?? 'no reason given'}`);
  }
  const singleStats = latencySummary(single);
  return {
    singleRowP50Ms: singleStats.p50Ms,
    singleRowP95Ms: singleStats.p95Ms,
    singleRowRequests: single.length,
    batch1000RowsPerSec: rowsPerSecond(batch, BATCH.rows),
    batch1000P50Ms: latencySummary(batch).p50Ms,
    replay100kRequestsMs: Math.round(replay.pageMs),
    replayWallMs: Math.round(outcome.wallMs),
    replayRequests: outcome.requestsDone,
    longTasksOver50ms: replay.longTasks?.count ?? null,
    longestTaskMs: replay.longTasks?.longestMs ?? null,
    logWriteShare: logWriteShare(outcome),
    logWriteMs: Math.round(outcome.logWriteMs),
    logCommitShare: outcome.wallMs > 0 ? Math.round((10_000 * outcome.logCommitMs) / outcome.wallMs) / 10_000 : 0,
    backendLabel: replay.backendLabel,
    modelVersion: bench.version,
    trainedModel: trained,
  };
}
