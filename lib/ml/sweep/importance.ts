import type { ParamValue } from '../../tracking/run-types';
import type { LegacySweepImportance, SweepImportance, SweepParamImportance, SweepSummary } from '../../tracking/sweep-types';
import { groupLabels, hasSpread, permutationBaseline } from './eta-squared';

export { etaSquared, groupLabels, permutationBaseline } from './eta-squared';

/** The method's name, as stored in `sweep.json` (`importance.method`) and shown in the UI. */
export const IMPORTANCE_METHOD = 'Variance explained (η², one-way ANOVA) against a shuffled baseline';

/** Shuffles of the objective behind the baseline: enough for a stable 95th percentile and p down to 1/201. */
export const IMPORTANCE_PERMUTATIONS = 200;

/** Fixed seed of the shuffles, so the stored baseline and one recomputed on read agree exactly. */
export const IMPORTANCE_SEED = 20_240_601;

/** A param stands out from noise at this permutation p-value or below. */
export const STANDS_OUT_P = 0.05;

/** One line the UI shows under the importance chart. */
export const IMPORTANCE_EXPLANATION =
  'For each param, trials are grouped by its value (numbers with more than 4 distinct values are binned into quartiles) and η² = between-group sum of squares ÷ total sum of squares of the objective: the share of the objective’s variance that the param’s value accounts for, from 0 to 100 % per param (the params do not add up to 100 %). Noise alone gives about (groups − 1) ÷ (trials − 1), so with few trials every param looks important: each one is compared with the same statistic on the objective shuffled across trials 200 times, and it stands out only when it beats 95 % of those (p ≤ 0.05). It looks at one param at a time, so it ignores interactions.';

/** Trials the method needs before it says anything. */
export const MIN_TRIALS_FOR_IMPORTANCE = 3;

/** Importance with its shuffled baseline: what `parameterImportance` returns and `sweep.json` stores. */
export type ImportanceScores = SweepImportance;
export type ParamImportance = SweepParamImportance;

export type ImportanceOutcome = { importance: ImportanceScores } | { importance: null; message: string };

type Trial = { params: Readonly<Record<string, ParamValue>>; value: number | null };

const percent = (x: number) => (x > 0 && x < 0.005 ? '<1%' : `${Math.round(100 * x)}%`);
const pText = (p: number) => (p < 0.01 ? p.toFixed(3) : p.toFixed(2));
const and = (words: readonly string[]) => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

/**
 * The sentence a learner reads under the chart: a constant objective has nothing to explain;
 * otherwise the params that stand out with their η², shuffled 95th percentile and p, or, when
 * none does, the top param beside what shuffled objectives give it.
 */
export function importanceSentence(scores: readonly ParamImportance[], trials: number, spread: boolean): string {
  if (!spread) return `Nothing to explain: all ${trials} trials with a value reached the same objective, so every param explains 0% of its variance.`;
  const top = scores[0];
  if (!top) return 'No param was searched, so there is nothing to rank.';
  const out = scores.filter((s) => s.standsOut);
  if (out.length === 0) {
    return `No param stands out from noise: with ${trials} trials, shuffled objectives explain as much (${top.param}, the top param, explains ${percent(top.score)}; shuffled, ${percent(top.shuffledMean)} on average and up to ${percent(top.shuffledP95)} at the 95th percentile; p = ${pText(top.pValue)}). Treat the ranking as chance until more trials confirm it.`;
  }
  const against = (s: ParamImportance) => `${percent(s.score)} of the objective’s variance against ${percent(s.shuffledP95)} at the shuffled 95th percentile (p = ${pText(s.pValue)})`;
  const rest = scores.filter((s) => !s.standsOut).map((s) => s.param);
  const others = rest.length > 0 ? ` ${and(rest)} ${rest.length === 1 ? 'does' : 'do'} not: shuffled objectives explain as much.` : '';
  if (out.length === 1) return `${out[0]!.param} stands out from noise: with ${trials} trials it explains ${against(out[0]!)}.${others}`;
  return `${and(out.map((s) => s.param))} stand out from noise with ${trials} trials: ${out.map((s) => `${s.param} explains ${against(s)}`).join('; ')}.${others}`;
}

