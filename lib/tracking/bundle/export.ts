import type { WorkbenchDatabase } from '../db';
import type { ModelVersion } from '../registry-types';
import type { RunRecord } from '../run-types';
import { BUNDLED_TABLES, travelOf, type BundledTable, type ExportSelection, type TableRows } from '../tables';
import { BUNDLE_FORMAT, BUNDLE_VERSION, zeroCounts, type BundleCounts } from './format';
import { bundleErrorMap, formatIssues } from './messages';
import { bundleTables } from './plan';
import { checkReferences } from './references';
import { bundleSchema, codecOf, type BundleJson } from './table-codecs';

/** What to put in a bundle. */
export interface BundleSelection {
  runIds: readonly string[];
  modelNames: readonly string[];
  includeProgress: boolean;
  /** Uploaded datasets the exported runs and versions were trained on (default true). Built-ins are never stored. */
  includeDatasets?: boolean;
}

export interface BundleExport {
  /** The bundle file's text (compact JSON). */
  json: string;
  counts: BundleCounts;
  /** Runs exported without being selected: sweep parents and trials, runs behind model versions. */
  extraRunIds: string[];
  /** Runs that exported versions or parent links name but that no longer exist here (see `absentRunIds` in the format). */
  absentRunIds: string[];
}

/**
 * Thrown when the selection names a run or model that does not exist (deleted in another tab?),
 * or when a stored record would not pass the import's checks (so no unreadable file is made).
 */
export class BundleExportError extends Error {
  override name = 'BundleExportError';
}

/**
 * Builds a bundle from the database, reading everything in one read transaction (a consistent
 * snapshot even while another tab trains).
 *
 * What goes in, so that the file is complete on its own:
 * - the selected runs, and for each selected run its sweep trials (children, recursively);
 * - for each selected model: all its versions and alias events, and the runs behind its versions;
 * - the parents of every exported run, up to the top (a run's `parentRunId` must resolve);
 * - `absentRunIds`: runs that versions or parent links name but that were deleted here, so the
 *   importer knows the gap is deliberate;
 * - every metric chunk and artifact of the exported runs (weights as base64);
 * - uploaded datasets the exported runs and versions used (unless `includeDatasets` is false);
 * - with `includeProgress`, every exercise row and lesson visit.
 *
 * `now` (epoch ms) stamps `exportedAt`. The file is checked against the import's schema and
 * reference rules before it is returned (metric arrays and bytes, which the codecs produce,
 * are left out of that check to keep it cheap). Throws `BundleExportError` for an unknown run or
 * model or a record the import would refuse, and storage errors as they come (describe them
 * with `describeStorageError`).
 */
export async function exportBundle(db: WorkbenchDatabase, selection: BundleSelection, now: number): Promise<BundleExport> {
  return db.transaction('r', bundleTables(db), async () => {
    const allRuns = await db.runs.toArray();
    const byId = new Map(allRuns.map((r) => [r.id, r]));
    const missingRuns = selection.runIds.filter((id) => !byId.has(id));
    if (missingRuns.length > 0) throw new BundleExportError(`The run ${missingRuns[0]} no longer exists (deleted in another tab?). Reload the list and try again.`);

    const modelNames = [...new Set(selection.modelNames)];
    const models = await db.registeredModels.bulkGet(modelNames);
    const missingModel = modelNames.find((_, i) => !models[i]);
    if (missingModel !== undefined) throw new BundleExportError(`The model ${missingModel} no longer exists (deleted in another tab?). Reload the list and try again.`);
    const versions = await db.modelVersions.where('name').anyOf(modelNames).toArray();

    const runIds = closeSelection(selection.runIds, versions, byId);
    const selected = new Set(selection.runIds);
    const runs = [...runIds].map((id) => byId.get(id)!);
    const referenced = [...versions.map((v) => v.runId), ...runs.map((r) => r.parentRunId).filter((id) => id !== null)];
    const absentRunIds = [...new Set(referenced.filter((id) => !byId.has(id)))].sort();
    const ids = runs.map((r) => r.id);
    const datasetIds = [...new Set([...runs.map((r) => r.dataset.id), ...versions.map((v) => v.dataset.id)])];

    // Each bundled table's rows, chosen as the registry's `select` says.
    const choose: Record<ExportSelection, (table: BundledTable) => Promise<unknown[]>> = {
      runs: async () => runs,
      'of-runs': async (table) => (ids.length ? db.tableOf(table).where('runId').anyOf(ids).toArray() : []),
      'datasets-of-runs': async (table) => (selection.includeDatasets === false ? [] : (await db.tableOf(table).bulkGet(datasetIds)).filter((d) => d !== undefined)),
      models: async () => models.filter((m) => m !== undefined),
      'of-models': async (table) => (modelNames.length ? db.tableOf(table).where('name').anyOf(modelNames).toArray() : []),
      progress: async (table) => (selection.includeProgress ? db.tableOf(table).toArray() : []),
    };
    const tables: Record<string, unknown[]> = {};
    const counts = zeroCounts();
    for (const table of BUNDLED_TABLES) {
      const codec = codecOf(table);
      const rows = (await choose[travelOf(table).select](table)) as Array<TableRows[typeof table]>;
      tables[table] = [...rows].sort(codec.compare).map(codec.encode);
      counts[travelOf(table).count] = rows.length;
    }
    const file = { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: new Date(now).toISOString(), absentRunIds, ...tables } as BundleJson;
    const problem = exportProblem(file);
    if (problem) throw new BundleExportError(`This selection cannot be exported: a stored record would not pass the import's checks (${problem}). Leave that record out, or fix it (e.g. shorten a name), and try again.`);
    return { json: JSON.stringify(file), counts, extraRunIds: ids.filter((id) => !selected.has(id)), absentRunIds };
  });
}

/**
 * The runs a selection exports: the selected ones, their descendants (sweep trials), the runs
 * behind the versions, and the ancestors of all of these. Guards against parent cycles.
 */
export function closeSelection(runIds: readonly string[], versions: readonly ModelVersion[], byId: ReadonlyMap<string, RunRecord>): Set<string> {
  const children = new Map<string, string[]>();
  for (const run of byId.values()) {
    if (run.parentRunId === null) continue;
    const list = children.get(run.parentRunId);
    if (list) list.push(run.id);
    else children.set(run.parentRunId, [run.id]);
  }
  const out = new Set<string>();
  const queue = runIds.filter((id) => byId.has(id));
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  for (const v of versions) if (byId.has(v.runId)) out.add(v.runId);
  for (const id of [...out]) {
    let parent = byId.get(id)?.parentRunId ?? null;
    while (parent !== null && byId.has(parent) && !out.has(parent)) {
      out.add(parent);
      parent = byId.get(parent)?.parentRunId ?? null;
    }
  }
  return out;
}

/** The import's schema and reference checks, on the file minus its bulk (metric arrays, bytes). */
function exportProblem(file: BundleJson): string | null {
  const light = { ...file, metricChunks: file.metricChunks.map((c) => ({ ...c, steps: [], values: [] })), artifacts: file.artifacts.map((a) => ({ ...a, bytes: null })) };
  const parsed = bundleSchema.safeParse(light, { error: bundleErrorMap });
  if (!parsed.success) {
    const [kind, index] = parsed.error.issues[0]?.path ?? [];
    const run = kind === 'runs' && typeof index === 'number' ? file.runs[index] : undefined;
    return `${formatIssues(parsed.error.issues, 1)}${run ? `, in the run ${run.id}` : ''}`;
  }
  return checkReferences(file, 1)[0] ?? null;
}

