import type { RunRecord } from '@/lib/tracking/run-types';

export type SortKey = 'name' | 'status' | 'dataset' | 'startedAt' | 'duration' | 'valLoss' | 'valMetric';

/** The headline validation metric of a run: RMSE for regression, accuracy for classification. */
export function headlineMetric(run: RunRecord): { key: string; value: number | undefined } {
  if (run.lastMetrics.val_rmse !== undefined) return { key: 'val_rmse', value: run.lastMetrics.val_rmse };
  if (run.lastMetrics.val_accuracy !== undefined) return { key: 'val_accuracy', value: run.lastMetrics.val_accuracy };
  return { key: '', value: undefined };
}

function sortValue(run: RunRecord, key: SortKey, now: number): string | number {
  switch (key) {
    case 'name':
      return run.name.toLowerCase();
    case 'status':
      return run.status;
    case 'dataset':
      return run.dataset.id;
    case 'startedAt':
      return run.startedAt;
    case 'duration':
      return (run.endedAt ?? now) - run.startedAt;
    case 'valLoss':
      return run.bestMetrics.val_loss?.value ?? Infinity;
    case 'valMetric':
      return headlineMetric(run).value ?? Infinity;
  }
}

/**
 * Runs matching `query` (case-insensitive, every word must match the name, a tag key, a tag
 * value or "key=value"), sorted by `key`. Missing metrics sort last in either direction.
 */
export function filterAndSortRuns(runs: readonly RunRecord[], query: string, key: SortKey, direction: 'asc' | 'desc', now: number): RunRecord[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (run: RunRecord) => {
    const haystack = [run.name, ...Object.entries(run.tags).flatMap(([k, v]) => [k, v, `${k}=${v}`])].map((s) => s.toLowerCase());
    return words.every((w) => haystack.some((h) => h.includes(w)));
  };
  const sign = direction === 'asc' ? 1 : -1;
  return runs.filter(matches).sort((a, b) => {
    const va = sortValue(a, key, now);
    const vb = sortValue(b, key, now);
    if (va === Infinity || vb === Infinity) return va === vb ? 0 : va === Infinity ? 1 : -1;
    return (va < vb ? -1 : va > vb ? 1 : 0) * sign;
  });
}
