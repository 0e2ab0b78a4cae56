'use client';

import { useLiveLoaded, type Loaded } from '@/components/ui/use-loaded';
import { getDatabase } from '@/lib/tracking/db';
import { readProgress, type ProgressRecords } from '@/lib/tracking/progress';

export type ProgressState = Loaded<ProgressRecords>;

/**
 * The learner's saved progress, live: every component re-renders when any tab writes.
 * Storage failures come back as a message instead of an exception.
 */
export function useProgressRecords(): ProgressState {
  return useLiveLoaded(() => readProgress(getDatabase()), []);
}
