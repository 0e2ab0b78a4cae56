import { describe, expect, it } from 'vitest';
import { addAgreement, agreementRate, agrees, describeAgreement } from './shadow';

describe('agrees', () => {
  it('compares classes as text', () => {
    expect(agrees('classification', 'sun', 'sun')).toBe(true);
    expect(agrees('classification', 'sun', 'rain')).toBe(false);
    expect(agrees('classification', 1, '1')).toBe(true);
  });

  it('accepts regression answers within 5 % of the answer or 1 unit, whichever is looser', () => {
    expect(agrees('regression', 100, 104.9)).toBe(true);
    expect(agrees('regression', 100, 105)).toBe(true);
    expect(agrees('regression', 100, 105.1)).toBe(false);
    expect(agrees('regression', -100, -95)).toBe(true);
    // Near zero the 1-unit floor decides: 0.2 against 0.1 agrees, 1.5 against 0.1 does not.
    expect(agrees('regression', 0.1, 0.2)).toBe(true);
    expect(agrees('regression', 0.1, 1.5)).toBe(false);
    expect(agrees('regression', 10, 10.8, { relative: 0.05, absolute: 0 })).toBe(false);
  });

  it('cannot compare a rejected or failed row, or a non-number in regression', () => {
    expect(agrees('regression', null, 3)).toBeNull();
    expect(agrees('classification', 'a', null)).toBeNull();
    expect(agrees('regression', 'abc', 3)).toBeNull();
    expect(agrees('regression', Number.NaN, 3)).toBeNull();
  });
});

describe('agreement summary', () => {
  it('counts compared and agreeing rows, skipping what cannot be compared', () => {
    const first = addAgreement({ compared: 0, agreed: 0 }, 'classification', ['a', 'b', null, 'c'], ['a', 'x', 'b', 'c']);
    expect(first).toEqual({ compared: 3, agreed: 2 });
    const second = addAgreement(first, 'regression', [10, 20], [10.2, 30]);
    expect(second).toEqual({ compared: 5, agreed: 3 });
    expect(first).toEqual({ compared: 3, agreed: 2 });
    expect(agreementRate(second)).toBeCloseTo(0.6, 12);
    expect(describeAgreement({ compared: 1000, agreed: 912 }, 3, 4)).toBe('v4 (shadow) agreed with v3 on 912 of 1,000 rows (91.2 %).');
  });

  it('says so when nothing was compared yet', () => {
    expect(agreementRate(null)).toBeNull();
    expect(agreementRate({ compared: 0, agreed: 0 })).toBeNull();
    expect(describeAgreement(null, 3, 4)).toBe('v4 (shadow) has no rows to compare with v3 yet.');
  });

  it('refuses answers and shadows of different lengths', () => {
    expect(() => addAgreement({ compared: 0, agreed: 0 }, 'regression', [1, 2], [1])).toThrow(/same rows/);
  });
});
