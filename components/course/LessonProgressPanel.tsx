'use client';

import { useEffect } from 'react';
import { exerciseStatus, indexProgress, lessonCompletion, type LessonOutline } from '@/lib/course/outline';
import { getDatabase } from '@/lib/tracking/db';
import { describeStorageError } from '@/lib/tracking/errors';
import { recordLessonVisit } from '@/lib/tracking/progress';
import { noticeStore } from '@/stores/notices';
import { useProgressRecords } from './use-progress';
import { systemClock } from '@/lib/time';

const STATUS_TEXT = { 'not-started': 'Not started', attempted: 'Attempted', passed: 'Passed' } as const;

/** Sidebar list of the lesson's exercises with their status, linking to each. */
export function LessonExerciseList({ lesson }: { lesson: LessonOutline }) {
  const state = useProgressRecords();
  const index = state.status === 'ready' ? indexProgress(state.value.exercises) : new Map();
  const completion = lessonCompletion(lesson, index);
  return (
    <section aria-labelledby="lesson-exercises-heading" className="sidebar-block">
      <h2 id="lesson-exercises-heading">Exercises</h2>
      <p className="muted small" data-testid="lesson-progress-summary">
        {state.status === 'error'
          ? state.message
          : state.status === 'loading'
            ? 'Loading progress…'
            : `${completion.passed} of ${completion.required} required passed`}
      </p>
      <ul className="exercise-list">
        {lesson.exercises.map((e) => {
          const status = exerciseStatus(index, lesson.id, e.id);
          return (
            <li key={e.id}>
              <a href={`#exercise-${e.id}-card`}>{e.title}</a>{' '}
              <span className={`badge status-${status}`}>{state.status === 'ready' ? STATUS_TEXT[status] : '…'}</span>
              {!e.required && <span className="muted small"> optional</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "Lesson complete" once every required exercise has passed; otherwise what is left. */
export function LessonCompleteBanner({ lesson, nextTitle }: { lesson: LessonOutline; nextTitle?: string }) {
  const state = useProgressRecords();
  if (state.status !== 'ready') return null;
  const c = lessonCompletion(lesson, indexProgress(state.value.exercises));
  return (
    <div className={`notice ${c.complete ? 'ok' : 'info'} lesson-complete`} role="status" data-testid="lesson-completion">
      {c.complete ? (
        <p>
          <strong>Lesson complete.</strong> All {c.required} required exercises passed{nextTitle ? ` — next up: ${nextTitle}.` : '.'}
        </p>
      ) : (
        <p>
          {c.passed} of {c.required} required exercises passed. Pass them all to complete this lesson.
        </p>
      )}
    </div>
  );
}

/**
 * Remembers that this lesson was opened, for "continue where you left off". Renders nothing.
 * If even this small write fails, storage is unavailable: say so once, before the learner
 * answers anything, rather than failing silently.
 */
export function LessonVisitRecorder({ lessonId }: { lessonId: string }) {
  useEffect(() => {
    recordLessonVisit(getDatabase(), lessonId, systemClock.now()).catch((error: unknown) => {
      noticeStore.getState().push('error', describeStorageError(error));
    });
  }, [lessonId]);
  return null;
}
