import type { ParamValue } from '../../tracking/run-types';
import type { SweepDimension } from '../../tracking/sweep-types';
import type { ModelSpec } from '../model-spec';

/** What kind of value a searchable param takes, which decides how it is parsed and sampled. */
type ParamKind = 'number' | 'integer' | 'choice' | 'layers';

interface ParamDef {
  label: string;
  /** Short name for run names ("lr × layers"). */
  short: string;
  kind: ParamKind;
  choices?: readonly string[];
  /** The learner-facing rule a value breaks, or null when it is fine. */
  check: (value: ParamValue) => string | null;
  apply: (spec: ModelSpec, value: ParamValue) => ModelSpec;
}

const num = (v: ParamValue) => (typeof v === 'number' ? v : Number(v));
const isInt = (v: number) => Number.isInteger(v);

/** Parses "32-16" (or "32 16", "32x16") into layer widths; null when not whole positive numbers. */
export function parseLayers(text: string): number[] | null {
  const parts = String(text).trim().split(/[-x\s]+/).filter(Boolean);
  const units = parts.map(Number);
  return units.length > 0 && units.every((u) => isInt(u) && u > 0 && u <= 4096) ? units : null;
}

const PARAMS = {
  learningRate: { label: 'Learning rate', short: 'lr', kind: 'number', check: (v) => (num(v) > 0 && Number.isFinite(num(v)) ? null : 'must be a positive number'), apply: (s, v) => ({ ...s, learningRate: num(v) }) },
  hiddenLayers: { label: 'Hidden layers', short: 'layers', kind: 'layers', check: (v) => (parseLayers(String(v)) ? null : 'must be units per layer joined by "-", e.g. 32-16'), apply: (s, v) => ({ ...s, hiddenLayers: parseLayers(String(v))! }) },
  dropout: { label: 'Dropout', short: 'dropout', kind: 'number', check: (v) => (num(v) >= 0 && num(v) < 1 ? null : 'must be at least 0 and below 1'), apply: (s, v) => ({ ...s, dropout: num(v) }) },
  l2: { label: 'L2 penalty', short: 'l2', kind: 'number', check: (v) => (num(v) >= 0 && Number.isFinite(num(v)) ? null : 'must be 0 or more'), apply: (s, v) => ({ ...s, l2: num(v) }) },
  batchSize: { label: 'Batch size', short: 'batch', kind: 'integer', check: (v) => (isInt(num(v)) && num(v) >= 1 && num(v) <= 65536 ? null : 'must be a whole number from 1 to 65,536'), apply: (s, v) => ({ ...s, batchSize: num(v) }) },
  epochs: { label: 'Epochs', short: 'epochs', kind: 'integer', check: (v) => (isInt(num(v)) && num(v) >= 1 && num(v) <= 1000 ? null : 'must be a whole number from 1 to 1,000'), apply: (s, v) => ({ ...s, epochs: num(v) }) },
  optimizer: { label: 'Optimizer', short: 'optimizer', kind: 'choice', choices: ['adam', 'sgd', 'rmsprop'], check: (v) => (['adam', 'sgd', 'rmsprop'].includes(String(v)) ? null : 'must be adam, sgd or rmsprop'), apply: (s, v) => ({ ...s, optimizer: String(v) as ModelSpec['optimizer'] }) },
  activation: { label: 'Activation', short: 'activation', kind: 'choice', choices: ['relu', 'tanh', 'sigmoid', 'elu'], check: (v) => (['relu', 'tanh', 'sigmoid', 'elu'].includes(String(v)) ? null : 'must be relu, tanh, sigmoid or elu'), apply: (s, v) => ({ ...s, activation: String(v) as ModelSpec['activation'] }) },
  model: { label: 'Model', short: 'model', kind: 'choice', choices: ['linear', 'mlp'], check: (v) => (v === 'linear' || v === 'mlp' ? null : 'must be linear or mlp'), apply: (s, v) => ({ ...s, kind: v as ModelSpec['kind'] }) },
} satisfies Record<string, ParamDef>;

/** A param a sweep can search, named as in the run's params. */
export type SweepParam = keyof typeof PARAMS;

/** Every searchable param, in the order the space editor lists them. */
export const SWEEP_PARAMS = Object.keys(PARAMS) as SweepParam[];

export function isSweepParam(name: string): name is SweepParam {
  return Object.prototype.hasOwnProperty.call(PARAMS, name);
}

