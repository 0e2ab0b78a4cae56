import type { IndexableType } from 'dexie';
import { z } from 'zod';
import { BUNDLED_TABLES, type BundledTable, type TableRows } from '../tables';
import { canonicalJson, sameBytes } from './canonical';
import { decodeArtifact, decodeChunk, decodeRun, decodeVersion, encodeAliasEvent, encodeArtifact, encodeChunk, encodeDataset, encodeExercise, encodeModel, encodeRun, encodeVersion, encodeVisit } from './codec';
import { BUNDLE_FORMAT, BUNDLE_VERSION, LIMITS } from './format';
import { aliasEventRow, artifactRow, datasetRow, exerciseRow, metricChunkRow, modelVersionRow, registeredModelRow, runIdSchema, runRow, visitRow } from './schema';

/** How one bundled table's rows become JSON and back, and how refusals name them. */
export interface TableCodec<Row, Json> {
  /** The strict schema of one row in the file. */
  schema: z.ZodType<Json>;
  /** Most rows a bundle may hold. */
  limit: number;
  encode(row: Row): Json;
  decode(json: Json): Row;
  /** The row's primary key as Dexie takes it. */
  key(row: Row): IndexableType;
  /** The key in words, unique within the table ("sweep-1 / loss / 0"), and what it is ("the chunk (run / metric / chunk)"). */
  uniqueKey(row: Json): string;
  keyName: string;
  /** How a collision names the row; `run` names a run by its name and id. */
  describe(row: Row, run: (id: string) => string): string;
  /** Whether a stored row and an incoming one are the same record. */
  same(local: Row, incoming: Row): boolean;
  /** The order rows are written to a file in (stable across exports). */
  compare(a: Row, b: Row): number;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byJson =
  <T>(encode: (row: T) => unknown) =>
  (a: T, b: T) =>
    canonicalJson(encode(a)) === canonicalJson(encode(b));

/**
 * Every table the registry sends in bundles, with its codec. Typed as exhaustive over
 * `BundledTable`: a table that starts travelling in `tables.ts` does not compile without one.
 */
export const TABLE_CODECS = {
  exerciseProgress: {
    schema: exerciseRow,
    limit: LIMITS.exercises,
    encode: encodeExercise,
    decode: (e) => e,
    key: (e) => [e.lessonId, e.exerciseId],
    uniqueKey: (e) => `${e.lessonId}/${e.exerciseId}`,
    keyName: 'the exercise',
    describe: (e) => `exercise ${e.lessonId}/${e.exerciseId}`,
    same: byJson(encodeExercise),
    compare: (a, b) => compareText(`${a.lessonId}/${a.exerciseId}`, `${b.lessonId}/${b.exerciseId}`),
  },
  lessonVisits: {
    schema: visitRow,
    limit: LIMITS.visits,
    encode: encodeVisit,
    decode: (v) => v,
    key: (v) => v.lessonId,
    uniqueKey: (v) => v.lessonId,
    keyName: 'the lesson',
    describe: (v) => `visit of ${v.lessonId}`,
    same: byJson(encodeVisit),
    compare: (a, b) => compareText(a.lessonId, b.lessonId),
  },
  runs: {
    schema: runRow,
    limit: LIMITS.runs,
    encode: encodeRun,
    decode: decodeRun,
    key: (r) => r.id,
    uniqueKey: (r) => r.id,
    keyName: 'the run id',
    describe: (r, run) => run(r.id),
    same: byJson(encodeRun),
    compare: (a, b) => a.startedAt - b.startedAt || compareText(a.id, b.id),
  },
  metricChunks: {
    schema: metricChunkRow,
    limit: LIMITS.metricChunks,
    encode: encodeChunk,
    decode: decodeChunk,
    key: (c) => [c.runId, c.key, c.chunk],
    uniqueKey: (c) => `${c.runId} / ${c.key} / ${c.chunk}`,
    keyName: 'the chunk (run / metric / chunk)',
    describe: (c, run) => `chunk ${c.chunk} of “${c.key}” in ${run(c.runId)}`,
    same: byJson(encodeChunk),
    compare: (a, b) => compareText(a.runId, b.runId) || compareText(a.key, b.key) || a.chunk - b.chunk,
  },
  artifacts: {
    schema: artifactRow,
    limit: LIMITS.artifacts,
    encode: encodeArtifact,
    decode: decodeArtifact,
    key: (a) => [a.runId, a.name],
    uniqueKey: (a) => `${a.runId} / ${a.name}`,
    keyName: 'the artifact (run / name)',
    describe: (a, run) => `artifact “${a.name}” of ${run(a.runId)}`,
    // Bytes compare as bytes (base64 of large weights would be slow to build twice).
    same: (x, y) => sameBytes(x.bytes, y.bytes) && canonicalJson(encodeArtifact({ ...x, bytes: null })) === canonicalJson(encodeArtifact({ ...y, bytes: null })),
    compare: (a, b) => compareText(a.runId, b.runId) || compareText(a.name, b.name),
  },
  datasets: {
    schema: datasetRow,
    limit: LIMITS.datasets,
    encode: encodeDataset,
    decode: (d) => ({ ...d, report: d.report ?? null }),
    key: (d) => d.id,
    uniqueKey: (d) => d.id,
    keyName: 'the dataset id',
    describe: (d) => `dataset “${d.name}” (${d.id})`,
    same: byJson(encodeDataset),
    compare: (a, b) => compareText(a.id, b.id),
  },
  registeredModels: {
    schema: registeredModelRow,
    limit: LIMITS.registeredModels,
    encode: encodeModel,
    decode: (m) => m,
    key: (m) => m.name,
    uniqueKey: (m) => m.name,
    keyName: 'the model name',
    describe: (m) => `model ${m.name}`,
    same: byJson(encodeModel),
    compare: (a, b) => compareText(a.name, b.name),
  },
  modelVersions: {
    schema: modelVersionRow,
    limit: LIMITS.modelVersions,
    encode: encodeVersion,
    decode: decodeVersion,
    key: (v) => [v.name, v.version],
    uniqueKey: (v) => `${v.name} v${v.version}`,
    keyName: 'the version',
    describe: (v) => `${v.name} v${v.version}`,
    same: byJson(encodeVersion),
    compare: (a, b) => compareText(a.name, b.name) || a.version - b.version,
  },
  aliasEvents: {
    schema: aliasEventRow,
    limit: LIMITS.aliasEvents,
    encode: encodeAliasEvent,
    decode: (e) => e,
    key: (e) => e.id,
    uniqueKey: (e) => e.id,
    keyName: 'the alias event id',
    describe: (e) => `alias event ${e.id} (${e.name} @${e.alias})`,
    same: byJson(encodeAliasEvent),
    compare: (a, b) => compareText(a.name, b.name) || a.at - b.at || compareText(a.id, b.id),
  },
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry keeps its own JSON type; `any` only lets them share one map
} satisfies { [K in BundledTable]: TableCodec<TableRows[K], any> };

/** The codec of a table, typed for code that loops over the registry. */
export function codecOf<K extends BundledTable>(table: K): TableCodec<TableRows[K], unknown> {
  return TABLE_CODECS[table] as unknown as TableCodec<TableRows[K], unknown>;
}

type Codecs = typeof TABLE_CODECS;
type RowsShape = { [K in BundledTable]: z.ZodDefault<z.ZodArray<Codecs[K]['schema']>> };

/** Each bundled table as an optional list (a file written before a table existed has none of its rows). */
const rowsShape = Object.fromEntries(BUNDLED_TABLES.map((t) => [t, z.array(TABLE_CODECS[t].schema as z.ZodType).max(TABLE_CODECS[t].limit).default([])])) as unknown as RowsShape;

/**
 * The current bundle format (version 3), derived from the table registry: every bundled table is
 * a top-level list named after its table, and `absentRunIds` lists runs that versions or parent
 * links name but that were deleted before the export. Unknown fields are refused.
 */
export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.string().max(40),
  absentRunIds: z.array(runIdSchema).max(LIMITS.modelVersions).default([]),
  ...rowsShape,
});

/** A bundle file in the current format, once validated. */
export type BundleJson = z.infer<typeof bundleSchema>;

/**
 * Format 2 had format 3's layout (3 only changed what runs recorded before the one metric model
 * hold, see `migrations.ts`), so it is read by the same schema under its own version number.
 */
export const bundleSchemaV2 = bundleSchema.extend({ version: z.literal(2) });
