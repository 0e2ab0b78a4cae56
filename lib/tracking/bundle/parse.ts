import type { CourseCatalog } from '../progress-types';
import type { ExerciseProgress, LessonVisit } from '../progress-types';
import type { AliasEvent, ModelVersion, RegisteredModel } from '../registry-types';
import type { StoredDataset } from '../dataset-types';
import type { ArtifactRecord, MetricChunk, RunRecord } from '../run-types';
import { decodeArtifact, decodeChunk, decodeRun, decodeVersion } from './codec';
import { BUNDLE_FORMAT, BUNDLE_VERSION, MAX_BUNDLE_BYTES, NOTHING_CHANGED, bundleTooLargeMessage } from './format';
import { bundleErrorMap, formatIssues } from './messages';
import { checkReferences } from './references';
import { parseJsonSafely } from './safe-json';
import { bundleSchema, type BundleJson } from './schema';

/** A validated bundle, decoded into the records the database stores. */
export interface DecodedBundle {
  exportedAt: string;
  runs: RunRecord[];
  metricChunks: MetricChunk[];
  artifacts: ArtifactRecord[];
  datasets: StoredDataset[];
  registeredModels: RegisteredModel[];
  modelVersions: ModelVersion[];
  aliasEvents: AliasEvent[];
  absentRunIds: string[];
  progress: { exercises: ExerciseProgress[]; visits: LessonVisit[] };
}

export type ParseBundleResult = { ok: true; bundle: DecodedBundle } | { ok: false; error: string };

export interface ParseOptions {
  /** Lesson id → exercise ids. When given, progress rows for lessons or exercises the course lacks are refused. */
  catalog?: CourseCatalog;
}

/**
 * Validates a bundle completely, in memory, before anything may be written: size, JSON syntax,
 * forbidden keys, non-finite numbers and depth (`parseJsonSafely`), format and version, the
 * strict schema (`bundleSchema`), cross-record references (`checkReferences`) and, with a
 * catalog, the progress rows' lessons. Never throws: every refusal is `{ ok: false, error }`,
 * a sentence naming the place at fault and ending "Nothing was changed."
 */
export function parseBundle(text: string, options: ParseOptions = {}): ParseBundleResult {
  const fail = (error: string): ParseBundleResult => ({ ok: false, error });
  try {
    if (text.length > MAX_BUNDLE_BYTES) return fail(bundleTooLargeMessage(text.length));
    const json = parseJsonSafely(text);
    if (!json.ok) return json;
    const header = checkHeader(json.value);
    if (header) return fail(`${header} ${NOTHING_CHANGED}`);
    const parsed = bundleSchema.safeParse(json.value, { error: bundleErrorMap });
    if (!parsed.success) return fail(`The file does not match the bundle format: ${formatIssues(parsed.error.issues)}. ${NOTHING_CHANGED}`);
    const problems = checkReferences(parsed.data);
    if (problems.length > 0) return fail(`The bundle is inconsistent: ${problems.join(' ')} ${NOTHING_CHANGED}`);
    const catalogProblem = options.catalog ? checkCatalog(parsed.data.progress, options.catalog) : null;
    if (catalogProblem) return fail(`${catalogProblem} ${NOTHING_CHANGED}`);
    return { ok: true, bundle: decode(parsed.data) };
  } catch (error) {
    // Nothing above should throw; this keeps the promise if an engine limit is hit (e.g. memory).
    return fail(`The file could not be read (${error instanceof Error ? error.message : String(error)}). ${NOTHING_CHANGED}`);
  }
}

/** Format and version first, so a progress file or a newer bundle gets its own message. */
function checkHeader(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'This file is not an MLOps Workbench bundle: it does not hold a JSON object.';
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format === 'mlops-workbench/progress') return 'This is a progress file, not a bundle: import it on the Progress page.';
  if (format !== BUNDLE_FORMAT) {
    const found = typeof format === 'string' ? `its format is "${format.slice(0, 60)}"` : 'it has no "format" field';
    return `This file is not an MLOps Workbench bundle (${found}; a bundle's format is "${BUNDLE_FORMAT}").`;
  }
  if (version === BUNDLE_VERSION) return null;
  if (typeof version === 'number' && Number.isFinite(version)) {
    const newer = version > BUNDLE_VERSION ? ' It was made by a newer workbench: reload the page to update this one, then try again.' : '';
    return `This bundle is version ${version}; this workbench reads version ${BUNDLE_VERSION}.${newer}`;
  }
  return `This bundle has no valid version number; this workbench reads version ${BUNDLE_VERSION}.`;
}

function checkCatalog(progress: BundleJson['progress'], catalog: CourseCatalog): string | null {
  for (const [i, row] of progress.exercises.entries()) {
    const known = Object.hasOwn(catalog, row.lessonId) ? catalog[row.lessonId] : undefined;
    if (!known) return `progress.exercises[${i}] refers to the lesson "${row.lessonId}", which this course does not have.`;
    if (!known.includes(row.exerciseId)) return `progress.exercises[${i}] refers to the exercise "${row.exerciseId}", which the lesson "${row.lessonId}" does not have.`;
  }
  for (const [i, visit] of progress.visits.entries()) {
    if (!Object.hasOwn(catalog, visit.lessonId)) return `progress.visits[${i}] refers to the lesson "${visit.lessonId}", which this course does not have.`;
  }
  return null;
}

function decode(b: BundleJson): DecodedBundle {
  return {
    exportedAt: b.exportedAt,
    runs: b.runs.map(decodeRun),
    metricChunks: b.metricChunks.map(decodeChunk),
    artifacts: b.artifacts.map(decodeArtifact),
    datasets: b.datasets.map((d) => ({ ...d, report: d.report ?? null })),
    registeredModels: b.registeredModels,
    modelVersions: b.modelVersions.map(decodeVersion),
    aliasEvents: b.aliasEvents,
    absentRunIds: b.absentRunIds,
    progress: b.progress,
  };
}
