import Dexie, { type IndexableType, type Table, type Transaction } from 'dexie';
import { upgradeLegacyMetrics } from './legacy-metrics';
import { SUPERSEDED_EVENT } from './superseded';
import { databaseVersions, type MetaRow, type TableName, type TableRows } from './tables';
import type { ExerciseProgress, LessonVisit } from './progress-types';
import type { ArtifactRecord, MetricChunk, RunRecord } from './run-types';
import type { StoredDataset } from './dataset-types';
import type { AliasEvent, ModelVersion, RegisteredModel } from './registry-types';
import type { ReferenceProfile } from '../monitoring/profile-types';
import type { AlertRecord, AlertRule } from '../monitoring/types';
import type { MonitorWindow } from '../monitoring/window-types';
import type { Deployment, Endpoint, LabelChunk, PredictionLogChunk, ReplayRecord, TrafficWindow } from './serving-types';

/**
 * Versions that change stored rows, not the schema (those are in the table registry). Each runs
 * once, in its version's upgrade transaction, on a database written by an earlier version.
 * 5: old metric names and doubled evaluation points (`upgradeLegacyMetrics`).
 */
const DATA_UPGRADES: ReadonlyArray<{ version: number; upgrade: (tx: Transaction) => Promise<void> }> = [{ version: 5, upgrade: upgradeLegacyMetrics }];

/** Name of the one IndexedDB database of the workbench. */
export const DATABASE_NAME = 'mlops-workbench';

export type { MetaRow } from './tables';

/**
 * The workbench database. Its versions are derived from the table registry (`tables.ts`), where
 * every schema version ever released stays declared; tests open a database written by each
 * earlier version and check that nothing is lost.
 *
 * When another tab opens a newer version (IndexedDB's `versionchange`), this connection closes at
 * once and stays closed, so the upgrade is never blocked by an old tab: `superseded` turns true,
 * `onSuperseded` listeners run, and in a page the window gets `SUPERSEDED_EVENT` (the layout shows
 * "reload"). Later queries fail with a DatabaseClosedError, which `describeStorageError` explains.
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
  endpoints!: Table<Endpoint, string>;
  deployments!: Table<Deployment, string>;
  predictionLog!: Table<PredictionLogChunk, [string, number, number]>;
  labelChunks!: Table<LabelChunk, [string, number, number]>;
  trafficWindows!: Table<TrafficWindow, [string, number]>;
  replays!: Table<ReplayRecord, string>;
  referenceProfiles!: Table<ReferenceProfile, [string, number]>;
  monitorWindows!: Table<MonitorWindow, [string, number]>;
  alertRules!: Table<AlertRule, string>;
  alerts!: Table<AlertRecord, string>;
  /** True once a newer version opened elsewhere made this connection step aside. */
  superseded = false;
  private readonly supersededListeners = new Set<() => void>();

  constructor(name: string = DATABASE_NAME) {
    super(name);
    for (const { version, stores } of databaseVersions()) this.version(version).stores(stores);
    for (const { version, upgrade } of DATA_UPGRADES) this.version(version).stores({}).upgrade(upgrade);
    this.on('versionchange', () => {
      this.superseded = true;
      this.close({ disableAutoOpen: true });
      for (const listener of this.supersededListeners) listener();
      const page = globalThis as { window?: Window };
      page.window?.dispatchEvent(new Event(SUPERSEDED_EVENT));
      // Returning false replaces Dexie's default, which would reopen on the next query at the old version.
      return false;
    });
  }

  /** Calls `listener` when a newer version elsewhere closes this connection; returns the unsubscribe. */
  onSuperseded(listener: () => void): () => void {
    this.supersededListeners.add(listener);
    return () => this.supersededListeners.delete(listener);
  }

  /** A table by name (for code derived from the table registry). */
  tableOf<K extends TableName>(name: K): Table<TableRows[K], IndexableType> {
    // The declared property (the same Table object that `db.runs` is), so spies and hooks on it apply.
    return (this as unknown as Record<TableName, Table<TableRows[K], IndexableType>>)[name];
  }
}

let shared: WorkbenchDatabase | undefined;

/** The page's shared database connection, opened on first use. */
export function getDatabase(): WorkbenchDatabase {
  shared ??= new WorkbenchDatabase();
  return shared;
}
