'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { compareHref, parseRunIds } from '@/lib/tracking/compare';

/**
 * The comparison kept in the URL (`?runs=a,b&metric=val_loss`), so it can be shared as a link.
 * Changes replace the history entry (no new Back step per click) and keep the scroll position.
 */
export function useCompareUrl() {
  const params = useSearchParams();
  const router = useRouter();
  const runsParam = params.get('runs');
  const metric = params.get('metric');
  const { ids, overflow } = useMemo(() => parseRunIds(runsParam), [runsParam]);
  const setMetric = useCallback((next: string) => router.replace(compareHref([...ids, ...overflow], next), { scroll: false }), [router, ids, overflow]);
  const removeRuns = useCallback(
    (gone: readonly string[]) => router.replace(compareHref([...ids, ...overflow].filter((id) => !gone.includes(id)), metric ?? undefined), { scroll: false }),
    [router, ids, overflow, metric],
  );
  return { ids, overflow, metric, setMetric, removeRuns };
}
