/**
 * How the rollout sentences write numbers: percents with a space (`5 %`), counts with thousands
 * separators (`3,841`), so every canary, A/B and shadow sentence reads the same way.
 */

/** A traffic share given in percent (0–100): `5 %`, `12.5 %` (at most 2 decimals, no trailing zeros). */
export function formatShare(share: number): string {
  return `${Number(share.toFixed(2))} %`;
}

/** A rate given as a fraction (0–1) written as a percent with `digits` decimals: 0.035 → `3.5 %`. */
export function formatRate(rate: number, digits = 1): string {
  return `${(rate * 100).toFixed(digits)} %`;
}

/** A count with thousands separators, independent of the reader's locale: 3841 → `3,841`. */
export function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}

/** A metric value for a sentence: 4 significant digits, no exponent for ordinary magnitudes (12.35, 0.8123). */
export function formatMetric(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** A p-value: `< 0.001` when tiny, else 3 significant digits (`0.0123`, `0.21`). */
export function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : `= ${Number(p.toPrecision(3))}`;
}
