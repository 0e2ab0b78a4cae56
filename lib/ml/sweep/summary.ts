import { lowerIsBetter } from '../../tracking/run-types';
import type { SweepSummary, SweepTrialSummary } from '../../tracking/sweep-types';
import type { Direction } from './scheduler';

/** Objectives a sweep can optimise: metrics logged every epoch, so early termination can judge them. */
export function objectiveChoices(task: 'regression' | 'classification'): Array<{ metric: string; label: string; direction: Direction }> {
  const second = task === 'regression' ? { metric: 'val_mae', label: 'validation MAE' } : { metric: 'val_accuracy', label: 'validation accuracy' };
  const train = task === 'regression' ? { metric: 'mae', label: 'training MAE' } : { metric: 'accuracy', label: 'training accuracy' };
  return [{ metric: 'val_loss', label: 'validation loss' }, second, { metric: 'loss', label: 'training loss' }, train].map((c) => ({ ...c, direction: defaultDirection(c.metric) }));
}

/** Lower is better for losses and errors, higher for everything else. */
export function defaultDirection(metric: string): Direction {
  return lowerIsBetter(metric) ? 'minimize' : 'maximize';
}

/** Whether `a` beats `b` for the direction (a finite value beats null). */
export function beats(a: number | null, b: number | null, direction: Direction): boolean {
  if (a === null || !Number.isFinite(a)) return false;
  if (b === null || !Number.isFinite(b)) return true;
  return direction === 'minimize' ? a < b : a > b;
}

/** Trials with a value (FINISHED or STOPPED_EARLY), best first; the others after, in trial order. */
export function trialsBestFirst(summary: Pick<SweepSummary, 'trials' | 'objective'>): SweepTrialSummary[] {
  const direction = summary.objective.direction;
  const scored = summary.trials.filter((t) => t.value !== null && Number.isFinite(t.value));
  const rest = summary.trials.filter((t) => !scored.includes(t));
  return [...scored.sort((a, b) => (direction === 'minimize' ? a.value! - b.value! : b.value! - a.value!)), ...rest];
}

/** The trial with the best value, or null when none has one. */
export function bestTrial(summary: Pick<SweepSummary, 'trials' | 'objective'>): SweepTrialSummary | null {
  const first = trialsBestFirst(summary)[0];
  return first && first.value !== null ? first : null;
}

/** Run ids to compare: up to `max` (default 20) trials with a value, best first. */
export function compareRunIds(summary: Pick<SweepSummary, 'trials' | 'objective'>, max = 20): string[] {
  return trialsBestFirst(summary)
    .filter((t) => t.value !== null)
    .slice(0, max)
    .map((t) => t.runId);
}

/** The parent run's metric that tracks the best objective so far, e.g. `best_val_loss`. */
export function bestMetricKey(metric: string): string {
  return `best_${metric}`;
}

/** The child-run metrics of a cross-validated objective: `cv_<metric>_mean` and `cv_<metric>_std`. */
export function cvMetricKeys(metric: string): { perFold: string; mean: string; std: string } {
  return { perFold: `cv_${metric}`, mean: `cv_${metric}_mean`, std: `cv_${metric}_std` };
}
