/*
 * Features from the past only. At departure, what a dispatcher can know is how late the flights
 * that have already LANDED were: a flight that left an hour ago and is still in the air has no
 * arrival delay yet. Using it (or the day's mean delay, or anything computed over the whole file)
 * would leak the future into the features: great validation scores, useless in production.
 */

/** Minutes of taxi, climb and descent every flight takes, whatever its length. */
const FIXED_BLOCK_MINUTES = 30;
/** Cruise speed for the block-time estimate, in miles per minute (≈ 480 mph). */
const MILES_PER_MINUTE = 8;
const MINUTE = 60_000;

/**
 * When a flight landed, estimated: departure + block time (30 min + distance ÷ 480 mph) + its
 * arrival delay. The file gives local departure times without time zones, so this is an
 * approximation of a few hours at worst across zones; it only decides which flights count as
 * "already landed". Null when an input is missing.
 */
export function estimatedArrival(departure: number | null, distance: number | null, delay: number | null): number | null {
  if (departure === null || distance === null || delay === null) return null;
  return departure + (FIXED_BLOCK_MINUTES + distance / MILES_PER_MINUTE + delay) * MINUTE;
}

/** A flight as the history features see it. */
export interface FlightTimes {
  departure: number | null;
  arrival: number | null;
  delay: number | null;
  origin: string | null;
  destination: string | null;
}

/**
 * Which landed flights a flight looks at: all of them (`network`), those that landed at its
 * origin (`inbound`: its aircraft and crews arrive on them), those that left its origin
 * (`same-origin`: how the airport it leaves from is running), or those that landed at its
 * destination (`destination`: how the airport it flies to is coping), or those that flew its
 * route (`route`: a schedule that is chronically late).
 */
export type HistoryScope = 'network' | 'inbound' | 'same-origin' | 'destination' | 'route';

const route = (f: FlightTimes) => (f.origin && f.destination ? `${f.origin}→${f.destination}` : null);
const LANDED_KEY: Record<HistoryScope, (f: FlightTimes) => string | null> = { network: () => '*', inbound: (f) => f.destination, 'same-origin': (f) => f.origin, destination: (f) => f.destination, route };
const LEAVING_KEY: Record<HistoryScope, (f: FlightTimes) => string | null> = { network: () => '*', inbound: (f) => f.origin, 'same-origin': (f) => f.origin, destination: (f) => f.destination, route };

/**
 * For each flight, the mean arrival delay (minutes) of the flights in its `scope` that landed in
 * the `windowMs` before it departed. Strictly before: a flight never sees itself or anything
 * that landed after it left. Null when none landed in the window (preprocessing imputes it).
 * O(n log n): one sort, then a sliding window per group.
 */
export function meanDelayLandedBefore(flights: readonly FlightTimes[], windowMs: number, scope: HistoryScope): Array<number | null> {
  const landed = flights.map((f, i) => i).filter((i) => flights[i]!.arrival !== null && flights[i]!.delay !== null);
  landed.sort((a, b) => flights[a]!.arrival! - flights[b]!.arrival!);
  const leaving = flights.map((f, i) => i).filter((i) => flights[i]!.departure !== null);
  leaving.sort((a, b) => flights[a]!.departure! - flights[b]!.departure!);
  const windows = new Map<string, { sum: number; count: number }>();
  const keyOfLanding = (i: number) => LANDED_KEY[scope](flights[i]!) ?? '';
  const out: Array<number | null> = new Array(flights.length).fill(null);
  let added = 0;
  let removed = 0;
  for (const q of leaving) {
    const departure = flights[q]!.departure!;
    for (; added < landed.length && flights[landed[added]!]!.arrival! < departure; added++) bump(windows, keyOfLanding(landed[added]!), flights[landed[added]!]!.delay!, 1);
    for (; removed < added && flights[landed[removed]!]!.arrival! < departure - windowMs; removed++) bump(windows, keyOfLanding(landed[removed]!), -flights[landed[removed]!]!.delay!, -1);
    const key = LEAVING_KEY[scope](flights[q]!);
    const w = key === null ? undefined : windows.get(key);
    out[q] = w && w.count > 0 ? w.sum / w.count : null;
  }
  return out;
}

function bump(windows: Map<string, { sum: number; count: number }>, key: string, delay: number, count: number): void {
  const w = windows.get(key) ?? { sum: 0, count: 0 };
  w.sum += delay;
  w.count += count;
  windows.set(key, w);
}