/** Label, short name, value kind and allowed choices of a param, for the UI. */
export function paramInfo(param: SweepParam): { label: string; short: string; numeric: boolean; integer: boolean; choices: readonly string[] | null } {
  const def: ParamDef = PARAMS[param];
  return { label: def.label, short: def.short, numeric: def.kind === 'number' || def.kind === 'integer', integer: def.kind === 'integer', choices: def.choices ?? null };
}

/**
 * Parses a comma-separated list of values typed for `param` ("0.001, 0.01" or "16, 32-16").
 * Numbers become numbers; layers are normalised to "32-16"; duplicates are dropped.
 * Returns a learner-facing error naming the param and the bad value.
 */
export function parseValues(param: SweepParam, text: string): { values: ParamValue[] } | { error: string } {
  const def: ParamDef = PARAMS[param];
  const raw = text.split(',').map((t) => t.trim()).filter(Boolean);
  if (raw.length === 0) return { error: `${param}: type at least one value` };
  const values: ParamValue[] = [];
  for (const item of raw) {
    let value: ParamValue = item;
    if (def.kind === 'number' || def.kind === 'integer') {
      value = Number(item);
      if (!Number.isFinite(value)) return { error: `${param}: “${item}” is not a number` };
    } else if (def.kind === 'layers') {
      const units = parseLayers(item);
      if (!units) return { error: `${param}: “${item}” ${def.check(item)}` };
      value = units.join('-');
    }
    const problem = def.check(value);
    if (problem) return { error: `${param}: ${String(value)} ${problem}` };
    if (!values.includes(value)) values.push(value);
  }
  return { values };
}

/**
 * Problems with a search space, one sentence each (empty when it can run): unknown or repeated
 * params, empty value lists, values a param cannot take, ranges on non-numeric params,
 * min ≥ max, a log range with min ≤ 0, or bounds outside what the param allows.
 */
export function validateSpace(space: readonly SweepDimension[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  if (space.length === 0) problems.push('Search at least one param.');
  for (const dim of space) {
    if (!isSweepParam(dim.param)) {
      problems.push(`${dim.param}: not a param a sweep can search (try ${SWEEP_PARAMS.join(', ')})`);
      continue;
    }
    if (seen.has(dim.param)) problems.push(`${dim.param}: listed twice`);
    seen.add(dim.param);
    const def: ParamDef = PARAMS[dim.param];
    if (dim.kind === 'values') {
      if (dim.values.length === 0) problems.push(`${dim.param}: type at least one value`);
      for (const v of dim.values) {
        const problem = def.check(v);
        if (problem) problems.push(`${dim.param}: ${String(v)} ${problem}`);
      }
      continue;
    }
    if (def.kind !== 'number' && def.kind !== 'integer') {
      problems.push(`${dim.param}: a range needs a numeric param; list the values instead`);
      continue;
    }
    if (!Number.isFinite(dim.min) || !Number.isFinite(dim.max)) problems.push(`${dim.param}: min and max must be numbers`);
    else if (dim.min >= dim.max) problems.push(`${dim.param}: min (${dim.min}) must be below max (${dim.max})`);
    else if (dim.scale === 'log' && dim.min <= 0) problems.push(`${dim.param}: a log range needs min above 0 (got ${dim.min})`);
    else {
      for (const bound of [dim.min, dim.max]) {
        const problem = def.check(def.kind === 'integer' ? Math.round(bound) : bound);
        if (problem) problems.push(`${dim.param}: ${bound} ${problem}`);
      }
      if (def.kind === 'integer' && Math.floor(dim.max) < Math.ceil(dim.min)) problems.push(`${dim.param}: no whole number lies between ${dim.min} and ${dim.max}`);
    }
  }
  return problems;
}

/** The base spec with a trial's values applied (unknown params are ignored). */
export function applyParams(base: ModelSpec, params: Readonly<Record<string, ParamValue>>): ModelSpec {
  let spec = base;
  for (const [param, value] of Object.entries(params)) if (isSweepParam(param)) spec = PARAMS[param].apply(spec, value);
  return spec;
}

/** One dimension as text: "{0.001, 0.01}" or "log [0.0001, 0.1]" (integers say so). */
export function describeDimension(dim: SweepDimension): string {
  if (dim.kind === 'values') return `{${dim.values.join(', ')}}`;
  return `${dim.scale}${dim.integer ? ' int' : ''} [${dim.min}, ${dim.max}]`;
}

/** The searched params by their short names, for run names: "lr × layers". */
export function shortSpaceName(space: readonly SweepDimension[]): string {
  return space.map((d) => (isSweepParam(d.param) ? PARAMS[d.param].short : d.param)).join(' × ');
}
