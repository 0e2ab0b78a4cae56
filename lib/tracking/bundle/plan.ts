import type { WorkbenchDatabase } from '../db';
import { BUNDLED_TABLES, travelOf, type BundledTable, type TableRows } from '../tables';
import { zeroCounts, type BundleCounts } from './format';
import { mergeExercise, mergeModel, mergeVisit } from './merge';
import type { DecodedBundle } from './parse';
import { codecOf } from './table-codecs';

/** What an import writes, and how many records of each kind are new, merged or already here. */
export interface ImportPlan {
  /** Rows to write, by table: new rows, and merged rows that replace local ones. */
  write: { [K in BundledTable]: TableRows[K][] };
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

/** Tables an import reads and writes (every bundled table); one transaction over all of them. */
export function bundleTables(db: WorkbenchDatabase) {
  return BUNDLED_TABLES.map((name) => db.tableOf(name));
}

/** Row-by-row merges of the registry's progress rules: the row to write, or null to keep the local one. */
const ROW_MERGES = {
  'further-along': mergeExercise,
  later: mergeVisit,
} as const;

/**
 * Compares a decoded bundle with the database and decides every record's fate, table by table as
 * the registry's `merge` rule says: added (new key), skipped (same key, same content), merged
 * (models and progress, see `merge.ts`) or a collision (same key, different content). Collisions
 * throw `BundleCollisionError` naming them all. Must run inside a transaction over
 * `bundleTables(db)`; it only reads.
 */
export async function planImport(db: WorkbenchDatabase, b: DecodedBundle, now: number): Promise<ImportPlan> {
  const write = Object.fromEntries(BUNDLED_TABLES.map((t) => [t, []])) as unknown as ImportPlan['write'];
  const plan: ImportPlan = { write, added: zeroCounts(), updated: zeroCounts(), skipped: zeroCounts() };
  const collisions: string[] = [];
  const runName = new Map(b.runs.map((r) => [r.id, r.name]));
  const runLabel = (id: string) => `run “${runName.get(id) ?? id}” (${id})`;

  // Identical-or-refuse tables first: the model merge needs the versions and events they add.
  for (const table of BUNDLED_TABLES) {
    if (travelOf(table).merge !== 'identical') continue;
    const codec = codecOf(table);
    const count = travelOf(table).count;
    const incoming = b[table] as Array<TableRows[typeof table]>;
    const existing = await db.tableOf(table).bulkGet(incoming.map((row) => codec.key(row)));
    incoming.forEach((row, i) => {
      const local = existing[i];
      if (local === undefined) {
        (write[table] as unknown[]).push(row);
        plan.added[count]++;
      } else if (codec.same(local, row)) plan.skipped[count]++;
      else collisions.push(codec.describe(row, runLabel));
    });
  }
  for (const table of BUNDLED_TABLES) if (travelOf(table).merge === 'model') await planModels(db, b, now, plan, collisions);
  if (collisions.length > 0) throw new BundleCollisionError(collisions);
  for (const table of BUNDLED_TABLES) {
    const rule = travelOf(table).merge;
    if (rule === 'further-along' || rule === 'later') await planRowMerges(db, table, b[table] as never[], ROW_MERGES[rule] as (local: unknown, row: unknown) => unknown, plan);
  }
  return plan;
}

async function planModels(db: WorkbenchDatabase, b: DecodedBundle, now: number, plan: ImportPlan, collisions: string[]): Promise<void> {
  const locals = await db.registeredModels.bulkGet(b.registeredModels.map((m) => m.name));
  for (const [i, incoming] of b.registeredModels.entries()) {
    const local = locals[i];
    if (!local) {
      plan.write.registeredModels.push(incoming);
      plan.added.models++;
      continue;
    }
    const [localEvents, localVersions] = await Promise.all([db.aliasEvents.where('name').equals(local.name).toArray(), db.modelVersions.where('name').equals(local.name).toArray()]);
    const versions = new Map([...localVersions, ...plan.write.modelVersions.filter((v) => v.name === local.name)].map((v) => [v.version, v]));
    const newEvents = plan.write.aliasEvents.filter((e) => e.name === local.name);
    const merge = mergeModel(local, incoming, localEvents, newEvents, versions, now);
    if (merge.kind === 'conflict') collisions.push(merge.message);
    else if (merge.kind === 'same') plan.skipped.models++;
    else {
      plan.write.registeredModels.push(merge.model);
      plan.updated.models++;
    }
  }
}

async function planRowMerges(db: WorkbenchDatabase, table: BundledTable, rows: unknown[], merge: (local: unknown, row: unknown) => unknown, plan: ImportPlan): Promise<void> {
  const codec = codecOf(table);
  const count = travelOf(table).count;
  const locals = await db.tableOf(table).bulkGet(rows.map((row) => codec.key(row as never)));
  rows.forEach((row, i) => {
    const local = locals[i];
    const keep = merge(local, row);
    if (!keep) plan.skipped[count]++;
    else {
      (plan.write[table] as unknown[]).push(keep);
      plan[local ? 'updated' : 'added'][count]++;
    }
  });
}

/** Writes a plan inside the import's transaction: new rows are added (never overwriting), merged rows replace local ones. */
export async function writePlan(db: WorkbenchDatabase, plan: ImportPlan): Promise<void> {
  for (const table of BUNDLED_TABLES) {
    const rows = plan.write[table] as unknown[];
    if (rows.length === 0) continue;
    if (travelOf(table).merge === 'identical') await db.tableOf(table).bulkAdd(rows as never[]);
    else await db.tableOf(table).bulkPut(rows as never[]);
  }
}
