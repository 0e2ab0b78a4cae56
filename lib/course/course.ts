import type { Lesson, Week } from './types';

/** What the registry (`lessons/index.ts`) declares for each week. */
export interface WeekInput {
  week: number;
  title: string;
  summary: string;
  lessons: Lesson[];
}

/** Thrown by `defineCourse` when the registry contradicts its lessons. */
export class CourseValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid course registry (lessons/index.ts): ${problems.join('; ')}`);
    this.name = 'CourseValidationError';
  }
}

/**
 * Validates the registry: weeks numbered 1, 2, 3… in order; each lesson listed under its own
 * week, in `order` 1, 2, 3…; lesson ids unique across the course.
 *
 * @throws CourseValidationError naming every contradiction.
 */
export function defineCourse(weeks: WeekInput[]): Week[] {
  const problems: string[] = [];
  const ids = new Map<string, number>();
  weeks.forEach((week, wi) => {
    if (week.week !== wi + 1) problems.push(`week ${week.week} is listed in position ${wi + 1}`);
    week.lessons.forEach((lesson, li) => {
      if (lesson.week !== week.week) problems.push(`lesson "${lesson.id}" says week ${lesson.week} but is listed under week ${week.week}`);
      if (lesson.order !== li + 1) problems.push(`lesson "${lesson.id}" has order ${lesson.order} but is listed in position ${li + 1}`);
      if (ids.has(lesson.id)) problems.push(`lesson id "${lesson.id}" is used twice`);
      ids.set(lesson.id, week.week);
    });
  });
  if (problems.length) throw new CourseValidationError(problems);
  return weeks.map((w) => ({ week: w.week, title: w.title, summary: w.summary, lessons: w.lessons }));
}

/** All lessons in course order. */
export function allLessons(weeks: readonly Week[]): Lesson[] {
  return weeks.flatMap((w) => w.lessons);
}

/** The lesson with this id, or `undefined`. */
export function findLesson(weeks: readonly Week[], id: string): Lesson | undefined {
  return allLessons(weeks).find((l) => l.id === id);
}

/** The lessons before and after `id` in course order (across weeks). */
export function lessonNeighbours(weeks: readonly Week[], id: string): { previous?: Lesson; next?: Lesson } {
  const lessons = allLessons(weeks);
  const i = lessons.findIndex((l) => l.id === id);
  if (i < 0) return {};
  return { previous: lessons[i - 1], next: lessons[i + 1] };
}

/** The folder of a lesson under `lessons/`: `week-<week>/<order, 2 digits>-<id>`. */
export function lessonFolder(lesson: Pick<Lesson, 'week' | 'order' | 'id'>): string {
  return `week-${lesson.week}/${String(lesson.order).padStart(2, '0')}-${lesson.id}`;
}
