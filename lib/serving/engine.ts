import { transformRecords } from '../data/encode-record';
import type { LoggedRow } from '../tracking/prediction-log-types';
import type { Endpoint, IssueKind, RowStatus } from '../tracking/serving-types';
import { buildResponse, RequestError, validateBody, type ValidatedRequest } from './contract';
import { createRouter } from './routing';
import type { LoadedVersion, VersionCache } from './version-cache';
import type { RequestOutcome } from './window-stats';

/** One request reaching an endpoint: its body (parsed JSON, or the raw text), when, and in which window. */
export interface IncomingRequest {
  /** The raw body text (console, clients) or an already parsed object (replayed traffic). */
  body: string | unknown;
  /** Id used for routing when the body carries none (or cannot be parsed). */
  fallbackId: string;
  /** Simulated epoch ms. */
  at: number;
  window: number;
}

/** What one version did with one request. */
export interface VersionAnswer {
  version: number;
  role: 'answer' | 'shadow';
  status: number;
  /** The JSON body this version answered (a shadow's is logged, never returned). */
  response: unknown;
  latencyMs: number;
  outcome: RequestOutcome;
  /** Issue kinds of the request and its rows, each counted once per row it flags (request kinds once). */
  issues: IssueKind[];
  rows: LoggedRow[];
}

/** One request answered: the answer returned, and what each shadow would have said. */
export interface AnsweredRequest {
  requestId: string;
  request: IncomingRequest;
  answer: VersionAnswer;
  shadows: VersionAnswer[];
}

interface Work {
  request: IncomingRequest;
  requestId: string;
  version: LoadedVersion;
  role: 'answer' | 'shadow';
  validated: ValidatedRequest | null;
  error: RequestError | null;
  validateMs: number;
  /** Offset of this request's accepted rows in its version's batch. */
  offset: number;
  accepted: number[];
}

