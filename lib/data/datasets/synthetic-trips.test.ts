import { describe, expect, it } from 'vitest';
import { meanBaseline } from '../../ml/metrics';
import { summarizeFlightsByMonth } from '../flights-summary';
import { generateTrips } from './synthetic-trips';

const mean = (xs: number[]) => meanBaseline(xs);

describe('generateTrips', () => {
  it('is reproducible from its seed and spreads over the timeline', () => {
    const a = generateTrips({ rows: 1000, seed: 5 });
    expect(generateTrips({ rows: 1000, seed: 5 })).toEqual(a);
    expect(generateTrips({ rows: 1000, seed: 6 })).not.toEqual(a);
    expect(a[0]!.date).toBe('2001/01/01 00:00');
    expect(summarizeFlightsByMonth(a).map((m) => m.month)).toEqual([1, 2, 3]);
  });

  it('builds delay from the documented effects', () => {
    const trips = generateTrips({ rows: 20_000, noiseMinutes: 0, peakEffect: 0, weekendEffect: 0, distanceEffect: 10 });
    for (const t of trips.slice(0, 50)) expect(t.delay).toBe(Math.round(2 + (10 * t.distance) / 1000));
  });

  it('drifts as asked: sudden prior shift, gradual covariate shift, concept drift', () => {
    const halves = (trips: ReturnType<typeof generateTrips>, key: 'delay' | 'distance') => [
      mean(trips.slice(0, 10_000).map((t) => t[key])),
      mean(trips.slice(10_000).map((t) => t[key])),
    ];
    const [before, after] = halves(generateTrips({ drift: { kind: 'prior', startsAt: 0.5, mode: 'sudden', strength: 1 } }), 'delay');
    expect(after! - before!).toBeGreaterThan(8);
    const [d0, d1] = halves(generateTrips({ drift: { kind: 'covariate', startsAt: 0.5, mode: 'gradual', strength: 1 } }), 'distance');
    expect(d1! / d0!).toBeGreaterThan(1.3);
    const concept = generateTrips({ noiseMinutes: 0, peakEffect: 0, weekendEffect: 0, drift: { kind: 'concept', startsAt: 0, mode: 'sudden', strength: 1 } });
    expect(concept[0]!.delay).toBe(Math.round(2 + (18 * concept[0]!.distance) / 1000));
  });

  it('dirties about the requested share of rows', () => {
    const trips = generateTrips({ rows: 10_000, dirtyRate: 0.1 });
    const dirty = trips.filter((t) => Number.isNaN(t.delay) || Number.isNaN(t.distance) || t.origin === '' || t.destination === 'ZZZ').length;
    expect(dirty / trips.length).toBeGreaterThan(0.085);
    expect(dirty / trips.length).toBeLessThan(0.115);
  });
});
