import { describe, expect, it } from 'vitest';
import { column } from '../../data/table';
import { createTraffic } from './create';
import { featureReferences, type NumericReference } from './reference';
import { listScenarios } from './scenarios';
import { allRequests, builtinContext, labelShare, meanOf } from './test-context';
import { DAY_MS, HOUR_MS, type ScenarioContext, type TrafficOptions, type TrafficRequest } from './types';

const all: TrafficOptions = { seed: 3, days: 10_000, requestsPerDay: 1, rowsPerRequest: 10_000, dirtyRate: 0 };
const timesOf = (ctx: ScenarioContext) => column(ctx.table, ctx.timeColumn!).values as number[];

/** The checks every replay must pass: time order, no training row, real labels, days from real dates. */
function expectHonestReplay(ctx: ScenarioContext, requests: TrafficRequest[]): void {
  const times = timesOf(ctx);
  const training = new Set(ctx.trainRows);
  const lastTrained = Math.max(...ctx.trainRows.map((r) => times[r]!));
  const target = column(ctx.table, ctx.target);
  let previousAt = -Infinity;
  let previousTime = -Infinity;
  for (const q of requests) {
    expect(q.at).toBeGreaterThanOrEqual(previousAt);
    previousAt = q.at;
    q.sourceRows.forEach((r, i) => {
      expect(training.has(r)).toBe(false);
      expect(times[r]!).toBeGreaterThan(lastTrained);
      expect(times[r]!).toBeGreaterThanOrEqual(previousTime);
      previousTime = times[r]!;
      const v = target.values[r];
      expect(q.labels[i]).toBe(v === null ? null : ctx.task === 'regression' ? v : target.type === 'boolean' ? (v ? 'true' : 'false') : v);
    });
  }
}

describe('flights replay', () => {
  const ctx = builtinContext('flights', 'delay');
  const stream = createTraffic('replay', ctx, all);
  const requests = allRequests(stream);

  it('plays the 6,000 flights of 6–31 March 2001 after a model trained to 6 March, in time order, never a training row', () => {
    expect(requests.reduce((n, q) => n + q.rows.length, 0)).toBe(6000);
    expect(new Set(requests.flatMap((q) => q.sourceRows)).size).toBe(6000);
    expectHonestReplay(ctx, requests);
    expect(stream.start).toBe(Date.UTC(2001, 2, 6));
    expect(stream.days).toBe(26);
    expect(stream.info.labelDelayMs).toBe(6 * HOUR_MS);
    expect(stream.info.description).toContain('from 2001-03-06 to 2001-03-31');
  });

  it('batches the flights of each departure minute: 5,309 requests, each at its real departure time', () => {
    expect(stream.totalRequests).toBe(5309);
    const times = timesOf(ctx);
    for (const q of requests) {
      for (const r of q.sourceRows) expect(times[r]).toBe(q.at);
      expect(q.day).toBe(Math.floor((q.at - stream.start) / DAY_MS));
    }
  });

  it('splits a minute into requests of at most rowsPerRequest rows, and plays only the first `days` days', () => {
    const small = createTraffic('replay', ctx, { ...all, rowsPerRequest: 1, days: 3 });
    const firstDays = allRequests(small);
    expect(firstDays.every((q) => q.rows.length === 1 && q.day < 3)).toBe(true);
    expect(small.days).toBe(3);
    expect(firstDays.length).toBe(requests.filter((q) => q.day < 3).reduce((n, q) => n + q.rows.length, 0));
  });

  it('finds the same rows from the table when laterRows is empty', () => {
    const again = createTraffic('replay', { ...ctx, laterRows: [] }, all);
    expect(again.totalRequests).toBe(stream.totalRequests);
    expect(again.request(4000)).toEqual(stream.request(4000));
  });

  it('refuses a model trained on a random split: nothing comes after its training rows', () => {
    expect(() => createTraffic('replay', builtinContext('flights', 'delay', 'random'), all)).toThrow(/No rows come after/);
  });
});

describe('Seattle weather replay', () => {
  const ctx = builtinContext('seattle-weather', 'weather');
  const stream = createTraffic('replay', ctx, all);
  const requests = allRequests(stream);

  it('serves the 438 days from 2014-10-20 to 2015-12-31, one request a day, labels a day later', () => {
    expect(stream.totalRequests).toBe(438);
    expect(stream.days).toBe(438);
    expect(requests.every((q, i) => q.rows.length === 1 && q.day === i)).toBe(true);
    expect(stream.start).toBe(Date.UTC(2014, 9, 20));
    expect(stream.info.labelDelayMs).toBe(DAY_MS);
    expectHonestReplay(ctx, requests);
  });

  it('has the seasonal and label drift its description promises: fog 4.0 % of training days, 13.7 % of served days', () => {
    const weather = column(ctx.table, 'weather').values;
    const trainingFog = ctx.trainRows.filter((r) => weather[r] === 'fog').length / ctx.trainRows.length;
    expect(trainingFog).toBeCloseTo(0.04, 2);
    expect(labelShare(requests, 'fog', 0, 438)).toBeCloseTo(0.137, 3);
    expect(stream.info.description).toContain('14 % of days against 4 %');
  });
});

describe('cars replay', () => {
  const ctx = builtinContext('cars', 'mpg');
  const stream = createTraffic('replay', ctx, { ...all, rowsPerRequest: 5 });
  const requests = allRequests(stream);
  const years = column(ctx.table, 'year').values;

  it('plays the 119 cars of the model years after 1978 (1979, 1980, 1982), one model year a production day', () => {
    expect(requests.reduce((n, q) => n + q.rows.length, 0)).toBe(119);
    expect(stream.days).toBe(3);
    for (const q of requests) expect(new Set(q.sourceRows.map((r) => years[r])).size).toBe(1);
    expect([0, 1, 2].map((d) => years[requests.find((q) => q.day === d)!.sourceRows[0]!])).toEqual([1979, 1980, 1982]);
    expect(stream.info.labelDelayMs).toBe(2 * DAY_MS);
    expectHonestReplay(ctx, requests);
  });

  it('spreads each year’s requests over its day and shows the drift: weight 3,127 lbs in training, 3,055 → 2,437 → 2,492 served', () => {
    for (const q of requests) expect(q.at - stream.start).toBeLessThan((q.day + 1) * DAY_MS);
    const weight = featureReferences(ctx).find((r) => r.name === 'weight_lbs') as NumericReference;
    expect(weight.mean).toBeCloseTo(3127.1, 1);
    expect([0, 1, 2].map((d) => Math.round(meanOf(requests, 'weight_lbs', d, d + 1)))).toEqual([3055, 2437, 2492]);
  });
});

describe('which datasets replay', () => {
  it('offers the replay only where there is a time column', () => {
    expect(listScenarios('flights').map((s) => s.id)).toContain('replay');
    expect(listScenarios('penguins').map((s) => s.id)).not.toContain('replay');
    expect(listScenarios('upload-1', null)).toHaveLength(10);
    expect(() => createTraffic('replay', builtinContext('penguins', 'species'), all)).toThrow(/no time column/);
  });
});
