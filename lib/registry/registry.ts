import type { WorkbenchDatabase } from '../tracking/db';
import { loadModelArtifacts } from '../tracking/model-store';
import { aliasesOfVersion, aliasTarget, CHAMPION } from './aliases';
import { RegistryError } from './errors';
import { savedModelMetrics } from '../tracking/metric-model';
import { signatureMismatch, signatureOf, type PreprocessingFacts } from './signature';
import { cleanDescription, cleanTags, modelNameProblem } from './names';
import type { ModelVersion, RegisteredModel } from './types';
import { ARTIFACTS } from '../tracking/artifact-names';
import { readDataContract } from '../serving/data-contract';

export { aliasHistory, archiveVersion, removeAlias, restoreVersion, setAlias, type AliasChange, type AliasResult } from './alias-store';

/** What `registerModel` needs: the model's name (new or existing) and the run whose model becomes the next version. */
export interface NewModelVersion {
  name: string;
  runId: string;
  description?: string;
  tags?: Record<string, string>;
}

/**
 * Registers a run's stored model as the next version of the named model, creating the model
 * when the name is new. One transaction: the checks and both writes happen together or not at all.
 *
 * The version number is the model's highest version + 1 (archived ones count), so a number is
 * never given twice. The version copies the run's dataset (id, hash, split), task, target, the
 * saved model's metrics (`savedModelMetrics`), its signature (`signatureOf`) and its data contract
 * (the run's contract.json, when it has a well-formed one), so its lineage survives the run's deletion. Every version of a model shares one signature: a run whose task,
 * target, inputs or classes differ from the latest version's is refused (`signatureMismatch`).
 *
 * Throws a `RegistryError` when the name is invalid (`modelNameProblem`), the run is gone, not
 * `FINISHED`, has no stored model (`model.json` + `weights.bin`), is already a version of this
 * model (registering it twice would only make two identical versions), or has another signature.
 */
export async function registerModel(db: WorkbenchDatabase, input: NewModelVersion, now: number): Promise<ModelVersion> {
  const name = input.name.trim();
  const problem = modelNameProblem(name);
  if (problem) throw new RegistryError(problem);
  return db.transaction('rw', [db.runs, db.artifacts, db.registeredModels, db.modelVersions], async () => {
    const run = await db.runs.get(input.runId);
    if (!run) throw new RegistryError('This run no longer exists (deleted in another tab?), so it cannot be registered.');
    if (run.status !== 'FINISHED') throw new RegistryError(`Only finished runs can be registered: “${run.name}” is ${run.status}.`);
    if (!(await loadModelArtifacts(db, run.id))) throw new RegistryError(`“${run.name}” has no saved model (model.json and weights.bin), so there is nothing to register.`);
    const versions = await db.modelVersions.where('name').equals(name).toArray();
    const twin = versions.find((v) => v.runId === run.id);
    if (twin) throw new RegistryError(`“${run.name}” is already ${name} v${twin.version}.`);
    const [prepArtifact, contractArtifact] = await db.artifacts.bulkGet([
      [run.id, ARTIFACTS.preprocessing],
      [run.id, ARTIFACTS.contract],
    ]);
    const prep = prepArtifact?.data as PreprocessingFacts | undefined;
    // A damaged contract (an edited bundle) is left out: serving then rebuilds one from the preprocessing.
    const contract = readDataContract(contractArtifact?.data);
    const text = (value: unknown, fallback: unknown) => (typeof value === 'string' ? value : typeof fallback === 'string' ? fallback : '');
    const signature = signatureOf(prep);
    const task = signature?.task ?? text(run.params.task, prep?.task);
    const target = signature?.target ?? text(run.params.target, prep?.target);
    const latest = [...versions].sort((a, b) => b.version - a.version);
    const reference = latest.find((v) => v.signature)?.signature ?? latest[0];
    const mismatch = reference && signatureMismatch(reference, signature ?? { task, target }, name);
    if (mismatch) throw new RegistryError(mismatch);
    const version: ModelVersion = {
      name,
      version: versions.reduce((max, v) => Math.max(max, v.version), 0) + 1,
      runId: run.id,
      description: cleanDescription(input.description ?? ''),
      tags: cleanTags(input.tags ?? {}),
      createdAt: now,
      archived: false,
      archivedAt: null,
      dataset: { id: run.dataset.id, hash: run.dataset.hash, split: run.dataset.split },
      task,
      target,
      metrics: savedModelMetrics(run),
      ...(signature ? { signature } : {}),
      ...(contract ? { contract } : {}),
    };
    const model = await db.registeredModels.get(name);
    await db.registeredModels.put(model ? { ...model, updatedAt: now } : { name, description: '', tags: {}, aliases: {}, createdAt: now, updatedAt: now });
    await db.modelVersions.add(version);
    return version;
  });
}

/** Whether a run has a stored model to register (reads keys only, never the weight bytes). */
export async function hasStoredModel(db: WorkbenchDatabase, runId: string): Promise<boolean> {
  const found = await db.artifacts.where('[runId+name]').anyOf([runId, ARTIFACTS.model], [runId, ARTIFACTS.weights]).primaryKeys();
  return found.length === 2;
}

