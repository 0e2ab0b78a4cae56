import type { RunRecord } from './run-types';

/** A finished run with no params, tags or metrics, for tests; `over` replaces any field. */
export function testRun(id: string, over: Partial<RunRecord> = {}): RunRecord {
  return {
    id,
    experiment: 'e',
    name: id,
    status: 'FINISHED',
    startedAt: 0,
    endedAt: 10,
    params: {},
    tags: {},
    notes: '',
    dataset: { id: 'flights', hash: 'h', split: 's' },
    backend: 'wasm',
    seed: 1,
    lastMetrics: {},
    bestMetrics: {},
    failure: null,
    parentRunId: null,
    ...over,
  };
}
