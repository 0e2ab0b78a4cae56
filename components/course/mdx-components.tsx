import type { ComponentPropsWithoutRef } from 'react';
import { toExerciseView } from '@/lib/course/exercise-view';
import { withLessonOrigin } from '@/lib/course/lesson-origin';
import type { Lesson } from '@/lib/course/types';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { Callout, Figure } from './Callout';
import { ExerciseCard } from './ExerciseCard';
import { FlightsByMonth } from './figures/FlightsByMonth';
import { MaturityLadder } from './figures/MaturityLadder';
import { PhaseLoop } from './figures/PhaseLoop';

/**
 * The components lesson MDX may use, without importing them. Keep in step with
 * `LESSON_COMPONENTS` in lib/course/mdx.ts, which `lessons:check` enforces.
 */
export function lessonMdxComponents(lesson: Lesson) {
  function Exercise({ id }: { id: string }) {
    const exercise = lesson.exercises.find((e) => e.id === id);
    if (!exercise) return <p className="notice error">Unknown exercise “{id}” (lessons:check reports this).</p>;
    return <ExerciseCard lessonId={lesson.id} exercise={toExerciseView(exercise)} />;
  }
  return {
    Exercise,
    Callout,
    Figure,
    PhaseLoop,
    MaturityLadder,
    FlightsByMonth,
    table: (props: ComponentPropsWithoutRef<'table'>) => (
      <ScrollRegion label="Table">
        <table {...props} />
      </ScrollRegion>
    ),
    // Links into the workbench carry the lesson, so every workbench page can link back to it.
    a: ({ href, ...props }: ComponentPropsWithoutRef<'a'>) => <a {...props} href={href === undefined ? href : withLessonOrigin(href, { lessonId: lesson.id, exerciseId: null })} />,
    // A code block scrolls sideways on a phone, so keyboard users must be able to focus it.
    pre: (props: ComponentPropsWithoutRef<'pre'>) => <pre {...props} tabIndex={0} />,
  };
}
