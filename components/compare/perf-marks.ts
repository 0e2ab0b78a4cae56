'use client';

import { useCallback, useEffect, useRef } from 'react';

/** Performance mark set when the compare view first mounts with run ids (read by `npm run bench:tracking`). */
export const COMPARE_START_MARK = 'compare-start';
/** Performance mark set once the overlaid curves' lines are in the DOM. */
export const COMPARE_READY_MARK = 'compare-ready';
/** The measure between the two marks, visible in the browser's performance panel. */
export const COMPARE_MEASURE = 'compare-view';

function mark(name: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  performance.mark(name);
}

/**
 * Marks `compare-start` the first time the view mounts with run ids, and returns `markReady`,
 * which marks `compare-ready` (and measures between them) once per mount of the view.
 */
export function useCompareMarks(hasRuns: boolean): () => void {
  const started = useRef(false);
  const ready = useRef(false);
  useEffect(() => {
    if (!hasRuns || started.current) return;
    started.current = true;
    mark(COMPARE_START_MARK);
  }, [hasRuns]);
  return useCallback(() => {
    if (ready.current || !started.current) return;
    ready.current = true;
    mark(COMPARE_READY_MARK);
    try {
      performance.measure(COMPARE_MEASURE, COMPARE_START_MARK, COMPARE_READY_MARK);
    } catch {
      // A measure is a convenience for DevTools; the marks are what benchmarks read.
    }
  }, []);
}
