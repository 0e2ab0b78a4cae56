import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTraffic } from './create';
import { strengthOn } from './profile';
import { mixSeed } from './rng';
import { listScenarios, SCENARIO_IDS } from './scenarios';
import { allRequests, builtinContext } from './test-context';
import { tiltedSampler } from './tilt';
import { DAY_MS, type TrafficOptions, type TrafficStream } from './types';
import { seededRandom, normal } from '../../data/random';

const flights = builtinContext('flights', 'delayed');
const options: TrafficOptions = { seed: 42, days: 6, requestsPerDay: 150, rowsPerRequest: 4, dirtyRate: 0.2 };
const hash = (stream: TrafficStream) => createHash('sha256').update(JSON.stringify(allRequests(stream))).digest('hex');

describe('same seed, same traffic', () => {
  it.each(['control', 'covariate-gradual', 'prior-recurring', 'concept-sudden', 'replay'])('%s: the JSON of every request hashes the same twice, and differently with another seed', (id) => {
    const first = hash(createTraffic(id, flights, options));
    expect(hash(createTraffic(id, flights, options))).toBe(first);
    expect(hash(createTraffic(id, flights, { ...options, seed: 43 }))).not.toBe(first);
  });

  it('request(i) is the same whatever was asked before (a reload resumes at i)', () => {
    const stream = createTraffic('covariate-recurring', flights, options);
    const forward = allRequests(stream);
    const fresh = createTraffic('covariate-recurring', flights, options);
    for (let i = stream.totalRequests - 1; i >= 0; i -= 37) expect(fresh.request(i)).toEqual(forward[i]);
  });

  it('ids are unique, zero-padded and prefixed; times are non-decreasing and days follow them', () => {
    const stream = createTraffic('control', flights, { ...options, idPrefix: 'replay-7/' });
    const requests = allRequests(stream);
    expect(new Set(requests.map((q) => q.id)).size).toBe(900);
    expect(requests[0]!.id).toBe('replay-7/000000');
    expect(requests[899]!.id).toBe('replay-7/000899');
    expect(stream.days).toBe(6);
    requests.forEach((q, i) => {
      expect(q.index).toBe(i);
      if (i > 0) expect(q.at).toBeGreaterThan(requests[i - 1]!.at);
      expect(q.day).toBe(Math.floor((q.at - stream.start) / DAY_MS));
      expect(q.labels).toHaveLength(q.rows.length);
      expect(q.dirt).toHaveLength(q.rows.length);
    });
    // Synthetic production starts at the midnight after the last training flight (6 March 2001, 05:56).
    expect(stream.start).toBe(Date.UTC(2001, 2, 7));
    expect(() => stream.request(900)).toThrow(RangeError);
  });
});

describe('options and scenarios', () => {
  it('refuses options out of range and unknown scenarios', () => {
    expect(() => createTraffic('control', flights, { ...options, days: 0 })).toThrow(/days/);
    expect(() => createTraffic('control', flights, { ...options, rowsPerRequest: 2.5 })).toThrow(/rowsPerRequest/);
    expect(() => createTraffic('control', flights, { ...options, dirtyRate: 1.5 })).toThrow(/dirtyRate/);
    expect(() => createTraffic('weather-sudden', flights, options)).toThrow(/no traffic scenario/);
  });

  it('lists 11 scenarios for flights, each with a description and the dataset’s label delay', () => {
    const list = listScenarios('flights');
    expect(list.map((s) => s.id)).toEqual([...SCENARIO_IDS]);
    expect(list).toHaveLength(11);
    for (const s of list) {
      expect(s.description.length).toBeGreaterThan(60);
      expect(s.labelDelayMs).toBe(6 * 3_600_000);
    }
    expect(structuredClone(list)).toEqual(list); // plain data: crosses the worker boundary
  });
});

describe('building blocks', () => {
  it('profiles: sudden, a 3-day ramp, and 2 days on / 2 off from day 4', () => {
    const days = Array.from({ length: 12 }, (_, d) => d);
    const timing = { startDay: 4, rampDays: 3, periodDays: 2 };
    expect(days.map((d) => strengthOn(d, { ...timing, profile: 'sudden' }))).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(days.map((d) => Math.round(strengthOn(d, { ...timing, profile: 'gradual' }) * 100) / 100)).toEqual([0, 0, 0, 0, 0.33, 0.67, 1, 1, 1, 1, 1, 1]);
    expect(days.map((d) => strengthOn(d, { ...timing, profile: 'recurring' }))).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0]);
  });

  it('tilting a standard normal by δ = 1 moves its mean by 1.00 (θ = δ), and down by −0.5', () => {
    const random = seededRandom(9);
    const values = Array.from({ length: 20_000 }, () => normal(random));
    const rows = values.map((_, i) => i);
    const up = tiltedSampler(rows, values, 0, 1, 1);
    expect(up.reached).toBeCloseTo(1, 1);
    const draws = Array.from({ length: 20_000 }, () => values[up.draw(random)]!);
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(1, 1);
    expect(tiltedSampler(rows, values, 0, 1, -0.5).reached).toBeCloseTo(-0.5, 3);
  });

  it('mixSeed spreads neighbouring inputs and tells seeds past 2³² apart', () => {
    expect(new Set(Array.from({ length: 1000 }, (_, i) => mixSeed(1, i, 1))).size).toBe(1000);
    expect(mixSeed(2 ** 32 + 1, 0)).not.toBe(mixSeed(1, 0));
  });
});
