import { seededRandom } from '../../data/random';

/** murmur3's 32-bit finaliser: every input bit reaches every output bit. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * One well-mixed 32-bit seed from several integers (seed, request index, purpose…). Neighbouring
 * inputs (request 41 and 42) give unrelated outputs, so per-request generators do not correlate.
 * Each part counts with its low 32 bits and the bits above them (seeds past 2³² still differ);
 * fractions are truncated.
 */
export function mixSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    const whole = Math.trunc(Number.isFinite(part) ? part : 0);
    const high = Math.floor(whole / 4294967296);
    h = fmix32((h ^ fmix32(whole >>> 0)) + 0x6d2b79f5);
    if (high !== 0) h = fmix32(h ^ fmix32(high >>> 0));
  }
  return h;
}

/**
 * The generator for one purpose of one request: `random(seed, index, salt)` is the same sequence
 * every time, whatever was generated before, which is what lets `request(i)` be called in any
 * order (a reload resumes at request i without replaying 0 … i−1).
 */
export function streamRandom(seed: number, index: number, salt: number): () => number {
  return seededRandom(mixSeed(seed, index, salt));
}

/** A uniform integer in [0, n) from `random` (n ≥ 1). */
export function pick(random: () => number, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}
