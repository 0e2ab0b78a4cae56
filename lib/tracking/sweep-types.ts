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
  /** The objective's best value over the trial's epochs (or the k-fold mean); null when it failed. */
  value: number | null;
  /** k-fold standard deviation of the objective, when cross-validated. */
  std: number | null;
  status: 'FINISHED' | 'FAILED' | 'KILLED' | 'STOPPED_EARLY';
  epochs: number;
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
  /** Importance of each searched param for the objective, highest first; null until ≥ 3 trials finished. */
  importance: { method: string; scores: Array<{ param: string; score: number }> } | null;
  /** `RUNNING` while trials remain; `FINISHED`, or `KILLED` when cancelled. */
  status: 'RUNNING' | 'FINISHED' | 'KILLED';
}
