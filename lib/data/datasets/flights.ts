import type { FlightRecord } from '../flights-summary';
import type { DataTable } from '../table';
import { estimatedArrival, meanDelayLandedBefore, type FlightTimes } from './flights-history';

/** `recent_delay` averages the flights that landed anywhere in the 3 hours before departure. */
const RECENT_WINDOW_MS = 1 * 3_600_000;
/** `origin_delay` and `destination_delay` average the flights that landed at that airport in the 24 hours before departure. */
const AIRPORT_WINDOW_MS = 24 * 3_600_000;

function round1(values: Array<number | null>): Array<number | null> {
  return values.map((v) => (v === null ? null : Math.round(v * 10) / 10));
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
/** A flight is "delayed" when it arrives more than this many minutes late. */
export const DELAYED_AFTER_MINUTES = 15;

/**
 * Parses `"YYYY/MM/DD HH:MM"` as a wall-clock time in UTC (the file has no time zone; using UTC
 * keeps hour and weekday the same on every machine). Returns NaN when it does not parse.
 */
export function parseFlightTime(date: string): number {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})$/.exec(date);
  if (!m) return NaN;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi);
}

/**
 * The flights table with derived features: departure `time` (datetime), `hour` (0–23),
 * `weekday` (Sun…Sat, categorical), `month` (1–12), `distance` (miles), `origin` and
 * `destination` (airport codes; preprocessing keeps the top N and groups the rest as
 * "(other)"), and the two targets: `delay` (minutes, regression) and `delayed`
 * (1 when delay > 15 minutes, classification). Unparseable cells become missing values.
 */
export function flightsTable(records: readonly FlightRecord[]): DataTable {
  const n = records.length;
  const time: Array<number | null> = new Array(n);
  const hour: Array<number | null> = new Array(n);
  const weekday: Array<string | null> = new Array(n);
  const month: Array<number | null> = new Array(n);
  records.forEach((r, i) => {
    const t = typeof r.date === 'string' ? parseFlightTime(r.date) : NaN;
    const ok = Number.isFinite(t);
    const d = new Date(t);
    time[i] = ok ? t : null;
    hour[i] = ok ? d.getUTCHours() : null;
    weekday[i] = ok ? WEEKDAYS[d.getUTCDay()]! : null;
    month[i] = ok ? d.getUTCMonth() + 1 : null;
  });
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  // Delays enter the history features clipped to [−30, 120] minutes, so that one 8-hour delay does not swamp a mean.
  const times: FlightTimes[] = records.map((r, i) => {
    const delay = num(r.delay);
    return { departure: time[i]!, arrival: estimatedArrival(time[i]!, num(r.distance), delay), delay: delay === null ? null : Math.max(-30, Math.min(120, delay)), origin: str(r.origin), destination: str(r.destination) };
  });
  return {
    rowCount: n,
    columns: [
      { name: 'time', type: 'datetime', values: time },
      { name: 'hour', type: 'numeric', values: hour },
      { name: 'weekday', type: 'categorical', values: weekday },
      { name: 'month', type: 'numeric', values: month },
      { name: 'distance', type: 'numeric', values: records.map((r) => num(r.distance)) },
      { name: 'origin', type: 'categorical', values: records.map((r) => str(r.origin)) },
      { name: 'destination', type: 'categorical', values: records.map((r) => str(r.destination)) },
      { name: 'recent_delay', type: 'numeric', values: round1(meanDelayLandedBefore(times, RECENT_WINDOW_MS, 'network')) },
      { name: 'origin_delay', type: 'numeric', values: round1(meanDelayLandedBefore(times, AIRPORT_WINDOW_MS, 'inbound')) },
      { name: 'destination_delay', type: 'numeric', values: round1(meanDelayLandedBefore(times, AIRPORT_WINDOW_MS, 'destination')) },
      { name: 'delay', type: 'numeric', values: records.map((r) => num(r.delay)) },
      {
        name: 'delayed',
        type: 'boolean',
        values: records.map((r) => {
          const d = num(r.delay);
          return d === null ? null : d > DELAYED_AFTER_MINUTES ? 1 : 0;
        }),
      },
    ],
  };
}
