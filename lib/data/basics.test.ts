import { describe, expect, it } from 'vitest';
import { contentHash, shortHash } from './hash';
import { normal, seededRandom, shuffled } from './random';

describe('seededRandom', () => {
  it('repeats for a seed, differs across seeds, stays in [0, 1)', () => {
    const a = Array.from({ length: 5 }, seededRandom(1));
    expect(Array.from({ length: 5 }, seededRandom(1))).toEqual(a);
    expect(Array.from({ length: 5 }, seededRandom(2))).not.toEqual(a);
    const r = seededRandom(3);
    for (let i = 0; i < 10_000; i++) {
      const x = r();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('shuffles a copy and draws roughly standard normals', () => {
    const items = [1, 2, 3, 4, 5];
    const s = shuffled(items, seededRandom(9));
    expect(s.slice().sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5]);
    const r = seededRandom(4);
    const draws = Array.from({ length: 20_000 }, () => normal(r));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const sd = Math.sqrt(draws.reduce((a, b) => a + (b - mean) ** 2, 0) / draws.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });
});

describe('contentHash', () => {
  it('is SHA-256 in hex, the same for text and its bytes', async () => {
    expect(await contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await contentHash(new TextEncoder().encode('abc'))).toBe(await contentHash('abc'));
    expect(shortHash(await contentHash(''))).toBe('e3b0c44298fc');
  });
});
