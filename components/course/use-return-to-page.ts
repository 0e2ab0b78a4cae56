'use client';

import { useEffect, useRef } from 'react';
import { systemClock } from '@/lib/time';

/** Returning fires up to three events at once (visibilitychange, focus, pageshow): act once. */
const SETTLE_MS = 1500;

/**
 * Calls `onReturn` when the learner comes back to this page: the tab becomes visible again,
 * the window regains focus (another window, or the workbench in another tab), or the browser
 * restores the page from its back-forward cache (which fires neither of the others).
 */
export function useReturnToPage(onReturn: () => void): void {
  const latest = useRef(onReturn);
  useEffect(() => {
    latest.current = onReturn;
  });
  useEffect(() => {
    let last = -Infinity;
    const fire = () => {
      if (document.visibilityState !== 'visible') return;
      const now = systemClock.now();
      if (now - last < SETTLE_MS) return;
      last = now;
      latest.current();
    };
    const onPageShow = (e: PageTransitionEvent) => {
      if (e.persisted) fire();
    };
    document.addEventListener('visibilitychange', fire);
    window.addEventListener('focus', fire);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      document.removeEventListener('visibilitychange', fire);
      window.removeEventListener('focus', fire);
      window.removeEventListener('pageshow', onPageShow);
    };
  }, []);
}
