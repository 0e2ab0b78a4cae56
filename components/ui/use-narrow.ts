'use client';

import { useSyncExternalStore } from 'react';

/** Below this width (a phone held upright) wide tables start from fewer columns. */
export const NARROW_QUERY = '(max-width: 40rem)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(NARROW_QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/** Whether the viewport is phone-narrow (`NARROW_QUERY`); false while rendering on the server. */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW_QUERY).matches,
    () => false,
  );
}
