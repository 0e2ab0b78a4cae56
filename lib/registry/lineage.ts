import { builtinDataset } from '../data/datasets/catalog';
import type { WorkbenchDatabase } from '../tracking/db';
import type { ParamValue, RunStatus } from '../tracking/run-types';
import type { ModelVersion } from './types';

/** Where a version came from and where it went: dataset → run → version → deployments. */
export interface Lineage {
  /** As copied onto the version at registration; `name` when the dataset is still known here. */
  dataset: { id: string; hash: string; split: string; name?: string };
  /** The run as it is now; `exists: false` (name, status, params null) once the run was deleted. */
  run: { id: string; exists: boolean; name: string | null; status: RunStatus | null; params: Record<string, ParamValue> | null; startedAt: number | null };
  version: ModelVersion;
  /** Every deployment change about this version, oldest first: the endpoint, what happened, when, who and why. */
  deployments: Array<{ id: string; name: string; at: number; action: string; actor: string; reason: string; live: boolean }>;
}

/**
 * The lineage of one version, or undefined when the version does not exist. The dataset comes
 * from the version itself (copied at registration, so it survives the run); its display name
 * from the built-in catalog or the uploaded dataset with that id, when either still has it.
 */
export async function lineage(db: WorkbenchDatabase, name: string, version: number): Promise<Lineage | undefined> {
  const row = await db.modelVersions.get([name, version]);
  if (!row) return undefined;
  const [run, upload, deployments] = await Promise.all([db.runs.get(row.runId), db.datasets.get(row.dataset.id), db.deployments.where('[model+version]').equals([name, version]).toArray()]);
  const datasetName = builtinDataset(row.dataset.id)?.name ?? upload?.name;
  return {
    dataset: { ...row.dataset, ...(datasetName ? { name: datasetName } : {}) },
    run: run
      ? { id: run.id, exists: true, name: run.name, status: run.status, params: run.params, startedAt: run.startedAt }
      : { id: row.runId, exists: false, name: null, status: null, params: null, startedAt: null },
    version: row,
    deployments: deployments
      .sort((a, b) => a.at - b.at)
      .map((d) => ({ id: d.id, name: d.endpoint, at: d.at, action: d.action, actor: d.actor, reason: d.reason, live: d.endedAt === null })),
  };
}
