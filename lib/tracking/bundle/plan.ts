import type { ExerciseProgress, LessonVisit } from '../progress-types';
import type { AliasEvent, ModelVersion, RegisteredModel } from '../registry-types';
import type { StoredDataset } from '../dataset-types';
import type { WorkbenchDatabase } from '../db';
import type { ArtifactRecord, MetricChunk, RunRecord } from '../run-types';
import { canonicalJson, sameBytes } from './canonical';
import { encodeAliasEvent, encodeArtifact, encodeChunk, encodeDataset, encodeRun, encodeVersion } from './codec';
import { zeroCounts, type BundleCounts } from './format';
import { mergeExercise, mergeModel, mergeVisit } from './merge';
import type { DecodedBundle } from './parse';

/** What an import writes, and how many records of each kind are new, merged or already here. */
export interface ImportPlan {
  write: {
    runs: RunRecord[];
    metricChunks: MetricChunk[];
    artifacts: ArtifactRecord[];
    datasets: StoredDataset[];
    /** New models and merged ones (see `mergeModel`). */
    models: RegisteredModel[];
    versions: ModelVersion[];
    aliasEvents: AliasEvent[];
    exercises: ExerciseProgress[];
    visits: LessonVisit[];
  };
  added: BundleCounts;
  /** Records present here that the merge rules update: models (aliases) and progress rows. */
  updated: BundleCounts;
  /** Records identical to what is here already (or, for progress, where the local row wins). */
  skipped: BundleCounts;
}

/** Thrown inside the import transaction when records collide: aborting it writes nothing. */
export class BundleCollisionError extends Error {
  constructor(readonly collisions: string[]) {
    const shown = collisions.slice(0, 5).join('; ');
    const more = collisions.length > 5 ? `; and ${collisions.length - 5} more` : '';
    super(`These records already exist here with different content: ${shown}${more}. Importing would overwrite them, so the bundle was not imported.`);
    this.name = 'BundleCollisionError';
  }
}

/** Tables an import reads and writes; one transaction over all of them. */
export function bundleTables(db: WorkbenchDatabase) {
  return [db.runs, db.metricChunks, db.artifacts, db.datasets, db.registeredModels, db.modelVersions, db.aliasEvents, db.exerciseProgress, db.lessonVisits];
}

type Kind = keyof BundleCounts;

/**
 * Compares a decoded bundle with the database and decides every record's fate: added (new key),
 * skipped (same key, same content), merged (models and progress, see `merge.ts`) or a collision
 * (same key, different content). Collisions throw `BundleCollisionError` naming them all.
 * Must run inside a transaction over `bundleTables(db)`; it only reads.
 */
