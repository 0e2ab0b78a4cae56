import type { WorkbenchDatabase } from '../tracking/db';
import { aliasesOfVersion, aliasTarget, chronological, nextEventTime, planAliasMove } from './aliases';
import { RegistryError } from './errors';
import type { AliasEvent, RegisteredModel } from './types';

/** Who made an alias change and why; the actor defaults to `you`, the reason to empty. */
export interface AliasChange {
  actor?: string;
  reason?: string;
}

/** The outcome of an alias change: whether anything changed, the version that lost the alias, and the event recorded. */
export interface AliasResult {
  changed: boolean;
  previousVersion: number | null;
  event: AliasEvent | null;
}

const REASON_MAX = 500;
const UNCHANGED: AliasResult = { changed: false, previousVersion: null, event: null };

async function requireModel(db: WorkbenchDatabase, name: string): Promise<RegisteredModel> {
  const model = await db.registeredModels.get(name);
  if (!model) throw new RegistryError(`There is no model named “${name}” (deleted in another tab?).`);
  return model;
}

/** Latest event time of a model, so new events sort after it (see `nextEventTime`). */
async function latestEventAt(db: WorkbenchDatabase, name: string): Promise<number | undefined> {
  const events = await db.aliasEvents.where('name').equals(name).toArray();
  return events.length === 0 ? undefined : Math.max(...events.map((e) => e.at));
}

function makeEvent(name: string, alias: string, version: number | null, previousVersion: number | null, at: number, by: AliasChange, fallbackReason = ''): AliasEvent {
  return {
    id: crypto.randomUUID(),
    name,
    alias,
    version,
    previousVersion,
    at,
    actor: by.actor?.trim().slice(0, 100) || 'you',
    reason: (by.reason?.trim() || fallbackReason).slice(0, REASON_MAX),
  };
}

/**
 * Points `alias` (without `@`) at a version, taking it from the version that held it, and
 * records an `AliasEvent` with `previousVersion` — all in one transaction. Setting an alias on
 * the version that already holds it is a no-op: nothing is written, `changed` is false.
 * Throws a `RegistryError` for an invalid alias, a missing model or version, or an archived
 * version (see `planAliasMove`). `now` is epoch ms; see `nextEventTime` for equal times.
 */
export async function setAlias(db: WorkbenchDatabase, name: string, alias: string, version: number, now: number, by: AliasChange = {}): Promise<AliasResult> {
  return db.transaction('rw', db.registeredModels, db.modelVersions, db.aliasEvents, async () => {
    const model = await requireModel(db, name);
    const target = await db.modelVersions.get([name, version]);
    const move = planAliasMove(name, model.aliases, alias, target, version);
    if (move.kind === 'noop') return UNCHANGED;
    const event = makeEvent(name, alias, version, move.previousVersion, nextEventTime(await latestEventAt(db, name), now), by);
    await db.registeredModels.put({ ...model, aliases: { ...model.aliases, [alias]: version }, updatedAt: now });
    await db.aliasEvents.add(event);
    return { changed: true, previousVersion: move.previousVersion, event };
  });
}

/**
 * Removes an alias from whichever version holds it, recording an event with `version: null`.
 * Removing an alias nobody holds is a no-op. Throws a `RegistryError` when the model is gone.
 */
export async function removeAlias(db: WorkbenchDatabase, name: string, alias: string, now: number, by: AliasChange = {}): Promise<AliasResult> {
  return db.transaction('rw', db.registeredModels, db.aliasEvents, async () => {
    const model = await requireModel(db, name);
    const holder = aliasTarget(model.aliases, alias);
    if (holder === null) return UNCHANGED;
    const aliases = { ...model.aliases };
    delete aliases[alias];
    const event = makeEvent(name, alias, null, holder, nextEventTime(await latestEventAt(db, name), now), by);
    await db.registeredModels.put({ ...model, aliases, updatedAt: now });
    await db.aliasEvents.add(event);
    return { changed: true, previousVersion: holder, event };
  });
}

/**
 * Archives a version: it stays (history, lineage, packages) but cannot hold an alias, so the
 * aliases it holds are removed, each with an event (reason "v<N> archived" unless one is given).
 * One transaction. Archiving an archived version changes nothing. Resolves to the aliases
 * removed. Throws a `RegistryError` when the version does not exist.
 */
export async function archiveVersion(db: WorkbenchDatabase, name: string, version: number, now: number, by: AliasChange = {}): Promise<{ changed: boolean; removedAliases: string[] }> {
  return db.transaction('rw', db.registeredModels, db.modelVersions, db.aliasEvents, async () => {
    const model = await requireModel(db, name);
    const row = await db.modelVersions.get([name, version]);
    if (!row) throw new RegistryError(`${name} has no version ${version}.`);
    if (row.archived) return { changed: false, removedAliases: [] };
    const removed = aliasesOfVersion(model.aliases, version);
    const aliases = { ...model.aliases };
    let at = await latestEventAt(db, name);
    for (const alias of removed) {
      delete aliases[alias];
      at = nextEventTime(at, now);
      await db.aliasEvents.add(makeEvent(name, alias, null, version, at, by, `v${version} archived`));
    }
    await db.modelVersions.put({ ...row, archived: true, archivedAt: now });
    await db.registeredModels.put({ ...model, aliases, updatedAt: now });
    return { changed: true, removedAliases: removed };
  });
}

/** Brings an archived version back (without the aliases it lost). Resolves to whether it was archived. Throws a `RegistryError` when it does not exist. */
export async function restoreVersion(db: WorkbenchDatabase, name: string, version: number, now: number): Promise<boolean> {
  return db.transaction('rw', db.registeredModels, db.modelVersions, async () => {
    const model = await requireModel(db, name);
    const row = await db.modelVersions.get([name, version]);
    if (!row) throw new RegistryError(`${name} has no version ${version}.`);
    if (!row.archived) return false;
    await db.modelVersions.put({ ...row, archived: false, archivedAt: null });
    await db.registeredModels.put({ ...model, updatedAt: now });
    return true;
  });
}

/** A model's alias events, newest first; only those of `alias` when given (without `@`). */
export async function aliasHistory(db: WorkbenchDatabase, name: string, alias?: string): Promise<AliasEvent[]> {
  const events = alias === undefined ? await db.aliasEvents.where('name').equals(name).toArray() : await db.aliasEvents.where('[name+alias]').equals([name, alias]).toArray();
  return chronological(events).reverse();
}
