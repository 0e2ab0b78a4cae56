import type { DatasetSources } from '../data/load';
import type { WorkbenchDatabase } from '../tracking/db';
import { answerBatch } from './engine';
import { ServingError } from './errors';
import { percentiles } from './latency';
import type { LoadTestPoint, LoadTestRequest, LoadTestSummary } from './protocol';
import { scenarioContext } from './replay-context';
import { createTraffic } from './traffic';
import type { VersionCache } from './version-cache';

export interface LoadTestDeps {
  db: WorkbenchDatabase;
  cache: VersionCache;
  sources: DatasetSources;
  perfNow: () => number;
  yieldNow: () => Promise<void>;
  signal: AbortSignal;
  post: (point: LoadTestPoint) => void;
}

/** Most users and seconds a load test may ask for (the worker is one thread: more only queues). */
export const LOAD_TEST_MAX_USERS = 200;
export const LOAD_TEST_MAX_SECONDS = 120;

/**
 * A load test in the style of Locust, on wall-clock time: `users` simulated users start at
 * `spawnRate` a second; each sends a request (real rows from the model's own data, clean),
 * waits for its answer, and sends the next. The endpoint answers them one by one on the worker's
 * single thread, so a request's latency includes the time it queued behind other users' requests,
 * as it would on a one-core server. Reports each second (requests, failures, p50/p95/p99) and a
 * summary. Not written to the prediction log: a load test is not production traffic.
 */
export async function runLoadTest(request: LoadTestRequest, deps: LoadTestDeps): Promise<LoadTestSummary> {
  const { users, spawnRate, durationS, rowsPerRequest } = request;
  if (!(Number.isInteger(users) && users >= 1 && users <= LOAD_TEST_MAX_USERS)) throw new ServingError(`Users must be a whole number from 1 to ${LOAD_TEST_MAX_USERS}.`);
  if (!(spawnRate > 0)) throw new ServingError('The spawn rate must be above 0 users a second.');
  if (!(durationS > 0 && durationS <= LOAD_TEST_MAX_SECONDS)) throw new ServingError(`The duration must be above 0 and at most ${LOAD_TEST_MAX_SECONDS} seconds.`);
  if (!(Number.isInteger(rowsPerRequest) && rowsPerRequest >= 1 && rowsPerRequest <= 1000)) throw new ServingError('Rows per request must be a whole number from 1 to 1,000.');
  const endpoint = await deps.db.endpoints.get(request.endpoint);
  if (!endpoint) throw new ServingError(`There is no endpoint named “${request.endpoint}”.`);
  const primary = endpoint.routes.find((r) => r.role === 'primary')!.version;
  const ctx = await scenarioContext(deps.db, endpoint.model, primary, deps.sources);
  const stream = createTraffic('control', ctx, { seed: 1, days: 1, requestsPerDay: 1000, rowsPerRequest, dirtyRate: 0 });
  const all: number[] = [];
  const points: LoadTestPoint[] = [];
  let failures = 0;
  let sent = 0;
  let second: number[] = [];
  let secondErrors = 0;
  const t0 = deps.perfNow();
  const elapsed = () => (deps.perfNow() - t0) / 1000;
  const running = () => elapsed() < durationS && !deps.signal.aborted;
  const activeUsers = () => Math.min(users, Math.floor(elapsed() * spawnRate) + 1);

  const user = async (u: number) => {
    // Wait for this user's spawn time.
    while (running() && activeUsers() <= u) await deps.yieldNow();
    while (running()) {
      const r = stream.request(sent++ % stream.totalRequests);
      const started = deps.perfNow();
      try {
        const [answered] = await answerBatch(endpoint, [{ body: JSON.stringify({ id: r.id, columns: r.columns, rows: r.rows }), fallbackId: r.id, at: 0, window: 0 }], deps.cache, deps.perfNow);
        if (answered!.answer.status !== 200) {
          failures++;
          secondErrors++;
        }
      } catch {
        failures++;
        secondErrors++;
      }
      const ms = deps.perfNow() - started;
      all.push(ms);
      second.push(ms);
      // Each user yields between requests, so the others (and messages) get their turn.
      await deps.yieldNow();
    }
  };
  const reporter = async () => {
    let next = 1;
    while (running()) {
      await deps.yieldNow();
      if (elapsed() >= next) {
        const [p50, p95, p99] = second.length > 0 ? percentiles(second, [50, 95, 99]) : [0, 0, 0];
        const point: LoadTestPoint = { second: next, users: activeUsers(), requests: second.length, errors: secondErrors, p50Ms: p50 ?? 0, p95Ms: p95 ?? 0, p99Ms: p99 ?? 0 };
        points.push(point);
        deps.post(point);
        second = [];
        secondErrors = 0;
        next++;
      }
    }
  };
  await Promise.all([reporter(), ...Array.from({ length: users }, (_, u) => user(u))]);
  const seconds = Math.max(1e-3, elapsed());
  const [p50, p95, p99] = all.length > 0 ? percentiles(all, [50, 95, 99]) : [0, 0, 0];
  return { requests: all.length, failures, requestsPerSec: all.length / seconds, p50Ms: p50 ?? 0, p95Ms: p95 ?? 0, p99Ms: p99 ?? 0, maxMs: all.reduce((m, v) => Math.max(m, v), 0), points };
}
