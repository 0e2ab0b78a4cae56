import { z } from 'zod';
import { METRIC_CHUNK_POINTS } from '../run-types';
import { BUNDLE_FORMAT, LIMITS, MAX_BUNDLE_BYTES } from './format';

/*
 * The strict schemas of a bundle's rows, shared by every format version, and the frozen layout of
 * format version 1 (the current layout is derived from the table registry in `table-codecs.ts`). Text limits are generous multiples of what
 * the app writes (a run name typed at training time is not capped), so that every real record
 * fits; they exist to refuse absurd sizes, and `exportBundle` checks its own output against them. Every object refuses unknown fields, every
 * string and list is bounded, numbers are finite (zod's `number()` refuses ±Infinity and NaN) and
 * whole numbers are safe integers. Cross-record rules (unique ids, references) are in
 * `references.ts`, which runs after this schema.
 */

const hasNoControlChars = (s: string) => !/\p{Cc}/u.test(s);

/** Ids as the workbench makes them (uuids, "flights", "r1"): letters, digits, `.`, `_`, `:`, `-`. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
export const runIdSchema = z.string().min(1).max(128).regex(ID, 'must be an id made of letters, digits, ".", "_", ":" and "-"');
const datasetId = runIdSchema;
/** Model names, as `lib/registry/names.ts` accepts them. */
const modelName = z.string().min(1).max(64).regex(/^[A-Za-z0-9._-]+$/, 'must be a model name made of letters, digits, ".", "_" and "-"');
const aliasName = z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be an alias made of letters, digits, "_" and "-"');
/** Metric and param keys: `val_loss`, `learningRate`, `fold-1/val_rmse`. */
const key = z.string().min(1).max(100).regex(/^[\w.:/@ -]+$/, 'must be a key made of letters, digits and . _ : / @ - or space');
/** Tag keys are typed by the learner: any text without control characters. */
const tagKey = z.string().min(1).max(1000).refine(hasNoControlChars, 'must not contain control characters');
const artifactName = z.string().min(1).max(200).regex(/^[\w.@:+-][\w.@:+ /-]*$/, 'must be a file name made of letters, digits and . _ - @ : + / or space');
const lessonId = z.string().min(1).max(100).regex(/^[a-z0-9-]+$/, 'must be a lesson or exercise id');

/** Epoch milliseconds, up to the largest date JavaScript can represent. */
const time = z.number().min(0).max(8.64e15);
const count = z.number().int().min(0);
const versionNumber = z.number().int().min(1).max(1_000_000);
/** A metric value: a finite number, or one of the three non-finite values spelled out. */
const metricValue = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])], {
  error: 'must be a finite number, or "NaN", "Infinity" or "-Infinity"',
});
const base64 = z
  .string()
  .max(MAX_BUNDLE_BYTES)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64 (letters, digits, "+", "/", ending in at most two "=")')
  .refine((s) => s.length % 4 === 0, 'must be base64 whose length is a multiple of 4 (the bytes are cut short)');

/** Free-form JSON (artifact content, a dataset's parse report): depth and numbers are checked when parsed; strings here. */
const jsonData = z.unknown().superRefine((value, ctx) => {
  const at = longStringPath(value, []);
  if (at) ctx.addIssue({ code: 'custom', path: at, message: `is longer than ${LIMITS.jsonString} characters` });
});

function longStringPath(value: unknown, path: PropertyKey[]): PropertyKey[] | null {
  if (typeof value === 'string') return value.length > LIMITS.jsonString ? [...path] : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    path.push(k);
    const found = longStringPath(v, path);
    path.pop();
    if (found) return found;
  }
  return null;
}

/** A string-keyed map of at most `LIMITS.mapEntries` entries. */
function map<V extends z.ZodType>(keySchema: z.ZodType<string>, value: V) {
  return z.record(keySchema, value).refine((o) => Object.keys(o).length <= LIMITS.mapEntries, `has more than ${LIMITS.mapEntries} entries`);
}

const lineage = z.strictObject({ id: datasetId, hash: z.string().max(200), split: z.string().max(2000) });
const tags = map(tagKey, z.string().max(10_000));

export const RUN_STATUSES = ['RUNNING', 'FINISHED', 'FAILED', 'KILLED'] as const;

export const runRow = z.strictObject({
  id: runIdSchema,
  experiment: z.string().max(1000),
  name: z.string().max(1000),
  status: z.enum(RUN_STATUSES),
  startedAt: time,
  endedAt: time.nullable(),
  params: map(key, z.union([z.string().max(10_000), z.number(), z.boolean()], { error: 'must be text, a finite number or true/false' })),
  tags,
  notes: z.string().max(100_000),
  dataset: lineage,
  backend: z.string().max(40).nullable(),
  seed: z.number().int(),
  lastMetrics: map(key, metricValue),
  bestMetrics: map(key, z.strictObject({ value: z.number(), step: count })),
  failure: z.strictObject({ message: z.string().max(10_000), hint: z.string().max(10_000) }).nullable(),
  parentRunId: runIdSchema.nullable(),
  /** Added within format 2 (optional: runs recorded before it have none). */
  savedModel: z.strictObject({ step: count, metrics: map(key, z.number()) }).optional(),
});

