import { savedModelMetrics } from '../tracking/metric-model';
import type { ProgressRecords } from '@/lib/tracking/progress';
import type { RunRecord } from '@/lib/tracking/run-types';
import type { SweepSummary } from '@/lib/tracking/sweep-types';
import type { AliasEvent, ModelVersion, RegisteredModel } from '@/lib/registry/types';
import { completedLessonIds, type LessonOutline } from './outline';
import { snapshotMonitoring, type MonitoringRecords } from './snapshot-monitoring';
import { snapshotServing, type ServingRecords } from './snapshot-serving';
import type { SnapshotModel, SnapshotRun, SnapshotSweep, SnapshotSweepTrial, WorkbenchSnapshot } from './types';

/** Registry rows, sweep summaries and serving rows a snapshot is built from, beside progress and runs. */
export interface SnapshotRecords extends ServingRecords, MonitoringRecords {
  models?: readonly RegisteredModel[];
  versions?: readonly ModelVersion[];
  aliasEvents?: readonly AliasEvent[];
  /** The content of each sweep parent run's `sweep.json`, as stored (validated here). */
  sweeps?: ReadonlyArray<{ runId: string; summary: unknown }>;
}

/** The plain view of a run that checks grade (best metrics reduced to their values). */
export function snapshotRun(run: RunRecord): SnapshotRun {
  return {
    id: run.id,
    name: run.name,
    status: run.status,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    params: { ...run.params },
    tags: { ...run.tags },
    notes: run.notes,
    datasetId: run.dataset.id,
    backend: run.backend,
    lastMetrics: { ...run.lastMetrics },
    bestMetrics: Object.fromEntries(Object.entries(run.bestMetrics).map(([k, v]) => [k, v.value])),
    savedMetrics: savedModelMetrics(run),
    failure: run.failure,
    // Runs saved before sweeps existed may lack the field.
    parentRunId: run.parentRunId ?? null,
  };
}

/**
 * A registered model with its versions (ascending by number) and its alias history (oldest
 * first; events at the same millisecond keep their given order). Versions and events of other
 * models are ignored, so callers may pass every row of the registry.
 */
export function snapshotModel(model: RegisteredModel, versions: readonly ModelVersion[], events: readonly AliasEvent[]): SnapshotModel {
  return {
    name: model.name,
    description: model.description,
    aliases: { ...model.aliases },
    versions: versions
      .filter((v) => v.name === model.name)
      .sort((a, b) => a.version - b.version)
      .map((v) => ({
        version: v.version,
        runId: v.runId,
        archived: v.archived,
        createdAt: v.createdAt,
        metrics: { ...v.metrics },
        datasetId: v.dataset.id,
        datasetHash: v.dataset.hash,
        task: v.task,
        target: v.target,
      })),
    aliasHistory: events
      .filter((e) => e.name === model.name)
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
      .map(({ e }) => ({ alias: e.alias, version: e.version, previousVersion: e.previousVersion, at: e.at, actor: e.actor })),
  };
}

const TRIAL_STATUSES = new Set(['FINISHED', 'FAILED', 'KILLED', 'STOPPED_EARLY']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finiteOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function sweepTrial(raw: unknown): SnapshotSweepTrial | null {
  if (!isRecord(raw) || typeof raw.runId !== 'string' || typeof raw.status !== 'string' || !TRIAL_STATUSES.has(raw.status)) return null;
  const params = isRecord(raw.params)
    ? Object.fromEntries(Object.entries(raw.params).filter((e): e is [string, string | number | boolean] => ['string', 'number', 'boolean'].includes(typeof e[1])))
    : {};
  return { runId: raw.runId, params, value: finiteOrNull(raw.value), std: finiteOrNull(raw.std), status: raw.status as SnapshotSweepTrial['status'] };
}

function importanceOf(raw: unknown): SnapshotSweep['importance'] {
  if (!isRecord(raw) || !Array.isArray(raw.scores)) return null;
  const scores = raw.scores.flatMap((s: unknown) => (isRecord(s) && typeof s.param === 'string' && finiteOrNull(s.score) !== null ? [{ param: s.param, score: s.score as number }] : []));
  return { method: typeof raw.method === 'string' ? raw.method : '', scores: scores.sort((a, b) => b.score - a.score) };
}

/**
 * A sweep as checks see it: the parent run's name, tags and dataset with its `sweep.json`.
 * The summary is data from storage (or an imported bundle), so it is read defensively: `null`
 * when it is not a sweep summary at all (no `trials` list), malformed trials and scores dropped,
 * unknown enum values replaced by the safe default (`random`, `none`, `RUNNING`).
 */
export function snapshotSweep(parent: RunRecord, summary: unknown): SnapshotSweep | null {
  if (!isRecord(summary) || !Array.isArray(summary.trials)) return null;
  const s = summary as Partial<SweepSummary> & Record<string, unknown>;
  const objective = isRecord(s.objective) && typeof s.objective.metric === 'string' ? s.objective : null;
  return {
    parentRunId: parent.id,
    name: parent.name,
    startedAt: parent.startedAt,
    datasetId: parent.dataset.id,
    tags: { ...parent.tags },
    search: s.search === 'grid' ? 'grid' : 'random',
    searched: Array.isArray(s.space) ? s.space.flatMap((d: unknown) => (isRecord(d) && typeof d.param === 'string' ? [d.param] : [])) : [],
    maxTrials: isRecord(s.budget) ? (finiteOrNull(s.budget.maxTrials) ?? 0) : 0,
    earlyStopping: s.earlyStopping === 'median' || s.earlyStopping === 'successive-halving' ? s.earlyStopping : 'none',
    folds: finiteOrNull(s.folds),
    objective: objective ? { metric: objective.metric, direction: objective.direction === 'maximize' ? 'maximize' : 'minimize' } : { metric: '', direction: 'minimize' },
    trials: s.trials!.flatMap((t: unknown) => sweepTrial(t) ?? []),
    importance: importanceOf(s.importance),
    status: s.status === 'FINISHED' || s.status === 'KILLED' ? s.status : 'RUNNING',
  };
}

/**
 * Builds the snapshot `check` exercises grade from saved records. Pure: the same records and
 * time give the same snapshot, which is how checks are unit-tested against saved snapshots.
 * Runs and sweeps come oldest first, models by name; a sweep summary whose parent run is not
 * among `runs` is left out. Serving rows are ordered by `snapshotServing`.
 */
export function snapshotFromRecords(
  records: ProgressRecords,
  lessons: readonly LessonOutline[],
  takenAt: number,
  runs: readonly RunRecord[] = [],
  registry: SnapshotRecords = {},
): WorkbenchSnapshot {
  const byId = new Map(runs.map((r) => [r.id, r]));
  const sweeps = (registry.sweeps ?? []).flatMap(({ runId, summary }) => {
    const parent = byId.get(runId);
    return (parent && snapshotSweep(parent, summary)) || [];
  });
  return {
    takenAt,
    progress: {
      exercises: records.exercises,
      visits: records.visits,
      completedLessons: completedLessonIds(lessons, records.exercises),
    },
    runs: [...runs].sort((a, b) => a.startedAt - b.startedAt).map(snapshotRun),
    models: [...(registry.models ?? [])]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((m) => snapshotModel(m, registry.versions ?? [], registry.aliasEvents ?? [])),
    sweeps: sweeps.sort((a, b) => a.startedAt - b.startedAt),
    ...snapshotServing(registry),
    ...snapshotMonitoring(registry),
  };
}
