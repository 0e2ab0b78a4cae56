/**
 * The drift benchmark, run in the serving worker (`npm run bench:drift`): a full report of
 * 100,000 rows × 10 mixed columns against a 100,000-row reference with every column's default
 * test, and the time one monitoring window takes to take 1,000 more rows and be judged again.
 */
import { driftReport } from '../drift';
import { benchColumns, BENCH_COLUMNS } from '../monitoring/bench-data';
import { EndpointMonitor } from '../monitoring/endpoint-monitor';
import { DEFAULT_MONITOR_SETTINGS, type ReferenceColumn, type ReferenceProfile } from '../monitoring/profile-types';
import type { LoggedRow } from '../tracking/prediction-log-types';

export interface DriftBenchResult {
  report100kx10Ms: number;
  windowUpdate1kRowsMs: number;
  driftedColumns: number;
  tests: string[];
  rows: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function profileOf(reference: ReturnType<typeof benchColumns>): ReferenceProfile {
  const columns: ReferenceColumn[] = reference.map((c) => (c.kind === 'numerical' ? { name: c.name, kind: 'numerical', values: Float64Array.from(c.values as number[]) } : { name: c.name, kind: 'categorical', values: (c.values as string[]).slice() }));
  const rows = reference[0]!.values.length;
  return { format: 1, model: 'bench', version: 1, source: 'training', task: 'regression', classNames: [], rows, columns, prediction: { name: 'prediction', kind: 'numerical', values: Float64Array.from(reference[0]!.values as number[]) }, target: { name: 'target', kind: 'numerical', values: Float64Array.from(reference[0]!.values as number[]) }, scores: Float64Array.from(reference[0]!.values as number[]), positiveClass: null, estimator: null, estimatorNote: 'benchmark', chunkSize: rows / 10, createdAt: 0 };
}

/**
 * Runs both measurements; `rows` per side (100,000) and `seed` (the SciPy side regenerates the
 * same data from them). `perfNow` is the worker's performance.now.
 */
export function runDriftBench(rows: number, seed: number, perfNow: () => number): DriftBenchResult {
  const reference = benchColumns(rows, seed, false);
  const current = benchColumns(rows, seed + 1, true);
  // One warm-up on a small slice so the JIT has seen every path, then the timed full report.
  driftReport(reference.map((c) => ({ ...c, values: Array.prototype.slice.call(c.values, 0, 2000) as never })), current.map((c) => ({ ...c, values: Array.prototype.slice.call(c.values, 0, 2000) as never })));
  const t0 = perfNow();
  const report = driftReport(reference, current);
  const report100kx10Ms = perfNow() - t0;

  const monitor = new EndpointMonitor('bench', profileOf(reference), DEFAULT_MONITOR_SETTINGS);
  const header = BENCH_COLUMNS.map((c) => c.name);
  const batch = (from: number): LoggedRow[] =>
    Array.from({ length: 1000 }, (_, k) => {
      const r = from + k;
      return { window: 1, requestId: `b${r}`, rowIndex: 0, at: 0, version: 1, role: 'answer', latencyMs: 1, columns: header, inputs: current.map((c) => c.values[r]), prediction: current[0]!.values[r] as number, score: current[0]!.values[r] as number, status: 'ok', issues: [] };
    });
  const span = { start: 0, end: 1 };
  const times: number[] = [];
  for (let i = 0; i < 11; i++) {
    const rowsIn = batch(i * 1000);
    const start = perfNow();
    monitor.observe(rowsIn, span);
    monitor.takeChanged(0, 0);
    // The first update also prepares (sorts) the reference once: the steady state is what a replay pays.
    if (i > 0) times.push(perfNow() - start);
  }
  return { report100kx10Ms, windowUpdate1kRowsMs: median(times), driftedColumns: report.dataset.driftedColumns, tests: report.columns.map((c) => `${c.column}:${c.test}`), rows };
}
