import { isStorageError } from '../tracking/errors';
import { editRun } from '../tracking/run-edits';
import type { ParamValue } from '../tracking/run-types';
import { createRun, finishRun, MetricWriter } from '../tracking/runs';
import type { SweepTrialSummary } from '../tracking/sweep-types';
import type { BackendChoice } from './backends';
import type { ModelSpec } from './model-spec';
import type { PreparedData } from './prepare';
import type { SweepRequest } from './protocol';
import { runParams } from './run-params';
import { batchPacer, crashFailure, preparedShape, trainAndRecord, type PreparedSession, type SessionDeps } from './session';
import { applyParams } from './sweep/space';
import { meanStd } from './sweep/kfold';
import type { TrialScheduler } from './sweep/scheduler';
import { cvMetricKeys } from './sweep/summary';
import { judgeAgainstBaseline } from '../tracking/headline';
import { trainModel } from './train';

/** Everything every trial of one sweep shares. */
export interface TrialContext {
  deps: SessionDeps;
  request: SweepRequest;
  session: PreparedSession;
  choice: BackendChoice;
  /** One prepared dataset per fold (preprocessing fitted on that fold's training rows), or null. */
  folds: PreparedData[] | null;
  scheduler: TrialScheduler;
  parentRunId: string;
  parentName: string;
}

/** How one trial ended, as the summary records it. */
export interface TrialOutcome {
  runId: string;
  status: SweepTrialSummary['status'];
  value: number | null;
  std: number | null;
  epochs: number;
  failure: { message: string; hint: string } | null;
  savedEpoch?: number;
  headline?: SweepTrialSummary['headline'];
}

/** Tag on a child run that the sweep's early-termination rule stopped (the run itself is FINISHED). */
export const STOPPED_EARLY_TAG = 'sweep.stopped_early';

/**
 * A trial's run name, most telling part first (lists cut long names): "trial 3 · learningRate=0.01,
 * hiddenLayers=16 · <sweep name>".
 */
export function trialName(index: number, params: Record<string, ParamValue>, parentName: string): string {
  const searched = Object.entries(params).map(([k, v]) => `${k}=${typeof v === 'number' ? Number(v.toPrecision(4)) : v}`);
  return [`trial ${index + 1}`, searched.join(', '), parentName].filter(Boolean).join(' · ');
}

/**
 * Runs trial `index` (0-based) with the searched `params` as a child run of the sweep: a normal
 * tracked training on the usual split (metrics per epoch, evaluation, model, preprocessing),
 * judged after every epoch by the sweep's scheduler. With k-fold, it first trains one model per
 * fold (not kept) and logs `cv_<objective>` per fold and its mean and std, then the kept model on
 * the usual split; the value is the folds' mean. Errors end the child FAILED; storage errors are
 * rethrown (the sweep cannot go on without storage).
 */
