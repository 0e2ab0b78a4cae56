import type { CourseCatalog } from '../progress-types';
import { BUNDLED_TABLES, type BundledTable, type TableRows } from '../tables';
import { BUNDLE_FORMAT, BUNDLE_VERSION, MAX_BUNDLE_BYTES, NOTHING_CHANGED, bundleTooLargeMessage } from './format';
import { bundleErrorMap, formatIssues } from './messages';
import { migrateToCurrent, READABLE_VERSIONS, schemaForVersion } from './migrations';
import { checkReferences } from './references';
import { parseJsonSafely } from './safe-json';
import { bundleSchema, codecOf, type BundleJson } from './table-codecs';

/** A validated bundle, decoded into the rows the database stores: one list per bundled table. */
export type DecodedBundle = { exportedAt: string; absentRunIds: string[] } & { [K in BundledTable]: TableRows[K][] };

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
    if (typeof header === 'string') return fail(`${header} ${NOTHING_CHANGED}`);
    // Checked as the file's own version has it (places named as in the file), then lifted to the current layout.
    const own = schemaForVersion(header.version)!.safeParse(json.value, { error: bundleErrorMap });
    if (!own.success) return fail(`The file does not match the bundle format: ${formatIssues(own.error.issues)}. ${NOTHING_CHANGED}`);
    const lifted = header.version === BUNDLE_VERSION ? own : bundleSchema.safeParse(migrateToCurrent(own.data as Record<string, unknown>, header.version), { error: bundleErrorMap });
    if (!lifted.success) return fail(`The file could not be brought to the current bundle format: ${formatIssues(lifted.error.issues)}. ${NOTHING_CHANGED}`);
    const parsed = { data: lifted.data as BundleJson };
    const problems = checkReferences(parsed.data);
    if (problems.length > 0) return fail(`The bundle is inconsistent: ${problems.join(' ')} ${NOTHING_CHANGED}`);
    const catalogProblem = options.catalog ? checkCatalog(parsed.data, options.catalog) : null;
    if (catalogProblem) return fail(`${catalogProblem} ${NOTHING_CHANGED}`);
    return { ok: true, bundle: decode(parsed.data) };
  } catch (error) {
    // Nothing above should throw; this keeps the promise if an engine limit is hit (e.g. memory).
    return fail(`The file could not be read (${error instanceof Error ? error.message : String(error)}). ${NOTHING_CHANGED}`);
  }
}

/** Format and version first, so a progress file or a newer bundle gets its own message; else the version to read. */
function checkHeader(value: unknown): string | { version: number } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'This file is not an MLOps Workbench bundle: it does not hold a JSON object.';
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format === 'mlops-workbench/progress') return 'This is a progress file, not a bundle: import it on the Progress page.';
  if (format !== BUNDLE_FORMAT) {
    const found = typeof format === 'string' ? `its format is "${format.slice(0, 60)}"` : 'it has no "format" field';
    return `This file is not an MLOps Workbench bundle (${found}; a bundle's format is "${BUNDLE_FORMAT}").`;
  }
  const readable = `this workbench reads ${READABLE_VERSIONS.length === 1 ? 'version' : 'versions'} ${joinList(READABLE_VERSIONS.map(String))}`;
  if (typeof version === 'number' && READABLE_VERSIONS.includes(version)) return { version };
  if (typeof version === 'number' && Number.isFinite(version)) {
    const newer = version > BUNDLE_VERSION ? ' It was made by a newer workbench: reload the page to update this one, then try again.' : '';
    return `This bundle is version ${version}; ${readable}.${newer}`;
  }
  return `This bundle has no valid version number; ${readable}.`;
}

const joinList = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`);

function checkCatalog(file: BundleJson, catalog: CourseCatalog): string | null {
  for (const [i, row] of file.exerciseProgress.entries()) {
    const known = Object.hasOwn(catalog, row.lessonId) ? catalog[row.lessonId] : undefined;
    if (!known) return `exerciseProgress[${i}] refers to the lesson "${row.lessonId}", which this course does not have.`;
    if (!known.includes(row.exerciseId)) return `exerciseProgress[${i}] refers to the exercise "${row.exerciseId}", which the lesson "${row.lessonId}" does not have.`;
  }
  for (const [i, visit] of file.lessonVisits.entries()) {
    if (!Object.hasOwn(catalog, visit.lessonId)) return `lessonVisits[${i}] refers to the lesson "${visit.lessonId}", which this course does not have.`;
  }
  return null;
}

function decode(b: BundleJson): DecodedBundle {
  const rows = Object.fromEntries(BUNDLED_TABLES.map((table) => [table, (b[table] as unknown[]).map((row) => codecOf(table).decode(row as never))]));
  return { exportedAt: b.exportedAt, absentRunIds: b.absentRunIds, ...rows } as DecodedBundle;
}
