import type { WorkbenchDatabase } from './db';
import type { ArtifactRecord, RunRecord } from './run-types';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** All runs, newest first (lists read only run records, never metric histories). */
export function listRuns(db: WorkbenchDatabase): Promise<RunRecord[]> {
  return db.runs.orderBy('startedAt').reverse().toArray();
}

/**
 * Renames, re-tags or annotates a run. Names are trimmed and may not be empty; tag keys are
 * trimmed, empty and prototype-polluting keys are dropped. Throws when the run is gone.
 */
export async function editRun(db: WorkbenchDatabase, runId: string, patch: { name?: string; tags?: Record<string, string>; notes?: string }): Promise<void> {
  await db.transaction('rw', db.runs, async () => {
    const run = await db.runs.get(runId);
    if (!run) throw new Error('This run no longer exists (deleted in another tab?).');
    const next: RunRecord = { ...run };
    if (patch.name !== undefined) {
      const name = patch.name.trim();
      if (!name) throw new Error('A run needs a name.');
      next.name = name.slice(0, 200);
    }
    if (patch.tags !== undefined) {
      next.tags = Object.fromEntries(Object.entries(patch.tags).map(([k, v]) => [k.trim(), v.trim()] as const).filter(([k]) => k !== '' && !FORBIDDEN_KEYS.has(k)));
    }
    if (patch.notes !== undefined) next.notes = patch.notes.slice(0, 20_000);
    await db.runs.put(next);
  });
}

/** A run's artifacts without weight bytes (name, type, size), for the run page. */
export async function listArtifacts(db: WorkbenchDatabase, runId: string): Promise<Array<{ name: string; contentType: string; bytes: number }>> {
  const all = await db.artifacts.where('runId').equals(runId).toArray();
  return all.map((a) => ({ name: a.name, contentType: a.contentType, bytes: a.bytes ? a.bytes.byteLength : new TextEncoder().encode(JSON.stringify(a.data)).byteLength }));
}

/** One JSON artifact's content (`evaluation.json`, `preprocessing.json`, …), or undefined. */
export async function readJsonArtifact<T>(db: WorkbenchDatabase, runId: string, name: string): Promise<T | undefined> {
  const a: ArtifactRecord | undefined = await db.artifacts.get([runId, name]);
  return a?.data as T | undefined;
}
