import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from './db';
import { BENCH_EXPERIMENT, clearBenchmarkRuns, measureMetricLogging, seedCurveRuns, seedTableRuns } from './bench-seed';
import { readMetric } from './runs';

const dbs: WorkbenchDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const open = () => {
  const db = new WorkbenchDatabase(`bench-${Math.random()}`);
  dbs.push(db);
  return db;
};

describe('tracking benchmark seeding', () => {
  it('logs every point through the metric writer, in chunks', async () => {
    const db = open();
    const { runId, ms } = await measureMetricLogging(db, 2500, 1000, 1);
    expect(ms).toBeGreaterThan(0);
    const loss = await readMetric(db, runId, 'loss');
    expect(loss.values).toHaveLength(2500);
    expect(loss.steps.at(-1)).toBe(2499);
    expect(await db.metricChunks.count()).toBe(3);
  });

  it('seeds curve runs and table runs, and clears only benchmark runs', async () => {
    const db = open();
    const ids = await seedCurveRuns(db, 2, 1500, 1);
    expect((await readMetric(db, ids[1]!, 'val_loss')).values).toHaveLength(1500);
    expect((await db.runs.get(ids[0]!))?.status).toBe('FINISHED');
    await seedTableRuns(db, 30, 1);
    expect(await db.runs.where('experiment').equals(BENCH_EXPERIMENT).count()).toBe(32);
    await db.runs.add({ ...(await db.runs.get(ids[0]!))!, id: 'mine', experiment: 'flights' });
    expect(await clearBenchmarkRuns(db)).toBe(32);
    expect(await db.runs.count()).toBe(1);
    expect(await db.metricChunks.count()).toBe(0);
  });
});
