'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { getDatabase } from '@/lib/tracking/db';
import { describeStorageError } from '@/lib/tracking/errors';
import { readProgress, type ProgressRecords } from '@/lib/tracking/progress';

export type ProgressState =
  | { status: 'loading' }
  | { status: 'ready'; records: ProgressRecords }
  | { status: 'error'; message: string };

const LOADING: ProgressState = { status: 'loading' };

/**
 * The learner's saved progress, live: every component re-renders when any tab writes.
 * Storage failures come back as a message instead of an exception.
 */
export function useProgressRecords(): ProgressState {
  return useLiveQuery<ProgressState, ProgressState>(
    async () => {
      try {
        return { status: 'ready', records: await readProgress(getDatabase()) };
      } catch (error) {
        return { status: 'error', message: describeStorageError(error) };
      }
    },
    [],
    LOADING,
  );
}
