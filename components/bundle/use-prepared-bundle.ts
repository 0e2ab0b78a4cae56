'use client';

import { useEffect, useState } from 'react';
import { getDatabase } from '@/lib/tracking/db';
import { describeStorageError } from '@/lib/tracking/errors';
import { BundleExportError, exportBundle, type BundleExport, type BundleSelection } from '@/lib/tracking/bundle/export';
import { formatBytes, MAX_BUNDLE_BYTES } from '@/lib/tracking/bundle/format';
import { systemClock } from '@/lib/time';

export type PreparedBundle =
  | { state: 'empty' }
  | { state: 'preparing' }
  | { state: 'ready'; blob: Blob; result: Omit<BundleExport, 'json'> }
  | { state: 'error'; message: string };

const DEBOUNCE_MS = 400;

/**
 * Builds the bundle for `selection` shortly after it stops changing, so the page can show its
 * exact size and download it at once. `revision` changes when the stored data does (a live
 * query), which rebuilds it. Holds the file as a Blob; stale builds are dropped.
 */
export function usePreparedBundle(selection: BundleSelection | null, revision: unknown): PreparedBundle {
  const key = selection ? JSON.stringify(selection) : '';
  // The last build and the selection it was built for.
  const [built, setBuilt] = useState<{ key: string; value: PreparedBundle } | null>(null);
  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    const done = (value: PreparedBundle) => {
      if (!cancelled) setBuilt({ key, value });
    };
    const timer = setTimeout(() => {
      exportBundle(getDatabase(), JSON.parse(key) as BundleSelection, systemClock.now()).then(
        ({ json, ...result }) => {
          const blob = new Blob([json], { type: 'application/json' });
          done(blob.size > MAX_BUNDLE_BYTES ? { state: 'error', message: tooLarge(formatBytes(blob.size)) } : { state: 'ready', blob, result });
        },
        (error: unknown) => {
          // JSON.stringify throws a RangeError past the longest string the engine can build.
          if (error instanceof RangeError) done({ state: 'error', message: tooLarge('too large to build') });
          else done({ state: 'error', message: error instanceof BundleExportError ? error.message : describeStorageError(error) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, revision]);
  if (!key) return { state: 'empty' };
  // After a change of the stored data (not of the selection) the previous build stays usable
  // until the new one lands: it is a consistent snapshot, at most a second old.
  return built && built.key === key ? built.value : { state: 'preparing' };
}

function tooLarge(size: string): string {
  return `This bundle would be ${size}, more than the ${formatBytes(MAX_BUNDLE_BYTES)} a bundle can be, so no import could read it. Select fewer runs, or leave out the datasets.`;
}
