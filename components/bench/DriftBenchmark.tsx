'use client';

import { useState } from 'react';
import { servingWorker } from '@/stores/serving-worker';
import type { DriftBenchResult } from '@/lib/serving/bench-drift';
import { countLongTasks } from './long-tasks';

/** Rows a side and the seed: `npm run bench:drift` regenerates the same data for SciPy from them. */
export const DRIFT_BENCH_ROWS = 100_000;
export const DRIFT_BENCH_SEED = 42;

type Result = DriftBenchResult & { longTasksOver50ms: number | null; longestTaskMs: number | null };
type State = { phase: 'idle' } | { phase: 'running' } | { phase: 'done'; result: Result } | { phase: 'error'; message: string };

/**
 * Times, in the serving worker, a full drift report of 100,000 rows × 10 mixed columns against a
 * 100,000-row reference (every column's default test, with data quality), and a monitoring
 * window's update by 1,000 rows; counts this page's long tasks meanwhile.
 */
export function DriftBenchmark() {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const run = async () => {
    setState({ phase: 'running' });
    const counter = countLongTasks();
    try {
      const figures = await servingWorker().call('benchDrift', { rows: DRIFT_BENCH_ROWS, seed: DRIFT_BENCH_SEED }).result;
      const tasks = await counter.stop();
      setState({ phase: 'done', result: { ...figures, longTasksOver50ms: tasks?.count ?? null, longestTaskMs: tasks?.longestMs ?? null } });
    } catch (error) {
      counter.cancel();
      setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <section aria-labelledby="drift-bench-heading">
      <h2 id="drift-bench-heading">Drift at scale</h2>
      <p>
        Generates 100,000 reference and 100,000 current rows of 10 columns (6 numerical, 4 categorical; seed {DRIFT_BENCH_SEED}) in the serving worker, judges every column with Evidently’s default test, and
        then feeds a monitoring window 1,000 rows at a time.
      </p>
      <div className="bench-actions">
        <button type="button" className="button" onClick={() => void run()} disabled={state.phase === 'running'}>
          Run the drift benchmark
        </button>
      </div>
      {state.phase === 'running' && <p role="status">Measuring…</p>}
      {state.phase === 'error' && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      {state.phase === 'done' && (
        <div role="status">
          <p>
            Report: {state.result.report100kx10Ms.toFixed(0)} ms ({state.result.driftedColumns} of 10 columns drifted). Window update of 1,000 rows: {state.result.windowUpdate1kRowsMs.toFixed(1)} ms. Long tasks on this page: {state.result.longTasksOver50ms ?? 'not measured'}.
          </p>
          <pre data-testid="drift-bench-json">{JSON.stringify(state.result)}</pre>
        </div>
      )}
    </section>
  );
}
