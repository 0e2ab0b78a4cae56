'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { describeStorageError } from '@/lib/tracking/errors';

/**
 * What a view shows while it reads stored records: still loading, a storage failure as a
 * sentence, or the value (which may itself say "not found", e.g. `undefined`).
 */
export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

const LOADING = { status: 'loading' } as const;

/**
 * A live IndexedDB read as a `Loaded<T>`: re-read whenever any tab writes the tables it touched
 * (`useLiveQuery`), failures described by `describeError` instead of thrown.
 */
export function useLiveLoaded<T>(read: () => Promise<T>, deps: unknown[], describeError: (error: unknown) => string = describeStorageError): Loaded<T> {
  return useLiveQuery<Loaded<T>, Loaded<T>>(
    () =>
      read().then(
        (value): Loaded<T> => ({ status: 'ready', value }),
        (error: unknown): Loaded<T> => ({ status: 'error', message: describeError(error) }),
      ),
    deps,
    LOADING,
  );
}
