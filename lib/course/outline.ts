import type { ExerciseProgress, ExerciseStatus, Lesson, LessonVisit, MaturityLevel, Week } from './types';

/**
 * The serializable shape of the course that pages hand to client components: no check
 * functions, no zod, just what progress needs.
 */
export interface LessonOutline {
  id: string;
  week: number;
  order: number;
  title: string;
  minutes: number;
  maturityLevel: MaturityLevel;
  exercises: Array<{ id: string; title: string; required: boolean }>;
}

export interface WeekOutline {
  week: number;
  title: string;
  lessons: LessonOutline[];
}

/** Strips a lesson to its outline. */
export function outlineLesson(lesson: Lesson): LessonOutline {
  return {
    id: lesson.id,
    week: lesson.week,
    order: lesson.order,
    title: lesson.title,
    minutes: lesson.minutes,
    maturityLevel: lesson.maturityLevel,
    exercises: lesson.exercises.map((e) => ({ id: e.id, title: e.title, required: e.required })),
  };
}

/** Strips every week to its outline. */
export function outlineCourse(weeks: readonly Week[]): WeekOutline[] {
  return weeks.map((w) => ({ week: w.week, title: w.title, lessons: w.lessons.map(outlineLesson) }));
}

/** Indexes saved exercise rows by `lessonId/exerciseId`. */
export function indexProgress(rows: readonly ExerciseProgress[]): Map<string, ExerciseProgress> {
  return new Map(rows.map((r) => [progressKey(r.lessonId, r.exerciseId), r]));
}

export function progressKey(lessonId: string, exerciseId: string): string {
  return `${lessonId}/${exerciseId}`;
}

/** Status of one exercise; `not-started` when no row was saved. */
export function exerciseStatus(index: Map<string, ExerciseProgress>, lessonId: string, exerciseId: string): ExerciseStatus {
  return index.get(progressKey(lessonId, exerciseId))?.status ?? 'not-started';
}

export interface LessonCompletion {
  /** Required exercises passed. */
  passed: number;
  /** Required exercises in the lesson. */
  required: number;
  /** True when every required exercise has passed (a lesson with none is complete once any exercise passed). */
  complete: boolean;
  /** True when any exercise was tried. */
  started: boolean;
}

/** How far the learner is in one lesson. */
export function lessonCompletion(lesson: LessonOutline, index: Map<string, ExerciseProgress>): LessonCompletion {
  const statuses = lesson.exercises.map((e) => ({ required: e.required, status: exerciseStatus(index, lesson.id, e.id) }));
  const required = statuses.filter((s) => s.required);
  const passed = required.filter((s) => s.status === 'passed').length;
  const started = statuses.some((s) => s.status !== 'not-started');
  const complete = required.length > 0 ? passed === required.length : statuses.some((s) => s.status === 'passed');
  return { passed, required: required.length, complete, started };
}

/** Ids of complete lessons, in course order. */
export function completedLessonIds(lessons: readonly LessonOutline[], rows: readonly ExerciseProgress[]): string[] {
  const index = indexProgress(rows);
  return lessons.filter((l) => lessonCompletion(l, index).complete).map((l) => l.id);
}

/**
 * Where the learner stands on the maturity ladder: the highest level L such that at least one
 * lesson teaches L and every lesson at level L or below is complete. `null` before that.
 */
export function maturityStanding(lessons: readonly LessonOutline[], completed: ReadonlySet<string>): MaturityLevel | null {
  let standing: MaturityLevel | null = null;
  for (const level of [0, 1, 2, 3, 4] as const) {
    const atLevel = lessons.filter((l) => l.maturityLevel === level);
    if (atLevel.length === 0) break;
    const allBelowDone = lessons.filter((l) => l.maturityLevel <= level).every((l) => completed.has(l.id));
    if (!allBelowDone) break;
    standing = level;
  }
  return standing;
}

export interface ContinueTarget {
  lessonId: string;
  reason: 'start' | 'resume' | 'next' | 'review';
}

/**
 * The lesson behind "continue where you left off": the most recently opened lesson that is
 * not complete; else the first incomplete lesson in course order; else (all done) the most
 * recently opened lesson for review. `null` for an empty course.
 */
export function continueTarget(
  lessons: readonly LessonOutline[],
  rows: readonly ExerciseProgress[],
  visits: readonly LessonVisit[],
): ContinueTarget | null {
  if (lessons.length === 0) return null;
  const completed = new Set(completedLessonIds(lessons, rows));
  const known = new Set(lessons.map((l) => l.id));
  const recent = [...visits].filter((v) => known.has(v.lessonId)).sort((a, b) => b.visitedAt - a.visitedAt);
  const resume = recent.find((v) => !completed.has(v.lessonId));
  if (resume) return { lessonId: resume.lessonId, reason: 'resume' };
  const firstOpen = lessons.find((l) => !completed.has(l.id));
  if (firstOpen) return { lessonId: firstOpen.id, reason: recent.length === 0 && completed.size === 0 ? 'start' : 'next' };
  return { lessonId: recent[0]?.lessonId ?? lessons[0]!.id, reason: 'review' };
}
