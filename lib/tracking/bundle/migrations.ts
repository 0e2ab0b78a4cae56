import type { z } from 'zod';
import { BUNDLE_VERSION } from './format';
import { bundleSchemaV1, type BundleJsonV1 } from './schema';
import { bundleSchema, bundleSchemaV2 } from './table-codecs';
import { hasLegacyMetrics, rewriteLegacyChunks, summariesOf } from '../legacy-metrics';
import { decodeNumber, encodeNumber } from './codec';
import type { EncodedNumber } from './format';
import type { MetricChunk } from '../run-types';

/**
 * Every released bundle format stays readable: a file is validated against the schema of its own
 * version (so a refusal names places as that file has them), then lifted one version at a time to
 * the current one. Frozen files of each version (`fixtures/bundle-v<N>.json`) are imported by the
 * tests, so a format change that forgets a migration fails them.
 *
 * To release format N + 1: freeze format N's layout as `bundleSchemaV<N>`, add its step here
 * (N → N + 1), bump `BUNDLE_VERSION`, and commit a fixture exported by format N.
 */
interface FormatReader {
  schema: z.ZodType;
  /** Lifts a validated file of this version to the next version's layout. */
  up: (file: never) => Record<string, unknown>;
}

/** Version 1 → 2: progress leaves its `progress` wrapper; each table travels under its own name. */
function v1ToV2(file: BundleJsonV1): Record<string, unknown> {
  const { progress, ...tables } = file;
  return { ...tables, version: 2, exerciseProgress: progress.exercises, lessonVisits: progress.visits };
}

type ChunkJson = Omit<MetricChunk, 'values'> & { values: EncodedNumber[] };
type RunJsonLike = { id: string; savedModel?: unknown; lastMetrics: Record<string, EncodedNumber>; bestMetrics: Record<string, { value: number; step: number }> };

/**
 * Version 2 → 3: runs recorded before the one metric model (no `savedModel`) whose metrics have
 * old names or a step logged twice are rewritten as the database's version 5 does
 * (`rewriteLegacyChunks`), their cached summaries recomputed. Other runs pass unchanged.
 */
function v2ToV3(file: { runs: RunJsonLike[]; metricChunks: ChunkJson[] } & Record<string, unknown>): Record<string, unknown> {
  const byRun = new Map<string, MetricChunk[]>();
  for (const c of file.metricChunks) byRun.set(c.runId, [...(byRun.get(c.runId) ?? []), { ...c, values: c.values.map(decodeNumber) }]);
  const rewritten = new Map<string, MetricChunk[]>();
  for (const run of file.runs) {
    const chunks = byRun.get(run.id) ?? [];
    if (!run.savedModel && hasLegacyMetrics(chunks)) rewritten.set(run.id, rewriteLegacyChunks(chunks));
  }
  const encode = (c: MetricChunk): ChunkJson => ({ ...c, values: c.values.map(encodeNumber) });
  return {
    ...file,
    version: 3,
    runs: file.runs.map((run) => {
      const chunks = rewritten.get(run.id);
      if (!chunks) return run;
      const { lastMetrics, bestMetrics } = summariesOf(chunks);
      return { ...run, lastMetrics: Object.fromEntries(Object.entries(lastMetrics).map(([k, v]) => [k, encodeNumber(v)])), bestMetrics };
    }),
    metricChunks: [...file.metricChunks.filter((c) => !rewritten.has(c.runId)), ...[...rewritten.values()].flat().map(encode)],
  };
}

const READERS: Record<number, FormatReader> = {
  1: { schema: bundleSchemaV1, up: v1ToV2 },
  2: { schema: bundleSchemaV2, up: v2ToV3 },
};

/** Versions this workbench reads, oldest first. */
export const READABLE_VERSIONS: readonly number[] = [...Object.keys(READERS).map(Number), BUNDLE_VERSION].sort((a, b) => a - b);

/** The schema a file of `version` is checked against (the current one for the current version). */
export function schemaForVersion(version: number): z.ZodType | null {
  if (version === BUNDLE_VERSION) return bundleSchema;
  return READERS[version]?.schema ?? null;
}

/** Lifts a file validated against its own version's schema to the current layout (not yet validated as such). */
export function migrateToCurrent(file: Record<string, unknown>, version: number): Record<string, unknown> {
  let current = file;
  for (let v = version; v < BUNDLE_VERSION; v++) {
    const reader = READERS[v];
    if (!reader) throw new Error(`No migration from bundle format ${v}.`);
    current = reader.up(current as never);
  }
  return current;
}
