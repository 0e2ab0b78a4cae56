import { describe, expect, it } from 'vitest';
import { column } from '../../data/table';
import { createTraffic } from './create';
import { featureReferences, labelledTrainRows, numericSummary, type NumericReference } from './reference';
import { allRequests, builtinContext, labelShare, meanOf } from './test-context';
import type { TrafficOptions, TrafficRequest } from './types';

// Models trained with the default time split (70/15/15), as the trainer makes them.
const flights = builtinContext('flights', 'delayed');
const cars = builtinContext('cars', 'mpg');
const ref = (ctx: typeof flights, name: string) => featureReferences(ctx).find((r) => r.name === name) as NumericReference;
const mpgStd = numericSummary(labelledTrainRows(cars).map((r) => column(cars.table, 'mpg').values[r] as number));
const base: TrafficOptions = { seed: 11, days: 14, requestsPerDay: 200, rowsPerRequest: 5, dirtyRate: 0 };
/** Shift of a feature's mean on days [from, to) from its training mean, in training std units. */
const shiftOn = (requests: TrafficRequest[], ctx: typeof flights, name: string, from: number, to: number) => {
  const r = ref(ctx, name);
  return (meanOf(requests, name, from, to) - r.mean) / r.std;
};
const labelMean = (requests: TrafficRequest[], from: number, to: number, where: (q: TrafficRequest, i: number) => boolean = () => true) => {
  let sum = 0;
  let n = 0;
  for (const q of requests) if (q.day >= from && q.day < to) q.labels.forEach((l, i) => where(q, i) && typeof l === 'number' && ((sum += l), n++));
  return sum / n;
};

describe('covariate shift', () => {
  it('sudden: flights distance moves +1.00 std from day 7 and not before (710 → 1279 miles: −0.02 → +1.00 std; training 720 ± 559)', () => {
    const requests = allRequests(createTraffic('covariate-sudden', flights, { ...base, feature: 'distance', magnitude: 1, driftStart: 7 }));
    const before = shiftOn(requests, flights, 'distance', 0, 7);
    const after = shiftOn(requests, flights, 'distance', 7, 14);
    expect(Math.abs(before)).toBeLessThan(0.05); // measured −0.017
    expect(after).toBeGreaterThan(0.95); // measured 1.000
    expect(after).toBeLessThan(1.05);
  });

  it('keeps every label the training relationship gives: each row and label is a real training row', () => {
    const stream = createTraffic('covariate-sudden', flights, { ...base, days: 10, feature: 'distance', magnitude: 1.5, driftStart: 2 });
    const train = new Set(flights.trainRows);
    const delayed = column(flights.table, 'delayed').values;
    const distance = column(flights.table, 'distance').values;
    for (const q of allRequests(stream).slice(-300)) {
      q.sourceRows.forEach((r, i) => {
        expect(train.has(r)).toBe(true);
        expect(q.labels[i]).toBe(delayed[r] ? 'true' : 'false');
        expect(q.rows[i]![1]).toBe(distance[r]);
      });
    }
  });

  it('gradual: a 4-day ramp steps 0.5, 1.0, 1.5, 2.0 std (measured 0.45, 0.99, 1.53, 2.02; before: |shift| ≤ 0.04)', () => {
    const requests = allRequests(createTraffic('covariate-gradual', flights, { ...base, days: 10, feature: 'distance', magnitude: 2, driftStart: 3, rampDays: 4 }));
    const daily = Array.from({ length: 10 }, (_, d) => shiftOn(requests, flights, 'distance', d, d + 1));
    const expected = [0, 0, 0, 0.5, 1, 1.5, 2, 2, 2, 2];
    daily.forEach((s, d) => expect(Math.abs(s - expected[d]!)).toBeLessThan(0.12));
    for (let d = 3; d < 7; d++) expect(daily[d]!).toBeGreaterThan(daily[d - 1]! + 0.3);
  });

  it('recurring: on two days, off two days, from day 2 (measured on: 1.02, 1.01, 1.00, 1.00 std; off: |shift| ≤ 0.05)', () => {
    const requests = allRequests(createTraffic('covariate-recurring', flights, { ...base, days: 10, feature: 'hour', magnitude: 1, driftStart: 2, periodDays: 2 }));
    const on = [2, 3, 6, 7];
    for (let d = 0; d < 10; d++) {
      const s = shiftOn(requests, flights, 'hour', d, d + 1);
      if (on.includes(d)) expect(Math.abs(s - 1)).toBeLessThan(0.1);
      else expect(Math.abs(s)).toBeLessThan(0.1);
    }
  });

  it('a shift past the training rows stops where they end and says so (hour +5 std reaches +2.00)', () => {
    const stream = createTraffic('covariate-sudden', flights, { ...base, days: 2, feature: 'hour', magnitude: 5, driftStart: 0 });
    // hour is 0–23 with mean 13.3 and std 4.9: the latest hour is 2.0 std above the mean.
    expect(stream.truth.reachedShift).toBeGreaterThan(1.8);
    expect(stream.truth.reachedShift).toBeLessThan(2.05);
    expect(stream.info.description).toContain('as far as the training rows reach');
  });

  it('the seed picks the feature when none is given; a feature that cannot drift is refused', () => {
    const picked = createTraffic('covariate-sudden', flights, base).truth.feature;
    expect(ref(flights, picked!).std).toBeGreaterThan(0);
    expect(() => createTraffic('covariate-sudden', flights, { ...base, feature: 'origin' })).toThrow(/cannot drift/);
  });

  it('hidden mode names no feature, the truth does', () => {
    const stream = createTraffic('covariate-gradual', flights, { ...base, feature: 'distance', hidden: true });
    expect(stream.info.hidden).toBe(true);
    expect(stream.info.description).not.toContain('distance');
    expect(stream.truth.feature).toBe('distance');
  });
});

