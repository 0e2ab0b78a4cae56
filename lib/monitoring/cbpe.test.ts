import { describe, expect, it } from 'vitest';
import { normal, seededRandom } from '../data/random';
import { rocAuc as sklearnStyleAuc } from '../ml/metrics';
import { samplingError } from './bands';
import { cbpeEstimatedMetrics, estimateCbpe, fitCbpe, fitConfidenceCbpe, realizedBinary, weightedRocAuc } from './cbpe';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * A world where the truth is known: x ~ N(0, spread), P(y = 1 | x) = sigmoid(2x). `flip` turns
 * P(y | x) around for x > 1: concept drift, invisible to a model that only sees its own score.
 */
function sample(seed: number, rows: number, spread: number, flip = false) {
  const random = seededRandom(seed);
  const p: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < rows; i++) {
    const x = spread * normal(random);
    const truth = sigmoid(2 * x);
    const y = random() < truth ? 1 : 0;
    p.push(truth);
    labels.push(flip && x > 1 ? 1 - y : y);
  }
  return { p, labels };
}

// 40 reference chunks, so that the std behind the band and the sampling error is itself stable.
const CHUNK = 250;
const reference = sample(1, 10_000, 1);

describe('realized metrics', () => {
  it('match Mann–Whitney with midranks and the confusion matrix', () => {
    const scores = [0.1, 0.4, 0.35, 0.8, 0.4];
    const labels = [0, 0, 1, 1, 1];
    const m = realizedBinary(scores, labels, 0.5);
    // Pairs (pos, neg): (.35,.1)=1 (.35,.4)=0 (.8,.1)=1 (.8,.4)=1 (.4,.1)=1 (.4,.4)=½ → 4.5/6.
    expect(m.rocAuc).toBeCloseTo(0.75, 12);
    expect(m.rocAuc).toBeCloseTo(sklearnStyleAuc(labels, scores), 12);
    expect(m.accuracy).toBeCloseTo(3 / 5, 12); // TP 1, TN 2
    expect(m.f1).toBeCloseTo(2 / (2 + 0 + 2), 12);
    expect(realizedBinary([0.2, 0.9], [1, 1]).rocAuc).toBeNull();
    expect(realizedBinary([0.2], [0]).f1).toBeNull();
  });

  it('weighted AUC equals the double sum over fractional labels, self-pairs included', () => {
    const s = [0.3, 0.1, 0.3, 0.9];
    const p = [0.6, 0.2, 0.5, 0.7];
    let num = 0;
    for (let i = 0; i < s.length; i++) {
      for (let j = 0; j < s.length; j++) num += p[i]! * (1 - p[j]!) * (s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0);
    }
    const den = p.reduce((a, b) => a + b, 0) * p.reduce((a, b) => a + 1 - b, 0);
    expect(weightedRocAuc(s, p, p.map((q) => 1 - q))).toBeCloseTo(num / den, 12);
  });
});

describe('CBPE on a perfectly calibrated model', () => {
  const model = fitCbpe({ scores: reference.p, labels: reference.labels, chunkSize: CHUNK });

  it('stores a JSON band per metric: mean ± 3 std of realized chunks', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(model.bands.accuracy.chunks).toBe(40);
    const { mean, std, lower, upper, perRowStd } = model.bands.accuracy;
    expect(lower).toBeCloseTo(mean - 3 * std, 12);
    expect(upper).toBeCloseTo(mean + 3 * std, 12);
    expect(perRowStd).toBeCloseTo(std * Math.sqrt(CHUNK), 12);
  });

  it('stays in the band without shift and tracks realized under covariate shift', () => {
    const steady = sample(2, 2000, 1);
    const shifted = sample(3, 2000, 0.4); // p pulled toward 0.5: harder rows
    const r0 = realizedBinary(steady.p, steady.labels);
    const e0 = estimateCbpe(model, steady.p);
    const r1 = realizedBinary(shifted.p, shifted.labels);
    const e1 = estimateCbpe(model, shifted.p);
    for (const key of ['accuracy', 'f1', 'rocAuc'] as const) {
      const band = model.bands[key]!;
      const se = samplingError(band, 2000)!;
      expect(e0[key]!).toBeGreaterThanOrEqual(band.lower);
      expect(e0[key]!).toBeLessThanOrEqual(band.upper);
      expect(Math.abs(e0[key]! - r0[key]!)).toBeLessThan(3 * se);
      expect(Math.abs(e1[key]! - r1[key]!)).toBeLessThan(3 * se);
      // Both fall with the shift, by about the same amount.
      expect(r1[key]!).toBeLessThan(r0[key]! - 3 * se);
      expect(e1[key]!).toBeLessThan(e0[key]! - 3 * se);
    }
    // The shift is big enough to leave the band: estimate and realized both alert.
    expect(e1.accuracy!).toBeLessThan(model.bands.accuracy.lower);
    expect(r1.accuracy!).toBeLessThan(model.bands.accuracy.lower);
  });

  it('cannot see concept drift (P(y | score) changed): the estimate stays, realized drops', () => {
    const drifted = sample(4, 2000, 1, true);
    const realized = realizedBinary(drifted.p, drifted.labels);
    const estimate = estimateCbpe(model, drifted.p);
    const band = model.bands.accuracy;
    const se = samplingError(band, 2000)!;
    // Labels flipped above x = 1 (≈ 16% of rows): realized accuracy falls out of the band...
    expect(realized.accuracy!).toBeLessThan(band.lower);
    // ...while the estimate, built from scores alone, says nothing changed.
    expect(estimate.accuracy!).toBeGreaterThan(band.lower);
    expect(estimate.accuracy! - realized.accuracy!).toBeGreaterThan(3 * se);
  });
});