/** The id a body carries (for sticky routing), or the fallback. */
function idOf(body: unknown, fallback: string): string {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const id = (body as { id?: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return fallback;
}

function parseForRouting(body: string | unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return null;
  }
}

/**
 * Answers a micro-batch of requests to one endpoint, as a model server with dynamic batching
 * does: each request is routed (sticky by its id) and validated on its own, then each version
 * predicts all the rows it accepted in one call, and every request's latency is its own
 * validation time plus its version's batch time (it waited for the batch). A request that breaks
 * the contract gets its 400 and never touches the others; a row that fails validation is
 * rejected, flagged or passed by the endpoint's policy; NaN outputs are row errors.
 */
export async function answerBatch(endpoint: Endpoint, requests: readonly IncomingRequest[], cache: VersionCache, perfNow: () => number): Promise<AnsweredRequest[]> {
  const route = createRouter(endpoint.routes);
  const works: Work[] = [];
  const answers: Work[] = [];
  const shadowsOf = new Map<Work, Work[]>();
  for (const request of requests) {
    const parsed = parseForRouting(request.body);
    const requestId = idOf(parsed, request.fallbackId);
    const choice = route(requestId);
    const make = async (versionNumber: number, role: 'answer' | 'shadow'): Promise<Work> => {
      const version = await cache.get(endpoint.model, versionNumber);
      const t0 = perfNow();
      let validated: ValidatedRequest | null = null;
      let error: RequestError | null = null;
      try {
        validated = validateBody(parsed === null && typeof request.body === 'string' ? request.body : parsed, version.contract, endpoint.policy);
      } catch (e) {
        if (!(e instanceof RequestError)) throw e;
        error = e;
      }
      return { request, requestId, version, role, validated, error, validateMs: perfNow() - t0, offset: 0, accepted: [] };
    };
    const answer = await make(choice.answer, 'answer');
    const shadows = await Promise.all(choice.shadows.map((v) => make(v, 'shadow')));
    answers.push(answer);
    shadowsOf.set(answer, shadows);
    works.push(answer, ...shadows);
  }
  // One predict per version over every row it accepted.
  const outputs = new Map<number, { out: Float32Array; ms: number }>();
  const byVersion = new Map<number, Work[]>();
  for (const work of works) byVersion.set(work.version.version, [...(byVersion.get(work.version.version) ?? []), work]);
  for (const [versionNumber, group] of byVersion) {
    const records: Array<Record<string, unknown>> = [];
    for (const work of group) {
      work.offset = records.length;
      work.validated?.rows.forEach((row, i) => {
        if (row.record) {
          work.accepted.push(i);
          records.push(row.record);
        }
      });
    }
    const loaded = group[0]!.version.serving;
    const t0 = perfNow();
    const out = loaded.predict(transformRecords(loaded.prep, records), records.length);
    outputs.set(versionNumber, { out, ms: perfNow() - t0 });
  }
  const finish = (work: Work): VersionAnswer => {
    const { out, ms } = outputs.get(work.version.version)!;
    const serving = work.version.serving;
    const latencyMs = work.validateMs + ms;
    const base = { version: work.version.version, role: work.role, latencyMs };
    if (work.error || !work.validated) {
      const error = work.error ?? new RequestError(400, 'The request could not be read.');
      const body = error.id === undefined || error.id === null ? { error: error.message } : { id: error.id, error: error.message };
      const row: LoggedRow = { window: work.request.window, requestId: work.requestId, rowIndex: 0, at: work.request.at, version: work.version.version, role: work.role, latencyMs, columns: [], inputs: [], prediction: null, score: null, status: 'refused', issues: [] };
      return { ...base, status: error.status, response: body, outcome: { rows: 0, errors: 0, refused: 1, rejected: 0, flagged: 0, latencyMs }, issues: [], rows: [row] };
    }
    const validated = work.validated;
    const k = serving.outputs;
    const raw = work.accepted.map((_, j) => out.subarray((work.offset + j) * k, (work.offset + j + 1) * k));
    const response = buildResponse(validated, raw, { task: serving.prep.task, classNames: serving.prep.classNames, version: work.version.version });
    const predictions = (response as { predictions: Array<number | string | null> }).predictions;
    const scores = scoresOf(validated, raw, work.accepted, serving.prep.task);
    let errors = 0;
    let rejected = 0;
    let flagged = 0;
    const issues: IssueKind[] = validated.requestIssues.map((i) => i.kind);
    const rows: LoggedRow[] = validated.rows.map((row, i) => {
      let status: RowStatus = row.verdict === 'rejected' ? 'rejected' : row.verdict === 'flagged' ? 'flagged' : 'ok';
      const score = scores[i] ?? null;
      if (status !== 'rejected' && (score === null || !Number.isFinite(score))) status = 'error';
      if (status === 'error') errors++;
      else if (status === 'rejected') rejected++;
      else if (status === 'flagged') flagged++;
      for (const issue of row.issues) issues.push(issue.kind);
      return {
        window: work.request.window,
        requestId: work.requestId,
        rowIndex: i,
        at: work.request.at,
        version: work.version.version,
        role: work.role,
        latencyMs,
        columns: validated.columns,
        inputs: row.values,
        prediction: status === 'error' ? null : (predictions[i] ?? null),
        score: status === 'error' ? null : score,
        status,
        issues: row.issues.map((issue) => issue.kind),
      };
    });
    return { ...base, status: 200, response, outcome: { rows: validated.rows.length, errors, rejected, flagged, latencyMs }, issues, rows };
  };
  return answers.map((work) => ({ requestId: work.requestId, request: work.request, answer: finish(work), shadows: (shadowsOf.get(work) ?? []).map(finish) }));
}

/**
 * The number a row's prediction is judged by: the value (regression), P(last class) for a yes/no
 * classifier (the positive class sorts last: "false" < "true", 0 < 1), else the top probability.
 * Null for rejected rows.
 */
function scoresOf(validated: ValidatedRequest, raw: readonly Float32Array[], accepted: readonly number[], task: 'regression' | 'classification'): Array<number | null> {
  const scores: Array<number | null> = validated.rows.map(() => null);
  accepted.forEach((rowIndex, j) => {
    const out = raw[j]!;
    if (task === 'regression') scores[rowIndex] = out[0]!;
    else if (out.length === 2) scores[rowIndex] = out[1]!;
    else scores[rowIndex] = Math.max(...out);
  });
  return scores;
}
