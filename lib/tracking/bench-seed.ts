import type { WorkbenchDatabase } from './db';
import type { RunRecord } from './run-types';
import { createRun, MetricWriter } from './runs';

/** Experiment name of every run the tracking benchmark writes, so they can be removed together. */
export const BENCH_EXPERIMENT = 'tracking-benchmark';

const DATASET = { id: 'flights', hash: 'benchmark', split: 'time' };

/** A deterministic, bumpy training curve: decays, with noise, then creeps up (overfitting). */
function curve(run: number, step: number, steps: number): number {
  const t = step / steps;
  const noise = Math.sin(step * 12.9898 + run * 78.233) * 0.02;
  return 1 / (1 + 8 * t) + 0.1 * t * t + run * 0.005 + noise;
}

/**
 * Logs `points` metric points through the tracking API the trainer uses (`MetricWriter`):
 * `pointsPerFlush` steps of one metric per flush (one transaction, as one epoch would), flushes
 * awaited in turn. Resolves to the elapsed milliseconds (`performance.now()`), excluding the
 * run's creation.
 */
export async function measureMetricLogging(db: WorkbenchDatabase, points: number, pointsPerFlush: number, now: number): Promise<{ runId: string; ms: number }> {
  const run = await createRun(db, { experiment: BENCH_EXPERIMENT, name: `log ${points} points`, params: {}, dataset: DATASET, seed: 0 }, now);
  const writer = new MetricWriter(db, run.id);
  const started = performance.now();
  for (let step = 0; step < points; step++) {
    writer.log(step, { loss: curve(0, step, points) });
    if ((step + 1) % pointsPerFlush === 0) await writer.flush(now);
  }
  await writer.flush(now);
  return { runId: run.id, ms: performance.now() - started };
}

/**
 * Writes `runs` finished runs with `steps` points each of `loss` and `val_loss` (for the compare
 * view). Returns their ids, in order.
 */
export async function seedCurveRuns(db: WorkbenchDatabase, runs: number, steps: number, now: number): Promise<string[]> {
  const ids: string[] = [];
  for (let r = 0; r < runs; r++) {
    const run = await createRun(db, { experiment: BENCH_EXPERIMENT, name: `curves ${r + 1}`, params: benchParams(r), dataset: DATASET, seed: r }, now);
    const writer = new MetricWriter(db, run.id);
    for (let step = 0; step < steps; step++) {
      writer.log(step, { loss: curve(r, step, steps) * 0.9, val_loss: curve(r, step, steps) });
      if ((step + 1) % 1000 === 0) await writer.flush(now);
    }
    await writer.flush(now);
    await db.runs.update(run.id, { status: 'FINISHED', endedAt: now + 1000 });
    ids.push(run.id);
  }
  return ids;
}

/** Adds `count` finished runs (params, tags, best and last metrics, no histories) in one bulk write. */
export async function seedTableRuns(db: WorkbenchDatabase, count: number, now: number): Promise<void> {
  const rows: RunRecord[] = [];
  for (let i = 0; i < count; i++) {
    const last = curve(i % 50, 100, 100);
    rows.push({
      id: `bench-${now}-${i}`,
      experiment: BENCH_EXPERIMENT,
      name: `table run ${i + 1}`,
      status: i % 17 === 0 ? 'FAILED' : 'FINISHED',
      startedAt: now - i * 60_000,
      endedAt: now - i * 60_000 + 20_000 + (i % 7) * 1000,
      params: benchParams(i),
      tags: { stage: i % 3 === 0 ? 'baseline' : 'tuning' },
      notes: '',
      dataset: DATASET,
      backend: 'wasm',
      seed: i,
      lastMetrics: { loss: last * 0.9, val_loss: last, val_rmse: 30 + last * 5, val_mae: 20 + last },
      bestMetrics: { loss: { value: last * 0.8, step: 80 }, val_loss: { value: last * 0.95, step: 60 }, val_rmse: { value: 30 + last * 4, step: 60 }, val_mae: { value: 19 + last, step: 60 } },
      failure: null,
      parentRunId: null,
    });
  }
  await db.runs.bulkAdd(rows);
}

function benchParams(i: number): RunRecord['params'] {
  return {
    task: 'regression',
    target: 'delay',
    model: 'mlp',
    hiddenLayers: ['16', '32-16', '64-32'][i % 3]!,
    learningRate: [0.001, 0.003, 0.01, 0.03][i % 4]!,
    batchSize: [32, 64, 128][i % 3]!,
    dropout: (i % 5) / 10,
    optimizer: i % 2 ? 'adam' : 'sgd',
    epochs: 20,
  };
}

/** Deletes every run (with its metrics and artifacts) the tracking benchmark wrote; resolves to how many. */
export async function clearBenchmarkRuns(db: WorkbenchDatabase): Promise<number> {
  return db.transaction('rw', db.runs, db.metricChunks, db.artifacts, async () => {
    const ids = (await db.runs.where('experiment').equals(BENCH_EXPERIMENT).primaryKeys()) as string[];
    await db.metricChunks.where('runId').anyOf(ids).delete();
    await db.artifacts.where('runId').anyOf(ids).delete();
    await db.runs.bulkDelete(ids);
    return ids.length;
  });
}
