/**
 * The synthetic scenarios: bootstrap the training rows, and change one thing from a chosen day.
 * - covariate: tilt the draws on one numeric input (tilt.ts), labels are the rows' own;
 * - prior: reweight the classes (or tilt on a numeric target), inputs within a class unchanged;
 * - concept: draw rows uniformly, change the labels above one input's training median;
 * - control: draw rows uniformly, change nothing.
 */
import { column } from '../../data/table';
import { seededRandom } from '../../data/random';
import { strengthOn, type ProfileTiming } from './profile';
import { driftableFeatures, featureReferences, labelledTrainRows, numericSummary, rowReader, type NumericReference } from './reference';
import { mixSeed, pick } from './rng';
import { defaultMagnitude } from './scenarios';
import { tiltedSampler, type TiltedSampler } from './tilt';
import type { DriftKind, DriftProfile, DriftTruth, ScenarioContext, ScenarioId, TrafficOptions } from './types';

/** One drawn row: the table row it copies and its label (changed by concept drift). */
export interface Draw {
  row: number;
  label: number | string | null;
}

/** A synthetic scenario made concrete: what it changes, and how to draw a row on a day. */
export interface SyntheticPlan {
  truth: DriftTruth;
  /** The learner's description with the concrete feature, class, day and size (unless hidden). */
  details: string;
  draw(day: number, random: () => number): Draw;
}

const share = (p: number) => `${Math.round(p * 1000) / 10}%`;
const round = (v: number) => String(Math.round(v * 100) / 100);
const stds = (v: number) => `${round(v)} standard deviation${Math.abs(v) === 1 ? '' : 's'}`;

/**
 * Builds the plan of a synthetic scenario (`control` or `<kind>-<profile>`). Throws an Error with
 * a learner-facing sentence when `options.feature` is not a numeric input that varies, or
 * `options.className` is not a class with training rows.
 */
export function syntheticPlan(id: Exclude<ScenarioId, 'replay'>, ctx: ScenarioContext, options: TrafficOptions): SyntheticPlan {
  const pool = labelledTrainRows(ctx);
  const reader = rowReader(ctx);
  const uniform = (random: () => number) => pool[pick(random, pool.length)]!;
  const startDay = Math.max(0, Math.floor(options.driftStart ?? 7));
  const magnitude = options.magnitude ?? defaultMagnitude(id, ctx.task);
  if (id === 'control') {
    return { truth: { drift: null, profile: null, feature: null, className: null, startDay: 0, magnitude: 0, reachedShift: null }, details: '', draw: (_day, random) => drawRow(uniform(random), reader.label) };
  }
  const [kind, profile] = id.split('-') as [DriftKind, DriftProfile];
  const timing: ProfileTiming = { profile, startDay, rampDays: Math.max(1, Math.floor(options.rampDays ?? 7)), periodDays: Math.max(1, Math.floor(options.periodDays ?? 7)) };
  const strength = (day: number) => strengthOn(day, timing);
  const truth: DriftTruth = { drift: kind, profile, feature: null, className: null, startDay, magnitude, reachedShift: null };
  const when = `after ${startDay} day${startDay === 1 ? '' : 's'} of normal traffic`;

  if (kind === 'covariate' || (kind === 'prior' && ctx.task === 'regression')) {
    let values: Array<number | null>;
    let ref: { mean: number; std: number };
    let what: string;
    if (kind === 'covariate') {
      const feature = chooseFeature(ctx, options);
      truth.feature = feature.name;
      const all = column(ctx.table, feature.name).values;
      values = pool.map((r) => (typeof all[r] === 'number' ? (all[r] as number) : null));
      ref = feature;
      what = `“${feature.name}”`;
    } else {
      values = pool.map((r) => reader.targetNumber(r));
      ref = numericSummary(values.filter((v): v is number => v !== null));
      what = `the target “${ctx.target}”`;
    }
    const samplers = new Map<number, TiltedSampler>();
    const samplerAt = (s: number) => {
      let sampler = samplers.get(s);
      if (!sampler) samplers.set(s, (sampler = tiltedSampler(pool, values, ref.mean, ref.std, s * magnitude)));
      return sampler;
    };
    truth.reachedShift = samplerAt(1).reached;
    const target = ref.mean + truth.reachedShift * ref.std;
    return {
      truth,
      details: `${when}, ${what} moves by ${stds(magnitude)} (mean ${round(ref.mean)} → ${round(target)}${Math.abs(truth.reachedShift - magnitude) > 0.05 ? `, as far as the training rows reach` : ''}).`,
      draw: (day, random) => drawRow(samplerAt(strength(day)).draw(random), reader.label),
    };
  }

  if (kind === 'prior') return priorOfClass(ctx, options, pool, reader.label, truth, strength, when);

  const feature = chooseFeature(ctx, options);
  truth.feature = feature.name;
  const values = column(ctx.table, feature.name).values;
  const inRegion = (r: number) => typeof values[r] === 'number' && (values[r] as number) > feature.median;
  const classes = ctx.classNames;
  if (ctx.task === 'classification') {
    const flipped = (label: string) => (classes.length === 2 ? classes[1 - classes.indexOf(label)]! : classes[(classes.indexOf(label) + 1) % classes.length]!);
    return {
      truth,
      details: `${when}, where “${feature.name}” is above ${round(feature.median)}, ${share(Math.min(1, Math.abs(magnitude)))} of labels change to ${classes.length === 2 ? 'the other class' : 'the next class'}.`,
      draw: (day, random) => {
        const row = uniform(random);
        const label = reader.label(row);
        const flip = inRegion(row) && random() < Math.min(1, Math.abs(magnitude) * strength(day));
        return { row, label: flip && typeof label === 'string' && classes.includes(label) ? flipped(label) : label };
      },
    };
  }
  const targetStd = numericSummary(pool.map((r) => reader.targetNumber(r)).filter((v): v is number => v !== null)).std;
  return {
    truth,
    details: `${when}, where “${feature.name}” is above ${round(feature.median)}, “${ctx.target}” is ${stds(magnitude)} (${round(magnitude * targetStd)}) higher.`,
    draw: (day, random) => {
      const row = uniform(random);
      const label = reader.label(row);
      return { row, label: typeof label === 'number' && inRegion(row) ? label + magnitude * targetStd * strength(day) : label };
    },
  };
}

