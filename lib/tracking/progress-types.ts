/**
 * Course progress as stored: one row per exercise the learner touched, one per lesson visited.
 * Declared here, with the other stored records, so storage never imports the course.
 */

export type ExerciseStatus = 'not-started' | 'attempted' | 'passed';

/** The saved state of one exercise for this learner. */
export interface ExerciseProgress {
  lessonId: string;
  exerciseId: string;
  status: ExerciseStatus;
  attempts: number;
  hintsRevealed: number;
  solutionRevealed: boolean;
  /** Choice ids of the last quiz answer; empty for check exercises. */
  lastAnswer: string[];
  lastFeedback: string;
  /** Epoch milliseconds. */
  updatedAt: number;
  passedAt: number | null;
}

/** When the learner last opened a lesson (for "continue where you left off"). */
export interface LessonVisit {
  lessonId: string;
  /** Epoch milliseconds. */
  visitedAt: number;
}

/** Lesson id → its exercise ids: what a progress import checks rows against. */
export type CourseCatalog = Record<string, readonly string[]>;