export async function planImport(db: WorkbenchDatabase, b: DecodedBundle, now: number): Promise<ImportPlan> {
  const plan: ImportPlan = {
    write: { runs: [], metricChunks: [], artifacts: [], datasets: [], models: [], versions: [], aliasEvents: [], exercises: [], visits: [] },
    added: zeroCounts(),
    updated: zeroCounts(),
    skipped: zeroCounts(),
  };
  const collisions: string[] = [];
  const runName = new Map(b.runs.map((r) => [r.id, r.name]));
  const runLabel = (id: string) => `run “${runName.get(id) ?? id}” (${id})`;

  /** Records that must be identical when their key exists: add new ones, skip equal ones, report the rest. */
  const exact = <T>(kind: Kind, incoming: readonly T[], existing: ReadonlyArray<T | undefined>, same: (a: T, b: T) => boolean, label: (r: T) => string, out: T[]) => {
    incoming.forEach((record, i) => {
      const local = existing[i];
      if (local === undefined) {
        out.push(record);
        plan.added[kind]++;
      } else if (same(local, record)) plan.skipped[kind]++;
      else collisions.push(label(record));
    });
  };
  const byJson =
    <T>(encode: (r: T) => unknown) =>
    (a: T, c: T) =>
      canonicalJson(encode(a)) === canonicalJson(encode(c));

  exact('runs', b.runs, await db.runs.bulkGet(b.runs.map((r) => r.id)), byJson(encodeRun), (r) => runLabel(r.id), plan.write.runs);
  exact(
    'metricChunks',
    b.metricChunks,
    await db.metricChunks.bulkGet(b.metricChunks.map((c) => [c.runId, c.key, c.chunk] as [string, string, number])),
    byJson(encodeChunk),
    (c) => `chunk ${c.chunk} of “${c.key}” in ${runLabel(c.runId)}`,
    plan.write.metricChunks,
  );
  exact(
    'artifacts',
    b.artifacts,
    await db.artifacts.bulkGet(b.artifacts.map((a) => [a.runId, a.name] as [string, string])),
    (x, y) => sameBytes(x.bytes, y.bytes) && canonicalJson(encodeArtifact({ ...x, bytes: null })) === canonicalJson(encodeArtifact({ ...y, bytes: null })),
    (a) => `artifact “${a.name}” of ${runLabel(a.runId)}`,
    plan.write.artifacts,
  );
  exact('datasets', b.datasets, await db.datasets.bulkGet(b.datasets.map((d) => d.id)), byJson(encodeDataset), (d) => `dataset “${d.name}” (${d.id})`, plan.write.datasets);
  exact(
    'versions',
    b.modelVersions,
    await db.modelVersions.bulkGet(b.modelVersions.map((v) => [v.name, v.version] as [string, number])),
    byJson(encodeVersion),
    (v) => `${v.name} v${v.version}`,
    plan.write.versions,
  );
  exact('aliasEvents', b.aliasEvents, await db.aliasEvents.bulkGet(b.aliasEvents.map((e) => e.id)), byJson(encodeAliasEvent), (e) => `alias event ${e.id} (${e.name} @${e.alias})`, plan.write.aliasEvents);

  await planModels(db, b, now, plan, collisions);
  if (collisions.length > 0) throw new BundleCollisionError(collisions);
  await planProgress(db, b, plan);
  return plan;
}

async function planModels(db: WorkbenchDatabase, b: DecodedBundle, now: number, plan: ImportPlan, collisions: string[]): Promise<void> {
  const locals = await db.registeredModels.bulkGet(b.registeredModels.map((m) => m.name));
  for (const [i, incoming] of b.registeredModels.entries()) {
    const local = locals[i];
    if (!local) {
      plan.write.models.push(incoming);
      plan.added.models++;
      continue;
    }
    const [localEvents, localVersions] = await Promise.all([db.aliasEvents.where('name').equals(local.name).toArray(), db.modelVersions.where('name').equals(local.name).toArray()]);
    const versions = new Map([...localVersions, ...plan.write.versions.filter((v) => v.name === local.name)].map((v) => [v.version, v]));
    const newEvents = plan.write.aliasEvents.filter((e) => e.name === local.name);
    const merge = mergeModel(local, incoming, localEvents, newEvents, versions, now);
    if (merge.kind === 'conflict') collisions.push(merge.message);
    else if (merge.kind === 'same') plan.skipped.models++;
    else {
      plan.write.models.push(merge.model);
      plan.updated.models++;
    }
  }
}

async function planProgress(db: WorkbenchDatabase, b: DecodedBundle, plan: ImportPlan): Promise<void> {
  const { exercises, visits } = b.progress;
  const localExercises = await db.exerciseProgress.bulkGet(exercises.map((e) => [e.lessonId, e.exerciseId] as [string, string]));
  exercises.forEach((row, i) => {
    const local = localExercises[i];
    const keep = mergeExercise(local, row);
    if (!keep) plan.skipped.exercises++;
    else {
      plan.write.exercises.push(keep);
      plan[local ? 'updated' : 'added'].exercises++;
    }
  });
  const localVisits = await db.lessonVisits.bulkGet(visits.map((v) => v.lessonId));
  visits.forEach((row, i) => {
    const local = localVisits[i];
    const keep = mergeVisit(local, row);
    if (!keep) plan.skipped.visits++;
    else {
      plan.write.visits.push(keep);
      plan[local ? 'updated' : 'added'].visits++;
    }
  });
}
