import type { FlightRecord } from '../flights-summary';
import { normal, seededRandom } from '../random';

/** A controlled change over the generated timeline. */
export interface DriftKnob {
  /** covariate: trips get longer · prior: every trip gets later · concept: distance matters more for delay */
  kind: 'covariate' | 'prior' | 'concept';
  /** Where the drift starts, as a share of the timeline, 0..1. */
  startsAt: number;
  /** sudden: full strength at once · gradual: ramps linearly to full strength at the end */
  mode: 'sudden' | 'gradual';
  /** 0 = no change; 1 = distances ×2 (covariate), +10 min (prior), distance effect ×3 (concept). */
  strength: number;
}

/** The generator's knobs; every one has a default. */
export interface TripsOptions {
  rows?: number;
  seed?: number;
  /** First departure day, ISO date; the trips spread evenly over `days`. */
  startDate?: string;
  days?: number;
  /** Minutes of delay per 1,000 miles flown. */
  distanceEffect?: number;
  /** Extra minutes for departures from 16:00 to 20:59 (the evening peak). */
  peakEffect?: number;
  /** Extra minutes on Saturdays and Sundays (negative: weekends are calmer). */
  weekendEffect?: number;
  /** Standard deviation of the random part of the delay, minutes. */
  noiseMinutes?: number;
  /** Share of rows with one dirty cell: a missing delay, a missing distance, an empty or unseen airport. */
  dirtyRate?: number;
  drift?: DriftKnob;
}

const AIRPORTS = ['ATL', 'ORD', 'DFW', 'LAX', 'DEN', 'SFO', 'PHX', 'LAS', 'SEA', 'BOS'] as const;
export const TRIPS_DEFAULTS: Required<Omit<TripsOptions, 'drift'>> = {
  rows: 20_000,
  seed: 2001,
  startDate: '2001-01-01',
  days: 90,
  distanceEffect: 6,
  peakEffect: 12,
  weekendEffect: -3,
  noiseMinutes: 15,
  dirtyRate: 0,
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Seeded synthetic trips in the flights file's shape, for lessons that need a known cause:
 * delay = 2 + distanceEffect·miles/1000 + peakEffect·[16 ≤ hour ≤ 20] + weekendEffect·[weekend]
 * + noise, rounded to whole minutes, with optional drift and dirty rows. Same options, same rows.
 */
export function generateTrips(options: TripsOptions = {}): FlightRecord[] {
  const o = { ...TRIPS_DEFAULTS, ...options };
  const random = seededRandom(o.seed);
  const start = Date.parse(`${o.startDate}T00:00:00Z`);
  const span = o.days * 86_400_000;
  const out: FlightRecord[] = [];
  for (let i = 0; i < o.rows; i++) {
    const position = o.rows > 1 ? i / (o.rows - 1) : 0;
    const t = start + Math.floor(position * (span - 60_000) / 60_000) * 60_000;
    const when = new Date(t);
    const hour = when.getUTCHours();
    const weekend = when.getUTCDay() === 0 || when.getUTCDay() === 6;
    const drift = driftAmount(o.drift, position);
    const originIndex = Math.floor(random() * AIRPORTS.length);
    const destinationIndex = (originIndex + 1 + Math.floor(random() * (AIRPORTS.length - 1))) % AIRPORTS.length;
    let distance = Math.round(150 + random() * 1850);
    if (o.drift?.kind === 'covariate') distance = Math.round(distance * (1 + drift));
    const effect = o.distanceEffect * (o.drift?.kind === 'concept' ? 1 + 2 * drift : 1);
    const delay = Math.round(
      2 + (effect * distance) / 1000 + (hour >= 16 && hour <= 20 ? o.peakEffect : 0) + (weekend ? o.weekendEffect : 0) + (o.drift?.kind === 'prior' ? 10 * drift : 0) + o.noiseMinutes * normal(random),
    );
    const trip: FlightRecord = {
      date: `${when.getUTCFullYear()}/${pad(when.getUTCMonth() + 1)}/${pad(when.getUTCDate())} ${pad(hour)}:${pad(when.getUTCMinutes())}`,
      delay,
      distance,
      origin: AIRPORTS[originIndex]!,
      destination: AIRPORTS[destinationIndex]!,
    };
    if (random() < o.dirtyRate) dirty(trip, random);
    out.push(trip);
  }
  return out;
}

function driftAmount(drift: DriftKnob | undefined, position: number): number {
  if (!drift || position < drift.startsAt) return 0;
  if (drift.mode === 'sudden') return drift.strength;
  const ramp = drift.startsAt >= 1 ? 1 : (position - drift.startsAt) / (1 - drift.startsAt);
  return drift.strength * ramp;
}

function dirty(trip: FlightRecord, random: () => number): void {
  const which = Math.floor(random() * 4);
  if (which === 0) trip.delay = Number.NaN;
  else if (which === 1) trip.distance = Number.NaN;
  else if (which === 2) trip.origin = '';
  else trip.destination = 'ZZZ';
}
