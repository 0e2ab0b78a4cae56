import type { WorkbenchDatabase } from './db';
import { ARTIFACTS } from './artifact-names';

/** A model as stored with its run: tfjs's model artifacts, written without importing tfjs here. */
export interface StoredModel {
  modelTopology: unknown;
  weightSpecs: unknown[];
  /** All weights, concatenated in `weightSpecs` order. */
  weightData: ArrayBuffer;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
}

const MODEL_JSON = ARTIFACTS.model;
const WEIGHTS = ARTIFACTS.weights;

/** Stores a run's model as two artifacts (topology + weight manifest, and the weight bytes) in one transaction. */
export async function saveModelArtifacts(db: WorkbenchDatabase, runId: string, model: StoredModel, now: number): Promise<void> {
  const { weightData, ...json } = model;
  await db.transaction('rw', db.artifacts, async () => {
    await db.artifacts.put({ runId, name: MODEL_JSON, contentType: 'application/json', data: json, bytes: null, createdAt: now });
    await db.artifacts.put({ runId, name: WEIGHTS, contentType: 'application/octet-stream', data: null, bytes: weightData, createdAt: now });
  });
}

/** The run's stored model, or `undefined` when it has none (a failed or interrupted run). */
export async function loadModelArtifacts(db: WorkbenchDatabase, runId: string): Promise<StoredModel | undefined> {
  const [json, weights] = await db.artifacts.bulkGet([
    [runId, MODEL_JSON],
    [runId, WEIGHTS],
  ]);
  if (!json || !weights?.bytes) return undefined;
  return { ...(json.data as Omit<StoredModel, 'weightData'>), weightData: weights.bytes };
}
