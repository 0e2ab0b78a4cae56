/**
 * Real replays: the rows that came after the model's training rows, in time order, as requests.
 * Nothing is resampled or changed (the dirty overlay, when on, comes after), so whatever drift the
 * learner sees is the data's own.
 */
import { DAY_MS, type ScenarioContext, type TrafficOptions } from './types';
import { rowTimes } from './reference';

/** One replayed request before it is dressed: when it arrives and which table rows it carries. */
export interface ReplayGroup {
  at: number;
  day: number;
  rows: number[];
}

/** What a replay plays: day 0's midnight, its requests in order, and a sentence for the learner. */
export interface ReplayPlan {
  start: number;
  groups: ReplayGroup[];
  details: string;
}

/**
 * Distinct times at least this far apart (median) are periods, not moments: cars have one date per
 * model year. Played at their real times they would leave a year between windows, so each period
 * becomes one production day instead.
 */
const PERIOD_GAP_MS = 28 * DAY_MS;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Plans the replay of `ctx`: rows with a time strictly after the last training row's time (from
 * `ctx.laterRows`, or from the whole table when it is empty), never a training row, sorted by time
 * then row index. Rows sharing a time go together, in requests of at most `rowsPerRequest` rows.
 * Fine-grained times play at their real time (day = days since the first row's midnight, UTC);
 * coarse ones (median gap ≥ 28 days) play one period per day, its requests spread evenly over it.
 * Only days < `options.days` are played.
 *
 * Throws a learner-facing Error when the dataset has no time column or nothing follows training
 * (a model trained on a random split has training rows up to the last day).
 */
export function replayPlan(ctx: ScenarioContext, options: TrafficOptions): ReplayPlan {
  const times = rowTimes(ctx.table, ctx.timeColumn);
  if (!times) throw new Error('This dataset has no time column, so nothing comes “after” training: pick a synthetic scenario.');
  const training = new Set(ctx.trainRows);
  let lastTrained = -Infinity;
  for (const r of ctx.trainRows) if (times[r]! > lastTrained) lastTrained = times[r]!;
  const candidates = ctx.laterRows.length > 0 ? ctx.laterRows : Array.from({ length: ctx.table.rowCount }, (_, r) => r);
  const rows = candidates.filter((r) => Number.isFinite(times[r]) && times[r]! > lastTrained && !training.has(r)).sort((a, b) => times[a]! - times[b]! || a - b);
  if (rows.length === 0) throw new Error('No rows come after the model’s training rows (a random split trains on every period). Train with a time split to replay what followed.');

  const moments = groupByTime(rows, times);
  const start = Math.floor(times[rows[0]!]! / DAY_MS) * DAY_MS;
  const periods = medianGap(moments.map((m) => m.time)) >= PERIOD_GAP_MS;
  const size = Math.max(1, Math.floor(options.rowsPerRequest));
  const groups: ReplayGroup[] = [];
  moments.forEach((moment, period) => {
    const chunks: number[][] = [];
    for (let i = 0; i < moment.rows.length; i += size) chunks.push(moment.rows.slice(i, i + size));
    chunks.forEach((chunk, j) => {
      const at = periods ? start + period * DAY_MS + Math.floor((j * DAY_MS) / chunks.length) : moment.time;
      groups.push({ at, day: Math.floor((at - start) / DAY_MS), rows: chunk });
    });
  });
  const played = groups.filter((g) => g.day < options.days);
  const last = played[played.length - 1];
  const span = last ? last.day + 1 : 0;
  const playedRows = played.reduce((n, g) => n + g.rows.length, 0);
  const from = isoDate(times[played[0]?.rows[0] ?? rows[0]!]!);
  const to = isoDate(times[last?.rows[last.rows.length - 1] ?? rows[0]!]!);
  const trained = Number.isFinite(lastTrained) ? ` The model trained on rows up to ${isoDate(lastTrained)}.` : '';
  const pace = periods ? ' Each period in the data (one date each) plays as one production day.' : '';
  return { start, groups: played, details: `${playedRows.toLocaleString('en-US')} real rows from ${from} to ${to}, in ${played.length.toLocaleString('en-US')} requests over ${span} production day${span === 1 ? '' : 's'}.${trained}${pace}` };
}

function groupByTime(rows: readonly number[], times: Float64Array): Array<{ time: number; rows: number[] }> {
  const out: Array<{ time: number; rows: number[] }> = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.time === times[r]) last.rows.push(r);
    else out.push({ time: times[r]!, rows: [r] });
  }
  return out;
}

/** Median gap between consecutive sorted times; 0 with fewer than two. */
function medianGap(sorted: readonly number[]): number {
  if (sorted.length < 2) return 0;
  const gaps = sorted.slice(1).map((t, i) => t - sorted[i]!).sort((a, b) => a - b);
  return gaps[Math.floor((gaps.length - 1) / 2)]!;
}
