/**
 * A served version's reference profile: built once from its training split (inputs, the model's
 * own predictions and scores, labels, and the label-free estimator fitted on them), stored, and
 * read back by every later replay, so reloading never recomputes it.
 */
import type { DatasetSources } from '../data/load';
import { fitCbpe, fitConfidenceCbpe } from '../monitoring/cbpe';
import { fitDle } from '../monitoring/dle';
import { dleEncoding, dleMatrix } from '../monitoring/dle-features';
import type { ReferenceProfile } from '../monitoring/profile-types';
import type { WorkbenchDatabase } from '../tracking/db';
import { referenceData, type ReferenceData } from './reference-data';
import { scenarioContext } from './replay-context';
import type { VersionCache } from './version-cache';

/** Reference chunks the estimator bands are measured over (NannyML's default is 10 chunks). */
export const REFERENCE_CHUNKS = 10;

function fitEstimator(task: 'regression' | 'classification', data: ReferenceData, chunkSize: number): Pick<ReferenceProfile, 'estimator' | 'estimatorNote'> {
  try {
    if (task === 'regression') {
      const all = data.rows.map((_, i) => i);
      const { features, width } = dleMatrix(dleEncoding(data.columns), data.columns.map((c) => c.values), all);
      const targets = data.labels.map((l) => (typeof l === 'number' ? l : NaN));
      return { estimator: { kind: 'dle', model: fitDle({ features, width, predictions: data.scores, targets, chunkSize }) }, estimatorNote: null };
    }
    if (data.positiveClass !== null) {
      const labels = data.labels.map((l) => (String(l) === data.positiveClass ? 1 : 0));
      return { estimator: { kind: 'cbpe-binary', model: fitCbpe({ scores: data.scores, labels, chunkSize }) }, estimatorNote: null };
    }
    const correct = data.labels.map((l, i) => (l !== null && String(l) === data.predictedClass[i] ? 1 : 0));
    return { estimator: { kind: 'cbpe-confidence', model: fitConfidenceCbpe({ confidences: data.scores, correct, chunkSize }) }, estimatorNote: null };
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { estimator: null, estimatorNote: `Performance cannot be estimated without labels for this version: ${error.message}` };
  }
}

/** Builds the profile of `model` v`version` (loads its data, predicts its training split, fits the estimator). */
export async function buildReferenceProfile(deps: { db: WorkbenchDatabase; cache: VersionCache; sources: DatasetSources; now: () => number }, model: string, version: number): Promise<ReferenceProfile> {
  const ctx = await scenarioContext(deps.db, model, version, deps.sources);
  const loaded = await deps.cache.get(model, version);
  const data = referenceData(ctx, loaded, loaded.contract);
  const chunkSize = Math.max(10, Math.floor(data.rows.length / REFERENCE_CHUNKS));
  return {
    format: 1,
    model,
    version,
    source: 'training',
    task: ctx.task,
    classNames: ctx.classNames,
    rows: data.rows.length,
    columns: data.columns,
    prediction: data.prediction,
    target: data.target,
    scores: data.scores,
    positiveClass: data.positiveClass,
    ...fitEstimator(ctx.task, data, chunkSize),
    chunkSize,
    createdAt: deps.now(),
  };
}

/** Profiles being built in this worker, so a registration's build and a replay's share one. */
const building = new Map<string, Promise<ReferenceProfile>>();

/** The stored profile of `model` v`version`, built and stored on first use (once, even when asked twice at the same time). */
export async function loadReferenceProfile(deps: { db: WorkbenchDatabase; cache: VersionCache; sources: DatasetSources; now: () => number }, model: string, version: number): Promise<ReferenceProfile> {
  const stored = await deps.db.referenceProfiles.get([model, version]);
  if (stored && stored.format === 1) return stored;
  const key = `${deps.db.name}\u0000${model}\u0000${version}`;
  let pending = building.get(key);
  if (!pending) {
    pending = buildReferenceProfile(deps, model, version).then(async (profile) => {
      await deps.db.referenceProfiles.put(profile);
      return profile;
    });
    building.set(key, pending);
    void pending.finally(() => building.delete(key)).catch(() => undefined);
  }
  return pending;
}
