// The serving benchmark's fixtures (issue #11, `npm run bench:serving`): the model version and the
// endpoint it measures, the request bodies it sends, and the figures it reports. The page trains
// the model itself (a worker call); everything here is storage and arithmetic, so it is testable.
import type { StoredPreprocessing } from '../ml/predictor';
import { exampleRequest } from '../registry/package/example';
import { hasStoredModel, registerModel } from '../registry/registry';
import { ARTIFACTS } from '../tracking/artifact-names';
import type { WorkbenchDatabase } from '../tracking/db';
import type { Endpoint } from '../tracking/serving-types';
import { deleteEndpoint } from './delete-endpoint';
import { createEndpoint } from './endpoints';
import { percentiles } from './latency';
import type { ReplayRequest } from './protocol';

/** The registered model and the endpoint the benchmark creates (one name for both). */
export const BENCH_NAME = 'bench-serving';
/** The train-page preset of the benchmark's model: small and quick, a classifier with categoricals. */
export const BENCH_PRESET = 'dataset=flights&target=delayed&epochs=2';

/**
 * The replay the issue sizes: 100,000 one-row requests (20 days × 5,000) of the no-drift control
 * at full speed, clean, so the figure is the serving and logging path and not the validator's
 * error branches.
 */
export function benchReplayRequest(endpoint: string = BENCH_NAME): ReplayRequest {
  return { endpoint, scenario: 'control', seed: 11, days: 20, requestsPerDay: 5000, rowsPerRequest: 1, dirtyRate: 0, speed: 'max' };
}

/** A version the benchmark can serve: its number and the run behind it. */
export interface BenchVersion {
  version: number;
  runId: string;
}

/**
 * The newest version of the benchmark model that can still be served (not archived; its run
 * FINISHED with a stored model and its preprocessing), or null when the model must be trained
 * (first run in this browser, or its run was deleted since).
 */
export async function findBenchVersion(db: WorkbenchDatabase): Promise<BenchVersion | null> {
  const versions = await db.modelVersions.where('name').equals(BENCH_NAME).toArray();
  for (const v of versions.sort((a, b) => b.version - a.version)) {
    if (v.archived) continue;
    const run = await db.runs.get(v.runId);
    if (run?.status !== 'FINISHED' || !(await hasStoredModel(db, v.runId))) continue;
    if (!(await db.artifacts.get([v.runId, ARTIFACTS.preprocessing]))) continue;
    return { version: v.version, runId: v.runId };
  }
  return null;
}

/** Registers a freshly trained run as the next version of the benchmark model. */
export async function registerBenchRun(db: WorkbenchDatabase, runId: string, now: number): Promise<BenchVersion> {
  const version = await registerModel(db, { runId, name: BENCH_NAME, description: 'Trained by the serving benchmark.' }, now);
  return { version: version.version, runId };
}

/** Whether an existing endpoint already serves exactly `version` of the benchmark model, alone. */
function servesOnly(endpoint: Endpoint, version: number): boolean {
  const [route, ...others] = endpoint.routes;
  return endpoint.model === BENCH_NAME && endpoint.status === 'serving' && endpoint.rollout === null && endpoint.policy === 'reject' && others.length === 0 && route?.version === version && route.share === 100;
}

/**
 * The benchmark endpoint serving `version` with the reject policy, reusing the one an earlier run
 * left when it still matches. Anything else under the name (another version, a rollout, a stopped
 * endpoint someone edited by hand) is deleted with its traffic and created afresh, so every run
 * measures the same setup.
 */
export async function ensureBenchEndpoint(db: WorkbenchDatabase, version: number, now: number): Promise<Endpoint> {
  const existing = await db.endpoints.get(BENCH_NAME);
  if (existing && servesOnly(existing, version)) return existing;
  if (existing) {
    await deleteEndpoint(db, BENCH_NAME);
  }
  return createEndpoint(db, BENCH_NAME, { model: BENCH_NAME, target: { version } }, 'reject', now, { reason: 'serving benchmark' });
}

/** The run's fitted preprocessing, which the request bodies are built from. Throws when it is gone. */
export async function benchPreprocessing(db: WorkbenchDatabase, runId: string): Promise<StoredPreprocessing> {
  const artifact = await db.artifacts.get([runId, ARTIFACTS.preprocessing]);
  if (!artifact?.data) throw new Error(`Run ${runId} has no ${ARTIFACTS.preprocessing}, so the benchmark cannot build its requests.`);
  return artifact.data as StoredPreprocessing;
}

/**
 * A request body of `rows` rows, as the request console would send it: the model's typical row
 * (`exampleRequest`'s first, which passes the contract), with its first numeric input nudged by
 * up to ±0.05 standard deviations per row. Exact copies would each be flagged `duplicate-row`,
 * which a real batch is not, and the figure would then time the issue path.
 */
export function typicalRowsBody(prep: StoredPreprocessing, rows: number, id: string): string {
  const example = exampleRequest(prep);
  const typical = example.rows[0]!;
  const at = prep.encoders.findIndex((e) => e.kind === 'numeric');
  const encoder = prep.encoders[at];
  const step = encoder?.kind === 'numeric' && rows > 1 ? (encoder.std * 0.1) / (rows - 1) : 0;
  const body = Array.from({ length: rows }, (_, r) => (step === 0 ? typical : typical.map((v, i) => (i === at ? (v as number) + (r - (rows - 1) / 2) * step : v))));
  return JSON.stringify({ id, columns: example.columns, rows: body });
}

/** Round to `digits` decimals (JSON figures stay readable). */
function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** p50 and p95 of round-trip latencies (ms, numpy's rule), to 0.01 ms. */
export function latencySummary(samplesMs: readonly number[]): { p50Ms: number; p95Ms: number } {
  const [p50, p95] = percentiles(samplesMs, [50, 95]);
  return { p50Ms: round(p50!, 2), p95Ms: round(p95!, 2) };
}

/** Rows per second over requests of `rowsPerRequest` rows that took `samplesMs` in all (sent one after another). */
export function rowsPerSecond(samplesMs: readonly number[], rowsPerRequest: number): number {
  const totalMs = samplesMs.reduce((sum, ms) => sum + ms, 0);
  return totalMs > 0 ? Math.round((samplesMs.length * rowsPerRequest * 1000) / totalMs) : 0;
}

/** The replay's share of real time spent writing the prediction log (`logWriteMs / wallMs`), to 4 decimals. */
export function logWriteShare(outcome: { wallMs: number; logWriteMs: number }): number {
  return outcome.wallMs > 0 ? round(outcome.logWriteMs / outcome.wallMs, 4) : 0;
}
