import { describe, expect, it } from 'vitest';
import type { ClassificationEvaluation, RegressionEvaluation } from './evaluate';
import { confusionAtThreshold } from './metrics';
import { bestF1Threshold, binaryScoreSample, matrixRows, parseThreshold, percentText, rateMatchingThreshold, sampleFacts, thresholdRates, thresholdText, type ScoreSample } from './threshold';

const sample = (labels: number[], positive: number[]): ScoreSample => ({ labels, positive });

/** F1 at a threshold straight from the confusion counts, the definition the presets must agree with. */
function f1At(s: ScoreSample, t: number): number {
  const c = confusionAtThreshold(s.labels, s.positive, t);
  return (2 * c.tp) / (2 * c.tp + c.fp + c.fn);
}

/** A fixed pseudo-random sample (an LCG, so the test is the same on every run). */
function lcgSample(n: number, seed: number): ScoreSample {
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const labels: number[] = [];
  const positive: number[] = [];
  for (let i = 0; i < n; i++) {
    const y = next() < 0.25 ? 1 : 0;
    labels.push(y);
    // Rounded to 2 decimals so there are many ties, as 4-decimal scores of a real sample have.
    positive.push(Math.round(Math.min(1, Math.max(0, 0.3 + (y ? 0.25 : 0) + (next() - 0.5) * 0.6)) * 100) / 100);
  }
  return { labels, positive };
}

describe('bestF1Threshold', () => {
  it('picks the distinct score with the highest F1 (score ≥ threshold flags)', () => {
    const s = sample([0, 0, 1, 0, 1, 1], [0.1, 0.4, 0.35, 0.8, 0.7, 0.9]);
    const r = bestF1Threshold(s);
    expect(r).toEqual({ ok: true, threshold: 0.35, value: f1At(s, 0.35) });
    expect(r.ok && r.value).toBeCloseTo(6 / 8, 12);
  });

  it('agrees with a brute-force search over every distinct score, ties included', () => {
    for (const seed of [1, 2, 3]) {
      const s = lcgSample(400, seed);
      const r = bestF1Threshold(s);
      if (!r.ok) throw new Error(r.reason);
      const brute = Math.max(...[...new Set(s.positive)].map((t) => f1At(s, t)));
      expect(r.value).toBe(brute);
      expect(f1At(s, r.threshold)).toBe(brute);
    }
  });

  it('enters tied scores together and, on equal F1, keeps the higher threshold', () => {
    // At 0.9 (2 flagged, 1 positive): F1 = 2/(2+2) = 0.5. At 0.2 (all 6 flagged, 2 positives): F1 = 4/(6+2) = 0.5.
    const s = sample([1, 0, 0, 0, 0, 1], [0.9, 0.9, 0.2, 0.2, 0.2, 0.2]);
    expect(bestF1Threshold(s)).toEqual({ ok: true, threshold: 0.9, value: 0.5 });
  });

  it('gives a reason, not NaN, for an empty or all-negative sample; all positive flags everything', () => {
    expect(bestF1Threshold(sample([], []))).toEqual({ ok: false, reason: 'the sample is empty' });
    expect(bestF1Threshold(sample([0, 0], [0.2, 0.7]))).toMatchObject({ ok: false, reason: expect.stringContaining('no positive row') });
    expect(bestF1Threshold(sample([1, 1, 1], [0.2, 0.7, 0.4]))).toEqual({ ok: true, threshold: 0.2, value: 1 });
  });
});

describe('rateMatchingThreshold', () => {
  it('flags as many rows as there are positives when the scores allow it', () => {
    const s = sample([0, 0, 1, 0, 1, 0, 0, 0], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.05, 0.15]);
    const r = rateMatchingThreshold(s);
    expect(r).toEqual({ ok: true, threshold: 0.5, value: 2 / 8 });
    expect(confusionAtThreshold(s.labels, s.positive, 0.5).flagged).toBe(sampleFacts(s).positiveShare);
  });

  it('with tied scores, takes the closest share flagged, the higher threshold on equal distance', () => {
    // 2 positives of 6. 0.9 flags 1 (1 away), 0.5 flags 4 (2 away): 0.9.
    expect(rateMatchingThreshold(sample([1, 1, 0, 0, 0, 0], [0.9, 0.5, 0.5, 0.5, 0.1, 0.1]))).toEqual({ ok: true, threshold: 0.9, value: 1 / 6 });
    // 2 positives of 6. 0.9 flags 1, 0.5 flags 3: both 1 away, so 0.9.
    expect(rateMatchingThreshold(sample([1, 1, 0, 0, 0, 0], [0.9, 0.5, 0.5, 0.1, 0.1, 0.1]))).toEqual({ ok: true, threshold: 0.9, value: 1 / 6 });
    // Every score tied: the only threshold flags everything.
    expect(rateMatchingThreshold(sample([1, 0, 0], [0.4, 0.4, 0.4]))).toEqual({ ok: true, threshold: 0.4, value: 1 });
  });

  it('agrees with the share flagged that confusionAtThreshold reports there', () => {
    const s = lcgSample(500, 7);
    const r = rateMatchingThreshold(s);
    if (!r.ok) throw new Error(r.reason);
    expect(confusionAtThreshold(s.labels, s.positive, r.threshold).flagged).toBe(r.value);
    const share = sampleFacts(s).positiveShare!;
    for (const t of new Set(s.positive)) expect(Math.abs(r.value - share)).toBeLessThanOrEqual(Math.abs(confusionAtThreshold(s.labels, s.positive, t).flagged - share) + 1e-12);
  });

  it('gives a reason for an empty or all-negative sample; all positive flags everything', () => {
    expect(rateMatchingThreshold(sample([], []))).toEqual({ ok: false, reason: 'the sample is empty' });
    expect(rateMatchingThreshold(sample([0, 0], [0.3, 0.6]))).toMatchObject({ ok: false, reason: expect.stringContaining('no positive row') });
    expect(rateMatchingThreshold(sample([1, 1], [0.3, 0.6]))).toEqual({ ok: true, threshold: 0.3, value: 1 });
  });
});

