import { describe, expect, it } from 'vitest';
import { createStatsAccumulator, emptyStats, liveMetric, trafficRates } from './window-stats';

const request = (latencyMs: number, rows = 1, extra: Partial<{ errors: number; rejected: number; flagged: number }> = {}) => ({ rows, errors: 0, rejected: 0, flagged: 0, latencyMs, ...extra });

describe('createStatsAccumulator', () => {
  it('reports zeros and no metric before any traffic', () => {
    expect(createStatsAccumulator('regression').toStats()).toEqual(emptyStats());
  });

  it('sums counts and takes numpy-style latency percentiles over requests', () => {
    const acc = createStatsAccumulator('classification');
    for (let ms = 1; ms <= 1000; ms += 1) acc.add(request(ms, 2, { errors: ms % 100 === 0 ? 2 : 0, rejected: ms % 50 === 0 ? 1 : 0, flagged: ms % 10 === 0 ? 1 : 0 }));
    const stats = acc.toStats();
    expect(stats).toMatchObject({ requests: 1000, rows: 2000, errors: 20, rejected: 20, flagged: 100, labelled: 0, metric: null });
    // numpy.percentile(range(1, 1001), [50, 95, 99]) = 500.5, 950.05, 990.01
    expect(stats.p50Ms).toBeCloseTo(500.5, 9);
    expect(stats.p95Ms).toBeCloseTo(950.05, 9);
    expect(stats.p99Ms).toBeCloseTo(990.01, 9);
  });

  it('computes RMSE for regression and accuracy for classification from the label sums', () => {
    const reg = createStatsAccumulator('regression');
    for (const error of [1, -2, 3, -4]) reg.addLabel(error * error);
    const r = reg.toStats();
    expect(r).toMatchObject({ labelled: 4, metricSum: 30, metricSumSq: 1 + 16 + 81 + 256 });
    expect(r.metric).toBeCloseTo(Math.sqrt(7.5), 12);

    const cls = createStatsAccumulator('classification');
    for (const hit of [1, 1, 0, 1]) cls.addLabel(hit);
    expect(cls.toStats()).toMatchObject({ labelled: 4, metric: 0.75, metricSum: 3, metricSumSq: 3 });
  });

  it('keeps counting when every request fails', () => {
    const acc = createStatsAccumulator('regression');
    for (let i = 0; i < 300; i += 1) acc.add(request(5, 3, { errors: 3 }));
    const stats = acc.toStats();
    expect(trafficRates(stats)).toEqual({ errorRate: 1, rejectRate: 0 });
    expect(stats.metric).toBeNull();
  });

  it('refuses negative or non-finite figures', () => {
    const acc = createStatsAccumulator('regression');
    expect(() => acc.add(request(-1))).toThrow(RangeError);
    expect(() => acc.add(request(Number.NaN))).toThrow(/latencyMs/);
    expect(() => acc.addLabel(Number.NaN)).toThrow(RangeError);
    expect(acc.toStats().requests).toBe(0);
  });
});

describe('liveMetric and trafficRates', () => {
  it('is null with no labels; rates are 0 with no rows', () => {
    expect(liveMetric('regression', 0, 0)).toBeNull();
    expect(liveMetric('classification', 9, 10)).toBe(0.9);
    expect(trafficRates({ rows: 0, errors: 0, rejected: 0 })).toEqual({ errorRate: 0, rejectRate: 0 });
    expect(trafficRates({ rows: 200, errors: 4, rejected: 10 })).toEqual({ errorRate: 0.02, rejectRate: 0.05 });
  });
});
