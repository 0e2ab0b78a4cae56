import { lessonSchema } from './schema';
import { requiredMessage } from './zod-messages';
import type { Lesson, LessonInput } from './types';

/** One problem found in a lesson: `field` is a dotted path such as `exercises.0.choices`. */
export interface LessonIssue {
  field: string;
  message: string;
}

/** Thrown by `defineLesson` for an invalid lesson; `issues` name every field at fault. */
export class LessonValidationError extends Error {
  constructor(
    readonly lessonId: string,
    readonly issues: LessonIssue[],
  ) {
    super(`Invalid lesson "${lessonId}": ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`);
    this.name = 'LessonValidationError';
  }
}

/**
 * Validates a lesson definition and fills in defaults (`required: true`, `multiple: false`,
 * `presets: []`). Called at module load by every `lessons/<week>/<lesson>/lesson.ts`, so an
 * invalid lesson fails `lessons:check`, the unit tests and the build.
 *
 * @throws LessonValidationError listing every invalid field, not just the first.
 */
export function defineLesson(input: LessonInput): Lesson {
  const result = lessonSchema.safeParse(input, { error: requiredMessage });
  if (result.success) return result.data as Lesson;
  const raw = input as unknown as { id?: unknown };
  const id = typeof raw?.id === 'string' ? raw.id : '(no id)';
  throw new LessonValidationError(
    id,
    result.error.issues.map((issue) => ({
      field: issue.path.length ? issue.path.join('.') : '(lesson)',
      message: issue.message,
    })),
  );
}

