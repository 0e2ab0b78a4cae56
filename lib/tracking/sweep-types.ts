import type { ParamValue } from './run-types';
import { ARTIFACTS } from './artifact-names';

/** Name of the artifact on a sweep's parent run that summarises the sweep. */
export const SWEEP_ARTIFACT = ARTIFACTS.sweep;

/** One searched parameter: a list of values (grid or random choice), or a range (random only). */
export type SweepDimension =
  | { param: string; kind: 'values'; values: ParamValue[] }
  | { param: string; kind: 'range'; min: number; max: number; scale: 'linear' | 'log'; integer: boolean };

/** One trial of a sweep as summarised on the parent run. */
export interface SweepTrialSummary {
  runId: string;
  params: Record<string, ParamValue>;
  /**
   * The objective's value for the model the trial saved (at `savedEpoch`), or the k-fold mean of
   * the folds' kept models; null when it failed. Sweeps recorded before saved values kept the
   * best epoch's value here.
   */
  value: number | null;
  /** The epoch whose weights the trial's model holds. */
  savedEpoch?: number;
  /** The saved model's headline metric against its baseline (`judgeAgainstBaseline`). */
  headline?: { key: string; value: number | null; baseline: number | null; status: 'beats' | 'short' | 'unknown'; reason: string };
  /** k-fold standard deviation of the objective, when cross-validated. */
  std: number | null;
  status: 'FINISHED' | 'FAILED' | 'KILLED' | 'STOPPED_EARLY';
  epochs: number;
}

/** One searched param's importance: raw η² beside the same statistic on shuffled objectives. */
export interface SweepParamImportance {
  param: string;
  /** η²: share of the objective's variance between this param's groups, 0..1, not rescaled. */
  score: number;
  /** Groups the trials fell into for this param (distinct values, or quartile bins). */
  groups: number;
  /** Mean η² over the permutations (objective shuffled across trials): what noise alone gives. */
  shuffledMean: number;
  /** 95th percentile (nearest rank) of the shuffled η². */
  shuffledP95: number;
  /** Permutation p-value: (1 + #shuffled η² ≥ score) ÷ (1 + permutations). */
  pValue: number;
  /** True when p ≤ 0.05, i.e. the score beats the shuffled 95th percentile. */
  standsOut: boolean;
}

/** Parameter importance as `sweep.json` holds it since the shuffled baseline. */
export interface SweepImportance {
  method: string;
  /** Trials with a finite objective value that the scores are computed over. */
  trials: number;
  permutations: number;
  /** Seed of the shuffles, so the baseline reproduces. */
  seed: number;
  scores: SweepParamImportance[];
  /** One sentence: which params stand out from noise, or that none does. */
  sentence: string;
}

/**
 * Parameter importance as older `sweep.json` files (and bundles exported from them) hold it:
 * η² scaled so the params sum to 1, which ranks noise as signal. Kept only so they still parse.
 */
export interface LegacySweepImportance {
  method: string;
  scores: Array<{ param: string; score: number }>;
}

/** Contents of `sweep.json` on the parent run; rewritten after every trial. */
export interface SweepSummary {
  search: 'grid' | 'random';
  space: SweepDimension[];
  /** Metric being optimised, e.g. `val_loss`, and whether lower is better. */
  objective: { metric: string; direction: 'minimize' | 'maximize' };
  earlyStopping: 'none' | 'median' | 'successive-halving';
  budget: { maxTrials: number; maxMinutes: number | null };
  folds: number | null;
  seed: number;
  trials: SweepTrialSummary[];
  /**
   * Importance of each searched param for the objective, highest first; null until ≥ 3 trials
   * finished. Sweeps recorded before the shuffled baseline hold `LegacySweepImportance`; readers
   * recompute from `trials` (`sweepImportance` in lib/ml/sweep/importance.ts) rather than trust it.
   */
  importance: SweepImportance | LegacySweepImportance | null;
  /** `RUNNING` while trials remain; `FINISHED`, or `KILLED` when cancelled. */
  status: 'RUNNING' | 'FINISHED' | 'KILLED';
}
