import type { WorkbenchDatabase } from '../db';
import type { RunRecord } from '../run-types';

/** A run as the export picker lists it (no metrics, no artifacts). */
export type CandidateRun = Pick<RunRecord, 'id' | 'name' | 'status' | 'startedAt' | 'experiment' | 'parentRunId'>;

/** A registered model as the export picker lists it. */
export interface CandidateModel {
  name: string;
  versions: number;
  /** Aliases it holds now, e.g. `champion → v2`, sorted by alias. */
  aliases: Array<{ alias: string; version: number }>;
}

export interface BundleCandidates {
  /** Newest first. */
  runs: CandidateRun[];
  /** By name. */
  models: CandidateModel[];
  /** Exercise rows plus lesson visits stored here. */
  progressRecords: number;
}

/** What the export page can offer, read in one transaction (run records only, never histories). */
export async function listBundleCandidates(db: WorkbenchDatabase): Promise<BundleCandidates> {
  return db.transaction('r', [db.runs, db.registeredModels, db.modelVersions, db.exerciseProgress, db.lessonVisits], async () => {
    const [runs, models, versions, exercises, visits] = await Promise.all([
      db.runs.orderBy('startedAt').reverse().toArray(),
      db.registeredModels.orderBy('name').toArray(),
      db.modelVersions.toCollection().primaryKeys(),
      db.exerciseProgress.count(),
      db.lessonVisits.count(),
    ]);
    const counts = new Map<string, number>();
    for (const [name] of versions) counts.set(name, (counts.get(name) ?? 0) + 1);
    return {
      runs: runs.map(({ id, name, status, startedAt, experiment, parentRunId }) => ({ id, name, status, startedAt, experiment, parentRunId })),
      models: models.map((m) => ({
        name: m.name,
        versions: counts.get(m.name) ?? 0,
        aliases: Object.entries(m.aliases)
          .map(([alias, version]) => ({ alias, version }))
          .sort((a, b) => (a.alias < b.alias ? -1 : 1)),
      })),
      progressRecords: exercises + visits,
    };
  });
}

/**
 * Run ids from a `?runs=a,b,c` search param: split on commas, trimmed, empty and repeated ids
 * dropped, at most 5,000 (a link can carry no more anyway). Unknown ids are the caller's to ignore.
 */
export function parseRunIdsParam(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((s) => s.trim()).filter((s) => s !== ''))].slice(0, 5000);
}