function drawRow(row: number, label: (r: number) => number | string | null): Draw {
  return { row, label: label(row) };
}

/** The numeric input to drift: `options.feature`, or one picked by the seed among those that vary. */
function chooseFeature(ctx: ScenarioContext, options: TrafficOptions): NumericReference {
  const candidates = driftableFeatures(featureReferences(ctx));
  if (options.feature !== undefined) {
    const found = candidates.find((c) => c.name === options.feature);
    if (!found) throw new Error(`“${options.feature}” cannot drift: pick a numeric input that varies (${candidates.map((c) => c.name).join(', ') || 'none'}).`);
    return found;
  }
  if (candidates.length === 0) throw new Error('This scenario shifts a numeric input, and this model has none that varies in its training data.');
  return candidates[pick(seededRandom(mixSeed(options.seed, 0x5eed)), candidates.length)]!;
}

/** Prior shift of a class: its share moves by strength × magnitude, the other classes keep their proportions. */
function priorOfClass(ctx: ScenarioContext, options: TrafficOptions, pool: number[], label: (r: number) => number | string | null, truth: DriftTruth, strength: (day: number) => number, when: string): SyntheticPlan {
  const classes = ctx.classNames;
  const byClass = classes.map(() => [] as number[]);
  for (const r of pool) {
    const k = classes.indexOf(String(label(r)));
    if (k >= 0) byClass[k]!.push(r);
  }
  const present = classes.filter((_, k) => byClass[k]!.length > 0);
  const name = options.className ?? (classes.length === 2 ? classes[1]! : present[pick(seededRandom(mixSeed(options.seed, 0xc1a55)), present.length)]!);
  const chosen = classes.indexOf(name);
  if (chosen < 0 || byClass[chosen]!.length === 0) throw new Error(`“${name}” is not a class with training rows (${present.join(', ')}).`);
  truth.className = name;
  const total = byClass.reduce((n, rows) => n + rows.length, 0);
  const base = byClass.map((rows) => rows.length / total);
  const magnitude = truth.magnitude;
  const sharesAt = (s: number): number[] => {
    const p = Math.min(1, Math.max(0, base[chosen]! + s * magnitude));
    const rest = 1 - base[chosen]!;
    return base.map((b, k) => (k === chosen ? p : rest > 0 ? (b * (1 - p)) / rest : 0));
  };
  const full = sharesAt(1)[chosen]!;
  return {
    truth,
    details: `${when}, the share of “${name}” goes from ${share(base[chosen]!)} to ${share(full)}; the other classes keep their proportions.`,
    draw: (day, random) => {
      const shares = sharesAt(strength(day));
      let u = random();
      let k = shares.findIndex((p, i) => byClass[i]!.length > 0 && (u -= p) < 0);
      if (k < 0) k = lastDrawable(shares, byClass); // rounding left u a hair above 0
      const rows = byClass[k]!;
      const row = rows[pick(random, rows.length)]!;
      return { row, label: label(row) };
    },
  };
}

function lastDrawable(shares: readonly number[], byClass: ReadonlyArray<readonly number[]>): number {
  for (let k = shares.length - 1; k >= 0; k--) if (shares[k]! > 0 && byClass[k]!.length > 0) return k;
  return byClass.findIndex((rows) => rows.length > 0);
}
