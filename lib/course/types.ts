/**
 * Domain types of the course: lessons, exercises, progress and the workbench snapshot
 * that `check` exercises grade. Framework-free; shared by lessons, lib and the UI.
 */

import type { SnapshotAlert, SnapshotAlertRule, SnapshotMonitorWindow } from './snapshot-monitoring-types';
import type { ExerciseProgress, LessonVisit } from '../tracking/progress-types';
import type { Deployment, Endpoint, ReplayRecord, TrafficWindow } from '../tracking/serving-types';

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
  /**
   * Set when the snapshot holds nothing this check could judge yet (no runs, no sweep, no
   * registered model, or only ones still training): the feedback says what to do first, and
   * grading does not count the click as an attempt, so the solution is not unlocked by
   * clicking an empty check. Ignored on a pass.
   */
  notGradable?: true;
}

export interface CheckExercise extends ExerciseBase {
  kind: 'check';
  /** Shown after a few failed attempts: what to do in the workbench. */
  solution: string;
  /** Pure function of the snapshot: no I/O, no clock, no randomness. */
  check: (snapshot: WorkbenchSnapshot) => CheckResult;
  /**
   * The workbench page, with its presets, where this exercise is done
   * (`/workbench/train?dataset=flights&…`): the card shows it as "Open in the workbench".
   */
  workbenchLink?: string;
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

// Progress rows are stored records: declared in lib/tracking (which must not import the course).
export type { ExerciseProgress, ExerciseStatus, LessonVisit } from '../tracking/progress-types';

/**
 * One tracked run as checks see it: plain data copied from the run record (no histories).
 * Metric keys (see lib/tracking/metric-model.ts): per-epoch `loss`, `val_loss`, and
 * `accuracy`/`val_accuracy` or `mae`/`val_mae`; once at the saved epoch, the saved model's
 * evaluation on validation and test with their baselines: `val_rmse`, `val_r2`, `test_rmse`,
 * `baseline_val_rmse`… (regression) or `val_auc`, `val_pr_auc`, `val_log_loss`, `val_f1`,
 * `baseline_val_auc`, `baseline_val_accuracy`… (classification). Judge a model with
 * `judgeAgainstBaseline(savedMetrics, task)`.
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
  /** The saved model's metrics (`savedModelMetrics`): what a registered version of this run would hold. */
  savedMetrics: Record<string, number>;
  failure: { message: string; hint: string } | null;
  /** The sweep this run is a trial of (its parent run's id); null for a run trained on its own. */
  parentRunId: string | null;
}

/** One version of a registered model as checks see it. */
export interface SnapshotModelVersion {
  /** 1, 2, 3… within its model. */
  version: number;
  runId: string;
  archived: boolean;
  /** Epoch milliseconds. */
  createdAt: number;
  /** The run's best validation metrics when it was registered (`val_rmse`, `val_accuracy`, …). */
  metrics: Record<string, number>;
  /** Lineage copied at registration: which data trained it (content hash), and for what. */
  datasetId: string;
  datasetHash: string;
  task: string;
  target: string;
}

/** One move of an alias; `version` null when the alias was removed, `previousVersion` null when it was newly set. */
export interface SnapshotAliasEvent {
  alias: string;
  version: number | null;
  previousVersion: number | null;
  /** Epoch milliseconds. */
  at: number;
  /** `you` for a move by hand; later levels name their pipeline. */
  actor: string;
}

/** A registered model with its versions (ascending) and the history of its aliases (oldest first). */
export interface SnapshotModel {
  name: string;
  description: string;
  /** alias without `@` (`champion`, `challenger`) → version number it points at now. */
  aliases: Record<string, number>;
  versions: SnapshotModelVersion[];
  aliasHistory: SnapshotAliasEvent[];
}

/** One trial of a sweep, as its parent run's `sweep.json` summarises it. */
export interface SnapshotSweepTrial {
  runId: string;
  params: Record<string, string | number | boolean>;
  /** The objective's best value (or the k-fold mean); null when the trial failed. */
  value: number | null;
  /** k-fold standard deviation of the objective, when cross-validated. */
  std: number | null;
  status: 'FINISHED' | 'FAILED' | 'KILLED' | 'STOPPED_EARLY';
}