export async function runTrial(ctx: TrialContext, index: number, params: Record<string, ParamValue>): Promise<TrialOutcome> {
  const { deps, request, session } = ctx;
  const { db, post } = deps;
  const now = () => deps.clock.now();
  const spec = applyParams(session.spec, params);
  const tags = { ...request.base.tags, 'sweep.trial': String(index + 1) };
  const childRequest = { ...request.base, spec, name: trialName(index, params, ctx.parentName), tags };
  const split = session.prepared.splitLabel + (ctx.folds ? `; scored by ${ctx.folds.length}-fold cross-validation on train + validation` : '');
  const run = await createRun(
    db,
    { experiment: request.base.experiment, name: childRequest.name, params: { ...runParams(childRequest), ...(ctx.folds ? { cvFolds: ctx.folds.length } : {}) }, tags, notes: '', parentRunId: ctx.parentRunId, dataset: { id: session.loaded.info.id, hash: session.loaded.hash, split }, seed: spec.seed, backend: ctx.choice.backend },
    now(),
  );
  const runId = run.id;
  const release = (await deps.holdRunLock?.(runId)) ?? (() => undefined);
  post({ type: 'sweep-trial-started', index, runId, params });
  const metric = request.objective.metric;
  try {
    let cv: { mean: number; std: number } | null = null;
    if (ctx.folds) {
      const scored = await scoreFolds(ctx, index, spec, runId);
      if ('status' in scored) {
        await finishRun(db, runId, scored.status, now(), scored.failure);
        return { runId, status: scored.status, value: null, std: null, epochs: 0, failure: scored.failure };
      }
      cv = scored;
    }
    const outcome = await trainAndRecord(deps, {
      runId,
      target: request.base.target,
      spec,
      prepared: session.prepared,
      choice: ctx.choice,
      shape: preparedShape(session.prepared, spec),
      onEpoch: (report) => {
        const value = report.metrics[metric];
        post({ type: 'sweep-epoch', index, stage: ctx.folds ? 'refit' : 'train', fold: null, epoch: report.epoch + 1, epochs: spec.epochs, objective: value ?? null });
      },
      // With k-fold, early termination is off: the value is the folds' mean, not this curve.
      stopAfterEpoch: ctx.folds ? undefined : (report) => ctx.scheduler.decide(runId, report.epoch + 1, report.metrics[metric] ?? NaN) === 'stop',
    });
    // A lost GPU moved training to another backend: later trials run there too.
    ctx.choice = outcome.choice;
    const stoppedEarly = outcome.status === 'FINISHED' && outcome.stoppedBy === 'hook';
    if (stoppedEarly) await editRun(db, runId, { tags: { ...tags, [STOPPED_EARLY_TAG]: 'true' } });
    await finishRun(db, runId, outcome.status, now(), outcome.failure);
    const finished = outcome.status === 'FINISHED';
    // Sweeps keep what they rank: the value is the saved model's (its epoch's), not the curve's best.
    const saved = outcome.summary[metric];
    const value = !finished ? null : cv ? cv.mean : saved !== undefined && Number.isFinite(saved) ? saved : null;
    const verdict = finished ? judgeAgainstBaseline(outcome.summary, spec.task) : null;
    return {
      runId,
      status: stoppedEarly ? 'STOPPED_EARLY' : outcome.status,
      value,
      std: finished && cv ? cv.std : null,
      epochs: outcome.epochsRun,
      failure: outcome.failure,
      ...(finished ? { savedEpoch: outcome.savedEpoch } : {}),
      ...(verdict ? { headline: { key: verdict.key, value: verdict.value, baseline: verdict.baseline, status: verdict.status, reason: verdict.reason } } : {}),
    };
  } catch (error) {
    const failure = crashFailure(error);
    await finishRun(db, runId, 'FAILED', now(), failure).catch(() => undefined);
    if (isStorageError(error)) throw error;
    return { runId, status: 'FAILED', value: null, std: null, epochs: 0, failure };
  } finally {
    release();
  }
}

/**
 * Trains one throwaway model per fold and logs the objective's value per fold (that of the
 * weights the fold's model kept)
 * (`cv_<metric>` at steps 1..k) with their mean and std (at step k) on the child run.
 * A diverged or cancelled fold ends the trial (FAILED or KILLED) with what was logged kept.
 */
async function scoreFolds(ctx: TrialContext, index: number, spec: ModelSpec, runId: string): Promise<{ mean: number; std: number } | { status: 'FAILED' | 'KILLED'; failure: { message: string; hint: string } }> {
  const { deps, request } = ctx;
  const folds = ctx.folds!;
  const metric = request.objective.metric;
  const keys = cvMetricKeys(metric);
  const writer = new MetricWriter(deps.db, runId);
  const values: number[] = [];
  const afterBatch = batchPacer(deps);
  for (const [f, fold] of folds.entries()) {
    const seen = new Map<number, number>();
    const result = await trainModel(deps.tf, spec, fold.train, fold.validation, {
      shouldStop: deps.shouldStop,
      afterBatch,
      onEpoch: (report) => {
        const value = report.metrics[metric];
        if (value !== undefined) seen.set(report.epoch + 1, value);
        deps.post({ type: 'sweep-epoch', index, stage: 'fold', fold: f + 1, epoch: report.epoch + 1, epochs: spec.epochs, objective: value ?? null });
      },
    });
    result.model.dispose();
    if (result.status !== 'FINISHED') {
      await writer.flush(deps.clock.now());
      const failure = result.failure ?? { message: `Fold ${f + 1} stopped.`, hint: '' };
      return { status: result.status, failure: { ...failure, message: `Fold ${f + 1} of ${folds.length}: ${failure.message}` } };
    }
    // The fold model's value is that of the weights it kept, as for every trial.
    const kept = seen.get(result.savedEpoch);
    const best = kept !== undefined && Number.isFinite(kept) ? kept : null;
    if (best === null) return { status: 'FAILED', failure: { message: `Fold ${f + 1} of ${folds.length} never logged ${metric}.`, hint: 'Pick an objective that every epoch logs, such as val_loss.' } };
    values.push(best);
    writer.log(f + 1, { [keys.perFold]: best });
  }
  const cv = meanStd(values);
  writer.log(folds.length, { [keys.mean]: cv.mean, [keys.std]: cv.std });
  await writer.flush(deps.clock.now());
  return cv;
}
