/**
 * createTraffic: a scenario, a model's data and options in, a deterministic request stream out.
 * Request i depends only on (seed, i) and the plan built here, so the worker can ask for requests
 * in any order and a reloaded replay resumes at its stored index with the same requests.
 */
import { applyDirt } from './dirt';
import { featureReferences, rowReader, rowTimes } from './reference';
import { replayPlan } from './replay';
import { streamRandom } from './rng';
import { isScenarioId, scenarioInfo, scenarioProblem } from './scenarios';
import { syntheticPlan, type Draw } from './synthetic';
import { DAY_MS, type DriftTruth, type ScenarioContext, type ScenarioInfo, type TrafficOptions, type TrafficRequest, type TrafficStream } from './types';

/** Day 0 of synthetic traffic when the data has no times: 1 January 2024, 00:00 UTC. */
export const SYNTHETIC_EPOCH = Date.UTC(2024, 0, 1);

/** Salts of the per-request generators: the rows drawn and the overlay never share a sequence. */
const ROWS_SALT = 1;
const DIRT_SALT = 2;

const HIDDEN_TEXT = 'In this exercise the scenario does not say which input or class changes, or how much: find it from the monitoring.';

/**
 * Builds the stream of scenario `scenarioId` for the model described by `ctx`.
 *
 * - replay: the real rows after training (replay.ts); `requestsPerDay` is unused.
 * - control and `<covariate|prior|concept>-<sudden|gradual|recurring>`: `days` × `requestsPerDay`
 *   requests of `rowsPerRequest` rows resampled from the training rows (synthetic.ts), evenly
 *   spaced over each day from the midnight after the last training row (or SYNTHETIC_EPOCH).
 * Then the dirty overlay at `dirtyRate` (dirt.ts).
 *
 * Throws RangeError for options out of range (days, requestsPerDay or rowsPerRequest < 1, a
 * non-integer or non-finite count, dirtyRate outside 0–1), and Error with a learner-facing
 * sentence when the scenario cannot run on this model (see scenarioProblem).
 */
export function createTraffic(scenarioId: string, ctx: ScenarioContext, options: TrafficOptions): TrafficStream {
  checkOptions(options);
  const problem = scenarioProblem(scenarioId, ctx);
  if (problem || !isScenarioId(scenarioId)) throw new Error(problem ?? `There is no traffic scenario "${scenarioId}".`);
  const base = scenarioInfo(scenarioId, ctx.datasetId);
  const refs = featureReferences(ctx);
  const prefix = options.idPrefix ?? 'r';
  const reader = rowReader(ctx);

  let start: number;
  let total: number;
  let slot: (i: number) => { at: number; day: number; draws: Draw[] };
  let truth: DriftTruth;
  let details: string;
  if (scenarioId === 'replay') {
    const plan = replayPlan(ctx, options);
    start = plan.start;
    total = plan.groups.length;
    slot = (i) => {
      const g = plan.groups[i]!;
      return { at: g.at, day: g.day, draws: g.rows.map((row) => ({ row, label: reader.label(row) })) };
    };
    truth = { drift: null, profile: null, feature: null, className: null, startDay: 0, magnitude: 0, reachedShift: null };
    details = plan.details;
  } else {
    const plan = syntheticPlan(scenarioId, ctx, options);
    start = syntheticStart(ctx);
    total = options.days * options.requestsPerDay;
    const perDay = options.requestsPerDay;
    slot = (i) => {
      const day = Math.floor(i / perDay);
      const random = streamRandom(options.seed, i, ROWS_SALT);
      const draws = Array.from({ length: options.rowsPerRequest }, () => plan.draw(day, random));
      return { at: start + day * DAY_MS + Math.floor(((i % perDay) * DAY_MS) / perDay), day, draws };
    };
    truth = plan.truth;
    details = plan.details;
  }

  const hidden = options.hidden === true && base.kind === 'synthetic';
  const labelDelayMs = options.labelDelayMs !== undefined && Number.isFinite(options.labelDelayMs) && options.labelDelayMs >= 0 ? options.labelDelayMs : base.labelDelayMs;
  const info: ScenarioInfo = { ...base, hidden, labelDelayMs, description: [base.description, hidden ? HIDDEN_TEXT : details].filter((s) => s !== '').join(' ') };
  const width = Math.max(6, String(Math.max(0, total - 1)).length);

  return {
    info,
    start,
    totalRequests: total,
    days: total === 0 ? 0 : slot(total - 1).day + 1,
    truth,
    request(i: number): TrafficRequest {
      if (!Number.isInteger(i) || i < 0 || i >= total) throw new RangeError(`request ${i} is outside this stream (0 … ${total - 1}).`);
      const { at, day, draws } = slot(i);
      const body = applyDirt(
        { columns: ctx.features.slice(), rows: draws.map((d) => reader.row(d.row)), labels: draws.map((d) => d.label), sourceRows: draws.map((d) => d.row) },
        refs,
        options.dirtyRate,
        streamRandom(options.seed, i, DIRT_SALT),
      );
      return { id: prefix + String(i).padStart(width, '0'), index: i, at, day, ...body };
    },
  };
}

/** The midnight (UTC) after the last training row's time, so synthetic production follows training; SYNTHETIC_EPOCH without times. */
function syntheticStart(ctx: ScenarioContext): number {
  const times = rowTimes(ctx.table, ctx.timeColumn);
  let last = -Infinity;
  if (times) for (const r of ctx.trainRows) if (times[r]! > last) last = times[r]!;
  return Number.isFinite(last) ? (Math.floor(last / DAY_MS) + 1) * DAY_MS : SYNTHETIC_EPOCH;
}

function checkOptions(options: TrafficOptions): void {
  const count = (name: keyof TrafficOptions, min: number) => {
    const v = options[name];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) throw new RangeError(`${name} must be a whole number ≥ ${min}, got ${String(v)}.`);
  };
  count('days', 1);
  count('requestsPerDay', 1);
  count('rowsPerRequest', 1);
  if (!Number.isFinite(options.seed)) throw new RangeError(`seed must be a number, got ${String(options.seed)}.`);
  if (!(options.dirtyRate >= 0 && options.dirtyRate <= 1)) throw new RangeError(`dirtyRate must be between 0 and 1, got ${String(options.dirtyRate)}.`);
  if (options.magnitude !== undefined && !Number.isFinite(options.magnitude)) throw new RangeError(`magnitude must be a number, got ${String(options.magnitude)}.`);
}
