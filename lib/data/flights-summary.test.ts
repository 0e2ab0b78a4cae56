import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  parseFlightMonth,
  summarizeFlights,
  summarizeFlightsByMonth,
  type FlightRecord,
  type MonthSummary,
} from '@/lib/data/flights-summary';

const root = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

function flight(date: string, delay: number, distance = 500, origin = 'SFO', destination = 'LAX'): FlightRecord {
  return { date, delay, distance, origin, destination };
}

describe('parseFlightMonth', () => {
  it('reads the vega-datasets format and ISO dates', () => {
    expect(parseFlightMonth('2001/01/01 00:47')).toEqual({ year: 2001, month: 1 });
    expect(parseFlightMonth('2001-03-31')).toEqual({ year: 2001, month: 3 });
    expect(parseFlightMonth('2001-02-09T13:05:00')).toEqual({ year: 2001, month: 2 });
  });

  it('rejects what it cannot read', () => {
    for (const bad of ['', 'yesterday', '2001/13/01 10:00', '2001/00/10', '2001/02/32', '01/02/2001', null, 42]) {
      expect(parseFlightMonth(bad), String(bad)).toBeNull();
    }
  });
});

describe('summarizeFlightsByMonth on hand-made rows', () => {
  it('returns [] for an empty input', () => {
    expect(summarizeFlightsByMonth([])).toEqual([]);
    expect(summarizeFlights([])).toEqual({ months: [], skipped: 0 });
  });

  it('computes flights, delayed share, mean delay and median distance per month', () => {
    const rows = [
      // January: delays -10, 0, 15, 16 → only 16 is > 15; mean 21/4 = 5.25; distances 100,200,300,1000 → median 250
      flight('2001/01/02 08:00', -10, 100),
      flight('2001/01/15 09:30', 0, 1000),
      flight('2001/01/20 12:00', 15, 300),
      flight('2001/01/31 23:59', 16, 200),
      // February: delays 60, -5, 20 → 2 of 3 delayed; mean 25; distances 400, 900, 700 → median 700
      flight('2001/02/01 06:00', 60, 400),
      flight('2001/02/14 18:00', -5, 900),
      flight('2001/02/28 07:15', 20, 700),
    ];
    const expected: MonthSummary[] = [
      { month: 1, label: 'January 2001', flights: 4, delayedShare: 0.25, meanDelayMinutes: 5.25, medianDistanceMiles: 250 },
      { month: 2, label: 'February 2001', flights: 3, delayedShare: 2 / 3, meanDelayMinutes: 25, medianDistanceMiles: 700 },
    ];
    expect(summarizeFlightsByMonth(rows)).toEqual(expected);
  });

  it('sorts by year then month, whatever the input order, and keeps years apart', () => {
    const rows = [
      flight('2002/01/05 10:00', 1),
      flight('2001/12/05 10:00', 2),
      flight('2001/02/05 10:00', 3),
      flight('2001/12/06 10:00', 4),
    ];
    const months = summarizeFlights(rows).months;
    expect(months.map((m) => [m.year, m.month, m.label, m.flights])).toEqual([
      [2001, 2, 'February 2001', 1],
      [2001, 12, 'December 2001', 2],
      [2002, 1, 'January 2002', 1],
    ]);
  });

  it('skips and counts rows with an unreadable date, delay or distance', () => {
    const rows = [
      flight('2001/03/01 10:00', 30, 800),
      flight('not a date', 30, 800),
      flight('2001/03/02 10:00', Number.NaN, 800),
      flight('2001/03/03 10:00', 10, Number.POSITIVE_INFINITY),
      { date: '2001/03/04 10:00', delay: '12' as unknown as number, distance: 300, origin: 'A', destination: 'B' },
    ];
    const { months, skipped } = summarizeFlights(rows);
    expect(skipped).toBe(4);
    expect(months).toHaveLength(1);
    expect(months[0]).toMatchObject({ month: 3, flights: 1, delayedShare: 1, meanDelayMinutes: 30, medianDistanceMiles: 800 });
  });

  it('does not mutate its input', () => {
    const rows = Object.freeze([flight('2001/01/02 08:00', 5, 900), flight('2001/01/03 08:00', 50, 100)]);
    const copy = JSON.stringify(rows);
    summarizeFlightsByMonth(rows);
    expect(JSON.stringify(rows)).toBe(copy);
  });
});

