import { describe, expect, it } from 'vitest';
import { bundleFileName } from './download';

describe('bundleFileName', () => {
  it('names the file after the local date, zero-padded', () => {
    expect(bundleFileName(new Date(2024, 0, 5, 23, 59))).toBe('mlops-workbench-2024-01-05.json');
    expect(bundleFileName(new Date(2025, 10, 30))).toBe('mlops-workbench-2025-11-30.json');
  });
});
