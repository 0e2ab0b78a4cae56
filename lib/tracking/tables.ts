import type { StoredDataset } from './dataset-types';
import type { ExerciseProgress, LessonVisit } from './progress-types';
import type { AliasEvent, ModelVersion, RegisteredModel } from './registry-types';
import type { ArtifactRecord, MetricChunk, RunRecord } from './run-types';
import type { Deployment, Endpoint, LabelChunk, PredictionLogChunk, ReplayRecord, TrafficWindow } from './serving-types';
import type { ReferenceProfile } from '../monitoring/profile-types';
import type { AlertRecord, AlertRule } from '../monitoring/types';
import type { MonitorWindow } from '../monitoring/window-types';

/**
 * The table registry: every IndexedDB table of the workbench, declared once. The Dexie versions
 * (db.ts), the bundle format and its export, import plan and counts (bundle/), and the lesson
 * snapshot's transaction (lib/course/snapshot) are all derived from it. A new table is one entry
 * here (plus its row codec in bundle/table-codecs.ts when it travels in bundles).
 */

/** A small named value (when progress was last imported, a cached backend choice). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/** The row type of each table. */
export interface TableRows {
  exerciseProgress: ExerciseProgress;
  lessonVisits: LessonVisit;
  meta: MetaRow;
  runs: RunRecord;
  metricChunks: MetricChunk;
  artifacts: ArtifactRecord;
  datasets: StoredDataset;
  registeredModels: RegisteredModel;
  modelVersions: ModelVersion;
  aliasEvents: AliasEvent;
  endpoints: Endpoint;
  deployments: Deployment;
  predictionLog: PredictionLogChunk;
  labelChunks: LabelChunk;
  trafficWindows: TrafficWindow;
  replays: ReplayRecord;
  referenceProfiles: ReferenceProfile;
  monitorWindows: MonitorWindow;
  alertRules: AlertRule;
  alerts: AlertRecord;
}

export type TableName = keyof TableRows;

/**
 * Which rows of a table an export takes, given the learner's selection:
 * - `runs`: the selected runs with their sweep trials, the runs behind exported versions, and
 *   every ancestor of those;
 * - `of-runs`: the rows of the exported runs (metric chunks, artifacts);
 * - `datasets-of-runs`: the uploaded datasets the exported runs and versions were trained on;
 * - `models` / `of-models`: the selected models / their versions and alias events;
 * - `progress`: every row, when progress is included.
 */
export type ExportSelection = 'runs' | 'of-runs' | 'datasets-of-runs' | 'models' | 'of-models' | 'progress';

/**
 * How an import treats a row whose key exists here already:
 * - `identical`: skipped when identical, and the whole import refused when it differs;
 * - `model`: merged (versions and alias events added, aliases follow the latest event);
 * - `further-along`: the row further along wins (exercise progress), then the later update;
 * - `later`: the later row wins (lesson visits).
 */
export type MergeRule = 'identical' | 'model' | 'further-along' | 'later';

export interface TableSpec {
  /**
   * Dexie's schema of the table (primary key, then indexes), by the database version that set it.
   * The first entry is the version that added the table. Released entries never change: a new
   * index is a new entry with a higher version.
   */
  schema: ReadonlyArray<{ version: number; stores: string }>;
  /** How the table travels in a bundle; null: its rows stay on this machine. */
  bundle: null | {
    /** The key of its count in an import's report (`BundleCounts`). */
    count: string;
    /** How an import's report names the kind. */
    label: string;
    select: ExportSelection;
    merge: MergeRule;
  };
}

