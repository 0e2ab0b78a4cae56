'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { emptyProgress } from '@/lib/course/grading';
import type { ExerciseProgress } from '@/lib/course/types';
import { getDatabase } from '@/lib/tracking/db';
import { describeStorageError } from '@/lib/tracking/errors';
import { readExerciseProgress, updateExerciseProgress } from '@/lib/tracking/progress';
import { systemClock } from '@/lib/time';

export interface ExerciseState {
  loaded: boolean;
  progress: ExerciseProgress | undefined;
  saving: boolean;
  saveError: string | null;
  /** Applies `change` to the saved state in one transaction; reports storage failures. */
  save: (change: (previous: ExerciseProgress) => ExerciseProgress) => Promise<boolean>;
}

/** One exercise's saved state, live across tabs, with a safe way to change it. */
export function useExercise(lessonId: string, exerciseId: string): ExerciseState {
  const row = useLiveQuery(
    async () => ({ value: await readExerciseProgress(getDatabase(), lessonId, exerciseId).catch(() => undefined) }),
    [lessonId, exerciseId],
  );
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const save = useCallback(
    async (change: (previous: ExerciseProgress) => ExerciseProgress) => {
      setSaving(true);
      setSaveError(null);
      try {
        await updateExerciseProgress(getDatabase(), lessonId, exerciseId, (prev) => change(prev ?? emptyProgress(lessonId, exerciseId, systemClock.now())));
        return true;
      } catch (error) {
        // Shown inline on the exercise card, where the learner acted.
        setSaveError(describeStorageError(error));
        return false;
      } finally {
        setSaving(false);
      }
    },
    [lessonId, exerciseId],
  );

  return { loaded: row !== undefined, progress: row?.value, saving, saveError, save };
}
