import type { AliasEvent, ModelVersion, RegisteredModel } from '../registry-types';
import type { ContractColumn, DataContract } from '../serving-types';
import type { ExerciseProgress, LessonVisit } from '../progress-types';
import type { StoredDataset } from '../dataset-types';
import type { ArtifactRecord, MetricChunk, RunRecord } from '../run-types';
import type { EncodedNumber } from './format';
import type { ArtifactJson, DatasetJson, MetricChunkJson, ModelVersionJson, RunJson } from './schema';

/*
 * Stored records ⇄ their JSON form in a bundle. Encoders copy the known fields only (the strict
 * schema refuses anything else), so the export of any stored record validates on import.
 */

/** A number as JSON can carry it: NaN and ±Infinity (a diverged loss) become strings. */
export function encodeNumber(value: number): EncodedNumber {
  if (Number.isFinite(value)) return value;
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
}

/** Inverse of `encodeNumber`. */
export function decodeNumber(value: EncodedNumber): number {
  return typeof value === 'number' ? value : value === 'NaN' ? NaN : value === 'Infinity' ? Infinity : -Infinity;
}

const mapValues = <A, B>(o: Readonly<Record<string, A>>, f: (a: A) => B): Record<string, B> => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

/** Bytes → base64, in slices so that no call gets millions of arguments. */
export function bytesToBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return btoa(parts.join(''));
}

/** base64 → bytes. Throws on text that is not base64 (the schema checks it first). */
export function base64ToBytes(text: string): ArrayBuffer {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/**
 * Free-form JSON content as a file would hold it: `undefined` fields dropped, NaN → null, so a
 * stored record and its round trip through a bundle compare equal.
 */
export function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

/** Non-finite params (never written by the trainer) travel as their names so the file stays valid. */
const encodeParam = (v: RunRecord['params'][string]) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v);

export function encodeRun(r: RunRecord): RunJson {
  return {
    id: r.id,
    experiment: r.experiment,
    name: r.name,
    status: r.status,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    params: mapValues(r.params, encodeParam),
    tags: { ...r.tags },
    notes: r.notes,
    dataset: { id: r.dataset.id, hash: r.dataset.hash, split: r.dataset.split },
    backend: r.backend,
    seed: r.seed,
    lastMetrics: mapValues(r.lastMetrics, encodeNumber),
    bestMetrics: mapValues(r.bestMetrics, (b) => ({ value: b.value, step: b.step })),
    failure: r.failure ? { message: r.failure.message, hint: r.failure.hint } : null,
    parentRunId: r.parentRunId ?? null,
    ...(r.savedModel ? { savedModel: { step: r.savedModel.step, metrics: { ...r.savedModel.metrics } } } : {}),
  };
}

export function decodeRun(r: RunJson): RunRecord {
  return { ...r, lastMetrics: mapValues(r.lastMetrics, decodeNumber) };
}

export function encodeChunk(c: MetricChunk): MetricChunkJson {
  return { runId: c.runId, key: c.key, chunk: c.chunk, steps: [...c.steps], values: c.values.map(encodeNumber), writtenAt: c.writtenAt };
}

export function decodeChunk(c: MetricChunkJson): MetricChunk {
  return { ...c, values: c.values.map(decodeNumber) };
}

export function encodeArtifact(a: ArtifactRecord): ArtifactJson {
  return { runId: a.runId, name: a.name, contentType: a.contentType, data: toJsonValue(a.data), bytes: a.bytes ? bytesToBase64(a.bytes) : null, createdAt: a.createdAt };
}

export function decodeArtifact(a: ArtifactJson): ArtifactRecord {
  return { runId: a.runId, name: a.name, contentType: a.contentType, data: a.data ?? null, bytes: a.bytes === null ? null : base64ToBytes(a.bytes), createdAt: a.createdAt };
}

export function encodeDataset(d: StoredDataset): DatasetJson {
  return {
    id: d.id,
    name: d.name,
    fileName: d.fileName,
    hash: d.hash,
    text: d.text,
    createdAt: d.createdAt,
    rows: d.rows,
    target: d.target,
    task: d.task,
    timeColumn: d.timeColumn,
    features: [...d.features],
    report: toJsonValue(d.report),
  };
}

export function encodeModel(m: RegisteredModel): RegisteredModel {
  return { name: m.name, description: m.description, tags: { ...m.tags }, aliases: { ...m.aliases }, createdAt: m.createdAt, updatedAt: m.updatedAt };
}

export function encodeVersion(v: ModelVersion): ModelVersionJson {
  return {
    name: v.name,
    version: v.version,
    runId: v.runId,
    description: v.description,
    tags: { ...v.tags },
    createdAt: v.createdAt,
    archived: v.archived,
    archivedAt: v.archivedAt,
    dataset: { id: v.dataset.id, hash: v.dataset.hash, split: v.dataset.split },
    task: v.task,
    target: v.target,
    metrics: mapValues(v.metrics, encodeNumber),
    ...(v.signature ? { signature: { task: v.signature.task, target: v.signature.target, inputs: v.signature.inputs.map((i) => ({ name: i.name, type: i.type })), classes: [...v.signature.classes] } } : {}),
    ...(v.contract ? { contract: encodeContract(v.contract) } : {}),
  };
}

/** A copy of a data contract holding only its declared fields (bundles refuse unknown ones). */
function encodeContract(c: DataContract): DataContract {
  const columns = c.columns.map((col): ContractColumn =>
    col.kind === 'numeric'
      ? { name: col.name, kind: 'numeric', type: col.type, min: col.min, max: col.max, missingRate: col.missingRate }
      : { name: col.name, kind: 'categorical', categories: [...col.categories], complete: col.complete, missingRate: col.missingRate },
  );
  return { format: c.format, source: c.source, columns, rows: c.rows, rangeTolerance: c.rangeTolerance };
}

export function decodeVersion(v: ModelVersionJson): ModelVersion {
  return { ...v, metrics: mapValues(v.metrics, decodeNumber) };
}

export function encodeAliasEvent(e: AliasEvent): AliasEvent {
  return { id: e.id, name: e.name, alias: e.alias, version: e.version, previousVersion: e.previousVersion, at: e.at, actor: e.actor, reason: e.reason };
}

export function encodeExercise(e: ExerciseProgress): ExerciseProgress {
  return {
    lessonId: e.lessonId,
    exerciseId: e.exerciseId,
    status: e.status,
    attempts: e.attempts,
    hintsRevealed: e.hintsRevealed,
    solutionRevealed: e.solutionRevealed,
    lastAnswer: [...e.lastAnswer],
    lastFeedback: e.lastFeedback,
    updatedAt: e.updatedAt,
    passedAt: e.passedAt,
  };
}

export function encodeVisit(v: LessonVisit): LessonVisit {
  return { lessonId: v.lessonId, visitedAt: v.visitedAt };
}