export const TABLES = {
  runs: {
    schema: [{ version: 2, stores: 'id, experiment, status, startedAt, name, parentRunId' }],
    bundle: { count: 'runs', label: 'Runs', select: 'runs', merge: 'identical' },
  },
  metricChunks: {
    schema: [{ version: 2, stores: '[runId+key+chunk], runId' }],
    bundle: { count: 'metricChunks', label: 'Metric chunks (1,000 points each)', select: 'of-runs', merge: 'identical' },
  },
  artifacts: {
    schema: [{ version: 2, stores: '[runId+name], runId' }],
    bundle: { count: 'artifacts', label: 'Artifacts (models, evaluations)', select: 'of-runs', merge: 'identical' },
  },
  datasets: {
    schema: [{ version: 3, stores: 'id, createdAt, hash' }],
    bundle: { count: 'datasets', label: 'Uploaded datasets', select: 'datasets-of-runs', merge: 'identical' },
  },
  registeredModels: {
    schema: [{ version: 4, stores: 'name, updatedAt' }],
    bundle: { count: 'models', label: 'Registered models', select: 'models', merge: 'model' },
  },
  modelVersions: {
    schema: [{ version: 4, stores: '[name+version], name, runId' }],
    bundle: { count: 'versions', label: 'Model versions', select: 'of-models', merge: 'identical' },
  },
  aliasEvents: {
    schema: [{ version: 4, stores: 'id, name, [name+alias], at' }],
    bundle: { count: 'aliasEvents', label: 'Alias changes', select: 'of-models', merge: 'identical' },
  },
  // Serving (version 6). They stay on this machine for now: bundles carry models, not production.
  endpoints: { schema: [{ version: 6, stores: 'name, model, updatedAt' }], bundle: null },
  deployments: { schema: [{ version: 6, stores: 'id, endpoint, model, [model+version], at' }], bundle: null },
  predictionLog: { schema: [{ version: 6, stores: '[endpoint+window+chunk], endpoint' }], bundle: null },
  labelChunks: { schema: [{ version: 6, stores: '[endpoint+window+chunk], endpoint' }], bundle: null },
  trafficWindows: { schema: [{ version: 6, stores: '[endpoint+window], endpoint' }], bundle: null },
  replays: { schema: [{ version: 6, stores: 'id, endpoint, status, startedAt' }], bundle: null },
  // Monitoring (version 7): reference profiles are recomputed from a version's run, so they stay too.
  referenceProfiles: { schema: [{ version: 7, stores: '[model+version]' }], bundle: null },
  monitorWindows: { schema: [{ version: 7, stores: '[endpoint+window], endpoint' }], bundle: null },
  alertRules: { schema: [{ version: 7, stores: 'id, endpoint' }], bundle: null },
  alerts: { schema: [{ version: 7, stores: 'id, endpoint, ruleId, state' }], bundle: null },
  exerciseProgress: {
    schema: [{ version: 1, stores: '[lessonId+exerciseId], lessonId, status, updatedAt' }],
    bundle: { count: 'exercises', label: 'Exercise progress', select: 'progress', merge: 'further-along' },
  },
  lessonVisits: {
    schema: [{ version: 1, stores: 'lessonId, visitedAt' }],
    bundle: { count: 'visits', label: 'Lesson visits', select: 'progress', merge: 'later' },
  },
  meta: { schema: [{ version: 1, stores: 'key' }], bundle: null },
} as const satisfies Record<TableName, TableSpec>;

/** Tables whose rows travel in bundles, in registry order. */
export type BundledTable = { [K in TableName]: (typeof TABLES)[K]['bundle'] extends null ? never : K }[TableName];

/** The count key of each bundled table, e.g. `models` for `registeredModels`. */
export type CountKey = NonNullable<(typeof TABLES)[BundledTable]['bundle']>['count'];

export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
export const BUNDLED_TABLES = TABLE_NAMES.filter((name): name is BundledTable => TABLES[name].bundle !== null);

/** The travel spec of a bundled table. */
export function travelOf(table: BundledTable): NonNullable<TableSpec['bundle']> & { count: CountKey } {
  return TABLES[table].bundle as NonNullable<TableSpec['bundle']> & { count: CountKey };
}

/**
 * The Dexie versions, in order: for each version, the stores of the tables it added or changed.
 * Every version ever released stays, so a database written by any of them opens and upgrades.
 */
export function databaseVersions(): Array<{ version: number; stores: Record<string, string> }> {
  const byVersion = new Map<number, Record<string, string>>();
  for (const name of TABLE_NAMES) {
    for (const { version, stores } of TABLES[name].schema) {
      const entry = byVersion.get(version) ?? {};
      entry[name] = stores;
      byVersion.set(version, entry);
    }
  }
  return [...byVersion.entries()].sort((a, b) => a[0] - b[0]).map(([version, stores]) => ({ version, stores }));
}