/**
 * Importance of each searched param for the objective, by `IMPORTANCE_METHOD`, over the trials
 * with a finite value (stopped-early trials count with their value). Per param: raw η² (0..1,
 * not rescaled, so the params need not add up to 1), and the permutation baseline: η² on the
 * objective shuffled across trials `permutations` times (seeded), its mean and 95th percentile,
 * p = (1 + #shuffled ≥ η²) ÷ (1 + permutations), and `standsOut` when p ≤ `STANDS_OUT_P` (which
 * puts η² above the shuffled 95th percentile). Noise alone gives η² ≈ (g − 1) ÷ (n − 1) for g
 * groups and n trials. Highest η² first, ties by name. Edge cases: a param that never varied
 * scores 0 with p = 1; a constant objective gives 0 everywhere and a "nothing to explain"
 * sentence. Needs at least `MIN_TRIALS_FOR_IMPORTANCE` trials, else a message saying how many more.
 */
export function parameterImportance(trials: ReadonlyArray<Trial>, params: readonly string[], options: { permutations?: number; seed?: number } = {}): ImportanceOutcome {
  const usable = trials.filter((t): t is Trial & { value: number } => t.value !== null && Number.isFinite(t.value));
  if (usable.length < MIN_TRIALS_FOR_IMPORTANCE) {
    const missing = MIN_TRIALS_FOR_IMPORTANCE - usable.length;
    return { importance: null, message: `Importance needs at least ${MIN_TRIALS_FOR_IMPORTANCE} finished trials with a value; ${usable.length} so far (${missing} more).` };
  }
  const permutations = Math.max(1, Math.floor(options.permutations ?? IMPORTANCE_PERMUTATIONS));
  const seed = options.seed ?? IMPORTANCE_SEED;
  const values = usable.map((t) => t.value);
  const groupings = params.map((param) => groupLabels(usable.map((t) => t.params[param] ?? '')));
  const baselines = permutationBaseline(values, groupings, { permutations, seed });
  const scores = params
    .map((param, i): ParamImportance => {
      const b = baselines[i]!;
      return { param, score: b.observed, groups: new Set(groupings[i]).size, shuffledMean: b.shuffledMean, shuffledP95: b.shuffledP95, pValue: b.pValue, standsOut: b.observed > 0 && b.pValue <= STANDS_OUT_P && b.observed > b.shuffledP95 };
    })
    .sort((a, b) => b.score - a.score || (a.param < b.param ? -1 : 1));
  const sentence = importanceSentence(scores, usable.length, hasSpread(values));
  return { importance: { method: IMPORTANCE_METHOD, trials: usable.length, permutations, seed, scores, sentence } };
}

/** True for importance stored with its shuffled baseline; false for the older scaled scores. */
export function hasShuffledBaseline(importance: SweepImportance | LegacySweepImportance): importance is SweepImportance {
  return typeof (importance as Partial<SweepImportance>).sentence === 'string' && importance.scores.every((s) => typeof (s as Partial<SweepParamImportance>).shuffledP95 === 'number');
}

/**
 * A stored sweep's importance, recomputed from its trials and space rather than read from
 * `summary.importance`: sweeps recorded before the shuffled baseline stored η² scaled to sum
 * to 1, which cannot be compared with noise, while their trials hold every param and value
 * needed. `legacy` says the stored importance was of that older kind, so the UI can say the
 * figures shown were recomputed. The params are the space's, or the stored scores' when a
 * summary has no space. Same seed as when recording, so a new sweep reads back identically.
 */
export function sweepImportance(summary: Pick<SweepSummary, 'space' | 'trials' | 'importance'>): ImportanceOutcome & { legacy: boolean } {
  const stored = summary.importance;
  const params = summary.space.length > 0 ? summary.space.map((d) => d.param) : (stored?.scores.map((s) => s.param) ?? []);
  return { ...parameterImportance(summary.trials, params), legacy: stored !== null && !hasShuffledBaseline(stored) };
}