describe('prior shift', () => {
  it('classification: flights delayed share 22.6 % → 42.1 % from day 7 (training 22.3 % + 0.2)', () => {
    const requests = allRequests(createTraffic('prior-sudden', flights, { ...base, magnitude: 0.2 }));
    expect(Math.abs(labelShare(requests, 'true', 0, 7) - 0.223)).toBeLessThan(0.02);
    expect(Math.abs(labelShare(requests, 'true', 7, 14) - 0.423)).toBeLessThan(0.02);
  });

  it('classification: inputs within a class stay as in training (distance of delayed flights moves < 0.05 std)', () => {
    const requests = allRequests(createTraffic('prior-sudden', flights, { ...base, magnitude: 0.3 }));
    const delayedOnly = requests.map((q) => ({ ...q, rows: q.rows.filter((_, i) => q.labels[i] === 'true') }));
    expect(Math.abs(shiftOn(delayedOnly, flights, 'distance', 0, 7) - shiftOn(delayedOnly, flights, 'distance', 7, 14))).toBeLessThan(0.05);
  });

  it('multi-class: Seattle "snow" 2.5 % → 32.8 % with magnitude 0.3 (training 2.4 %)', () => {
    const weather = builtinContext('seattle-weather', 'weather');
    const stream = createTraffic('prior-sudden', weather, { ...base, className: 'snow', magnitude: 0.3 });
    const requests = allRequests(stream);
    expect(labelShare(requests, 'snow', 0, 7)).toBeLessThan(0.04);
    expect(Math.abs(labelShare(requests, 'snow', 7, 14) - 0.324)).toBeLessThan(0.02);
    expect(() => createTraffic('prior-sudden', weather, { ...base, className: 'hail' })).toThrow(/not a class/);
  });

  it('regression: cars mpg mean +1 std from day 7 (20.65 → 26.82 mpg, training std 6.26), labels still the rows’ own', () => {
    const requests = allRequests(createTraffic('prior-sudden', cars, { ...base, magnitude: 1 }));
    const mpg = column(cars.table, 'mpg').values;
    const shift = labelMean(requests, 7, 14) - labelMean(requests, 0, 7);
    expect(Math.abs(labelMean(requests, 0, 7) - mpgStd.mean)).toBeLessThan(0.3);
    expect(Math.abs(shift - mpgStd.std)).toBeLessThan(0.4); // measured +6.16
    for (const q of requests.slice(0, 50)) q.sourceRows.forEach((r, i) => expect(q.labels[i]).toBe(mpg[r]));
  });
});

