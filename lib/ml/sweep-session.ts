import type { ParamValue } from '../tracking/run-types';
import { createRun, finishRun, MetricWriter } from '../tracking/runs';
import type { SweepSummary } from '../tracking/sweep-types';
import { chooseBackend } from './backends';
import { prepareData, type PreparedData } from './prepare';
import type { SweepRequest } from './protocol';
import { runParams } from './run-params';
import { crashFailure, describeFailure, loadAndPrepare, preparedShape, type PreparedSession, type SessionDeps } from './session';
import { writeSweepSummary } from './sweep-record';
import { runTrial, type TrialContext } from './sweep-trial';
import { checkSweepRequest } from './sweep/check';
import { parameterImportance } from './sweep/importance';
import { kFoldSplits } from './sweep/kfold';
import { createScheduler } from './sweep/scheduler';
import { applyParams, describeDimension, shortSpaceName } from './sweep/space';
import { beats, bestMetricKey } from './sweep/summary';

/** The parent run's params: the fixed base params, each searched one replaced by its dimension, and the sweep settings. */
function parentParams(request: SweepRequest, trials: number): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = { ...runParams(request.base) };
  for (const dim of request.space) params[dim.param] = describeDimension(dim);
  return { ...params, search: request.search, trials, objective: `${request.objective.direction} ${request.objective.metric}`, earlyStopping: request.folds ? 'none' : request.earlyStopping, cvFolds: request.folds ?? 'off', sweepSeed: request.seed };
}

/**
 * One prepared dataset per fold of train + validation, preprocessing fitted on each fold's
 * training rows only. Folds get no test rows: the test split is never looked at while tuning.
 */
function prepareFolds(request: SweepRequest, session: PreparedSession): PreparedData[] {
  const k = request.folds!;
  const { split } = session.prepared;
  return kFoldSplits([...split.train, ...split.validation], k, request.seed).map((fold, i) =>
    prepareData(session.loaded.table, {
      target: request.base.target,
      features: request.base.features,
      task: request.base.spec.task,
      split: request.base.split,
      seed: request.base.spec.seed,
      parts: { train: fold.train, validation: fold.validation, test: [] },
      partsLabel: `fold ${i + 1} of ${k}`,
    }),
  );
}

/**
 * A whole hyperparameter search in the trainer: plan the configurations, load and prepare the
 * data once (and the k folds), pick the backend once, record a parent run (tag `sweep=parent`),
 * then train the trials one by one as child runs (see `runTrial`), rewriting the parent's
 * `sweep.json` (trials, importance, status) and logging `best_<objective>` by trial after each.
 * Stops starting trials at the trial or time budget; cancel ends the running trial KILLED and the
 * parent KILLED with its summary kept; a diverged trial is FAILED and the sweep goes on. Bad
 * input is reported with `error` and records nothing. Resolves to the final summary, or null.
 */
