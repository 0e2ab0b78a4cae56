import type { DriftProfile } from './types';

/** When and how a drift is on: the day it starts and the profile's own length. */
export interface ProfileTiming {
  profile: DriftProfile;
  /** First day (0-based) with any drift. */
  startDay: number;
  /** Gradual: days from the first step to full strength (≥ 1). */
  rampDays: number;
  /** Recurring: days on, then as many days off (≥ 1). */
  periodDays: number;
}

/**
 * The drift's strength on `day`, 0–1 (multiplies the magnitude). Before `startDay`: 0.
 * - sudden: 1 from startDay on.
 * - gradual: (day − startDay + 1) / rampDays, capped at 1: a first step on startDay, full
 *   strength on startDay + rampDays − 1 (so rampDays 1 is sudden).
 * - recurring: 1 on the first `periodDays` days from startDay, 0 on the next `periodDays`, and so
 *   on (weekly on/off with 7), like a promotion that runs every other week.
 */
export function strengthOn(day: number, timing: ProfileTiming): number {
  const since = day - timing.startDay;
  if (since < 0) return 0;
  if (timing.profile === 'sudden') return 1;
  if (timing.profile === 'gradual') return Math.min(1, (since + 1) / Math.max(1, timing.rampDays));
  return Math.floor(since / Math.max(1, timing.periodDays)) % 2 === 0 ? 1 : 0;
}