describe('CBPE calibration', () => {
  it('corrects a miscalibrated model (score = p²)', () => {
    const squared = (xs: number[]) => xs.map((p) => p * p);
    const model = fitCbpe({ scores: squared(reference.p), labels: reference.labels, chunkSize: CHUNK });
    const current = sample(5, 2000, 0.6);
    const scores = squared(current.p);
    const realized = realizedBinary(scores, current.labels);
    const estimate = estimateCbpe(model, scores);
    const se = samplingError(model.bands.accuracy, 2000)!;
    expect(Math.abs(estimate.accuracy! - realized.accuracy!)).toBeLessThan(3 * se);
    expect(Math.abs(estimate.f1! - realized.f1!)).toBeLessThan(3 * samplingError(model.bands.f1!, 2000)!);
    expect(Math.abs(estimate.rocAuc! - realized.rocAuc!)).toBeLessThan(3 * samplingError(model.bands.rocAuc!, 2000)!);
    // Taking raw scores as probabilities would be far off.
    const naive = scores.reduce((sum, s) => sum + (s >= 0.5 ? s : 1 - s), 0) / scores.length;
    expect(Math.abs(naive - realized.accuracy!)).toBeGreaterThan(10 * se);
  });
});

describe('confidence-based CBPE (multiclass accuracy)', () => {
  it('estimates accuracy from top-class confidence under shift', () => {
    const make = (seed: number, rows: number, easy: number) => {
      const random = seededRandom(seed);
      const confidences: number[] = [];
      const correct: number[] = [];
      for (let i = 0; i < rows; i++) {
        // Three classes: confidence in [1/3, 1]; `easy` skews it high. Right with P = confidence.
        const c = 1 / 3 + (2 / 3) * random() ** (1 / easy);
        confidences.push(c);
        correct.push(random() < c ? 1 : 0);
      }
      return { confidences, correct };
    };
    // The reference must cover the confidences the shift moves to: isotonic calibration is flat
    // (clamped) outside its knots and noisy where the reference is thin.
    const ref = make(11, 10_000, 1);
    const model = fitConfidenceCbpe({ ...ref, chunkSize: CHUNK });
    expect(model.bands.f1).toBeNull();
    const current = make(12, 2000, 0.6);
    const estimate = estimateCbpe(model, current.confidences);
    const realized = current.correct.reduce((a, b) => a + b, 0) / current.correct.length;
    expect(estimate.f1).toBeNull();
    expect(estimate.rocAuc).toBeNull();
    expect(Math.abs(estimate.accuracy! - realized)).toBeLessThan(3 * samplingError(model.bands.accuracy, 2000)!);
    expect(cbpeEstimatedMetrics(model, estimate).map((m) => m.metric)).toEqual(['accuracy']);
  });
});

describe('CBPE edge cases', () => {
  it('gives null, not NaN, for an empty window', () => {
    const model = fitCbpe({ scores: reference.p, labels: reference.labels, chunkSize: CHUNK });
    const estimate = estimateCbpe(model, [Number.NaN]);
    expect(estimate).toEqual({ accuracy: null, f1: null, rocAuc: null, rows: 0, confusion: null });
    const metrics = cbpeEstimatedMetrics(model, estimate, { accuracy: null });
    expect(metrics).toHaveLength(3);
    for (const m of metrics) {
      expect(m.value).toBeNull();
      expect(m.samplingError).toBeNull();
      expect(m.realized).toBeNull();
      expect(Number.isFinite(m.lower) && Number.isFinite(m.upper)).toBe(true);
    }
  });

  it('keeps finite bands on a one-class reference; ROC AUC is null', () => {
    const model = fitCbpe({ scores: [0.6, 0.7, 0.8, 0.9, 0.95, 0.99], labels: [1, 1, 1, 1, 1, 1], chunkSize: 2 });
    for (const band of [model.bands.accuracy, model.bands.f1!, model.bands.rocAuc!]) {
      expect(Number.isFinite(band.lower) && Number.isFinite(band.upper) && Number.isFinite(band.std)).toBe(true);
    }
    expect(model.bands.rocAuc).toMatchObject({ chunks: 0, lower: 0, upper: 1, std: 0 });
    const estimate = estimateCbpe(model, [0.2, 0.7]);
    expect(estimate.rocAuc).toBeNull();
    expect(estimate.accuracy).toBeCloseTo(0.5, 12); // calibrated to 1 everywhere: the 0.2 row is a sure miss
    const metrics = cbpeEstimatedMetrics(model, estimate, realizedBinary([0.2, 0.7], [1, 1]));
    expect(metrics.find((m) => m.metric === 'roc_auc')).toMatchObject({ value: null, samplingError: null, realized: null });
    expect(() => fitCbpe({ scores: [0.5], labels: [3], chunkSize: 10 })).toThrow(RangeError);
    expect(() => fitCbpe({ scores: [0.5], labels: [1], chunkSize: 0 })).toThrow(RangeError);
  });
});
