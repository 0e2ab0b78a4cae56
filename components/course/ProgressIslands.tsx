'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import {
  completedLessonIds,
  continueTarget,
  indexProgress,
  lessonCompletion,
  type LessonOutline,
} from '@/lib/course/outline';
import { useProgressRecords } from './use-progress';

/** "Complete" / "In progress 1 of 2" / "Not started" for one lesson. */
export function LessonStatusBadge({ lesson }: { lesson: LessonOutline }) {
  const state = useProgressRecords();
  if (state.status !== 'ready') return <span className="badge">…</span>;
  const c = lessonCompletion(lesson, indexProgress(state.value.exercises));
  if (c.complete) return <span className="badge status-complete">Complete</span>;
  if (c.started)
    return (
      <span className="badge status-in-progress">
        In progress · {c.passed} of {c.required}
      </span>
    );
  return <span className="badge">Not started</span>;
}

/** Lessons completed in a week, as text and a bar. */
export function WeekProgress({ lessons, label }: { lessons: LessonOutline[]; label: string }) {
  const state = useProgressRecords();
  const done = state.status === 'ready' ? completedLessonIds(lessons, state.value.exercises).length : 0;
  const percent = lessons.length ? Math.round((done / lessons.length) * 100) : 0;
  return (
    <div className="week-progress">
      <span data-testid="week-progress">
        {state.status === 'ready' ? `${done} of ${lessons.length} lessons complete` : 'Loading progress…'}
      </span>
      <div className="progress-bar" role="progressbar" aria-label={`${label} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <span style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

const REASON_TEXT = {
  start: 'Start the course',
  resume: 'Continue where you left off',
  next: 'Continue with the next lesson',
  review: 'All lessons complete — review',
} as const;

/** The "continue where you left off" call to action. */
export function ContinueLink({ lessons }: { lessons: LessonOutline[] }) {
  const state = useProgressRecords();
  const target = useMemo(
    () => (state.status === 'ready' ? continueTarget(lessons, state.value.exercises, state.value.visits) : null),
    [state, lessons],
  );
  if (state.status === 'error') return <p className="notice error">{state.message}</p>;
  const lesson = lessons.find((l) => l.id === (target?.lessonId ?? lessons[0]?.id));
  if (!lesson) return null;
  return (
    <div className="continue">
      <Link className="button" href={`/lessons/${lesson.id}`} data-testid="continue-link">
        {target ? REASON_TEXT[target.reason] : REASON_TEXT.start}: {lesson.title}
      </Link>
      <span className="muted">
        Week {lesson.week} · {lesson.minutes} min
      </span>
    </div>
  );
}