describe('summarizeFlightsByMonth on the real flights-20k.json', () => {
  const rows = JSON.parse(
    readFileSync(root('node_modules/vega-datasets/data/flights-20k.json'), 'utf8'),
  ) as FlightRecord[];
  const { months, skipped } = summarizeFlights(rows);

  /** The figures as lesson 03 quotes them: thousands with commas, shares and minutes to one decimal. */
  const quoted = months.map((m) => ({
    label: m.label,
    flights: m.flights.toLocaleString('en-US'),
    delayed: `${(m.delayedShare * 100).toFixed(1)}%`,
    meanDelay: m.meanDelayMinutes.toFixed(1),
    medianDistance: String(m.medianDistanceMiles),
  }));

  const lessonDir = 'lessons/week-1/03-running-example';
  const mdx = readFileSync(root(`${lessonDir}/content.mdx`), 'utf8');
  const lessonSource = readFileSync(root(`${lessonDir}/lesson.ts`), 'utf8');

  it('covers January to March 2001 and adds up to 20,000 flights', () => {
    expect(rows).toHaveLength(20_000);
    expect(skipped).toBe(0);
    expect(months.map((m) => m.label)).toEqual(['January 2001', 'February 2001', 'March 2001']);
    expect(months.reduce((sum, m) => sum + m.flights, 0)).toBe(20_000);
  });

  it('gives the figures lesson 03 quotes', () => {
    expect(quoted).toEqual([
      { label: 'January 2001', flights: '6,937', delayed: '20.8%', meanDelay: '6.4', medianDistance: '550' },
      { label: 'February 2001', flights: '5,964', delayed: '23.8%', meanDelay: '9.6', medianDistance: '556' },
      { label: 'March 2001', flights: '7,099', delayed: '20.9%', meanDelay: '7.4', medianDistance: '569' },
    ]);
  });

  it('matches every monthly figure quoted in the lesson prose', () => {
    for (const q of quoted) {
      expect(mdx, `${q.label} flights`).toContain(q.flights);
      expect(mdx, `${q.label} delayed share`).toContain(q.delayed);
      expect(mdx, `${q.label} mean delay`).toContain(`${q.meanDelay} minutes`);
      expect(mdx, `${q.label} median distance`).toContain(q.medianDistance);
    }
    expect(mdx).toContain('20,000 flights');
  });

  it('matches the January figures used by the lesson quizzes', () => {
    const [january, february] = quoted;
    // The correct answer of the "january-delayed-share" quiz, and the February comparison.
    const escaped = (january?.delayed ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(lessonSource).toMatch(new RegExp(`text: '${escaped}',\\s*correct: true`));
    expect(lessonSource).toContain(`${february?.delayed} against ${january?.delayed}`);
    expect(lessonSource).toContain(`mean delay of ${february?.meanDelay} minutes against ${january?.meanDelay}`);
    expect(lessonSource).toContain(`1,442 of ${january?.flights} January flights`);
  });

  it('backs the other facts the lesson quotes', () => {
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const byMonth = (mm: string) => rows.filter((r) => r.date.startsWith(`2001/${mm}/`));
    const jan = byMonth('01');
    const feb = byMonth('02');

    // Overall share delayed > 15 min, and the "always on time" baseline in January.
    expect(pct(rows.filter((r) => r.delay > 15).length / rows.length)).toBe('21.7%');
    expect(jan.filter((r) => r.delay > 15).length).toBe(1442);
    expect(pct(1 - (months[0]?.delayedShare ?? 0))).toBe('79.2%');
    expect(mdx).toContain('21.7%');
    expect(mdx).toContain('79.2%');
    expect(lessonSource).toContain('79.2%');

    // Quiz distractors: January share more than an hour late, and share arriving early.
    expect(pct(jan.filter((r) => r.delay > 60).length / jan.length)).toBe('4.8%');
    expect(pct(jan.filter((r) => r.delay < 0).length / jan.length)).toBe('50.4%');

    // Airports, the route mix and the holiday Friday.
    expect(new Set(rows.flatMap((r) => [r.origin, r.destination])).size).toBe(224);
    expect(mdx).toContain('224 airports');
    const janRoutes = new Set(jan.map((r) => `${r.origin}>${r.destination}`));
    const unseen = feb.filter((r) => !janRoutes.has(`${r.origin}>${r.destination}`)).length / feb.length;
    expect(Math.round(unseen * 100)).toBe(12);
    const feb16 = rows.filter((r) => r.date.startsWith('2001/02/16'));
    expect(Math.round((feb16.filter((r) => r.delay > 15).length / feb16.length) * 100)).toBe(43);

    // The two worst days by mean delay: Sat 24 and Sun 25 February, about 25 and 29 minutes.
    const days = new Map<string, number[]>();
    for (const r of rows) {
      const day = r.date.slice(0, 10);
      days.set(day, [...(days.get(day) ?? []), r.delay]);
    }
    const worst = [...days.entries()]
      .map(([day, delays]) => ({ day, mean: delays.reduce((a, b) => a + b, 0) / delays.length }))
      .sort((a, b) => b.mean - a.mean)
      .slice(0, 2);
    expect(worst.map((w) => [w.day, Math.round(w.mean)])).toEqual([
      ['2001/02/25', 29],
      ['2001/02/24', 25],
    ]);
  });
});
