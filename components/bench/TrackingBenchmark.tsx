'use client';

import Link from 'next/link';
import { useState } from 'react';
import { BENCH_EXPERIMENT, clearBenchmarkRuns, measureMetricLogging, seedCurveRuns, seedTableRuns } from '@/lib/tracking/bench-seed';
import { getDatabase } from '@/lib/tracking/db';
import { describeStorageError } from '@/lib/tracking/errors';
import { systemClock } from '@/lib/time';

/** The sizes: 100k logged points; a compare view of 20 runs × 10k steps; a table of 1,000 runs. */
const LOG_POINTS = 100_000;
const POINTS_PER_FLUSH = 1000;
const CURVE_RUNS = 20;
const CURVE_STEPS = 10_000;
const TABLE_RUNS = 1000;

interface Seeded {
  log100kPointsMs: number;
  curveRunIds: string[];
}

type State = { phase: 'idle'; message?: string } | { phase: 'running'; status: string } | { phase: 'done'; result: Seeded } | { phase: 'error'; message: string };

/**
 * Writes the tracking benchmark's data into this browser and times the metric logging. The
 * compare view and the runs table time themselves (performance marks), opened from here.
 */
export function TrackingBenchmark() {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const run = async () => {
    const db = getDatabase();
    try {
      setState({ phase: 'running', status: 'Removing earlier benchmark runs…' });
      await clearBenchmarkRuns(db);
      setState({ phase: 'running', status: `Logging ${LOG_POINTS.toLocaleString('en')} points…` });
      const logged = await measureMetricLogging(db, LOG_POINTS, POINTS_PER_FLUSH, systemClock.now());
      setState({ phase: 'running', status: `Writing ${CURVE_RUNS} runs × ${CURVE_STEPS.toLocaleString('en')} steps…` });
      const curveRunIds = await seedCurveRuns(db, CURVE_RUNS, CURVE_STEPS, systemClock.now());
      setState({ phase: 'running', status: `Adding runs up to ${TABLE_RUNS.toLocaleString('en')}…` });
      await seedTableRuns(db, TABLE_RUNS - CURVE_RUNS - 1, systemClock.now());
      setState({ phase: 'done', result: { log100kPointsMs: Math.round(logged.ms), curveRunIds } });
    } catch (error) {
      setState({ phase: 'error', message: describeStorageError(error) });
    }
  };
  const clear = async () => {
    try {
      const removed = await clearBenchmarkRuns(getDatabase());
      setState({ phase: 'idle', message: `Removed ${removed} benchmark runs.` });
    } catch (error) {
      setState({ phase: 'error', message: describeStorageError(error) });
    }
  };
  const compareHref = state.phase === 'done' ? `/workbench/compare?runs=${state.result.curveRunIds.join(',')}&metric=val_loss` : null;
  return (
    <section aria-labelledby="tracking-bench-heading">
      <h2 id="tracking-bench-heading">Tracking at scale</h2>
      <p>
        Adds {TABLE_RUNS.toLocaleString('en')} runs (experiment <code>{BENCH_EXPERIMENT}</code>) to this browser: one with {LOG_POINTS.toLocaleString('en')} logged points (timed), {CURVE_RUNS} with {CURVE_STEPS.toLocaleString('en')} steps each, and the rest with metrics only. Then open the compare view and the runs table; each times its own first render.
      </p>
      <div className="bench-actions">
        <button type="button" className="button" onClick={() => void run()} disabled={state.phase === 'running'}>
          Write the benchmark runs
        </button>
        <button type="button" className="button secondary" onClick={() => void clear()} disabled={state.phase === 'running'}>
          Remove benchmark runs
        </button>
      </div>
      {state.phase === 'running' && <p role="status">{state.status}</p>}
      {state.phase === 'idle' && state.message && <p role="status">{state.message}</p>}
      {state.phase === 'error' && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      {state.phase === 'done' && compareHref && (
        <div role="status">
          <p>
            Logged {LOG_POINTS.toLocaleString('en')} points in {state.result.log100kPointsMs} ms. Now open <Link href={compareHref}>the compare view of {CURVE_RUNS} runs</Link> or <Link href="/workbench/runs">the runs table</Link>.
          </p>
          <pre data-testid="tracking-bench-json">{JSON.stringify(state.result)}</pre>
        </div>
      )}
    </section>
  );
}
