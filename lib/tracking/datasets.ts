import type { WorkbenchDatabase } from './db';
import type { StoredDataset } from './dataset-types';

/** Stores an uploaded dataset; a file with the same content (hash) already stored is reused. */
export async function saveUploadedDataset(db: WorkbenchDatabase, dataset: StoredDataset): Promise<StoredDataset> {
  return db.transaction('rw', db.datasets, async () => {
    const same = await db.datasets.where('hash').equals(dataset.hash).first();
    if (same && same.target === dataset.target) return same;
    await db.datasets.put(dataset);
    return dataset;
  });
}

/** The uploaded dataset with this id, or `undefined`. */
export function getUploadedDataset(db: WorkbenchDatabase, id: string): Promise<StoredDataset | undefined> {
  return db.datasets.get(id);
}

/** Uploaded datasets without their text (for lists), newest first. */
export async function listUploadedDatasets(db: WorkbenchDatabase): Promise<Array<Omit<StoredDataset, 'text' | 'report'>>> {
  const all = await db.datasets.orderBy('createdAt').reverse().toArray();
  return all.map(({ text: _text, report: _report, ...rest }) => rest);
}

/** Deletes an uploaded dataset (runs that used it keep its id and hash). */
export function deleteUploadedDataset(db: WorkbenchDatabase, id: string): Promise<void> {
  return db.datasets.delete(id);
}

const BACKEND_PREFIX = 'backend-choice:';

/** A cached "auto" backend choice for one device and model size. */
export interface CachedBackendChoice {
  backend: 'webgl' | 'wasm' | 'cpu';
  trials: Array<{ backend: 'webgl' | 'wasm' | 'cpu'; examplesPerSec?: number; error?: string }>;
  measuredAt: number;
}

/** The cached choice under `key` (see `backendCacheKey`), or `undefined`. */
export async function getCachedBackend(db: WorkbenchDatabase, key: string): Promise<CachedBackendChoice | undefined> {
  const row = await db.meta.get(BACKEND_PREFIX + key);
  return row?.value as CachedBackendChoice | undefined;
}

/** Remembers the backend auto picked for `key`. */
export async function putCachedBackend(db: WorkbenchDatabase, key: string, choice: CachedBackendChoice): Promise<void> {
  await db.meta.put({ key: BACKEND_PREFIX + key, value: choice });
}

/** Forgets every cached backend choice (e.g. after a driver update, from the train page). */
export async function clearCachedBackends(db: WorkbenchDatabase): Promise<void> {
  await db.meta.where('key').startsWith(BACKEND_PREFIX).delete();
}
