import type { WorkbenchDatabase } from '@/lib/tracking/db';
import { readProgress } from '@/lib/tracking/progress';
import type { RunRecord } from '@/lib/tracking/run-types';
import { SWEEP_ARTIFACT } from '@/lib/tracking/sweep-types';
import type { TableName } from '@/lib/tracking/tables';
import type { LessonOutline } from './outline';
import { snapshotFromRecords, type SnapshotRecords } from './snapshot';
import type { MonitoringRecords } from './snapshot-monitoring';
import type { ServingRecords } from './snapshot-serving';
import type { WorkbenchSnapshot } from './types';

/**
 * One domain's part of the snapshot: the tables it reads (declared in the table registry) and
 * how it reads them. The snapshot reads every domain in one transaction over the union of their
 * tables, so a check never sees a half-moved alias or a canary step without its window. Serving
 * is one; monitoring and pipelines add a domain each (alerts, pipeline runs) without touching the others.
 */
interface SnapshotDomain<Records> {
  tables: readonly TableName[];
  read(db: WorkbenchDatabase): Promise<Records>;
}

const progress: SnapshotDomain<Awaited<ReturnType<typeof readProgress>>> = {
  tables: ['exerciseProgress', 'lessonVisits'],
  read: readProgress,
};

const runs: SnapshotDomain<RunRecord[]> = {
  tables: ['runs'],
  read: (db) => db.runs.toArray(),
};

const models: SnapshotDomain<Required<Pick<SnapshotRecords, 'models' | 'versions' | 'aliasEvents'>>> = {
  tables: ['registeredModels', 'modelVersions', 'aliasEvents'],
  read: async (db) => {
    const [all, versions, aliasEvents] = await Promise.all([db.registeredModels.toArray(), db.modelVersions.toArray(), db.aliasEvents.toArray()]);
    return { models: all, versions, aliasEvents };
  },
};

/**
 * Sweep summaries: fetched by key (`[runId, 'sweep.json']`) for the sweep parents only, since the
 * artifacts table has no index on name. Parents are runs tagged `sweep=parent` or named as another
 * run's parent.
 */
const sweeps: SnapshotDomain<NonNullable<SnapshotRecords['sweeps']>> = {
  tables: ['runs', 'artifacts'],
  read: async (db) => {
    const parentIds = sweepParentIds(await db.runs.toArray());
    const artifacts = await db.artifacts.bulkGet(parentIds.map((id): [string, string] => [id, SWEEP_ARTIFACT]));
    return artifacts.flatMap((a) => (a ? [{ runId: a.runId, summary: a.data }] : []));
  },
};

/**
 * Serving: every endpoint, deployment, traffic window and replay. Windows are one row a simulated
 * day per endpoint, so even long replays stay small; the prediction log itself is never read.
 */
const serving: SnapshotDomain<Required<ServingRecords>> = {
  tables: ['endpoints', 'deployments', 'trafficWindows', 'replays'],
  read: async (db) => {
    const [endpoints, deployments, trafficWindows, replays] = await Promise.all([db.endpoints.toArray(), db.deployments.toArray(), db.trafficWindows.toArray(), db.replays.toArray()]);
    return { endpoints, deployments, trafficWindows, replays };
  },
};

/** Monitoring: every window summary, alert and rule (small rows: one per simulated day, per episode, per rule). */
const monitoring: SnapshotDomain<Required<MonitoringRecords>> = {
  tables: ['monitorWindows', 'alerts', 'alertRules'],
  read: async (db) => {
    const [monitorWindows, alerts, alertRules] = await Promise.all([db.monitorWindows.toArray(), db.alerts.toArray(), db.alertRules.toArray()]);
    return { monitorWindows, alerts, alertRules };
  },
};

/** The tables a snapshot reads: the union of its domains'. */
export const SNAPSHOT_TABLES: readonly TableName[] = [...new Set([progress, runs, models, sweeps, serving, monitoring].flatMap((d) => d.tables))];

/** Runs that lead a sweep: tagged `sweep=parent`, or named as the parent of another run. */
export function sweepParentIds(all: ReadonlyArray<{ id: string; tags: Record<string, string>; parentRunId?: string | null }>): string[] {
  const parents = new Set(all.flatMap((r) => (r.parentRunId ? [r.parentRunId] : [])));
  return all.filter((r) => r.tags.sweep === 'parent' || parents.has(r.id)).map((r) => r.id);
}

/**
 * Reads the database and builds the learner's current `WorkbenchSnapshot`: every domain reads only
 * its own tables, all in one read transaction, then `snapshotFromRecords` assembles them.
 */
export async function buildSnapshot(db: WorkbenchDatabase, lessons: readonly LessonOutline[], takenAt: number): Promise<WorkbenchSnapshot> {
  return db.transaction('r', SNAPSHOT_TABLES.map((name) => db.tableOf(name)), async () => {
    const [records, runRows, registry, sweepRows, servingRows, monitoringRows] = await Promise.all([progress.read(db), runs.read(db), models.read(db), sweeps.read(db), serving.read(db), monitoring.read(db)]);
    return snapshotFromRecords(records, lessons, takenAt, runRows, { ...registry, sweeps: sweepRows, ...servingRows, ...monitoringRows });
  });
}