describe('matrixRows and thresholdRates', () => {
  it('lays out actual × predicted with row shares, negative class first', () => {
    const c = confusionAtThreshold([0, 0, 0, 1, 1], [0.1, 0.6, 0.2, 0.7, 0.3], 0.5);
    const [neg, pos] = matrixRows(c, ['on time', 'late']);
    expect(neg).toEqual({
      actual: 'on time',
      total: 3,
      cells: [
        { predicted: 'on time', count: 2, rowShare: 2 / 3, correct: true },
        { predicted: 'late', count: 1, rowShare: 1 / 3, correct: false },
      ],
    });
    expect(pos.cells.map((x) => [x.count, x.correct])).toEqual([
      [1, false],
      [1, true],
    ]);
  });

  it('gives an empty row a null share, and every undefined rate a reason instead of NaN', () => {
    const none = confusionAtThreshold([0, 0], [0.1, 0.2], 0.5);
    expect(matrixRows(none, ['a', 'b'])[1]).toMatchObject({ total: 0, cells: [{ rowShare: null }, { rowShare: null }] });
    const rates = Object.fromEntries(thresholdRates(none).map((r) => [r.key, r]));
    expect(rates.precision).toMatchObject({ value: null, reason: 'nothing is flagged at this threshold' });
    expect(rates.recall).toMatchObject({ value: null, reason: 'the sample has no positive row' });
    expect(rates.f1).toMatchObject({ value: null, reason: 'no positive row and nothing flagged' });
    expect(rates.accuracy).toMatchObject({ value: 1, reason: null });
    const empty = thresholdRates(confusionAtThreshold([], [], 0.5));
    expect(empty.every((r) => r.value === null && r.reason === 'the sample is empty')).toBe(true);
  });

  it('matches confusionAtThreshold where the rates are defined', () => {
    const s = lcgSample(300, 11);
    const c = confusionAtThreshold(s.labels, s.positive, 0.5);
    const rates = Object.fromEntries(thresholdRates(c).map((r) => [r.key, r.value]));
    expect(rates).toEqual({ precision: c.precision, recall: c.recall, f1: f1At(s, 0.5), accuracy: c.accuracy, flagged: c.flagged });
  });
});

describe('binaryScoreSample', () => {
  const base: ClassificationEvaluation = {
    task: 'classification',
    rows: 2,
    classNames: ['no', 'yes'],
    accuracy: 0.5,
    precision: 0.5,
    recall: 0.5,
    f1: 0.5,
    rocAuc: 0.5,
    logLoss: 0.7,
    confusion: [
      [1, 0],
      [1, 0],
    ],
    baseline: { prediction: 'no', accuracy: 0.5, f1: 0.33, logLoss: 0.69 },
  };
  it('returns the scores of a binary evaluation only', () => {
    const scores = { labels: [0, 1], positive: [0.2, 0.4] };
    expect(binaryScoreSample({ ...base, scores })).toBe(scores);
    expect(binaryScoreSample(base)).toBeNull(); // stored before `scores` existed
    expect(binaryScoreSample({ ...base, scores: null })).toBeNull();
    expect(binaryScoreSample({ ...base, classNames: ['a', 'b', 'c'], scores })).toBeNull();
    expect(binaryScoreSample({ ...base, scores: { labels: [0], positive: [0.2, 0.4] } })).toBeNull();
    expect(binaryScoreSample({ task: 'regression' } as RegressionEvaluation)).toBeNull();
    expect(binaryScoreSample(null)).toBeNull();
  });
});

describe('text helpers', () => {
  it('formats shares and thresholds without NaN, and parses only 0…1', () => {
    expect(percentText(0.7734)).toBe('77.3 %');
    expect(percentText(null)).toBe('—');
    expect(percentText(NaN)).toBe('—');
    expect(thresholdText(0.5)).toBe('0.50');
    expect(thresholdText(0.07)).toBe('0.07');
    expect(thresholdText(0.3712)).toBe('0.3712');
    expect(parseThreshold('0.35')).toBe(0.35);
    expect(parseThreshold('1')).toBe(1);
    expect(parseThreshold('')).toBeNull();
    expect(parseThreshold('1.2')).toBeNull();
    expect(parseThreshold('-0.1')).toBeNull();
    expect(parseThreshold('abc')).toBeNull();
  });
});
