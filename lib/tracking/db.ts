import Dexie, { type Table } from 'dexie';
import type { ExerciseProgress, LessonVisit } from './progress-types';
import type { ArtifactRecord, MetricChunk, RunRecord } from './run-types';
import type { StoredDataset } from './dataset-types';
import type { AliasEvent, ModelVersion, RegisteredModel } from './registry-types';

/** Name of the one IndexedDB database of the workbench. */
export const DATABASE_NAME = 'mlops-workbench';

/** A row of the `meta` table: small named values (e.g. when progress was last imported). */
export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The workbench database. Every schema version ever released stays declared here, in order,
 * with an upgrade function when rows must change; tests open a database written by each
 * earlier version and check that nothing is lost.
 */
export class WorkbenchDatabase extends Dexie {
  exerciseProgress!: Table<ExerciseProgress, [string, string]>;
  lessonVisits!: Table<LessonVisit, string>;
  meta!: Table<MetaRow, string>;
  runs!: Table<RunRecord, string>;
  metricChunks!: Table<MetricChunk, [string, string, number]>;
  artifacts!: Table<ArtifactRecord, [string, string]>;
  datasets!: Table<StoredDataset, string>;
  registeredModels!: Table<RegisteredModel, string>;
  modelVersions!: Table<ModelVersion, [string, number]>;
  aliasEvents!: Table<AliasEvent, string>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    // v1: course progress (issue #2).
    this.version(1).stores({
      exerciseProgress: '[lessonId+exerciseId], lessonId, status, updatedAt',
      lessonVisits: 'lessonId, visitedAt',
      meta: 'key',
    });
    // v2: tracked runs, their metric histories in chunks, and their artifacts (issue #3).
    this.version(2).stores({
      runs: 'id, experiment, status, startedAt, name, parentRunId',
      metricChunks: '[runId+key+chunk], runId',
      artifacts: '[runId+name], runId',
    });
    // v3: uploaded CSV datasets (issue #3).
    this.version(3).stores({
      datasets: 'id, createdAt, hash',
    });
    // v4: the model registry: named models, their versions and the history of alias moves (issue #4).
    this.version(4).stores({
      registeredModels: 'name, updatedAt',
      modelVersions: '[name+version], name, runId',
      aliasEvents: 'id, name, [name+alias], at',
    });
  }
}

let shared: WorkbenchDatabase | undefined;

/** The page's shared database connection, opened on first use. */
export function getDatabase(): WorkbenchDatabase {
  shared ??= new WorkbenchDatabase();
  return shared;
}