export const metricChunkRow = z
  .strictObject({
    runId: runIdSchema,
    key,
    chunk: z.number().int().min(0).max(1_000_000),
    steps: z.array(count).max(METRIC_CHUNK_POINTS),
    values: z.array(metricValue).max(METRIC_CHUNK_POINTS),
    writtenAt: time,
  })
  .refine((c) => c.steps.length === c.values.length, { path: ['values'], message: 'must have one value per step (steps and values differ in length)' });

export const artifactRow = z.strictObject({
  runId: runIdSchema,
  name: artifactName,
  contentType: z.string().min(1).max(200),
  data: jsonData,
  bytes: base64.nullable(),
  createdAt: time,
});

export const datasetRow = z.strictObject({
  id: datasetId,
  name: z.string().max(500),
  fileName: z.string().max(500),
  hash: z.string().max(200),
  text: z.string().max(LIMITS.datasetText),
  createdAt: time,
  rows: count,
  target: z.string().max(500),
  task: z.enum(['regression', 'classification']),
  timeColumn: z.string().max(500).nullable(),
  features: z.array(z.string().max(500)).max(10_000),
  report: jsonData,
});

export const registeredModelRow = z.strictObject({
  name: modelName,
  description: z.string().max(10_000),
  tags,
  aliases: map(aliasName, versionNumber),
  createdAt: time,
  updatedAt: time,
});

/** Missing rates (0–1), or null when not recorded. */
const missingRate = z.number().min(0).max(1).nullable();
const contractColumn = z.discriminatedUnion('kind', [
  z.strictObject({ name: z.string().max(500), kind: z.literal('numeric'), type: z.enum(['numeric', 'boolean', 'datetime']), min: z.number().nullable(), max: z.number().nullable(), missingRate }),
  z.strictObject({ name: z.string().max(500), kind: z.literal('categorical'), categories: z.array(z.string().max(1000)).max(1000), complete: z.boolean(), missingRate }),
]);
/** A version's data contract (lib/tracking/serving-types.ts), as lib/serving/data-contract.ts infers it. */
const dataContract = z.strictObject({
  format: z.literal(1),
  source: z.enum(['training', 'preprocessing']),
  columns: z.array(contractColumn).max(LIMITS.mapEntries),
  rows: count,
  rangeTolerance: z.number().min(0).max(1000),
});

export const modelVersionRow = z.strictObject({
  name: modelName,
  version: versionNumber,
  runId: runIdSchema,
  description: z.string().max(10_000),
  tags,
  createdAt: time,
  archived: z.boolean(),
  archivedAt: time.nullable(),
  dataset: lineage,
  task: z.string().max(100),
  target: z.string().max(500),
  metrics: map(key, metricValue),
  /** Added within format 2 (optional: versions registered before it have none). */
  signature: z
    .strictObject({
      task: z.enum(['regression', 'classification']),
      target: z.string().max(500),
      inputs: z.array(z.strictObject({ name: z.string().min(1).max(500), type: z.enum(['number', 'category']) })).max(LIMITS.mapEntries),
      classes: z.array(z.string().max(500)).max(LIMITS.mapEntries),
    })
    .optional(),
  /** Added within format 3 (optional: versions of runs trained before contracts have none). */
  contract: dataContract.optional(),
});

export const aliasEventRow = z.strictObject({
  id: runIdSchema,
  name: modelName,
  alias: aliasName,
  version: versionNumber.nullable(),
  previousVersion: versionNumber.nullable(),
  at: time,
  actor: z.string().max(1000),
  reason: z.string().max(10_000),
});

export const exerciseRow = z.strictObject({
  lessonId,
  exerciseId: lessonId,
  status: z.enum(['not-started', 'attempted', 'passed']),
  attempts: z.number().int().min(0).max(1_000_000),
  hintsRevealed: z.number().int().min(0).max(100),
  solutionRevealed: z.boolean(),
  lastAnswer: z.array(lessonId).max(20),
  lastFeedback: z.string().max(10_000),
  updatedAt: time,
  passedAt: time.nullable(),
});

export const visitRow = z.strictObject({ lessonId, visitedAt: time });

/**
 * Format version 1 (frozen: files written by the workbench before the table registry). Each kind
 * of record was a field of its own, progress nested under `progress`. `absentRunIds`: runs that
 * versions or parent links name but that were deleted before the export.
 */
export const bundleSchemaV1 = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().max(40),
  runs: z.array(runRow).max(LIMITS.runs),
  metricChunks: z.array(metricChunkRow).max(LIMITS.metricChunks),
  artifacts: z.array(artifactRow).max(LIMITS.artifacts),
  datasets: z.array(datasetRow).max(LIMITS.datasets),
  registeredModels: z.array(registeredModelRow).max(LIMITS.registeredModels),
  modelVersions: z.array(modelVersionRow).max(LIMITS.modelVersions),
  aliasEvents: z.array(aliasEventRow).max(LIMITS.aliasEvents),
  absentRunIds: z.array(runIdSchema).max(LIMITS.modelVersions),
  progress: z.strictObject({
    exercises: z.array(exerciseRow).max(LIMITS.exercises),
    visits: z.array(visitRow).max(LIMITS.visits),
  }),
});

export type BundleJsonV1 = z.infer<typeof bundleSchemaV1>;

/** Rows as JSON, once validated. */
export type RunJson = z.infer<typeof runRow>;
export type MetricChunkJson = z.infer<typeof metricChunkRow>;
export type ArtifactJson = z.infer<typeof artifactRow>;
export type DatasetJson = z.infer<typeof datasetRow>;
export type ModelVersionJson = z.infer<typeof modelVersionRow>;
