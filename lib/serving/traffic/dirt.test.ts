import { describe, expect, it } from 'vitest';
import { createTraffic } from './create';
import { DIRT_ISSUES, EXTRA_COLUMN, REQUEST_DIRT_KINDS, ROW_DIRT_KINDS } from './dirt';
import { featureReferences, type CategoricalReference, type NumericReference } from './reference';
import { allRequests, builtinContext } from './test-context';
import type { DirtKind, TrafficOptions, TrafficRequest } from './types';

const flights = builtinContext('flights', 'delayed');
const refs = featureReferences(flights);
const options: TrafficOptions = { seed: 5, days: 20, requestsPerDay: 200, rowsPerRequest: 5, dirtyRate: 0.1 };
const dirty = allRequests(createTraffic('control', flights, options));
const clean = allRequests(createTraffic('control', flights, { ...options, dirtyRate: 0 }));

/** Original rows the overlay touched: dirty rows (a duplicate's copy counts once) plus rows an empty batch dropped. */
function touchedShare(requests: TrafficRequest[], rowsPerRequest: number): number {
  let touched = 0;
  for (const q of requests) touched += q.requestDirt === 'empty-batch' ? rowsPerRequest : q.dirt.filter((d) => d !== null).length;
  return touched / (requests.length * rowsPerRequest);
}
const counts = (requests: TrafficRequest[]) => {
  const out: Partial<Record<DirtKind, number>> = {};
  for (const q of requests) {
    if (q.requestDirt) out[q.requestDirt] = (out[q.requestDirt] ?? 0) + 1;
    else for (const d of q.dirt) if (d) out[d] = (out[d] ?? 0) + 1;
  }
  return out;
};

describe('dirty-data overlay', () => {
  it('touches 10.0 % of rows at rate 0.1 (measured 10.3 % of 20,000), 1 % of requests changed whole (measured 1.13 %)', () => {
    const share = touchedShare(dirty, 5);
    expect(Math.abs(share - 0.1)).toBeLessThan(0.01);
    const requestLevel = dirty.filter((q) => q.requestDirt !== null).length / dirty.length;
    expect(Math.abs(requestLevel - 0.01)).toBeLessThan(0.004);
  });

  it('holds its rate at 0.02 and 0.5 too (measured 2.2 %, 49.7 %), and touches every row at 1', () => {
    for (const rate of [0.02, 0.5]) {
      const requests = allRequests(createTraffic('control', flights, { ...options, days: 10, dirtyRate: rate }));
      expect(Math.abs(touchedShare(requests, 5) - rate)).toBeLessThan(0.015);
    }
    const every = allRequests(createTraffic('control', flights, { ...options, days: 2, dirtyRate: 1 }));
    expect(touchedShare(every, 5)).toBe(1);
  });

  it('makes every kind of dirt, each row kind about equally often (measured 290–329 rows each; 8–15 requests of each request kind)', () => {
    const seen = counts(dirty);
    for (const kind of [...ROW_DIRT_KINDS, ...REQUEST_DIRT_KINDS]) expect(seen[kind] ?? 0).toBeGreaterThan(0);
    // 20,000 rows × ~9.1 % row dirt / 6 kinds ≈ 300 each.
    for (const kind of ROW_DIRT_KINDS) expect(seen[kind]!).toBeGreaterThan(220);
    expect(Object.keys(DIRT_ISSUES).sort()).toEqual([...ROW_DIRT_KINDS, ...REQUEST_DIRT_KINDS].sort());
  });

  it('leaves clean traffic untouched at rate 0', () => {
    expect(clean.every((q) => q.requestDirt === null && q.dirt.every((d) => d === null) && q.rows.length === 5)).toBe(true);
  });

  it('records exactly what it did to each row', () => {
    const numeric = (c: number) => refs[c] as NumericReference;
    dirty.forEach((q, i) => {
      const original = clean[i]!;
      if (q.requestDirt) return;
      let o = 0;
      q.rows.forEach((row, r) => {
        const kind = q.dirt[r];
        if (kind === 'duplicate-row') {
          expect(row).toEqual(q.rows[r - 1]);
          expect(q.labels[r]).toBe(q.labels[r - 1]);
          return;
        }
        const source = original.rows[o]!;
        expect(q.labels[r]).toBe(original.labels[o]);
        o++;
        const changed = row.flatMap((v, c) => (v === source[c] ? [] : [c]));
        if (kind === null) return expect(changed).toEqual([]);
        expect(changed.length).toBeLessThanOrEqual(1);
        const c = changed[0] ?? -1;
        const v = row[c];
        if (kind === 'missing') return expect(c === -1 || v === null).toBe(true); // a missing cell set missing again
        expect(c).toBeGreaterThanOrEqual(0);
        if (kind === 'malformed-number') {
          expect(numeric(c).type).toBe('numeric');
          expect(typeof v === 'string' && (v === '' || !Number.isFinite(Number(v)))).toBe(true);
        } else if (kind === 'wrong-type') expect(typeof v === 'object' || typeof v === 'boolean').toBe(true);
        else if (kind === 'unseen-category') expect((refs[c] as CategoricalReference).categories).not.toContain(v);
        else if (kind === 'out-of-range') {
          const { min, max } = numeric(c);
          expect((v as number) > max + 9 * (max - min) || (v as number) < min - 9 * (max - min)).toBe(true);
        }
      });
      expect(o).toBe(original.rows.length);
    });
  });

  it('changes a request’s shape as recorded: renamed, missing or extra column, or an empty batch', () => {
    for (const q of dirty.filter((x) => x.requestDirt !== null)) {
      const width = q.columns.length;
      expect(q.rows.every((row) => row.length === width)).toBe(true);
      expect(q.dirt.every((d) => d === q.requestDirt)).toBe(true);
      if (q.requestDirt === 'empty-batch') expect([q.rows.length, q.labels.length]).toEqual([0, 0]);
      if (q.requestDirt === 'missing-column') expect(flights.features.filter((f) => !q.columns.includes(f))).toHaveLength(1);
      if (q.requestDirt === 'extra-column') expect(q.columns).toEqual([...flights.features, EXTRA_COLUMN]);
      if (q.requestDirt === 'renamed-column') {
        expect(width).toBe(flights.features.length);
        expect(q.columns.filter((c) => !flights.features.includes(c))).toHaveLength(1);
      }
    }
  });

  it('writes malformed numbers as "12,5"-style, "1,234"-style, "N/A", "" and "-"', () => {
    const forms = new Set<string>();
    for (const q of dirty) q.rows.forEach((row, r) => q.dirt[r] === 'malformed-number' && row.forEach((v) => typeof v === 'string' && !/^[A-Z]{3}$/.test(v) && forms.add(/^-?\d+,\d$/.test(v) ? 'decimal comma' : /^\d{1,3}(,\d{3})+$/.test(v) ? 'thousands' : v)));
    expect([...forms].sort()).toEqual(['', '-', 'N/A', 'decimal comma', 'thousands']);
  });

  it('skips the unseen category where there is no categorical input (Seattle weather)', () => {
    const weather = allRequests(createTraffic('control', builtinContext('seattle-weather', 'weather'), { ...options, days: 10, dirtyRate: 0.3 }));
    const seen = counts(weather);
    expect(seen['unseen-category']).toBeUndefined();
    for (const kind of ['missing', 'malformed-number', 'wrong-type', 'out-of-range', 'duplicate-row'] as const) expect(seen[kind]!).toBeGreaterThan(0);
  });
});
