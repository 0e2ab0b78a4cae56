/**
 * The lesson a learner came from when a lesson sent them to the workbench, so that every
 * workbench page can offer "← Back to <lesson>". A lesson's links into the workbench carry
 * `from=<lessonId>` (and `ex=<exerciseId>` from an exercise card); the workbench keeps the origin
 * in sessionStorage for the rest of the visit in that tab, because its own pages link to each
 * other without those params. Framework-free: storage is passed in.
 */
import type { LessonOutline } from './outline';

/** Search param naming the lesson a workbench link was opened from. */
export const FROM_PARAM = 'from';
/** Search param naming the exercise (in that lesson) whose card held the link. */
export const EXERCISE_PARAM = 'ex';
/** Both origin params: the course adds them, lesson authors must not. */
export const ORIGIN_PARAMS = [FROM_PARAM, EXERCISE_PARAM] as const;
/** sessionStorage key of the origin: per tab, gone when the tab closes. */
export const ORIGIN_STORAGE_KEY = 'mlops-workbench:lesson-origin';

/** Where the learner came from: a lesson, and the exercise when the link sat on its card. */
export interface LessonOrigin {
  lessonId: string;
  exerciseId: string | null;
}

/** Titles the back link shows, by lesson id (serializable: handed from the layout to the client). */
export type OriginCatalog = Record<string, { title: string; exercises: Record<string, string> }>;

/** What the back link renders for one origin. */
export interface OriginLink {
  href: string;
  lessonTitle: string;
  /** The exercise's title when the link returns to an exercise card; null for the lesson's top. */
  exerciseTitle: string | null;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const validId = (value: unknown): value is string => typeof value === 'string' && value.length <= 100 && ID.test(value);

/** True for a link to a workbench page (`/workbench`, `/workbench/…`, with or without a query). */
export function isWorkbenchHref(href: string): boolean {
  return /^\/workbench(?:[/?#]|$)/.test(href);
}

/**
 * Adds the origin to a workbench link: `/workbench/train?dataset=flights#x` becomes
 * `/workbench/train?dataset=flights&from=<lesson>&ex=<exercise>#x`. Other links, and links that
 * already name an origin, are returned unchanged. The existing query is kept byte for byte (not
 * re-encoded), so presets reach the page exactly as the author wrote them.
 */
export function withLessonOrigin(href: string, origin: LessonOrigin): string {
  if (!isWorkbenchHref(href) || !validId(origin.lessonId)) return href;
  const hashAt = href.indexOf('#');
  const beforeHash = hashAt < 0 ? href : href.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : href.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  const query = queryAt < 0 ? '' : beforeHash.slice(queryAt + 1);
  if (new URLSearchParams(query).has(FROM_PARAM)) return href;
  const added = new URLSearchParams({ [FROM_PARAM]: origin.lessonId });
  if (origin.exerciseId && validId(origin.exerciseId)) added.set(EXERCISE_PARAM, origin.exerciseId);
  const separator = queryAt < 0 ? '?' : query === '' || query.endsWith('&') ? '' : '&';
  return `${beforeHash}${separator}${added.toString()}${hash}`;
}

/** The origin a workbench URL names, or null when it names none (or a malformed id). */
export function readLessonOrigin(params: Pick<URLSearchParams, 'get'>): LessonOrigin | null {
  const lessonId = params.get(FROM_PARAM);
  if (!validId(lessonId)) return null;
  const exerciseId = params.get(EXERCISE_PARAM);
  return { lessonId, exerciseId: validId(exerciseId) ? exerciseId : null };
}

/** The origin as stored in sessionStorage. */
export function encodeOrigin(origin: LessonOrigin): string {
  return JSON.stringify({ lessonId: origin.lessonId, exerciseId: origin.exerciseId });
}

/** A stored origin, or null when nothing (or something unreadable) is stored. */
export function decodeOrigin(raw: string | null): LessonOrigin | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { lessonId, exerciseId } = value as Record<string, unknown>;
  if (!validId(lessonId)) return null;
  return { lessonId, exerciseId: validId(exerciseId) ? exerciseId : null };
}

/** Two origins name the same place. */
export function sameOrigin(a: LessonOrigin | null, b: LessonOrigin | null): boolean {
  return a !== null && b !== null && a.lessonId === b.lessonId && a.exerciseId === b.exerciseId;
}

/**
 * The origin to show: the one in the URL when it names a lesson of the course (a fresh link from
 * a lesson wins over an older visit), else the stored one, else null. Origins of lessons the
 * course does not have (a stale tab after an update, a hand-edited URL) are ignored.
 */
export function resolveOrigin(fromUrl: LessonOrigin | null, stored: LessonOrigin | null, catalog: OriginCatalog): LessonOrigin | null {
  if (fromUrl && Object.hasOwn(catalog, fromUrl.lessonId)) return fromUrl;
  if (stored && Object.hasOwn(catalog, stored.lessonId)) return stored;
  return null;
}

/** The id of an exercise card in the lesson page (the back link's anchor). */
export function exerciseAnchor(exerciseId: string): string {
  return `exercise-${exerciseId}-card`;
}

/**
 * The back link for an origin: the lesson's page, at the exercise's card when the exercise is
 * known (an unknown one falls back to the top of the lesson). Null for an unknown lesson.
 */
export function originLink(origin: LessonOrigin, catalog: OriginCatalog): OriginLink | null {
  const lesson = Object.hasOwn(catalog, origin.lessonId) ? catalog[origin.lessonId] : undefined;
  if (!lesson) return null;
  const exerciseTitle = origin.exerciseId && Object.hasOwn(lesson.exercises, origin.exerciseId) ? lesson.exercises[origin.exerciseId]! : null;
  const anchor = exerciseTitle !== null && origin.exerciseId ? `#${exerciseAnchor(origin.exerciseId)}` : '';
  return { href: `/lessons/${origin.lessonId}${anchor}`, lessonTitle: lesson.title, exerciseTitle };
}

/** The titles the back link needs, from the course outline. */
export function originCatalog(lessons: readonly LessonOutline[]): OriginCatalog {
  return Object.fromEntries(lessons.map((l) => [l.id, { title: l.title, exercises: Object.fromEntries(l.exercises.map((e) => [e.id, e.title])) }]));
}

/** The part of `Storage` the origin needs (sessionStorage in the browser, a fake in tests). */
export type OriginStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Stores the origin; false when storage refused (the link then lasts while the URL holds it). */
export function rememberOrigin(storage: OriginStorage | null, origin: LessonOrigin): boolean {
  try {
    if (!storage) return false;
    storage.setItem(ORIGIN_STORAGE_KEY, encodeOrigin(origin));
    return true;
  } catch {
    return false;
  }
}

/** Forgets the origin (the learner dismissed the back link). */
export function forgetOrigin(storage: OriginStorage | null): void {
  try {
    storage?.removeItem(ORIGIN_STORAGE_KEY);
  } catch {
    // Storage unavailable: nothing was stored either.
  }
}
