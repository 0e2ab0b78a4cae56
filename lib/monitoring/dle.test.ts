import { describe, expect, it } from 'vitest';
import { normal, seededRandom } from '../data/random';
import { samplingError } from './bands';
import { dleEstimatedMetrics, estimateDle, fitDle, realizedRegression } from './dle';

const WIDTH = 12;

/**
 * Heteroscedastic regression where the truth is known: x ~ N(0, spread) in column 0, eleven noise
 * columns, y = 2x + (0.2 + 0.5|x|)·ε. The monitored model predicts the true mean 2x, so its error
 * is pure noise whose size grows with |x|: moving traffic to larger |x| raises MAE and RMSE.
 */
function world(seed: number, rows: number, spread: number) {
  const random = seededRandom(seed);
  const features = new Float32Array(rows * WIDTH);
  const predictions: number[] = [];
  const targets: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 1; j < WIDTH; j++) features[i * WIDTH + j] = normal(random);
    const x = spread * normal(random);
    features[i * WIDTH] = x;
    predictions.push(2 * x);
    targets.push(2 * x + (0.2 + 0.5 * Math.abs(x)) * normal(random));
  }
  return { features, predictions, targets };
}

describe('DLE on heteroscedastic regression', () => {
  const reference = world(1, 5000, 1);
  const started = performance.now();
  const model = fitDle({ ...reference, width: WIDTH, chunkSize: 250 });
  const fitMs = performance.now() - started;

  it('fits both loss models on 5,000 × 12 quickly into plain JSON with bands', () => {
    console.info(`DLE: fit 5,000 × 12 (+ prediction) — two boosters, cold JIT — in ${fitMs.toFixed(0)} ms`);
    expect(fitMs).toBeLessThan(3000);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(model.referenceRows).toBe(5000);
    const { mean, std, lower, upper } = model.bands.mae;
    expect(model.bands.mae.chunks).toBe(20);
    expect(lower).toBeCloseTo(Math.max(0, mean - 3 * std), 12);
    expect(upper).toBeCloseTo(mean + 3 * std, 12);
  });

  it('stays near realized and inside the band without shift', () => {
    const current = world(2, 2000, 1);
    const estimate = estimateDle(model, current.features, WIDTH, current.predictions);
    const realized = realizedRegression(current.targets, current.predictions);
    for (const key of ['mae', 'rmse'] as const) {
      const band = model.bands[key];
      expect(estimate[key]!).toBeGreaterThan(band.lower);
      expect(estimate[key]!).toBeLessThan(band.upper);
      expect(Math.abs(estimate[key]! - realized[key]!)).toBeLessThan(3 * samplingError(band, 2000)!);
    }
  });

  it('rises with realized when traffic moves to larger |x|', () => {
    const steady = world(2, 2000, 1);
    const shifted = world(3, 2000, 1.5);
    const e0 = estimateDle(model, steady.features, WIDTH, steady.predictions);
    const e1 = estimateDle(model, shifted.features, WIDTH, shifted.predictions);
    const r0 = realizedRegression(steady.targets, steady.predictions);
    const r1 = realizedRegression(shifted.targets, shifted.predictions);
    for (const key of ['mae', 'rmse'] as const) {
      const se = samplingError(model.bands[key], 2000)!;
      expect(r1[key]!).toBeGreaterThan(r0[key]! + 3 * se);
      expect(e1[key]!).toBeGreaterThan(e0[key]! + 3 * se);
      // Trees are flat beyond the reference's range, so the estimate lags a little where the
      // shift leaves it; within 15 % of realized here.
      expect(Math.abs(e1[key]! - r1[key]!) / r1[key]!).toBeLessThan(0.15);
    }
    expect(e1.mae!).toBeGreaterThan(model.bands.mae.upper);
    expect(r1.mae!).toBeGreaterThan(model.bands.mae.upper);
    const metrics = dleEstimatedMetrics(model, e1, r1);
    expect(metrics.map((m) => [m.metric, m.realized])).toEqual([
      ['mae', r1.mae],
      ['rmse', r1.rmse],
    ]);
    expect(metrics[0]!.samplingError).toBeCloseTo(samplingError(model.bands.mae, 2000)!, 12);
  });

  it('gives null, not NaN, for an empty window and skips rows without a prediction', () => {
    const empty = estimateDle(model, new Float32Array(0), WIDTH, []);
    expect(empty).toEqual({ mae: null, rmse: null, rows: 0 });
    for (const m of dleEstimatedMetrics(model, empty)) {
      expect(m.value).toBeNull();
      expect(m.samplingError).toBeNull();
      expect(m.realized).toBeNull();
    }
    const rows = [Array.from({ length: WIDTH }, () => 0), Array.from({ length: WIDTH }, () => Number.NaN)];
    const partial = estimateDle(model, rows, WIDTH, [Number.NaN, 0.5]);
    expect(partial.rows).toBe(1);
    expect(partial.mae!).toBeGreaterThanOrEqual(0);
    expect(realizedRegression([1], [Number.NaN])).toEqual({ mae: null, rmse: null, rows: 0 });
    expect(() => estimateDle(model, rows, WIDTH - 1, [0, 0])).toThrow(RangeError);
    expect(() => fitDle({ features: [[1]], width: 1, predictions: [Number.NaN], targets: [1], chunkSize: 10 })).toThrow(RangeError);
  });
});
