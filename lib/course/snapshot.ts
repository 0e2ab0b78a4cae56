import type { ProgressRecords } from '@/lib/tracking/progress';
import { readProgress } from '@/lib/tracking/progress';
import type { WorkbenchDatabase } from '@/lib/tracking/db';
import type { RunRecord } from '@/lib/tracking/run-types';
import { completedLessonIds, type LessonOutline } from './outline';
import type { SnapshotRun, WorkbenchSnapshot } from './types';

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
    failure: run.failure,
  };
}

/**
 * Builds the snapshot `check` exercises grade from saved records. Pure: the same records and
 * time give the same snapshot, which is how checks are unit-tested against saved snapshots.
 */
export function snapshotFromRecords(records: ProgressRecords, lessons: readonly LessonOutline[], takenAt: number, runs: readonly RunRecord[] = []): WorkbenchSnapshot {
  return {
    takenAt,
    progress: {
      exercises: records.exercises,
      visits: records.visits,
      completedLessons: completedLessonIds(lessons, records.exercises),
    },
    runs: [...runs].sort((a, b) => a.startedAt - b.startedAt).map(snapshotRun),
  };
}

/** Reads the database and builds the learner's current `WorkbenchSnapshot`. */
export async function buildSnapshot(db: WorkbenchDatabase, lessons: readonly LessonOutline[], takenAt: number): Promise<WorkbenchSnapshot> {
  const [records, runs] = await Promise.all([readProgress(db), db.runs.toArray()]);
  return snapshotFromRecords(records, lessons, takenAt, runs);
}