/** A hyperparameter sweep: its parent run and the summary stored with it (`sweep.json`). */
export interface SnapshotSweep {
  parentRunId: string;
  /** The parent run's name. */
  name: string;
  /** Epoch milliseconds when the parent run started. */
  startedAt: number;
  datasetId: string;
  /** The parent run's tags, where a learner writes answers such as `important=learningRate`. */
  tags: Record<string, string>;
  search: 'grid' | 'random';
  /** Names of the searched params, in the order of the search space. */
  searched: string[];
  maxTrials: number;
  earlyStopping: 'none' | 'median' | 'successive-halving';
  /** k of k-fold cross-validation; null without it. */
  folds: number | null;
  objective: { metric: string; direction: 'minimize' | 'maximize' };
  trials: SnapshotSweepTrial[];
  /** Importance of each searched param, highest first; null until enough trials finished. */
  importance: { method: string; scores: Array<{ param: string; score: number }> } | null;
  status: 'RUNNING' | 'FINISHED' | 'KILLED';
}

// Serving records are declared in lib/tracking (they are stored rows); checks see them through these names.
export type { DeploymentAction, IssueKind, Rollout, TrafficRoute, ValidationPolicy, VersionWindowStats } from '../tracking/serving-types';

/** An endpoint as checks see it: what it serves now (`routes`), how (`rollout`, `policy`), and whether it runs. */
export type SnapshotEndpoint = Omit<Endpoint, 'updatedAt'>;

/**
 * One change of an endpoint (its deployment timeline): a deploy, a replace, each canary step, a
 * promotion or rollback (actor `canary guard` when a guard did it), the start and end of an A/B
 * test or a shadow, a policy change, a stop.
 */
export type SnapshotDeployment = Omit<Deployment, 'window'>;

/**
 * What one endpoint saw in one window (a simulated day of a replay). Label counts and the live
 * metric in `byVersion` grow after the day ends, as delayed labels arrive.
 */
export type SnapshotTrafficWindow = Omit<TrafficWindow, 'loggedRows'>;

/** A replay of production traffic against an endpoint: its scenario, dirty-data rate, status and progress. */
export type SnapshotReplay = Omit<ReplayRecord, 'simStart' | 'simNow' | 'windowOffset' | 'options' | 'truth'> & {
  /** The endpoint's window index of the replay's day 0 (its day d is window windowOffset + d). */
  windowOffset?: number;
  /** Days played, and whether the scenario hid what changes (an exercise). */
  days?: number;
  hidden?: boolean;
  /** What the scenario really changed (the generator's ground truth), when stored. */
  truth?: ReplayRecord['truth'];
};

export type { SnapshotAlert, SnapshotAlertRule, SnapshotMonitorWindow } from './snapshot-monitoring-types';

/**
 * Everything a `check` exercise may look at: progress, tracked runs, registered models with
 * their alias history, sweeps, and serving (endpoints, their deployments, traffic windows and
 * replays); later features add alerts and pipelines.
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
  /** Every registered model, by name. */
  models: SnapshotModel[];
  /** Every sweep whose parent run holds a `sweep.json` summary, oldest first. */
  sweeps: SnapshotSweep[];
  /** Every endpoint, by name. */
  endpoints: SnapshotEndpoint[];
  /** Every endpoint change, oldest first (by wall-clock time, then id). */
  deployments: SnapshotDeployment[];
  /** Every traffic window, by endpoint name and then window index. */
  trafficWindows: SnapshotTrafficWindow[];
  /** Every replay, oldest first. */
  replays: SnapshotReplay[];
  /** Every monitoring window, by endpoint name and then window index. */
  monitorWindows: SnapshotMonitorWindow[];
  /** Every alert, oldest first. */
  alerts: SnapshotAlert[];
  /** Every alert rule, by endpoint and name. */
  alertRules: SnapshotAlertRule[];
}
