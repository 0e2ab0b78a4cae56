import { describe, expect, it } from 'vitest';
import { MATURITY_LEVELS } from '@/lib/course/maturity';

describe('MATURITY_LEVELS', () => {
  it('has five entries, levels 0 to 4 in order', () => {
    expect(MATURITY_LEVELS).toHaveLength(5);
    expect(MATURITY_LEVELS.map((l) => l.level)).toEqual([0, 1, 2, 3, 4]);
  });

  it('has unique names', () => {
    const names = MATURITY_LEVELS.map((l) => l.name);
    expect(new Set(names).size).toBe(names.length);
  });

  describe.each(MATURITY_LEVELS.map((info) => [info.level, info] as const))('level %i', (_level, info) => {
    it('has non-empty text fields', () => {
      for (const field of ['name', 'tagline', 'looksLike', 'inTheWorkbench', 'whenItFits'] as const) {
        expect(info[field].trim(), field).not.toBe('');
      }
    });

    it('keeps the tagline to one line', () => {
      expect(info.tagline).not.toMatch(/\n/);
    });

    it('has non-empty lists of non-empty items', () => {
      for (const field of ['automates', 'highlights', 'technology'] as const) {
        expect(info[field].length, field).toBeGreaterThan(0);
        for (const item of info[field]) expect(item.trim(), field).not.toBe('');
      }
    });
  });
});
