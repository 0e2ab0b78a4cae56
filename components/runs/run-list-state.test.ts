import { describe, expect, it } from 'vitest';
import type { RunRecord } from '@/lib/tracking/run-types';
import { filterAndSortRuns } from './run-list-state';

const run = (id: string, over: Partial<RunRecord>): RunRecord => ({
  id, experiment: 'e', name: id, status: 'FINISHED', startedAt: 0, endedAt: 10, params: {}, tags: {}, notes: '', dataset: { id: 'flights', hash: 'h', split: 's' }, backend: 'wasm', seed: 1, lastMetrics: {}, bestMetrics: {}, failure: null, parentRunId: null, ...over,
});

describe('filterAndSortRuns', () => {
  const runs = [
    run('alpha', { tags: { stage: 'baseline' }, startedAt: 1, bestMetrics: { val_loss: { value: 3, step: 1 } } }),
    run('beta', { tags: { best: '' }, startedAt: 2, bestMetrics: { val_loss: { value: 1, step: 1 } } }),
    run('gamma', { startedAt: 3 }),
  ];
  it('searches names, tag keys, values and key=value', () => {
    expect(filterAndSortRuns(runs, 'stage=base', 'name', 'asc', 0).map((r) => r.id)).toEqual(['alpha']);
    expect(filterAndSortRuns(runs, 'BEST', 'name', 'asc', 0).map((r) => r.id)).toEqual(['beta']);
    expect(filterAndSortRuns(runs, 'a', 'name', 'asc', 0).map((r) => r.id)).toEqual(['alpha', 'beta', 'gamma']);
    expect(filterAndSortRuns(runs, 'nothing', 'name', 'asc', 0)).toEqual([]);
  });
  it('sorts both ways, missing metrics last', () => {
    expect(filterAndSortRuns(runs, '', 'valLoss', 'asc', 0).map((r) => r.id)).toEqual(['beta', 'alpha', 'gamma']);
    expect(filterAndSortRuns(runs, '', 'valLoss', 'desc', 0).map((r) => r.id)).toEqual(['alpha', 'beta', 'gamma']);
    expect(filterAndSortRuns(runs, '', 'startedAt', 'desc', 0).map((r) => r.id)).toEqual(['gamma', 'beta', 'alpha']);
  });
});
