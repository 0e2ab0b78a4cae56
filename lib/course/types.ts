/**
 * Domain types of the course: lessons, exercises, progress and the workbench snapshot
 * that `check` exercises grade. Framework-free; shared by lessons, lib and the UI.
 */

/** Maturity levels 0–4 (Microsoft's MLOps maturity model). */
export type MaturityLevel = 0 | 1 | 2 | 3 | 4;

/** One answer of a quiz; every choice carries its own explanation, shown once it is picked. */
export interface QuizChoice {
  id: string;
  text: string;
  correct: boolean;
  explanation: string;
}

interface ExerciseBase {
  /** Unique within the lesson, kebab-case; referenced from MDX as `<Exercise id="…" />`. */
  id: string;
  title: string;
  prompt: string;
  /** Revealed one at a time, in order. */
  hints: string[];
  /** Required exercises must pass for the lesson to count as complete. Defaults to true. */
  required: boolean;
}

export interface QuizExercise extends ExerciseBase {
  kind: 'quiz';
  /** Multiple choice (several correct answers, all must be picked) or single choice. */
  multiple: boolean;
  choices: QuizChoice[];
}

/** Result of grading a `check` exercise against the learner's workbench. */
export interface CheckResult {
  passed: boolean;
  feedback: string;
}

export interface CheckExercise extends ExerciseBase {
  kind: 'check';
  /** Shown after a few failed attempts: what to do in the workbench. */
  solution: string;
  /** Pure function of the snapshot: no I/O, no clock, no randomness. */
  check: (snapshot: WorkbenchSnapshot) => CheckResult;
}

export type Exercise = QuizExercise | CheckExercise;

export interface Lesson {
  /** kebab-case, unique across the course; also the URL (`/lessons/<id>`). */
  id: string;
  week: number;
  /** Position within the week, from 1. The folder is `week-<week>/<order, 2 digits>-<id>`. */
  order: number;
  title: string;
  summary: string;
  maturityLevel: MaturityLevel;
  minutes: number;
  objectives: string[];
  /** Workbench presets the lesson opens (names; used by later features). */
  presets: string[];
  exercises: Exercise[];
}

/** What a lesson author writes: `required`, `multiple` and `presets` may be left out. */
export type LessonInput = Omit<Lesson, 'exercises' | 'presets'> & {
  presets?: string[];
  exercises: Array<
    | (Omit<QuizExercise, 'required' | 'multiple'> & { required?: boolean; multiple?: boolean })
    | (Omit<CheckExercise, 'required'> & { required?: boolean })
  >;
};

export interface Week {
  week: number;
  title: string;
  summary: string;
  lessons: Lesson[];
}

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

/**
 * One tracked run as checks see it: plain data copied from the run record (no histories).
 * Metric keys: per-epoch `loss`, `val_loss`, `acc`/`val_acc` or `mae`/`val_mae`, and after
 * evaluation `val_rmse`, `val_mae`, `val_r2`, `baseline_val_rmse` (regression) or `val_accuracy`,
 * `val_f1`, `val_auc`, `val_log_loss`, `baseline_val_accuracy` (classification).
 */
export interface SnapshotRun {
  id: string;
  name: string;
  status: 'RUNNING' | 'FINISHED' | 'FAILED' | 'KILLED';
  startedAt: number;
  endedAt: number | null;
  /** Training choices: `task`, `target`, `model`, `hiddenLayers` ("32-16"), `learningRate`, … */
  params: Record<string, string | number | boolean>;
  tags: Record<string, string>;
  notes: string;
  datasetId: string;
  backend: string | null;
  lastMetrics: Record<string, number>;
  /** Best value of each metric (lowest for losses and errors, highest otherwise). */
  bestMetrics: Record<string, number>;
  failure: { message: string; hint: string } | null;
}

/**
 * Everything a `check` exercise may look at: progress and tracked runs; later features add
 * model versions, aliases, deployments, alerts and pipelines.
 */
export interface WorkbenchSnapshot {
  /** Epoch milliseconds when the snapshot was taken. */
  takenAt: number;
  progress: {
    exercises: ExerciseProgress[];
    visits: LessonVisit[];
    /** Ids of lessons whose required exercises have all passed. */
    completedLessons: string[];
  };
  /** Every run, oldest first. */
  runs: SnapshotRun[];
}
