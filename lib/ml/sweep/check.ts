import type { SweepRequest } from '../protocol';
import { validateSpec } from '../model-spec';
import { planSweep, type TrialParams } from './generate';
import { applyParams } from './space';
import { objectiveChoices } from './summary';

/** Fold counts accepted (the UI offers 3 and 5). */
const MIN_FOLDS = 2;
const MAX_FOLDS = 10;

/**
 * Checks a sweep request without its data: the space and budget (see `planSweep`), the objective
 * (a metric logged every epoch for the task), k, the time budget, and that every planned
 * configuration is a valid model spec. Returns the problems as learner-facing sentences, or the
 * planned configurations (and notes) when there are none. The UI runs it before starting, so
 * the learner sees the same messages as the trainer would send.
 */
export function checkSweepRequest(request: SweepRequest): { configs: TrialParams[]; notes: string[] } | { problems: string[] } {
  const plan = planSweep({ space: request.space, search: request.search, maxTrials: request.maxTrials, seed: request.seed, base: request.base.spec });
  const problems = 'problems' in plan ? [...plan.problems] : [];
  const task = request.base.spec.task;
  if (!objectiveChoices(task).some((c) => c.metric === request.objective.metric)) problems.push(`Objective: ${request.objective.metric} is not logged every epoch for a ${task}; choose one of ${objectiveChoices(task).map((c) => c.metric).join(', ')}`);
  if (request.folds !== null && !(Number.isInteger(request.folds) && request.folds >= MIN_FOLDS && request.folds <= MAX_FOLDS)) problems.push(`k-fold: k must be a whole number from ${MIN_FOLDS} to ${MAX_FOLDS}, or off`);
  if (request.maxMinutes !== null && !(request.maxMinutes > 0 && Number.isFinite(request.maxMinutes))) problems.push('Minutes: the time budget must be a positive number, or empty for none');
  if ('problems' in plan || problems.length > 0) return { problems };
  const specProblems = new Set(plan.configs.flatMap((c) => validateSpec(applyParams(request.base.spec, c))));
  if (specProblems.size > 0) return { problems: [...specProblems].map((p) => `A configuration cannot train: ${p}`) };
  return plan;
}
