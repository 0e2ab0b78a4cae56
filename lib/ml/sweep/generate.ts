import { seededRandom, shuffled } from '../../data/random';
import type { ParamValue } from '../../tracking/run-types';
import type { SweepDimension } from '../../tracking/sweep-types';
import type { ModelSpec } from '../model-spec';
import { validateSpace } from './space';

/** One trial's values of the searched params. */
export type TrialParams = Record<string, ParamValue>;

/** Most trials one sweep may run. */
export const MAX_TRIALS = 100;

/** Params that only shape an MLP: searching them on a linear model would train the same model again. */
const MLP_ONLY = ['hiddenLayers', 'activation', 'dropout'];

/**
 * Number of configurations a grid over `space` has (the product of the list lengths);
 * null when a dimension is a range (a grid needs lists).
 */
export function gridSize(space: readonly SweepDimension[]): number | null {
  let size = 1;
  for (const dim of space) {
    if (dim.kind !== 'values') return null;
    size *= dim.values.length;
  }
  return size;
}

/** Every combination of the listed values (cartesian product), the first dimension varying slowest. */
export function gridConfigs(space: readonly SweepDimension[]): TrialParams[] {
  let configs: TrialParams[] = [{}];
  for (const dim of space) {
    if (dim.kind !== 'values') throw new Error(`${dim.param}: grid search needs a list of values, not a range`);
    configs = configs.flatMap((c) => dim.values.map((v) => ({ ...c, [dim.param]: v })));
  }
  return configs;
}

/** 4 significant digits, so sampled values read well in tables and run names. */
function round4(x: number): number {
  return Number(x.toPrecision(4));
}

/**
 * One value from a range: uniform on [min, max) (linear) or uniform in log space (log, so
 * 0.0001–0.1 is sampled as evenly per decade). Integers: each whole number in [min, max] (linear)
 * is equally likely; log integers are drawn in log space over [min − ½, max + ½) and rounded. Floats are rounded to 4 significant digits.
 */
export function sampleRange(dim: Extract<SweepDimension, { kind: 'range' }>, random: () => number): number {
  const u = random();
  if (dim.integer) {
    const lo = Math.ceil(dim.min);
    const hi = Math.floor(dim.max);
    if (dim.scale === 'linear') return Math.min(hi, lo + Math.floor(u * (hi - lo + 1)));
    // A log range has min > 0, so lo ≥ 1 and lo − 0.5 > 0: each whole number owns its rounding interval.
    const x = Math.exp(Math.log(lo - 0.5) + u * (Math.log(hi + 0.5) - Math.log(lo - 0.5)));
    return Math.min(hi, Math.max(lo, Math.round(x)));
  }
  const x = dim.scale === 'log' ? Math.exp(Math.log(dim.min) + u * (Math.log(dim.max) - Math.log(dim.min))) : dim.min + u * (dim.max - dim.min);
  return Math.min(dim.max, Math.max(dim.min, round4(x)));
}

/**
 * `count` seeded random configurations. When every dimension is a list, the configurations are
 * drawn without replacement (a shuffled grid), so there are at most `gridSize` of them; with a
 * range, each trial draws every dimension independently. Same seed, same configurations.
 */
export function randomConfigs(space: readonly SweepDimension[], count: number, seed: number): TrialParams[] {
  const random = seededRandom(seed ^ 0x5a5a);
  if (gridSize(space) !== null) return shuffled(gridConfigs(space), random).slice(0, count);
  return Array.from({ length: count }, () => {
    const config: TrialParams = {};
    for (const dim of space) config[dim.param] = dim.kind === 'values' ? dim.values[Math.floor(random() * dim.values.length)]! : sampleRange(dim, random);
    return config;
  });
}

export interface PlanInput {
  space: readonly SweepDimension[];
  search: 'grid' | 'random';
  maxTrials: number;
  seed: number;
  /** The model the trials start from: catches searching MLP-only params on a linear model. */
  base?: Pick<ModelSpec, 'kind'>;
}

/**
 * The configurations a sweep will train, in order, or the problems to fix. A grid larger than
 * the trial budget is refused (the message says how many configurations it has); a random search
 * over lists only runs each configuration once, so it may plan fewer trials (said in `notes`).
 */
export function planSweep(input: PlanInput): { configs: TrialParams[]; notes: string[] } | { problems: string[] } {
  const problems = validateSpace(input.space);
  if (!Number.isInteger(input.maxTrials) || input.maxTrials < 1 || input.maxTrials > MAX_TRIALS) problems.push(`Trials: the budget must be a whole number from 1 to ${MAX_TRIALS}`);
  if (!Number.isInteger(input.seed)) problems.push('Seed: must be a whole number');
  const searched = new Set(input.space.map((d) => d.param));
  const mlpOnly = MLP_ONLY.filter((p) => searched.has(p));
  if (input.base?.kind === 'linear' && !searched.has('model') && mlpOnly.length > 0) problems.push(`${mlpOnly.join(', ')}: only shape a neural network; choose the MLP model (or search model too)`);
  if (problems.length > 0) return { problems };
  const notes: string[] = [];
  if (input.search === 'grid') {
    const ranges = input.space.filter((d) => d.kind === 'range').map((d) => d.param);
    if (ranges.length > 0) return { problems: [`Grid search needs lists of values; ${ranges.join(', ')} ${ranges.length === 1 ? 'is a range' : 'are ranges'}: list values, or use random search`] };
    const size = gridSize(input.space)!;
    if (size > input.maxTrials) return { problems: [`The grid has ${size.toLocaleString('en-US')} configurations, more than the budget of ${input.maxTrials} trials: raise the budget, remove values, or use random search`] };
    return { configs: gridConfigs(input.space), notes };
  }
  const configs = randomConfigs(input.space, input.maxTrials, input.seed);
  if (configs.length < input.maxTrials) notes.push(`The space has only ${configs.length} distinct configurations, so the sweep runs ${configs.length} trials, each once.`);
  return { configs, notes };
}
