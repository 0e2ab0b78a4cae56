import { describe, expect, it } from 'vitest';
import { backendCacheKey, describeBackend, fallbacksAfter, pickFastest } from './backend-choice';

describe('backend choice', () => {
  it('picks the fastest backend that ran, ties in fallback order', () => {
    expect(pickFastest([{ backend: 'webgl', examplesPerSec: 5000 }, { backend: 'wasm', examplesPerSec: 20000 }, { backend: 'cpu', examplesPerSec: 3000 }])).toBe('wasm');
    expect(pickFastest([{ backend: 'cpu', examplesPerSec: 10 }, { backend: 'webgl', examplesPerSec: 10 }])).toBe('webgl');
    expect(pickFastest([{ backend: 'webgl', error: 'context lost' }, { backend: 'cpu', examplesPerSec: Number.NaN }])).toBeNull();
  });

  it('caches per device and model size bucket', () => {
    const device = { renderer: 'SwiftShader', cores: 2 };
    expect(backendCacheKey(device, 900)).toBe('SwiftShader|2|p0');
    expect(backendCacheKey(device, 3000)).toBe(backendCacheKey(device, 4000));
    expect(backendCacheKey(device, 3000)).not.toBe(backendCacheKey(device, 50_000));
    expect(backendCacheKey({ renderer: null, cores: 8 }, 10)).toBe('no-webgl|8|p0');
  });

  it('falls back in order and names software WebGL', () => {
    expect(fallbacksAfter('webgl')).toEqual(['wasm', 'cpu']);
    expect(fallbacksAfter('cpu')).toEqual([]);
    expect(describeBackend('webgl', 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))')).toMatch(/software renderer .* no GPU/);
    expect(describeBackend('webgl', 'NVIDIA H100')).toBe('WebGL (NVIDIA H100)');
    expect(describeBackend('wasm', null)).toBe('WebAssembly (CPU, SIMD)');
  });
});
