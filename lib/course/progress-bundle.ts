import { z } from 'zod';
import { requiredMessage } from './zod-messages';
import type { CourseCatalog } from '../tracking/progress-types';
import type { ExerciseProgress, LessonVisit } from './types';

/** Identifies a progress file; bumped `version`s keep a parser for every older one. */
export const PROGRESS_FORMAT = 'mlops-workbench/progress';
export const PROGRESS_VERSION = 1;
/** Larger files are refused before they are read: real progress files are a few kB. */
export const MAX_PROGRESS_FILE_BYTES = 2 * 1024 * 1024;

export type { CourseCatalog };

export interface ProgressFile {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  exportedAt: string;
  exercises: ExerciseProgress[];
  visits: LessonVisit[];
}

export type ProgressImportResult =
  | { ok: true; exercises: ExerciseProgress[]; visits: LessonVisit[]; summary: string }
  | { ok: false; error: string };

/** Builds the export file's content (pretty-printed JSON) from saved rows. */
export function serializeProgress(exercises: readonly ExerciseProgress[], visits: readonly LessonVisit[], now: number): string {
  const file: ProgressFile = {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    exportedAt: new Date(now).toISOString(),
    exercises: [...exercises].sort((a, b) => `${a.lessonId}/${a.exerciseId}`.localeCompare(`${b.lessonId}/${b.exerciseId}`)),
    visits: [...visits].sort((a, b) => a.lessonId.localeCompare(b.lessonId)),
  };
  return JSON.stringify(file, null, 2);
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const id = z.string().min(1).max(100).regex(/^[a-z0-9-]+$/, 'must be a lesson or exercise id');
const time = z.number().int().min(0).max(8.64e15);

const exerciseRow = z.strictObject({
  lessonId: id,
  exerciseId: id,
  status: z.enum(['not-started', 'attempted', 'passed']),
  attempts: z.number().int().min(0).max(1_000_000),
  hintsRevealed: z.number().int().min(0).max(100),
  solutionRevealed: z.boolean(),
  lastAnswer: z.array(id).max(20),
  lastFeedback: z.string().max(4000),
  updatedAt: time,
  passedAt: time.nullable(),
});

const fileSchema = z.strictObject({
  format: z.literal(PROGRESS_FORMAT, { error: `is not "${PROGRESS_FORMAT}": this is not a progress file of MLOps Workbench` }),
  version: z.literal(PROGRESS_VERSION, { error: `must be ${PROGRESS_VERSION}: this file comes from another version of the workbench` }),
  exportedAt: z.string().max(40),
  exercises: z.array(exerciseRow).max(10_000),
  visits: z.array(z.strictObject({ lessonId: id, visitedAt: time })).max(10_000),
});

const NOTHING_CHANGED = 'Nothing was imported; your progress is unchanged.';

/**
 * Validates a progress file completely before anything is written (all-or-nothing).
 * Refuses: more than `MAX_PROGRESS_FILE_BYTES` characters, text that is not JSON, the keys
 * `__proto__` / `constructor` / `prototype` anywhere (prototype pollution), any field of the
 * wrong type or an unknown field, duplicate rows, and lesson or exercise ids the course does
 * not have. Every error message names the place at fault and says nothing was changed.
 */
export function parseProgressFile(text: string, catalog: CourseCatalog): ProgressImportResult {
  const fail = (why: string): ProgressImportResult => ({ ok: false, error: `${why} ${NOTHING_CHANGED}` });
  if (text.length > MAX_PROGRESS_FILE_BYTES) return fail(tooLargeMessage(text.length));
  if (text.trim() === '') return fail('The file is empty.');
  let forbidden: string | undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return value;
    });
  } catch (error) {
    return fail(`The file is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`);
  }
  if (forbidden) return fail(`The file contains the key "${forbidden}", which is never part of a progress file and is refused for safety.`);
  const parsed = fileSchema.safeParse(raw, { error: requiredMessage });
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${formatPath(i.path)} ${i.message}`);
    const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more problems)` : '';
    return fail(`The file does not match the progress format: ${issues.join('; ')}${more}.`);
  }
  const catalogError = checkAgainstCatalog(parsed.data.exercises, parsed.data.visits, catalog);
  if (catalogError) return fail(catalogError);
  const { exercises, visits } = parsed.data;
  const passed = exercises.filter((e) => e.status === 'passed').length;
  return {
    ok: true,
    exercises,
    visits,
    summary: `${exercises.length} exercise record${exercises.length === 1 ? '' : 's'} (${passed} passed) and ${visits.length} lesson visit${visits.length === 1 ? '' : 's'}`,
  };
}

/** Message for a file over the size limit, in MB with one decimal. */
export function tooLargeMessage(bytes: number): string {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `The file is ${mb(bytes)}, more than the ${mb(MAX_PROGRESS_FILE_BYTES)} a progress file can be.`;
}

function checkAgainstCatalog(exercises: readonly ExerciseProgress[], visits: readonly LessonVisit[], catalog: CourseCatalog): string | null {
  const seen = new Set<string>();
  for (const [i, row] of exercises.entries()) {
    const known = Object.hasOwn(catalog, row.lessonId) ? catalog[row.lessonId] : undefined;
    if (!known) return `exercises[${i}] refers to the lesson "${row.lessonId}", which this course does not have.`;
    if (!known.includes(row.exerciseId))
      return `exercises[${i}] refers to the exercise "${row.exerciseId}", which the lesson "${row.lessonId}" does not have.`;
    const key = `${row.lessonId}/${row.exerciseId}`;
    if (seen.has(key)) return `exercises[${i}] repeats the exercise "${key}".`;
    seen.add(key);
  }
  const visited = new Set<string>();
  for (const [i, visit] of visits.entries()) {
    if (!Object.hasOwn(catalog, visit.lessonId)) return `visits[${i}] refers to the lesson "${visit.lessonId}", which this course does not have.`;
    if (visited.has(visit.lessonId)) return `visits[${i}] repeats the lesson "${visit.lessonId}".`;
    visited.add(visit.lessonId);
  }
  return null;
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}
