/** A tick of an axis: its value, the text to print, and its position (0 = start, 1 = end). */
export interface Tick {
  value: number;
  label: string;
  position: number;
}

/** A numeric axis scale mapping values onto [0, 1] (0 = bottom or left). */
export interface NumericScale {
  kind: 'linear' | 'log';
  /** The [low, high] values mapped to 0 and 1. */
  domain: [number, number];
  ticks: Tick[];
  /** Where `value` lies: 0 at `domain[0]`, 1 at `domain[1]`; may leave [0, 1] outside the domain. */
  position: (value: number) => number;
}

/**
 * Whether positive values from `min` to `max` span more than `decades` powers of ten
 * (`max / min > 10^decades`), the point where a log scale reads better than a linear one.
 * False when `min ≤ 0` (no log of zero or negatives) or either bound is not finite.
 */
export function spansDecades(min: number, max: number, decades = 2): boolean {
  if (!(min > 0) || !Number.isFinite(min) || !Number.isFinite(max)) return false;
  return Math.log10(max / min) > decades;
}

/** Params searched over orders of magnitude: their axes are logarithmic whenever their values allow it. */
export const LOG_SCALE_PARAMS: ReadonlySet<string> = new Set(['learningRate', 'lr', 'l2']);

/**
 * Whether an axis of `param` over `values` reads better on a log scale: always for params
 * searched over orders of magnitude (`LOG_SCALE_PARAMS`: 0.001, 0.01 and 0.1 should sit evenly
 * apart) when every value is positive and there are two or more; otherwise when the values span
 * more than two decades (`spansDecades`).
 */
export function prefersLogScale(param: string, values: readonly number[]): boolean {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 2) return false;
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (LOG_SCALE_PARAMS.has(param)) return min > 0 && max > min;
  return spansDecades(min, max);
}

/** Short, readable text for a tick or value: 4 significant digits, exponent form when tiny or huge. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-3) return Number(value.toPrecision(2)).toExponential().replace('e+', 'e');
  if (abs >= 100) return String(Math.round(value * 10) / 10);
  return String(Number(value.toPrecision(4)));
}

/**
 * "Nice" ticks (1, 2 or 5 × 10^k apart) covering [min, max], about `count` of them
 * (Heckbert's labelling). The first tick ≤ min and the last ≥ max, so the ticks can also
 * serve as a rounded domain. Edge cases: min = max yields that one value; non-finite
 * bounds yield no ticks.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const [lo, hi] = min < max ? [min, max] : [max, min];
  const step = niceStep((hi - lo) / Math.max(1, count - 1));
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  // Multiply rather than accumulate, so 0.1 + 0.2 drift never adds or drops a tick.
  for (let i = 0; ticks.length === 0 || ticks.at(-1)! < hi - step * 1e-9; i++) ticks.push(Number((first + i * step).toPrecision(12)));
  return ticks;
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  // Rounded, not ceiled (Heckbert): a raw step of 0.25 becomes 0.2 (six ticks), not 0.5 (three).
  const nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
  return nice * power;
}

/**
 * A linear or log scale for `values` (non-finite ones ignored).
 *
 * - `log: 'auto'` picks log when every value is positive and they span more than two decades
 *   (`spansDecades`); `true` forces log when possible (falls back to linear with a value ≤ 0).
 * - `nice: true` widens the domain to the outer nice ticks (chart axes); `false` keeps the data
 *   extent (parallel coordinates, where every axis should use its full height).
 * - One distinct value: the domain is widened around it so it sits in the middle (0.5).
 * - No finite value: domain [0, 1].
 */
export function numericScale(values: readonly number[], { log = 'auto', nice = false, tickCount = 5 }: { log?: 'auto' | boolean; nice?: boolean; tickCount?: number } = {}): NumericScale {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return linear(0, 1, [0, 1]);
  const useLog = min > 0 && (log === 'auto' ? spansDecades(min, max) : log);
  if (useLog) return logScale(min, max, nice);
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    return linear(min - pad, max + pad, [min]);
  }
  const ticks = niceTicks(min, max, tickCount);
  if (nice) return linear(ticks[0]!, ticks.at(-1)!, ticks);
  return linear(min, max, ticks.filter((t) => t >= min - 1e-12 * Math.abs(min) && t <= max + 1e-12 * Math.abs(max)));
}

function linear(lo: number, hi: number, tickValues: number[]): NumericScale {
  const position = (v: number) => (v - lo) / (hi - lo);
  return { kind: 'linear', domain: [lo, hi], position, ticks: tickValues.map((value) => ({ value, label: formatNumber(value), position: position(value) })) };
}

function logScale(min: number, max: number, nice: boolean): NumericScale {
  const lo = nice ? 10 ** Math.floor(Math.log10(min)) : min;
  const hi = nice ? 10 ** Math.ceil(Math.log10(max)) : max;
  const [a, b] = [Math.log10(lo), Math.log10(hi)];
  const position = (v: number) => (v > 0 ? (Math.log10(v) - a) / (b - a) : -Infinity);
  const ticks: number[] = [];
  for (let p = Math.ceil(a - 1e-9); p <= Math.floor(b + 1e-9); p++) ticks.push(10 ** p);
  return { kind: 'log', domain: [lo, hi], position, ticks: ticks.map((value) => ({ value, label: formatNumber(value), position: position(value) })) };
}
