import { describe, expect, it } from 'vitest';
import { MAX_COMPARE_RUNS } from '@/lib/tracking/compare';
import { seriesStyle } from './series-style';

describe('series styles', () => {
  it('gives each of up to 20 runs its own colour-and-dash pair, neighbours differing in both', () => {
    const styles = Array.from({ length: MAX_COMPARE_RUNS }, (_, i) => seriesStyle(i));
    expect(new Set(styles.map((s) => `${s.color}|${s.dash}`)).size).toBe(MAX_COMPARE_RUNS);
    for (let i = 1; i < styles.length; i++) {
      expect(styles[i]!.color).not.toBe(styles[i - 1]!.color);
      expect(styles[i]!.dash).not.toBe(styles[i - 1]!.dash);
      expect(styles[i]!.symbol).not.toBe(styles[i - 1]!.symbol);
    }
  });

});