describe('concept drift', () => {
  const c = flights.features.indexOf('origin_delay');
  const median = ref(flights, 'origin_delay').median;
  const inside = (q: TrafficRequest, i: number) => typeof q.rows[i]![c] === 'number' && (q.rows[i]![c] as number) > median;
  const outside = (q: TrafficRequest, i: number) => !inside(q, i);
  // In training, 26.7 % of the flights whose origin_delay is above its median (2.8 min) are delayed.
  const pool = labelledTrainRows(flights);
  const od = column(flights.table, 'origin_delay').values;
  const delayed = column(flights.table, 'delayed').values;
  const region = pool.filter((r) => typeof od[r] === 'number' && (od[r] as number) > median);
  const p = region.filter((r) => delayed[r] === 1).length / region.length;

  it('classification: P(delayed | origin_delay > 2.8) 0.254 → 0.513 with half the labels flipped (theory 0.267 → 0.5); outside (0.191 → 0.184) and inputs unchanged', () => {
    const requests = allRequests(createTraffic('concept-sudden', flights, { ...base, feature: 'origin_delay', magnitude: 0.5 }));
    expect(p).toBeCloseTo(0.267, 3);
    // Flipping half the labels makes P(true) = p(1 − 0.5) + (1 − p)·0.5 = 0.5 whatever p was.
    expect(Math.abs(labelShare(requests, 'true', 0, 7, inside) - p)).toBeLessThan(0.03);
    expect(Math.abs(labelShare(requests, 'true', 7, 14, inside) - 0.5)).toBeLessThan(0.03);
    expect(Math.abs(labelShare(requests, 'true', 0, 7, outside) - labelShare(requests, 'true', 7, 14, outside))).toBeLessThan(0.03);
    for (const name of ['hour', 'distance', 'recent_delay', 'origin_delay', 'destination_delay']) expect(Math.abs(shiftOn(requests, flights, name, 0, 7) - shiftOn(requests, flights, name, 7, 14))).toBeLessThan(0.05);
  });

  it('gradual: the delayed share in the region follows p + s·(1 − 2p) as s ramps 0.25 … 1 (measured 0.37, 0.51, 0.64, 0.76)', () => {
    const requests = allRequests(createTraffic('concept-gradual', flights, { ...base, feature: 'origin_delay', magnitude: 1, driftStart: 2, rampDays: 4, days: 8 }));
    const strengths = [0, 0, 0.25, 0.5, 0.75, 1, 1, 1];
    strengths.forEach((s, d) => expect(Math.abs(labelShare(requests, 'true', d, d + 1, inside) - (p + s * (1 - 2 * p)))).toBeLessThan(0.06));
  });

  it('regression: cars mpg +1 std where weight_lbs > 3039 (15.69 → 22.08, +6.39 for a std of 6.26), unchanged below (25.43 → 25.49)', () => {
    const requests = allRequests(createTraffic('concept-sudden', cars, { ...base, feature: 'weight_lbs', magnitude: 1 }));
    const w = cars.features.indexOf('weight_lbs');
    expect(ref(cars, 'weight_lbs').median).toBe(3039);
    const heavy = (q: TrafficRequest, i: number) => (q.rows[i]![w] as number) > 3039;
    const light = (q: TrafficRequest, i: number) => !heavy(q, i);
    expect(Math.abs(labelMean(requests, 7, 14, heavy) - labelMean(requests, 0, 7, heavy) - mpgStd.std)).toBeLessThan(0.4);
    expect(Math.abs(labelMean(requests, 7, 14, light) - labelMean(requests, 0, 7, light))).toBeLessThan(0.4);
    expect(Math.abs(shiftOn(requests, cars, 'weight_lbs', 0, 7) - shiftOn(requests, cars, 'weight_lbs', 7, 14))).toBeLessThan(0.05);
  });
});

describe('control', () => {
  it('changes nothing beyond sampling noise: every input mean within 0.05 std of training (measured ≤ 0.02), delayed share 22.3 % ± 1.5 (measured 22.3 %, 22.7 %)', () => {
    const requests = allRequests(createTraffic('control', flights, base));
    for (const name of ['hour', 'distance', 'recent_delay', 'origin_delay', 'destination_delay']) {
      expect(Math.abs(shiftOn(requests, flights, name, 0, 7))).toBeLessThan(0.05);
      expect(Math.abs(shiftOn(requests, flights, name, 7, 14))).toBeLessThan(0.05);
    }
    expect(Math.abs(labelShare(requests, 'true', 0, 7) - 0.223)).toBeLessThan(0.015);
    expect(Math.abs(labelShare(requests, 'true', 7, 14) - 0.223)).toBeLessThan(0.015);
  });
});
