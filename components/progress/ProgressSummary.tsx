'use client';

import Link from 'next/link';
import { indexProgress, lessonCompletion, type WeekOutline } from '@/lib/course/outline';
import { useProgressRecords } from '@/components/course/use-progress';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { formatDateTime } from '@/components/ui/format-time';

/** A table of every lesson with its status, passed exercises and last visit. */
export function ProgressSummary({ weeks }: { weeks: WeekOutline[] }) {
  const state = useProgressRecords();
  if (state.status === 'loading') return <p>Loading your progress…</p>;
  if (state.status === 'error') return <p className="notice error">{state.message}</p>;
  const index = indexProgress(state.value.exercises);
  const visits = new Map(state.value.visits.map((v) => [v.lessonId, v.visitedAt]));
  const lessons = weeks.flatMap((w) => w.lessons);
  const complete = lessons.filter((l) => lessonCompletion(l, index).complete).length;
  const passedExercises = state.value.exercises.filter((e) => e.status === 'passed').length;
  return (
    <>
      <p data-testid="progress-totals">
        <strong>
          {complete} of {lessons.length} lessons complete
        </strong>{' '}
        · {passedExercises} exercise{passedExercises === 1 ? '' : 's'} passed
      </p>
      <ScrollRegion label="Progress per lesson">
        <table data-testid="progress-table">
          <caption className="visually-hidden">Progress per lesson</caption>
          <thead>
            <tr>
              <th scope="col">Lesson</th>
              <th scope="col">Status</th>
              <th scope="col">Required exercises passed</th>
              <th scope="col">Last opened</th>
            </tr>
          </thead>
          <tbody>
            {lessons.map((lesson) => {
              const c = lessonCompletion(lesson, index);
              const visited = visits.get(lesson.id);
              return (
                <tr key={lesson.id}>
                  <th scope="row">
                    <Link href={`/lessons/${lesson.id}`}>
                      W{lesson.week}.{lesson.order} {lesson.title}
                    </Link>
                  </th>
                  <td>{c.complete ? 'Complete' : c.started ? 'In progress' : 'Not started'}</td>
                  <td>
                    {c.passed} of {c.required}
                  </td>
                  <td>{visited ? formatDateTime(visited) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
