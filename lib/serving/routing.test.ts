import { describe, expect, it } from 'vitest';
import type { TrafficRoute } from '../tracking/serving-types';
import { ServingError } from './errors';
import { bucketOf, bucketRanges, createRouter, fmix32, fnv1a32, hashRequestId, routeRequest, validateRoutes } from './routing';

const ids = (count: number, prefix = 'req-') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);

/** Reference FNV-1a over TextEncoder's bytes, to check the hand-written UTF-8. */
function referenceFnv(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193);
  return h >>> 0;
}

function shareOf(routes: TrafficRoute[], version: number, idList: string[]): number {
  const route = createRouter(routes);
  return (idList.filter((id) => route(id).answer === version).length / idList.length) * 100;
}

describe('hashing', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('hashes the UTF-8 bytes, surrogate pairs included', () => {
    for (const text of ['é', 'naïve-€', '😀 request', 'ℵ0', '\u{10ffff}']) expect(fnv1a32(text)).toBe(referenceFnv(text));
  });

  it('finalises with murmur3 fmix32 (0 stays 0, 1 maps to its known value)', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
    expect(hashRequestId('abc')).toBe(fmix32(fnv1a32('abc')));
  });

  it('puts every id in a bucket in [0, 100), the same one every time', () => {
    for (const id of [...ids(1000), '', 'ä', '😀']) {
      const bucket = bucketOf(id);
      expect(bucket).toBeGreaterThanOrEqual(0);
      expect(bucket).toBeLessThan(100);
      expect(bucketOf(id)).toBe(bucket);
    }
  });
});

describe('routeRequest', () => {
  const canary: TrafficRoute[] = [
    { version: 3, share: 95, role: 'primary' },
    { version: 4, share: 5, role: 'canary' },
  ];

  it('routes the same id the same way every time', () => {
    for (const id of ids(500)) expect(routeRequest(id, canary)).toEqual(routeRequest(id, canary));
  });

  it('honours the shares within ±1.5 % over 100,000 ids, for several id styles', () => {
    const many = ids(100_000);
    expect(Math.abs(shareOf(canary, 4, many) - 5)).toBeLessThan(1.5);
    const half: TrafficRoute[] = [
      { version: 1, share: 50, role: 'primary' },
      { version: 2, share: 50, role: 'variant' },
    ];
    expect(Math.abs(shareOf(half, 2, ids(100_000, 'replay-7-')) - 50)).toBeLessThan(1.5);
    const thirds: TrafficRoute[] = [
      { version: 1, share: 33.3, role: 'primary' },
      { version: 2, share: 33.3, role: 'variant' },
      { version: 3, share: 33.4, role: 'canary' },
    ];
    for (const version of [1, 2, 3]) expect(Math.abs(shareOf(thirds, version, many) - 33.3)).toBeLessThan(1.5);
  });

  it('moves only the ids it must when a share changes (monotone ranges)', () => {
    const at = (share: number): TrafficRoute[] => [
      { version: 3, share: 100 - share, role: 'primary' },
      { version: 4, share, role: 'canary' },
    ];
    const before = createRouter(at(5));
    const after = createRouter(at(25));
    let moved = 0;
    for (const id of ids(100_000)) {
      const was = before(id).answer;
      const now = after(id).answer;
      // Nobody leaves the canary when it grows.
      if (was === 4) expect(now).toBe(4);
      if (was !== now) {
        moved += 1;
        const bucket = bucketOf(id);
        expect(bucket).toBeGreaterThanOrEqual(75);
        expect(bucket).toBeLessThan(95);
      }
    }
    expect(Math.abs(moved / 1000 - 20)).toBeLessThan(1.5);
  });

  it('gives shadows a copy of every request and never lets them answer', () => {
    const routes: TrafficRoute[] = [
      { version: 3, share: 100, role: 'primary' },
      { version: 5, share: 0, role: 'shadow' },
    ];
    for (const id of ids(200)) expect(routeRequest(id, routes)).toEqual({ answer: 3, shadows: [5] });
  });

  it('sends everything to the canary at a 100 % step', () => {
    const routes: TrafficRoute[] = [
      { version: 3, share: 0, role: 'primary' },
      { version: 4, share: 100, role: 'canary' },
    ];
    for (const id of ids(500)) expect(routeRequest(id, routes).answer).toBe(4);
    expect(bucketRanges(routes)).toEqual([
      { version: 3, lower: 0, upper: 0 },
      { version: 4, lower: 0, upper: 100 },
    ]);
  });
});

describe('validateRoutes', () => {
  const refuse = (routes: TrafficRoute[], message: RegExp) => {
    expect(() => validateRoutes(routes)).toThrow(ServingError);
    expect(() => validateRoutes(routes)).toThrow(message);
  };

  it('refuses shares that do not add up to 100, naming the sum and the terms', () => {
    refuse(
      [
        { version: 3, share: 90, role: 'primary' },
        { version: 4, share: 5, role: 'canary' },
      ],
      /add up to 95 %, not 100 %: v3 90 % \+ v4 5 %/,
    );
    refuse(
      [
        { version: 3, share: 90, role: 'primary' },
        { version: 4, share: 20, role: 'variant' },
      ],
      /110 %/,
    );
    expect(() => routeRequest('x', [{ version: 3, share: 50, role: 'primary' }])).toThrow(/50 %, not 100 %/);
  });

  it('refuses empty splits, duplicates, bad shares, shadow shares and primaries ≠ 1', () => {
    refuse([], /at least one route/);
    refuse(
      [
        { version: 3, share: 50, role: 'primary' },
        { version: 3, share: 50, role: 'variant' },
      ],
      /routed twice/,
    );
    refuse([{ version: 3, share: Number.NaN, role: 'primary' }], /not a percent/);
    refuse(
      [
        { version: 3, share: 110, role: 'primary' },
        { version: 4, share: -10, role: 'variant' },
      ],
      /not a percent/,
    );
    refuse(
      [
        { version: 3, share: 100, role: 'primary' },
        { version: 4, share: 10, role: 'shadow' },
      ],
      /shadow.*must be 0/,
    );
    refuse([{ version: 3, share: 100, role: 'canary' }], /exactly one primary.*found 0/);
    refuse(
      [
        { version: 3, share: 50, role: 'primary' },
        { version: 4, share: 50, role: 'primary' },
      ],
      /found 2/,
    );
    refuse([{ version: 0, share: 100, role: 'primary' }], /not a version number/);
  });

  it('accepts float shares that sum to 100 within rounding', () => {
    expect(() =>
      validateRoutes([
        { version: 1, share: 100 / 3, role: 'primary' },
        { version: 2, share: 100 / 3, role: 'variant' },
        { version: 3, share: 100 / 3, role: 'canary' },
      ]),
    ).not.toThrow();
  });
});
