import type { ExerciseProgress, LessonVisit } from '../progress-types';
import type { AliasEvent, ModelVersion, RegisteredModel } from '../registry-types';
import { canonicalJson } from './canonical';
import { encodeModel } from './codec';

/*
 * The merge rules of a bundle import, for records that may exist on both sides. Everything else
 * (runs, chunks, artifacts, datasets, versions, alias events) is never merged: identical → skipped,
 * different → the whole import is refused.
 */

const STATUS_RANK: Record<ExerciseProgress['status'], number> = { 'not-started': 0, attempted: 1, passed: 2 };

/**
 * Which row of an exercise to keep. The bundle's row replaces the local one when its status is
 * further along (not-started < attempted < passed), or when the status is the same and it was
 * updated later. Otherwise the local row stays (ties included), so a pass is never lost and a
 * second import of the same file changes nothing. Returns the row to write, or null to keep local.
 */
export function mergeExercise(local: ExerciseProgress | undefined, incoming: ExerciseProgress): ExerciseProgress | null {
  if (!local) return incoming;
  const [l, i] = [STATUS_RANK[local.status], STATUS_RANK[incoming.status]];
  return i > l || (i === l && incoming.updatedAt > local.updatedAt) ? incoming : null;
}

/** A lesson visit: the later `visitedAt` wins ("continue where you left off"); null keeps local. */
export function mergeVisit(local: LessonVisit | undefined, incoming: LessonVisit): LessonVisit | null {
  return !local || incoming.visitedAt > local.visitedAt ? incoming : null;
}

export type ModelMerge = { kind: 'same' } | { kind: 'merged'; model: RegisteredModel } | { kind: 'conflict'; message: string };

/**
 * Merges a bundle's registered model into the local one of the same name.
 *
 * - Description and tags: the local ones are kept (never silently overwritten).
 * - `createdAt`: the earlier of the two; `updatedAt`: `now` when anything changed.
 * - Aliases: for each alias, the side whose latest alias event (by `at`) is later decides. An
 *   event of the bundle that is new here and later than every local event of that alias sets
 *   the alias to its version (or removes it, for a null version). Aliases without events on
 *   either side keep the local value, or take the bundle's when the local model lacks them.
 * - The result must point every alias at an existing, non-archived version (`versions`: the
 *   local versions plus those the import adds); otherwise the import is refused.
 *
 * `localEvents`: the model's events stored here; `newEvents`: the bundle's events not stored here.
 * Returns 'same' when the merge would change nothing (a second import of the same file).
 */
export function mergeModel(
  local: RegisteredModel,
  incoming: RegisteredModel,
  localEvents: readonly AliasEvent[],
  newEvents: readonly AliasEvent[],
  versions: ReadonlyMap<number, ModelVersion>,
  now: number,
): ModelMerge {
  const aliases: Record<string, number> = { ...local.aliases };
  const names = new Set([...Object.keys(local.aliases), ...Object.keys(incoming.aliases), ...newEvents.map((e) => e.alias)]);
  for (const alias of names) {
    const latestLocal = latest(localEvents, alias);
    const latestNew = latest(newEvents, alias);
    if (latestNew && (!latestLocal || latestNew.at > latestLocal.at)) {
      if (latestNew.version === null) delete aliases[alias];
      else aliases[alias] = latestNew.version;
    } else if (!latestNew && !latestLocal && !Object.hasOwn(local.aliases, alias) && Object.hasOwn(incoming.aliases, alias)) {
      aliases[alias] = incoming.aliases[alias]!;
    }
  }
  for (const [alias, version] of Object.entries(aliases)) {
    const target = versions.get(version);
    if (!target) return { kind: 'conflict', message: `the model ${local.name} would have @${alias} point at v${version}, which does not exist here` };
    if (target.archived) return { kind: 'conflict', message: `the model ${local.name} would have @${alias} point at v${version}, which is archived here` };
  }
  const merged: RegisteredModel = { ...encodeModel(local), aliases, createdAt: Math.min(local.createdAt, incoming.createdAt) };
  if (canonicalJson(merged) === canonicalJson(encodeModel(local))) return { kind: 'same' };
  return { kind: 'merged', model: { ...merged, updatedAt: Math.max(now, local.updatedAt) } };
}

function latest(events: readonly AliasEvent[], alias: string): AliasEvent | undefined {
  let found: AliasEvent | undefined;
  for (const e of events) if (e.alias === alias && (!found || e.at > found.at)) found = e;
  return found;
}
