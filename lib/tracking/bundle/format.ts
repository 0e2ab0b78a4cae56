import { BUNDLED_TABLES, travelOf, type CountKey } from '../tables';

/**
 * The bundle file: one JSON document holding selected runs (with metric histories and
 * artifacts), uploaded datasets they used, registered models (versions, alias history) and
 * course progress.
 *
 * Format version 3, derived from the table registry (`../tables.ts`, `table-codecs.ts`):
 * `{ format: "mlops-workbench/bundle", version: 3, exportedAt, absentRunIds, <table>: rows… }`,
 * one list per bundled table, named after it (`runs`, `metricChunks`, `artifacts` with weights
 * as base64, `datasets`, `registeredModels`, `modelVersions`, `aliasEvents`, `exerciseProgress`,
 * `lessonVisits`). Version 1 files (progress nested under `progress`) and version 2 files (the
 * same layout, runs possibly recorded before the one metric model) are read through
 * `migrations.ts`. Non-finite metric values travel as "NaN", "Infinity", "-Infinity"; free-form
 * JSON (artifact data) carries NaN as null, as JSON does.
 *
 * Import rules (the registry's `merge` of each table; `plan.ts`, `merge.ts`):
 * - all-or-nothing: the whole file is validated in memory, then everything is written in one
 *   transaction; any refusal or write failure leaves the database exactly as it was;
 * - idempotent: records identical to stored ones are skipped, so a second import adds nothing;
 * - no silent overwrite: a run, chunk, artifact, dataset, model version or alias event whose key
 *   exists here with different content refuses the whole import, naming the records;
 * - registered models present on both sides merge: versions and alias events are added, each
 *   alias follows the latest alias event of either side, description and tags stay local;
 * - progress merges row by row: the further-along status wins, then the later update; visits
 *   keep the later time.
 */

/** Identifies a bundle; `version` is bumped on any incompatible change of the format. */
export const BUNDLE_FORMAT = 'mlops-workbench/bundle';
export const BUNDLE_VERSION = 3;

/**
 * Largest bundle accepted (and written), in bytes: 200 MiB. A bundle of a few hundred runs with
 * their weights is a few MB; the limit keeps a stray multi-GB file from freezing the tab, and
 * stays well under the longest string a browser can hold (≈512 MiB in V8).
 */
export const MAX_BUNDLE_BYTES = 200 * 1024 * 1024;

/** Deepest nesting of JSON accepted (artifact data such as a tfjs topology is ~10 levels). */
export const MAX_JSON_DEPTH = 64;

/** Most records of each kind a bundle may hold; far above anything the workbench produces. */
export const LIMITS = {
  runs: 20_000,
  metricChunks: 500_000,
  artifacts: 100_000,
  datasets: 200,
  registeredModels: 2_000,
  modelVersions: 20_000,
  aliasEvents: 200_000,
  exercises: 10_000,
  visits: 10_000,
  /** Entries of one params / tags / metrics map. */
  mapEntries: 1_000,
  /** Longest string inside free-form JSON (artifact data, dataset reports). */
  jsonString: 1_000_000,
  /** Longest uploaded dataset text (characters): the CSV upload limit is 20 MB. */
  datasetText: 25 * 1024 * 1024,
} as const;

/** Non-finite metric values, which JSON cannot hold, travel as these strings. */
export type EncodedNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** Record counts per kind (the registry's count key of each bundled table), as the import reports them. */
export type BundleCounts = Record<CountKey, number>;

/** A `BundleCounts` of zeros. */
export function zeroCounts(): BundleCounts {
  return Object.fromEntries(BUNDLED_TABLES.map((t) => [travelOf(t).count, 0])) as BundleCounts;
}

/** Sum of every count. */
export function totalCount(counts: BundleCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** Appended to every refusal: validation and writes are all-or-nothing. */
export const NOTHING_CHANGED = 'Nothing was changed.';

/** "12.3 MB", "850 kB", "120 bytes" (binary units, one decimal). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Message for a file over `MAX_BUNDLE_BYTES` (checked on `file.size` before reading it). */
export function bundleTooLargeMessage(bytes: number): string {
  return `The file is ${formatBytes(bytes)}, more than the ${formatBytes(MAX_BUNDLE_BYTES)} a bundle can be. ${NOTHING_CHANGED}`;
}
