import { BUNDLED_TABLES } from '../tables';
import { TABLE_CODECS, type BundleJson } from './table-codecs';

/**
 * Cross-record rules of a bundle, checked after the schema and before anything is written.
 * Returns up to `max` problems, each a sentence naming the place at fault; empty when sound.
 *
 * Rules:
 * - keys are unique within their table: runs, chunks (run + key + chunk), artifacts (run + name),
 *   datasets, models, versions (model + version), alias events, exercises, visits;
 * - every chunk's and artifact's run is in `runs`;
 * - `absentRunIds` lists runs that were deleted before the export but that records still name;
 *   it names no run of the bundle;
 * - a run's `parentRunId` is null, a run of the bundle or an absent run, and parent links form
 *   no cycle;
 * - every version's model is in `registeredModels`, and its run is in `runs` or absent (the
 *   version keeps its lineage, not its model);
 * - every alias points at an existing, non-archived version of its own model;
 * - every alias event's model is in the bundle, and its versions (when not null) exist.
 */
export function checkReferences(b: BundleJson, max = 3): string[] {
  const problems: string[] = [];
  const add = (message: string) => problems.length < max && problems.push(message);

  // Keys are unique within each table (the registry's codecs say what the key is).
  for (const table of BUNDLED_TABLES) {
    const codec = TABLE_CODECS[table] as { uniqueKey: (row: unknown) => string; keyName: string };
    unique(b[table] as unknown[], codec.uniqueKey, table, codec.keyName, add);
  }
  unique(b.absentRunIds, (id) => id, 'absentRunIds', 'the run id', add);
  if (problems.length > 0) return problems;

  const runs = new Map(b.runs.map((r) => [r.id, r]));
  b.metricChunks.forEach((c, i) => runs.has(c.runId) || add(`metricChunks[${i}].runId: the run "${c.runId}" is not in the bundle.`));
  b.artifacts.forEach((a, i) => runs.has(a.runId) || add(`artifacts[${i}].runId: the run "${a.runId}" is not in the bundle.`));
  const absent = new Set(b.absentRunIds);
  b.absentRunIds.forEach((id, i) => runs.has(id) && add(`absentRunIds[${i}]: the run "${id}" is in the bundle, so it cannot be absent.`));
  b.runs.forEach((r, i) => {
    const parent = r.parentRunId;
    if (parent !== null && !runs.has(parent) && !absent.has(parent)) add(`runs[${i}].parentRunId: the parent run "${parent}" is neither in the bundle nor listed in absentRunIds.`);
  });
  const cyclic = runInCycle(runs);
  if (cyclic !== null) add(`runs[${b.runs.findIndex((r) => r.id === cyclic)}].parentRunId: the run "${cyclic}" is its own ancestor.`);
  const models = new Set(b.registeredModels.map((m) => m.name));
  const versions = new Map(b.modelVersions.map((v) => [`${v.name}\u0000${v.version}`, v]));
  b.modelVersions.forEach((v, i) => {
    if (!models.has(v.name)) add(`modelVersions[${i}].name: the model "${v.name}" is not in the bundle.`);
    if (!runs.has(v.runId) && !absent.has(v.runId)) add(`modelVersions[${i}].runId: the run "${v.runId}" is neither in the bundle nor listed in absentRunIds.`);
  });
  b.registeredModels.forEach((m, i) => {
    for (const [alias, version] of Object.entries(m.aliases)) {
      const target = versions.get(`${m.name}\u0000${version}`);
      if (!target) add(`registeredModels[${i}].aliases.${alias}: ${m.name} has no version ${version} in the bundle.`);
      else if (target.archived) add(`registeredModels[${i}].aliases.${alias}: ${m.name} v${version} is archived, and an archived version cannot hold an alias.`);
    }
  });
  b.aliasEvents.forEach((e, i) => {
    if (!models.has(e.name)) {
      add(`aliasEvents[${i}].name: the model "${e.name}" is not in the bundle.`);
      return;
    }
    for (const field of ['version', 'previousVersion'] as const) {
      const v = e[field];
      if (v !== null && !versions.has(`${e.name}\u0000${v}`)) add(`aliasEvents[${i}].${field}: ${e.name} has no version ${v} in the bundle.`);
    }
  });
  return problems;
}

function unique<T>(items: readonly T[], keyOf: (item: T) => string, where: string, what: string, add: (m: string) => unknown): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const key = keyOf(item);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else add(`${where}[${i}]: ${what} "${key}" appears twice in the file (also at ${where}[${first}]).`);
  });
}

/** A run that is its own ancestor, or null. Linear: each run is walked once (a long chain is fine). */
function runInCycle(runs: ReadonlyMap<string, { parentRunId: string | null }>): string | null {
  const done = new Set<string>();
  for (const start of runs.keys()) {
    const path = new Set<string>();
    let current: string | null = start;
    while (current !== null && !done.has(current)) {
      if (path.has(current)) return current;
      path.add(current);
      current = runs.get(current)?.parentRunId ?? null;
    }
    for (const id of path) done.add(id);
  }
  return null;
}
