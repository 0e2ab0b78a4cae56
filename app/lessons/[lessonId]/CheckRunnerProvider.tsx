'use client';

import type { ReactNode } from 'react';
import { CheckRunnerContext, type CheckRunner } from '@/components/course/check-runner-context';
import { allLessons, findLesson } from '@/lib/course/course';
import { outlineLesson } from '@/lib/course/outline';
import { buildSnapshot } from '@/lib/course/snapshot-domains';
import { getDatabase } from '@/lib/tracking/db';
import { systemClock } from '@/lib/time';

/**
 * Grades `check` exercises in the browser. The lesson registry (with every check function and
 * its validation) is loaded only when the learner asks for a check, not with the page.
 */
const runCheck: CheckRunner = async (lessonId, exerciseId) => {
  const { course } = await import('@/lessons/index');
  const exercise = findLesson(course, lessonId)?.exercises.find((e) => e.id === exerciseId);
  if (!exercise || exercise.kind !== 'check') throw new Error(`no check exercise "${exerciseId}" in lesson "${lessonId}"`);
  const snapshot = await buildSnapshot(getDatabase(), allLessons(course).map(outlineLesson), systemClock.now());
  return exercise.check(snapshot);
};

export function CheckRunnerProvider({ children }: { children: ReactNode }) {
  return <CheckRunnerContext value={runCheck}>{children}</CheckRunnerContext>;
}