export async function runSweepSession(request: SweepRequest, deps: SessionDeps): Promise<SweepSummary | null> {
  const { db, post } = deps;
  const now = () => deps.clock.now();
  const started = now();
  let parentRunId: string | null = null;
  // The summary as far as it got, for the error path.
  let live: SweepSummary | null = null;
  let releaseLock = () => undefined as void;
  try {
    const plan = checkSweepRequest(request);
    if ('problems' in plan) throw new Error(`The sweep needs fixing: ${plan.problems.join('; ')}.`);
    const session = await loadAndPrepare(request.base, deps.sources, post);
    const folds = request.folds ? prepareFolds(request, session) : null;
    post({ type: 'status', message: request.base.backend === 'auto' ? 'Measuring the backends on the base model…' : 'Starting the backend…' });
    const choice = await chooseBackend(deps.tf, request.base.backend, session.spec, session.prepared.train, deps.backendCache, deps.cores, () => deps.clock.now());
    const name = request.base.name.trim() || `sweep: ${plan.configs.length} trials of ${shortSpaceName(request.space)}`;
    const earlyStopping = folds ? 'none' : request.earlyStopping;
    const summary: SweepSummary = { search: request.search, space: request.space, objective: request.objective, earlyStopping, budget: { maxTrials: request.maxTrials, maxMinutes: request.maxMinutes }, folds: request.folds, seed: request.seed, trials: [], importance: null, status: 'RUNNING' };
    live = summary;
    const parent = await createRun(
      db,
      { experiment: request.base.experiment, name, params: parentParams(request, plan.configs.length), tags: { ...request.base.tags, sweep: 'parent' }, notes: [request.base.notes, ...plan.notes].filter(Boolean).join('\n'), dataset: { id: session.loaded.info.id, hash: session.loaded.hash, split: session.prepared.splitLabel + (folds ? `; ${folds.length}-fold cross-validation on train + validation` : '') }, seed: request.seed, backend: choice.backend },
      now(),
    );
    parentRunId = parent.id;
    releaseLock = (await deps.holdRunLock?.(parent.id)) ?? releaseLock;
    await writeSweepSummary(db, parent.id, summary, now());
    post({ type: 'sweep-started', parentRunId: parent.id, totalTrials: plan.configs.length, backendLabel: choice.label, notes: [...choice.notes, ...plan.notes], shape: preparedShape(session.prepared, session.spec), folds: request.folds, earlyStopping });

    const maxEpochs = Math.max(...plan.configs.map((c) => applyParams(session.spec, c).epochs));
    const ctx: TrialContext = { deps, request, session, choice, folds, scheduler: createScheduler(earlyStopping, request.objective.direction, maxEpochs), parentRunId: parent.id, parentName: name };
    const parentWriter = new MetricWriter(db, parent.id);
    const searched = request.space.map((d) => d.param);
    let best: number | null = null;
    let killed = false;
    let message: string | null = null;
    for (const [index, params] of plan.configs.entries()) {
      if (deps.shouldStop()) {
        killed = true;
        break;
      }
      if (request.maxMinutes !== null && now() - started >= request.maxMinutes * 60_000) {
        message = `The time budget of ${request.maxMinutes} min ran out after ${index} of ${plan.configs.length} trials.`;
        break;
      }
      const outcome = await runTrial(ctx, index, params);
      summary.trials.push({ runId: outcome.runId, params, value: outcome.value, std: outcome.std, status: outcome.status, epochs: outcome.epochs, ...(outcome.savedEpoch ? { savedEpoch: outcome.savedEpoch } : {}), ...(outcome.headline ? { headline: outcome.headline } : {}) });
      summary.importance = parameterImportance(summary.trials, searched).importance;
      if (beats(outcome.value, best, request.objective.direction)) best = outcome.value;
      if (best !== null) {
        parentWriter.log(index + 1, { [bestMetricKey(request.objective.metric)]: best });
        await parentWriter.flush(now());
      }
      await writeSweepSummary(db, parent.id, summary, now());
      post({ type: 'sweep-trial-done', index, runId: outcome.runId, status: outcome.status, value: outcome.value, std: outcome.std, failure: outcome.failure, summary: structuredClone(summary) });
      if (outcome.status === 'KILLED') {
        killed = true;
        break;
      }
    }
    summary.status = killed ? 'KILLED' : 'FINISHED';
    await writeSweepSummary(db, parent.id, summary, now());
    const done = summary.trials.length;
    await finishRun(db, parent.id, killed ? 'KILLED' : 'FINISHED', now(), killed ? { message: `Cancelled after ${done} of ${plan.configs.length} trials.`, hint: 'The finished trials and the sweep summary are kept.' } : null);
    post({ type: 'sweep-done', parentRunId: parent.id, status: killed ? 'KILLED' : 'FINISHED', message: killed ? `Cancelled after ${done} of ${plan.configs.length} trials.` : message, summary: structuredClone(summary) });
    return summary;
  } catch (error) {
    if (parentRunId && live) {
      const failure = crashFailure(error);
      live.status = 'KILLED';
      await writeSweepSummary(db, parentRunId, live, now()).catch(() => undefined);
      await finishRun(db, parentRunId, 'FAILED', now(), failure).catch(() => undefined);
      post({ type: 'sweep-done', parentRunId, status: 'FAILED', message: failure.message, summary: structuredClone(live) });
    } else {
      post({ type: 'error', runId: null, message: describeFailure(error) });
    }
    return null;
  } finally {
    releaseLock();
  }
}
