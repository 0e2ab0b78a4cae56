/* The one snapshot factory for check tests (not shipped code): every lesson test builds its snapshots here. */
import type { ExerciseProgress, LessonVisit, SnapshotModel, SnapshotRun, SnapshotSweep, WorkbenchSnapshot } from './types';

/** The parts a test cares about; everything else is empty. */
export interface SnapshotParts {
  takenAt?: number;
  runs?: SnapshotRun[];
  models?: SnapshotModel[];
  sweeps?: SnapshotSweep[];
  exercises?: ExerciseProgress[];
  visits?: LessonVisit[];
  completedLessons?: string[];
}

/**
 * A snapshot as `buildSnapshot` makes it (runs oldest first), from just the parts a test needs.
 * New domains (endpoints, windows, pipelines) add their part here, so every lesson test gets it.
 */
export function snapshotWith(parts: SnapshotParts = {}): WorkbenchSnapshot {
  return {
    takenAt: parts.takenAt ?? 1_800_000_000_000,
    progress: { exercises: parts.exercises ?? [], visits: parts.visits ?? [], completedLessons: parts.completedLessons ?? [] },
    runs: [...(parts.runs ?? [])].sort((a, b) => a.startedAt - b.startedAt),
    models: parts.models ?? [],
    sweeps: parts.sweeps ?? [],
  };
}
