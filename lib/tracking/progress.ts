import type { ExerciseProgress, LessonVisit } from './progress-types';
import type { WorkbenchDatabase } from './db';

/** Everything saved about the learner's course progress. */
export interface ProgressRecords {
  exercises: ExerciseProgress[];
  visits: LessonVisit[];
}

/** Reads all progress rows. Cheap: one row per exercise tried and per lesson opened. */
export async function readProgress(db: WorkbenchDatabase): Promise<ProgressRecords> {
  return db.transaction('r', db.exerciseProgress, db.lessonVisits, async () => ({
    exercises: await db.exerciseProgress.toArray(),
    visits: await db.lessonVisits.toArray(),
  }));
}

/** Reads one exercise's saved state, or `undefined` when it was never tried. */
export function readExerciseProgress(
  db: WorkbenchDatabase,
  lessonId: string,
  exerciseId: string,
): Promise<ExerciseProgress | undefined> {
  return db.exerciseProgress.get([lessonId, exerciseId]);
}

/**
 * Read-modify-write of one exercise's state in a single transaction, so two tabs answering
 * at once cannot overwrite each other's attempt count.
 */
export async function updateExerciseProgress(
  db: WorkbenchDatabase,
  lessonId: string,
  exerciseId: string,
  update: (previous: ExerciseProgress | undefined) => ExerciseProgress,
): Promise<ExerciseProgress> {
  return db.transaction('rw', db.exerciseProgress, async () => {
    const next = update(await db.exerciseProgress.get([lessonId, exerciseId]));
    await db.exerciseProgress.put(next);
    return next;
  });
}

/** Records that a lesson was opened at `visitedAt` (epoch ms). */
export async function recordLessonVisit(db: WorkbenchDatabase, lessonId: string, visitedAt: number): Promise<void> {
  await db.lessonVisits.put({ lessonId, visitedAt });
}

/** Deletes all progress (exercises and visits) in one transaction. */
export async function resetProgress(db: WorkbenchDatabase): Promise<void> {
  await db.transaction('rw', db.exerciseProgress, db.lessonVisits, async () => {
    await db.exerciseProgress.clear();
    await db.lessonVisits.clear();
  });
}

/**
 * Replaces all progress with `records` in one transaction: if any write fails (a full disk,
 * say) the transaction aborts and the previous progress stays exactly as it was.
 */
export async function replaceProgress(db: WorkbenchDatabase, records: ProgressRecords): Promise<void> {
  await db.transaction('rw', db.exerciseProgress, db.lessonVisits, async () => {
    await db.exerciseProgress.clear();
    await db.lessonVisits.clear();
    await db.exerciseProgress.bulkPut(records.exercises);
    await db.lessonVisits.bulkPut(records.visits);
  });
}