/** Changes a model's description and/or tags (cleaned as `cleanDescription` / `cleanTags`). Throws a `RegistryError` when the model is gone. */
export async function editModel(db: WorkbenchDatabase, name: string, patch: { description?: string; tags?: Record<string, string> }, now: number): Promise<RegisteredModel> {
  return db.transaction('rw', db.registeredModels, async () => {
    const model = await db.registeredModels.get(name);
    if (!model) throw new RegistryError(`There is no model named “${name}” (deleted in another tab?).`);
    const next: RegisteredModel = { ...model, updatedAt: now };
    if (patch.description !== undefined) next.description = cleanDescription(patch.description);
    if (patch.tags !== undefined) next.tags = cleanTags(patch.tags);
    await db.registeredModels.put(next);
    return next;
  });
}

/** Changes a version's description and/or tags; the model's `updatedAt` moves too. Throws a `RegistryError` when the version is gone. */
export async function editVersion(db: WorkbenchDatabase, name: string, version: number, patch: { description?: string; tags?: Record<string, string> }, now: number): Promise<ModelVersion> {
  return db.transaction('rw', db.registeredModels, db.modelVersions, async () => {
    const [model, row] = await Promise.all([db.registeredModels.get(name), db.modelVersions.get([name, version])]);
    if (!model || !row) throw new RegistryError(`${name} has no version ${version} (deleted in another tab?).`);
    const next: ModelVersion = { ...row };
    if (patch.description !== undefined) next.description = cleanDescription(patch.description);
    if (patch.tags !== undefined) next.tags = cleanTags(patch.tags);
    await db.modelVersions.put(next);
    await db.registeredModels.put({ ...model, updatedAt: now });
    return next;
  });
}

/**
 * Deletes a model with all its versions and its alias history, in one transaction. The runs and
 * their stored models stay: a version only points at its run. Deleting a missing model does nothing.
 */
export async function deleteModel(db: WorkbenchDatabase, name: string): Promise<void> {
  await db.transaction('rw', db.registeredModels, db.modelVersions, db.aliasEvents, async () => {
    await db.modelVersions.where('name').equals(name).delete();
    await db.aliasEvents.where('name').equals(name).delete();
    await db.registeredModels.delete(name);
  });
}

/** A line of the models list. */
export interface ModelSummary {
  model: RegisteredModel;
  versionCount: number;
  /** Highest version number (archived included); null for a model without versions. */
  latestVersion: number | null;
  archivedCount: number;
}

/** Every registered model with its version counts, most recently changed first. */
export async function listModels(db: WorkbenchDatabase): Promise<ModelSummary[]> {
  const [models, versions] = await Promise.all([db.registeredModels.orderBy('updatedAt').reverse().toArray(), db.modelVersions.toArray()]);
  const byName = new Map<string, ModelVersion[]>();
  for (const v of versions) byName.set(v.name, [...(byName.get(v.name) ?? []), v]);
  return models.map((model) => {
    const own = byName.get(model.name) ?? [];
    return {
      model,
      versionCount: own.length,
      latestVersion: own.length === 0 ? null : Math.max(...own.map((v) => v.version)),
      archivedCount: own.filter((v) => v.archived).length,
    };
  });
}

/** A model with its versions, oldest version first; undefined when there is no such model. */
export async function getModel(db: WorkbenchDatabase, name: string): Promise<{ model: RegisteredModel; versions: ModelVersion[] } | undefined> {
  const [model, versions] = await Promise.all([db.registeredModels.get(name), db.modelVersions.where('name').equals(name).sortBy('version')]);
  return model ? { model, versions } : undefined;
}

/** The names of every registered model, sorted, for pickers. */
export async function modelNames(db: WorkbenchDatabase): Promise<string[]> {
  return (await db.registeredModels.toCollection().primaryKeys()).map(String).sort();
}

/** Each version a run became, with the aliases it holds now (e.g. flights-delay v2 @champion), by model name then version. */
export async function versionsOfRun(db: WorkbenchDatabase, runId: string): Promise<Array<{ version: ModelVersion; aliases: string[] }>> {
  const versions = await db.modelVersions.where('runId').equals(runId).toArray();
  const models = await db.registeredModels.bulkGet([...new Set(versions.map((v) => v.name))]);
  const aliases = new Map(models.filter((m): m is RegisteredModel => m !== undefined).map((m) => [m.name, m.aliases]));
  return versions
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version - b.version))
    .map((version) => ({ version, aliases: aliasesOfVersion(aliases.get(version.name) ?? {}, version.version) }));
}

/** The version holding `@champion`, or undefined when the model has none (or does not exist). */
export async function championOf(db: WorkbenchDatabase, name: string): Promise<ModelVersion | undefined> {
  const model = await db.registeredModels.get(name);
  const version = model ? aliasTarget(model.aliases, CHAMPION) : null;
  return version === null ? undefined : db.modelVersions.get([name, version]);
}
