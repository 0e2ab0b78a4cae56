import { describe, expect, it } from 'vitest';
import { buildAxis, MISSING_LABEL } from './parallel';
import { formatNumber, niceTicks, numericScale, spansDecades } from './scales';

describe('numeric scales', () => {
  it('makes nice ticks 1, 2 or 5 × 10^k apart covering the range', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.13, 0.87)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3, 97, 5)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(2, 2)).toEqual([2]);
    expect(niceTicks(Number.NaN, 1)).toEqual([]);
  });

  it('switches to log only when positive values span more than two decades', () => {
    expect(spansDecades(0.001, 0.1)).toBe(false);
    expect(spansDecades(0.0001, 0.1)).toBe(true);
    expect(spansDecades(0, 1000)).toBe(false);
    const log = numericScale([0.0001, 0.001, 0.1]);
    expect(log.kind).toBe('log');
    expect(log.position(0.0001)).toBeCloseTo(0);
    expect(log.position(0.001)).toBeCloseTo(1 / 3);
    expect(log.ticks.map((t) => t.label)).toEqual(['1e-4', '0.001', '0.01', '0.1']);
    expect(numericScale([-1, 1000]).kind).toBe('linear');
    expect(numericScale([0.01, 0.1], { log: true }).kind).toBe('log');
  });

  it('maps the data extent to [0, 1], or the nice extent when asked', () => {
    const s = numericScale([2, 7, Number.NaN]);
    expect(s.domain).toEqual([2, 7]);
    expect(s.position(4.5)).toBeCloseTo(0.5);
    expect(s.ticks.every((t) => t.value >= 2 && t.value <= 7)).toBe(true);
    expect(numericScale([3, 97], { nice: true }).domain).toEqual([0, 100]);
    expect(numericScale([5, 5]).position(5)).toBeCloseTo(0.5);
    expect(numericScale([]).domain).toEqual([0, 1]);
  });

  it('formats numbers briefly', () => {
    expect(formatNumber(0.000012)).toBe('1.2e-5');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1234.56)).toBe('1234.6');
    expect(formatNumber(2e7)).toBe('2e7');
  });
});

describe('parallel-coordinate axes', () => {
  it('uses a log axis for a learning rate spanning decades', () => {
    const axis = buildAxis('lr', 'lr', [0.0001, 0.01, 0.1]);
    expect(axis.kind).toBe('log');
    expect(axis.position(0.0001)).toBeCloseTo(0);
    expect(axis.position(0.1)).toBeCloseTo(1);
    expect(axis.position(0.01)).toBeCloseTo(2 / 3);
  });

  it('spaces categories evenly in natural order, booleans and mixed values as text', () => {
    const axis = buildAxis('units', 'units', ['10', '2', 'relu', '2']);
    expect(axis.kind).toBe('category');
    expect(axis.categories).toEqual(['2', '10', 'relu']);
    expect([axis.position('2'), axis.position('10'), axis.position('relu')]).toEqual([0, 0.5, 1]);
    expect(buildAxis('b', 'b', [true, false]).categories).toEqual(['false', 'true']);
    expect(buildAxis('one', 'one', ['adam', 'adam']).position('adam')).toBe(0.5);
  });

  it('puts runs without a value in an n/a slot at the bottom, values above it', () => {
    const axis = buildAxis('layers', 'layers', [1, undefined, 3, Number.NaN]);
    expect(axis.hasMissing).toBe(true);
    expect(axis.ticks[0]).toMatchObject({ label: MISSING_LABEL, position: 0 });
    expect(axis.position(undefined)).toBe(0);
    expect(axis.position(Number.NaN)).toBe(0);
    expect(axis.position(1)).toBeGreaterThan(0.1);
    expect(axis.position(3)).toBeCloseTo(1);
    const cats = buildAxis('act', 'act', ['relu', null]);
    expect(cats.position(null)).toBe(0);
    expect(cats.position('relu')).toBeGreaterThan(0.1);
  });

});

describe('prefersLogScale', () => {
  it('puts learning rates and L2 on a log axis whenever they are positive, other params past two decades', async () => {
    const { prefersLogScale } = await import('./scales');
    expect(prefersLogScale('learningRate', [0.001, 0.01, 0.1])).toBe(true);
    expect(prefersLogScale('l2', [0, 0.01])).toBe(false);
    expect(prefersLogScale('learningRate', [0.01])).toBe(false);
    expect(prefersLogScale('batchSize', [16, 32, 64])).toBe(false);
    expect(prefersLogScale('batchSize', [1, 1000])).toBe(true);
  });
});
