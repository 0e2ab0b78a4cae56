import type { ProgressRecords } from '@/lib/tracking/progress';
import { readProgress } from '@/lib/tracking/progress';
import type { WorkbenchDatabase } from '@/lib/tracking/db';
import { completedLessonIds, type LessonOutline } from './outline';
import type { WorkbenchSnapshot } from './types';

/**
 * Builds the snapshot `check` exercises grade from saved records. Pure: the same records and
 * time give the same snapshot, which is how checks are unit-tested against saved snapshots.
 */
export function snapshotFromRecords(records: ProgressRecords, lessons: readonly LessonOutline[], takenAt: number): WorkbenchSnapshot {
  return {
    takenAt,
    progress: {
      exercises: records.exercises,
      visits: records.visits,
      completedLessons: completedLessonIds(lessons, records.exercises),
    },
  };
}

/** Reads the database and builds the learner's current `WorkbenchSnapshot`. */
export async function buildSnapshot(db: WorkbenchDatabase, lessons: readonly LessonOutline[], takenAt: number): Promise<WorkbenchSnapshot> {
  return snapshotFromRecords(await readProgress(db), lessons, takenAt);
}
