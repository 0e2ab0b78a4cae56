import { describe, expect, it } from 'vitest';
import type { ColumnQuality } from '@/lib/monitoring/types';
import { binsToChart, datasetDriftSentence, fileStem, formatNumber, largestDifference, parseThreshold, percent, qualitySummary, testsFor, verdictText } from './report-format';

const quality = (q: Partial<ColumnQuality>): ColumnQuality => ({ column: 'c', kind: 'numerical', rows: 10, missing: 0, missingShare: 0, min: null, max: null, mean: null, std: null, unique: 0, top: [], ...q });

describe('datasetDriftSentence', () => {
  it('states counts, share, threshold and verdict', () => {
    expect(datasetDriftSentence({ driftedColumns: 3, totalColumns: 7, share: 3 / 7, threshold: 0.5, drifted: false })).toBe('3 of 7 columns drifted (share 0.43; the dataset drifts at ≥ 0.50): no dataset drift.');
    expect(datasetDriftSentence({ driftedColumns: 1, totalColumns: 1, share: 1, threshold: 0.5, drifted: true })).toBe('1 of 1 column drifted (share 1.00; the dataset drifts at ≥ 0.50): dataset drift detected.');
  });
});

describe('binsToChart', () => {
  it('keeps every bin up to the limit', () => {
    expect(binsToChart([0.5, 0.5], [0.2, 0.8], 30)).toEqual([0, 1]);
  });
  it('keeps the bins with the largest share on either side, in their order', () => {
    const ref = [0.1, 0.0, 0.4, 0.05, 0.45];
    const cur = [0.0, 0.5, 0.1, 0.3, 0.1];
    expect(binsToChart(ref, cur, 3)).toEqual([1, 2, 4]);
  });
  it('breaks ties by the earlier bin', () => {
    expect(binsToChart([0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25], 2)).toEqual([0, 1]);
  });
});

describe('largestDifference', () => {
  it('names the bin that moved most', () => {
    expect(largestDifference(['a', 'b', 'c'], [0.5, 0.3, 0.2], [0.2, 0.3, 0.5])).toEqual({ label: 'a', reference: 0.5, current: 0.2 });
    expect(largestDifference(['a', 'b'], [0.5, 0.5], [0.5, 0.5])).toEqual({ label: 'a', reference: 0.5, current: 0.5 });
  });
  it('is null without bins', () => {
    expect(largestDifference([], [], [])).toBeNull();
  });
});

describe('testsFor', () => {
  it('offers numerical tests for numbers and drops the z-test past two values', () => {
    expect(testsFor({ kind: 'numerical', uniqueValues: 40 }).map((t) => t.name)).toEqual(['ks', 'chisquare', 'wasserstein', 'jensenshannon', 'psi']);
    expect(testsFor({ kind: 'categorical', uniqueValues: 2 }).map((t) => t.name)).toEqual(['chisquare', 'z', 'jensenshannon', 'psi']);
  });
  it('always lists the test in use', () => {
    expect(testsFor({ kind: 'categorical', uniqueValues: 5 }, 'z').map((t) => t.name)).toContain('z');
  });
});

describe('parseThreshold', () => {
  it('reads numbers, empty as the default, and refuses the rest', () => {
    expect(parseThreshold(' 0.01 ', 'p-value')).toEqual({ ok: true, value: 0.01 });
    expect(parseThreshold('', 'distance')).toEqual({ ok: true, value: null });
    expect(parseThreshold('2', 'distance')).toEqual({ ok: true, value: 2 });
    expect(parseThreshold('2', 'p-value').ok).toBe(false);
    expect(parseThreshold('-0.1', 'distance').ok).toBe(false);
    expect(parseThreshold('abc', 'distance').ok).toBe(false);
  });
});

describe('formatting', () => {
  it('prints shares, numbers and verdicts', () => {
    expect(percent(0.1234)).toBe('12.3%');
    expect(percent(Number.NaN)).toBe('—');
    expect(formatNumber(1234)).toBe('1,234');
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(null)).toBe('—');
    expect(verdictText({ drifted: true, testLabel: 'Kolmogorov–Smirnov', scoreKind: 'p-value', score: 2.1e-7, threshold: 0.05 })).toBe('Drift: Kolmogorov–Smirnov p = 2.1e-7, threshold 0.05');
    expect(verdictText({ drifted: false, testLabel: 'Wasserstein (normed)', scoreKind: 'distance', score: 0.04, threshold: 0.1 })).toBe('No drift: Wasserstein (normed) distance 0.040, threshold 0.1');
  });
  it('summarises a column', () => {
    expect(qualitySummary(quality({ mean: 12.3, std: 4.567 }))).toBe('12.3 ± 4.567');
    expect(qualitySummary(quality({ kind: 'categorical', unique: 4, top: [{ value: 'a', count: 5 }, { value: 'b', count: 3 }, { value: 'c', count: 1 }, { value: 'd', count: 1 }] }))).toBe('a (5), b (3), c (1), …');
    expect(qualitySummary(undefined)).toBe('—');
  });
  it('makes file stems', () => {
    expect(fileStem('Drift of log.csv against Iris (built-in)')).toBe('drift-of-log-csv-against-iris-built-in');
    expect(fileStem('“”')).toBe('drift-report');
  });
});
