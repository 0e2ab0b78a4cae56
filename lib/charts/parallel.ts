import { numericScale, prefersLogScale, type NumericScale, type Tick } from './scales';

/** A value on a parallel-coordinates axis; `null`/`undefined` mean "this run has none". */
export type AxisValue = string | number | boolean | null | undefined;

/** Label of the slot at the bottom of an axis that holds runs without a value. */
export const MISSING_LABEL = 'n/a';

/** Share of an axis's height kept free at the bottom for the "n/a" slot, when needed. */
const MISSING_GAP = 0.14;

/**
 * One vertical axis of a parallel-coordinates chart. Numeric axes are linear, or log when
 * their positive values span more than two decades; other axes list their categories evenly.
 * Positions run from 0 (bottom) to 1 (top).
 */
export interface ParallelAxis {
  key: string;
  label: string;
  kind: 'linear' | 'log' | 'category';
  /** The categories, bottom to top (category axes only). */
  categories: string[];
  ticks: Tick[];
  /** Whether some run has no value here (drawn in an "n/a" slot at position 0). */
  hasMissing: boolean;
  /** Where a value lies on the axis, 0 (bottom) to 1 (top); missing values at 0. */
  position: (value: AxisValue) => number;
}

const isMissing = (v: AxisValue): v is null | undefined => v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v));

/**
 * Builds the axis for one param (or metric) from every run's value.
 *
 * Numeric when every present value is a finite number; otherwise categorical, with values
 * compared as text (`true`, `"relu"`, `0.01` → "0.01") and ordered naturally ("2" before "10").
 * Non-finite numbers (a NaN loss) count as missing. When some run has no value, the real values
 * use the upper part of the axis and missing ones sit in an "n/a" slot at the bottom, so every
 * run's line stays whole.
 */
export function buildAxis(key: string, label: string, values: readonly AxisValue[]): ParallelAxis {
  const present = values.filter((v): v is string | number | boolean => !isMissing(v));
  const hasMissing = present.length < values.length;
  const lo = hasMissing ? MISSING_GAP : 0;
  const squeeze = (p: number) => lo + p * (1 - lo);
  const missingTick: Tick[] = hasMissing ? [{ value: Number.NaN, label: MISSING_LABEL, position: 0 }] : [];
  if (present.length > 0 && present.every((v) => typeof v === 'number')) {
    const scale: NumericScale = numericScale(present as number[], { log: prefersLogScale(key, present as number[]) });
    return {
      key,
      label,
      kind: scale.kind,
      categories: [],
      hasMissing,
      ticks: [...missingTick, ...scale.ticks.map((t) => ({ ...t, position: squeeze(t.position) }))],
      position: (v) => (isMissing(v) || typeof v !== 'number' ? 0 : squeeze(scale.position(v))),
    };
  }
  const categories = [...new Set(present.map(String))].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const at = (i: number) => squeeze(categories.length === 1 ? 0.5 : i / (categories.length - 1));
  const index = new Map(categories.map((c, i) => [c, i]));
  return {
    key,
    label,
    kind: 'category',
    categories,
    hasMissing,
    ticks: [...missingTick, ...categories.map((c, i) => ({ value: i, label: c, position: at(i) }))],
    position: (v) => (isMissing(v) ? 0 : at(index.get(String(v)) ?? 0)),
  };
}
