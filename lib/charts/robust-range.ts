import { niceTicks } from './scales';

/** The y range a line chart shows, and what it leaves out. */
export interface RobustRange {
  /** [low, high] of the axis. */
  domain: [number, number];
  /** Axis ticks inside the domain, each printed once. */
  ticks: number[];
  /** Points above `domain[1]` (drawn on the top edge; their values are in the chart's table). */
  clipped: number;
  /** The largest value left out, when any. */
  clippedMax: number | null;
}

/** How far beyond the bulk of the values the axis stops: the median plus this many median deviations. */
const SPREAD_FACTOR = 20;
/** Values are clipped only when the largest is this many times the robust top: two orders of magnitude. */
const CLIP_RATIO = 100;

function median(sorted: readonly number[]): number {
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The y range of a metric chart. Normally the nice-rounded range of the finite values. When a
 * few values are orders of magnitude above the rest (a diverged run's loss of 9.5e17 after
 * epochs around 3,000), an axis stretched to them would flatten every other point into one line
 * and print one huge label over and over; the range then stops at the largest value within
 * median + 20 × median absolute deviation (the "robust top"), provided the largest value is more
 * than 100 × that top, and reports how many points it left out. Non-finite values are ignored.
 * No finite value: [0, 1]. One distinct value v: v ± 1 (or ± |v|/10).
 */
export function robustRange(values: readonly number[]): RobustRange {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return { domain: [0, 1], ticks: [0, 0.5, 1], clipped: 0, clippedMax: null };
  const med = median(finite);
  const mad = median(finite.map((v) => Math.abs(v - med)).sort((a, b) => a - b));
  const robustTop = med + SPREAD_FACTOR * Math.max(mad, Math.abs(med) * 0.01);
  const max = finite.at(-1)!;
  const clip = max > robustTop && Math.abs(max) > CLIP_RATIO * Math.max(Math.abs(robustTop), Number.MIN_VALUE);
  const kept = clip ? finite.filter((v) => v <= robustTop) : finite;
  let lo = kept[0]!;
  let hi = kept.at(-1)!;
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 10;
    lo -= pad;
    hi += pad;
  }
  const ticks = niceTicks(lo, hi, 5);
  const domain: [number, number] = [Math.min(lo, ticks[0]!), Math.max(hi, ticks.at(-1)!)];
  return { domain, ticks, clipped: clip ? finite.length - kept.length : 0, clippedMax: clip ? max : null };
}

/**
 * Labels for axis ticks, each printed once: as few significant digits as keep them distinct
 * (2 to 8), in exponent form from a million up or below 0.001 ("9.5e17", "1.05e18"), else plain.
 */
export function tickLabels(ticks: readonly number[]): string[] {
  const write = (v: number, digits: number) => {
    if (v === 0) return '0';
    const abs = Math.abs(v);
    if (abs >= 1e6 || abs < 1e-3) return Number(v.toPrecision(digits)).toExponential().replace('e+', 'e');
    return String(Number(v.toPrecision(Math.max(digits, Math.ceil(Math.log10(abs + 1)) + 1))));
  };
  for (let digits = 2; digits <= 8; digits++) {
    const labels = ticks.map((v) => write(v, digits));
    if (new Set(labels).size === labels.length) return labels;
  }
  return ticks.map((v) => String(v));
}
