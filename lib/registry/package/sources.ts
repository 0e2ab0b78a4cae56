import type { RunEvaluation } from '../../ml/session-evaluate';
import type { StoredPreprocessing } from '../../ml/predictor';
import type { WorkbenchDatabase } from '../../tracking/db';
import { loadModelArtifacts, type StoredModel } from '../../tracking/model-store';
import type { RunRecord } from '../../tracking/run-types';
import type { ModelVersion, RegisteredModel } from '../types';
import { ARTIFACTS } from '../../tracking/artifact-names';

/** A package that cannot be built, with a sentence the learner can act on. */
export class PackageError extends Error {
  override name = 'PackageError';
}

/** What training.json says about a run, as far as the model card needs it (fields may be missing). */
export interface TrainingFacts {
  rows: { train: number; validation: number; test: number } | null;
  inputWidth: number | null;
  parameters: number | null;
  epochsRun: number | null;
  bestEpoch: number | null;
  /** The epoch whose weights the model holds; null on runs recorded before it was. */
  savedEpoch: number | null;
  stoppedEarly: boolean | null;
  backendLabel: string | null;
}

/** Everything the package is made of, read from IndexedDB and checked. */
export interface PackageSources {
  version: ModelVersion;
  /** The registered model (its aliases); undefined when only the version row exists. */
  model: RegisteredModel | undefined;
  run: RunRecord;
  stored: StoredModel;
  prep: StoredPreprocessing;
  /** evaluation.json, or null when the run has none (metrics then come from the version). */
  evaluation: RunEvaluation | null;
  training: TrainingFacts | null;
  /** Upload's display name, when the dataset is an uploaded file still stored. */
  uploadName: string | null;
}

/**
 * Reads version `version` of model `name` and what its run stored. Throws a `PackageError`
 * when the version does not exist, its run was deleted, or the run has no model or no
 * preprocessing (a FAILED or KILLED run); storage failures are rethrown as they are.
 */
export async function loadPackageSources(db: WorkbenchDatabase, name: string, version: number): Promise<PackageSources> {
  const row = await db.modelVersions.get([name, version]);
  if (!row) throw new PackageError(`There is no version ${version} of the model “${name}”.`);
  const [model, run] = await Promise.all([db.registeredModels.get(name), db.runs.get(row.runId)]);
  if (!run) throw new PackageError(`Version ${version} of “${name}” points at run ${row.runId}, which was deleted: its model went with it, so there is nothing to package.`);
  const stored = await loadModelArtifacts(db, run.id);
  if (!stored) throw new PackageError(`Run “${run.name}” (${run.status}) has no saved model. Only a run that finished training keeps one; register a finished run instead.`);
  checkWeights(stored, run.name);
  const [prepArtifact, evaluationArtifact, trainingArtifact] = await db.artifacts.bulkGet([
    [run.id, ARTIFACTS.preprocessing],
    [run.id, ARTIFACTS.evaluation],
    [run.id, ARTIFACTS.training],
  ]);
  if (!prepArtifact) throw new PackageError(`Run “${run.name}” has no preprocessing.json. Without it the server could not transform raw inputs the way training did, so the package is refused.`);
  const prep = readPreprocessing(prepArtifact.data, run.name);
  const upload = run.dataset?.id ? await db.datasets.get(run.dataset.id) : undefined;
  return {
    version: row,
    model,
    run,
    stored,
    prep,
    evaluation: readEvaluation(evaluationArtifact?.data, prep.task),
    training: readTraining(trainingArtifact?.data),
    uploadName: upload?.name ?? null,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks a stored preprocessing artifact has the shape `transformRecord` relies on: every encoder
 * well formed and the feature names as many as the encoders' widths (numeric 1, one-hot
 * categories + 1). Throws a `PackageError` naming what is wrong.
 */
export function readPreprocessing(data: unknown, runName: string): StoredPreprocessing {
  const fail = (what: string): never => {
    throw new PackageError(`The preprocessing.json of run “${runName}” is damaged (${what}), so the package is refused.`);
  };
  if (!isObject(data)) return fail('not an object');
  if (data.version !== 1) fail(`unknown version ${String(data.version)}`);
  if (typeof data.scale !== 'boolean') fail('"scale" is not true or false');
  if (!Array.isArray(data.encoders) || data.encoders.length === 0) fail('no encoders');
  let width = 0;
  for (const e of data.encoders as unknown[]) {
    if (!isObject(e) || typeof e.column !== 'string') return fail('an encoder has no column');
    if (e.kind === 'numeric') {
      if (!finite(e.mean) || !finite(e.std) || e.std === 0) fail(`column ${e.column}: mean or standard deviation is not a number`);
      width += 1;
    } else if (e.kind === 'onehot') {
      if (!isStrings(e.categories) || !(e.mode === null || typeof e.mode === 'string')) fail(`column ${e.column}: categories are not text`);
      width += (e.categories as string[]).length + 1;
    } else fail(`column ${e.column}: unknown encoding ${String(e.kind)}`);
  }
  if (!isStrings(data.featureNames) || data.featureNames.length !== width) fail(`${width} model inputs expected`);
  if (typeof data.target !== 'string') fail('no target');
  if (data.task !== 'regression' && data.task !== 'classification') fail(`unknown task ${String(data.task)}`);
  if (!isStrings(data.classNames) || (data.task === 'classification' && data.classNames.length < 2)) fail('class names missing');
  return data as unknown as StoredPreprocessing;
}

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/** Refuses weights whose byte length does not match the manifest (a truncated or mixed-up artifact). */
function checkWeights(stored: StoredModel, runName: string): void {
  let expected = 0;
  for (const spec of stored.weightSpecs as Array<{ shape?: number[]; dtype?: string; quantization?: unknown }>) {
    const bytes = DTYPE_BYTES[spec.dtype ?? 'float32'];
    if (!bytes || spec.quantization || !Array.isArray(spec.shape)) return; // sizes we cannot predict: let tfjs judge
    expected += spec.shape.reduce((a, b) => a * b, 1) * bytes;
  }
  if (expected !== stored.weightData.byteLength) throw new PackageError(`The weights of run “${runName}” are incomplete (${stored.weightData.byteLength} bytes stored, ${expected} expected), so the package is refused.`);
}

function readEvaluation(data: unknown, task: string): RunEvaluation | null {
  if (!isObject(data) || !isObject(data.validation) || data.validation.task !== task || !isObject(data.validation.baseline)) return null;
  return data as unknown as RunEvaluation;
}

function readTraining(data: unknown): TrainingFacts | null {
  if (!isObject(data)) return null;
  const shape = isObject(data.shape) ? data.shape : {};
  const n = (v: unknown) => (finite(v) ? v : null);
  const rows = finite(shape.train) && finite(shape.validation) && finite(shape.test) ? { train: shape.train, validation: shape.validation, test: shape.test } : null;
  return {
    rows,
    inputWidth: n(shape.inputWidth),
    parameters: n(shape.parameters),
    epochsRun: n(data.epochsRun),
    bestEpoch: n(data.bestEpoch),
    savedEpoch: n(data.savedEpoch),
    stoppedEarly: typeof data.stoppedEarly === 'boolean' ? data.stoppedEarly : null,
    backendLabel: typeof data.backendLabel === 'string' ? data.backendLabel : null,
  };
}
