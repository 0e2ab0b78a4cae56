import { RegistryError } from './errors';
import { aliasProblem } from './names';
import type { AliasEvent } from './types';

/** The alias every lesson and "Compare with champion" look for. */
export const CHAMPION = 'champion';
/** The usual alias for the version that is trying to take over. */
export const CHALLENGER = 'challenger';

/** What setting an alias would do: nothing (already there), or set it, moving it from `previousVersion`. */
export type AliasMove = { kind: 'noop' } | { kind: 'set'; previousVersion: number | null };

/** The version an alias points at now, or null. Own keys only: an alias such as `valueof` must not read `Object.prototype`. */
export function aliasTarget(aliases: Readonly<Record<string, number>>, alias: string): number | null {
  return Object.hasOwn(aliases, alias) ? aliases[alias]! : null;
}

/**
 * Decides what `setAlias(alias → version)` does, without touching storage.
 *
 * Rules: the alias must be valid (see `aliasProblem`); the version must exist and not be
 * archived; an alias held by that very version already is a no-op (no event recorded);
 * otherwise the alias is set, and `previousVersion` says which version lost it (null when new).
 * Throws a `RegistryError` naming the rule broken.
 */
export function planAliasMove(
  modelName: string,
  aliases: Readonly<Record<string, number>>,
  alias: string,
  target: { version: number; archived: boolean } | undefined,
  version: number,
): AliasMove {
  const problem = aliasProblem(alias);
  if (problem) throw new RegistryError(problem);
  if (!target) throw new RegistryError(`${modelName} has no version ${version}.`);
  if (target.archived) throw new RegistryError(`${modelName} v${version} is archived: restore it before giving it an alias.`);
  const current = aliasTarget(aliases, alias);
  if (current === version) return { kind: 'noop' };
  return { kind: 'set', previousVersion: current };
}

/** The aliases a version holds now, sorted by name. */
export function aliasesOfVersion(aliases: Readonly<Record<string, number>>, version: number): string[] {
  return Object.keys(aliases)
    .filter((alias) => aliases[alias] === version)
    .sort();
}

/**
 * The time to stamp on a new alias event: `now`, or 1 ms after the model's latest event when the
 * clock has not moved on (two moves in the same millisecond, or a clock set back). Keeping every
 * model's events strictly ordered by `at` is what lets history and timelines be read back in
 * the order they happened.
 */
export function nextEventTime(latestAt: number | undefined, now: number): number {
  return latestAt === undefined ? now : Math.max(now, latestAt + 1);
}

/** Events in the order they happened: by time, then by id so equal times (imported bundles) sort the same everywhere. */
export function chronological(events: readonly AliasEvent[]): AliasEvent[] {
  return [...events].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One stretch of time during which one version held one alias. */
export interface AliasHolding {
  alias: string;
  version: number;
  /** Epoch ms when the version took the alias. */
  from: number;
  /** Epoch ms when it lost it (moved, removed or archived); null while it still holds it. */
  to: number | null;
  /** Who gave it the alias, and why. */
  actor: string;
  reason: string;
}

/**
 * Who held each alias when: turns alias events (any order, any aliases) into holdings, oldest
 * first. An event with a version starts a holding and ends the alias's previous one; an event
 * with `version: null` (removed, or its version archived) only ends it.
 *
 * Edge cases: events of one model only are expected (aliases are per model); a removal while
 * nobody holds the alias changes nothing; a holding still open has `to: null`.
 */
export function aliasTimeline(events: readonly AliasEvent[]): AliasHolding[] {
  const holdings: AliasHolding[] = [];
  const open = new Map<string, AliasHolding>();
  for (const event of chronological(events)) {
    const current = open.get(event.alias);
    if (current) {
      current.to = event.at;
      open.delete(event.alias);
    }
    if (event.version !== null) {
      const holding: AliasHolding = { alias: event.alias, version: event.version, from: event.at, to: null, actor: event.actor, reason: event.reason };
      holdings.push(holding);
      open.set(event.alias, holding);
    }
  }
  return holdings;
}

/** The version that held `alias` at time `at` (epoch ms), or null. A holding covers `from ≤ at < to`. */
export function holderAt(timeline: readonly AliasHolding[], alias: string, at: number): number | null {
  const holding = timeline.find((h) => h.alias === alias && h.from <= at && (h.to === null || at < h.to));
  return holding ? holding.version : null;
}
