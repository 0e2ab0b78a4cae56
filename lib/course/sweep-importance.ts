// Parameter importance for checks: lessons may import lib/course only, so the statistic they
// grade against is reached through here rather than from lib/ml directly.
import { parameterImportance, type ImportanceScores } from '@/lib/ml/sweep/importance';
import type { SnapshotSweep } from './types';

export type { ImportanceScores, ParamImportance } from '@/lib/ml/sweep/importance';

/**
 * A snapshot sweep's parameter importance with its shuffled baseline, recomputed from its
 * trials exactly as the sweep's results show it (same method, permutations and seed), so a
 * check agrees with the page whether `sweep.json` was written before or after the baseline
 * existed. Params are the searched ones, or the stored scores' when the space is unknown.
 * Null until at least 3 trials have a value (or with no param to rank).
 */
export function sweepImportanceOf(sweep: Pick<SnapshotSweep, 'trials' | 'searched' | 'importance'>): ImportanceScores | null {
  const params = sweep.searched.length > 0 ? sweep.searched : (sweep.importance?.scores.map((s) => s.param) ?? []);
  if (params.length === 0) return null;
  return parameterImportance(sweep.trials, params).importance;
}
