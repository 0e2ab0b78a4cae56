/**
 * Monthly summary of the course's running example: US flights from the `vega-datasets`
 * package (`flights-20k.json`, January–March 2001). Framework-free and pure, so the lesson
 * chart, the lesson prose and the unit tests all read the same numbers.
 */

/** One row of `flights-*.json` from `vega-datasets`. */
export interface FlightRecord {
  /** Local departure time, `"YYYY/MM/DD HH:MM"` (e.g. `"2001/01/01 00:47"`). */
  date: string;
  /** Arrival delay in minutes; negative means the flight arrived early. */
  delay: number;
  /** Great-circle distance in miles. */
  distance: number;
  /** IATA code of the origin airport, e.g. `"DTW"`. */
  origin: string;
  /** IATA code of the destination airport, e.g. `"LAS"`. */
  destination: string;
}

export interface MonthSummary {
  /** Calendar month, 1–12. */
  month: number;
  /** English month name and year, e.g. `"January 2001"`. */
  label: string;
  /** Number of flights counted in this month. */
  flights: number;
  /** Share of those flights delayed by more than 15 minutes, 0..1. */
  delayedShare: number;
  /** Arithmetic mean of `delay`, in minutes (early flights pull it down). */
  meanDelayMinutes: number;
  /** Median of `distance`, in miles. */
  medianDistanceMiles: number;
}

/** A month summary plus its year, as returned by {@link summarizeFlights}. */
export interface MonthSummaryWithYear extends MonthSummary {
  year: number;
}

export interface FlightsSummary {
  /** One entry per (year, month) present in the input, sorted by year then month. */
  months: MonthSummaryWithYear[];
  /** Rows left out: unparseable date, or a delay or distance that is not a finite number. */
  skipped: number;
}

/** A flight counts as delayed when its delay is strictly greater than this many minutes. */
export const DELAY_THRESHOLD_MINUTES = 15;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const DATE_PATTERN = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * Year and month of a flight's `date`, or `null` when it cannot be read.
 * Accepts `YYYY/MM/DD`, `YYYY-MM-DD`, each optionally followed by ` HH:MM` (or `THH:MM[:SS]`).
 * Rejects months outside 1–12 and days outside 1–31; it does not check month lengths.
 */
export function parseFlightMonth(date: unknown): { year: number; month: number } | null {
  if (typeof date !== 'string') return null;
  const match = DATE_PATTERN.exec(date.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { year, month };
}

/**
 * Groups flights by calendar month and summarises each month.
 *
 * For the rows of one month (n = number of rows kept):
 * - `flights` = n
 * - `delayedShare` = (number of rows with `delay` > 15) / n — a delay of exactly 15 minutes is
 *   not delayed; early flights (negative delay) are not delayed
 * - `meanDelayMinutes` = (sum of `delay`) / n, in minutes; negative delays are included as-is
 * - `medianDistanceMiles` = middle value of the sorted distances; for an even n, the mean of
 *   the two middle values
 *
 * Edge cases:
 * - empty input → `{ months: [], skipped: 0 }`; months with no rows do not appear (no zero rows)
 * - a row whose `date` does not parse (see {@link parseFlightMonth}), or whose `delay` or
 *   `distance` is not a finite number, is left out of every figure and counted in `skipped`
 * - months of different years stay apart and are sorted by year, then month
 *
 * Pure: does not mutate `rows`.
 */
export function summarizeFlights(rows: readonly FlightRecord[]): FlightsSummary {
  const groups = new Map<number, { year: number; month: number; delays: number[]; distances: number[] }>();
  let skipped = 0;

  for (const row of rows) {
    const when = parseFlightMonth(row?.date);
    const delay = row?.delay;
    const distance = row?.distance;
    if (!when || typeof delay !== 'number' || !Number.isFinite(delay) || typeof distance !== 'number' || !Number.isFinite(distance)) {
      skipped += 1;
      continue;
    }
    const key = when.year * 12 + (when.month - 1);
    let group = groups.get(key);
    if (!group) {
      group = { year: when.year, month: when.month, delays: [], distances: [] };
      groups.set(key, group);
    }
    group.delays.push(delay);
    group.distances.push(distance);
  }

  const months = [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, g]): MonthSummaryWithYear => {
      const n = g.delays.length;
      let delayed = 0;
      let sum = 0;
      for (const d of g.delays) {
        sum += d;
        if (d > DELAY_THRESHOLD_MINUTES) delayed += 1;
      }
      return {
        year: g.year,
        month: g.month,
        label: `${MONTH_NAMES[g.month - 1]} ${g.year}`,
        flights: n,
        delayedShare: delayed / n,
        meanDelayMinutes: sum / n,
        medianDistanceMiles: median(g.distances),
      };
    });

  return { months, skipped };
}

/**
 * Per-month summary of flights, sorted by year then month. Rows with an unparseable date or a
 * non-numeric delay/distance are skipped; use {@link summarizeFlights} to learn how many.
 * See {@link summarizeFlights} for the formulas, units and edge cases. Empty input → `[]`.
 */
export function summarizeFlightsByMonth(rows: readonly FlightRecord[]): MonthSummary[] {
  return summarizeFlights(rows).months.map((m) => ({
    month: m.month,
    label: m.label,
    flights: m.flights,
    delayedShare: m.delayedShare,
    meanDelayMinutes: m.meanDelayMinutes,
    medianDistanceMiles: m.medianDistanceMiles,
  }));
}

/** Median of a non-empty list (sorts a copy). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  if (sorted.length % 2 === 1) return upper;
  const lower = sorted[mid - 1] ?? Number.NaN;
  return (lower + upper) / 2;
}
