import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from './db';
import { METRIC_CHUNK_POINTS, lowerIsBetter } from './run-types';
import { createRun, deleteRun, finishRun, MetricWriter, readMetric, recoverInterruptedRuns } from './runs';

const dbs: WorkbenchDatabase[] = [];
const freshDb = () => {
  const db = new WorkbenchDatabase(`runs-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const input = { experiment: 'flights', name: 'mlp-1', params: { lr: 0.01, layers: 2 }, dataset: { id: 'flights', hash: 'abc', split: 'time' }, seed: 1 };

describe('runs', () => {
  it('stores metric histories in chunks, written once per flush, and keeps last and best values', async () => {
    const db = freshDb();
    const run = await createRun(db, input, 100, 'r1');
    expect(run.status).toBe('RUNNING');
    const writer = new MetricWriter(db, 'r1');
    const steps = 2500;
    for (let epoch = 0; epoch < 5; epoch++) {
      for (let s = 0; s < steps / 5; s++) {
        const step = epoch * (steps / 5) + s;
        writer.log(step, { loss: 1 / (step + 1), accuracy: step === 1200 ? 0.99 : 0.5 });
      }
      expect(await writer.flush(200 + epoch)).toBe((steps / 5) * 2);
    }
    expect(await writer.flush(300)).toBe(0);
    const chunks = await db.metricChunks.where('runId').equals('r1').toArray();
    // 2 metrics × ceil(2500 / 1000) chunks: rows scale with points / 1000, never per step.
    expect(chunks).toHaveLength(2 * Math.ceil(steps / METRIC_CHUNK_POINTS));
    const loss = await readMetric(db, 'r1', 'loss');
    expect(loss.steps).toEqual(Array.from({ length: steps }, (_, i) => i));
    expect(loss.values[2499]).toBeCloseTo(1 / 2500);
    const stored = (await db.runs.get('r1'))!;
    expect(stored.lastMetrics.loss).toBeCloseTo(1 / 2500);
    expect(stored.bestMetrics.loss).toEqual({ value: 1 / 2500, step: 2499 });
    expect(stored.bestMetrics.accuracy).toEqual({ value: 0.99, step: 1200 });
  });

  it('a new writer continues the last chunk of an existing history', async () => {
    const db = freshDb();
    await createRun(db, input, 0, 'r2');
    const a = new MetricWriter(db, 'r2');
    for (let i = 0; i < 990; i++) a.log(i, { loss: i });
    await a.flush(1);
    const b = new MetricWriter(db, 'r2');
    for (let i = 990; i < 1020; i++) b.log(i, { loss: i });
    await b.flush(2);
    const chunks = await db.metricChunks.where('runId').equals('r2').sortBy('chunk');
    expect(chunks.map((c) => c.values.length)).toEqual([1000, 20]);
    expect((await readMetric(db, 'r2', 'loss')).values).toEqual(Array.from({ length: 1020 }, (_, i) => i));
  });

  it('ignores NaN for best values but records it as the last one', async () => {
    const db = freshDb();
    await createRun(db, input, 0, 'r3');
    const w = new MetricWriter(db, 'r3');
    w.log(0, { loss: 2 });
    w.log(1, { loss: Number.NaN });
    await w.flush(1);
    const run = (await db.runs.get('r3'))!;
    expect(run.bestMetrics.loss).toEqual({ value: 2, step: 0 });
    expect(run.lastMetrics.loss).toBeNaN();
  });

  it('finishes once: a later status does not overwrite the first', async () => {
    const db = freshDb();
    await createRun(db, input, 0, 'r4');
    await finishRun(db, 'r4', 'FAILED', 10, { message: 'Loss became NaN', hint: 'lower the learning rate' });
    await finishRun(db, 'r4', 'FINISHED', 20);
    expect(await db.runs.get('r4')).toMatchObject({ status: 'FAILED', endedAt: 10, failure: { message: 'Loss became NaN' } });
  });

  it('recovers runs left RUNNING by a closed tab as KILLED, keeping their metrics', async () => {
    const db = freshDb();
    await createRun(db, input, 1000, 'open');
    await createRun(db, input, 1000, 'done');
    await finishRun(db, 'done', 'FINISHED', 1500);
    const w = new MetricWriter(db, 'open');
    w.log(0, { loss: 1 });
    await w.flush(1200);
    expect(await recoverInterruptedRuns(db, 9999)).toBe(1);
    expect(await db.runs.get('open')).toMatchObject({ status: 'KILLED', endedAt: 1200 });
    expect((await db.runs.get('open'))!.failure!.message).toMatch(/Interrupted/);
    expect(await db.runs.get('done')).toMatchObject({ status: 'FINISHED', endedAt: 1500 });
    expect((await readMetric(db, 'open', 'loss')).values).toEqual([1]);
    expect(await recoverInterruptedRuns(db, 10_000)).toBe(0);
  });

  it('ends the summary of a sweep interrupted with its tab as KILLED, keeping its trials', async () => {
    const db = freshDb();
    await createRun(db, { ...input, tags: { sweep: 'parent' } }, 1000, 'sweep');
    const summary = { status: 'RUNNING', trials: [{ runId: 't1' }] };
    await db.artifacts.put({ runId: 'sweep', name: 'sweep.json', contentType: 'application/json', data: summary, bytes: null, createdAt: 1 });
    await createRun(db, input, 1000, 'plain');
    expect(await recoverInterruptedRuns(db, 9999)).toBe(2);
    expect((await db.artifacts.get(['sweep', 'sweep.json']))!.data).toEqual({ status: 'KILLED', trials: [{ runId: 't1' }] });
    expect(await db.artifacts.get(['plain', 'sweep.json'])).toBeUndefined();
  });

  it('deletes a run with its metrics and artifacts', async () => {
    const db = freshDb();
    await createRun(db, input, 0, 'gone');
    await createRun(db, input, 0, 'kept');
    for (const id of ['gone', 'kept']) {
      const w = new MetricWriter(db, id);
      w.log(0, { loss: 1 });
      await w.flush(1);
      await db.artifacts.put({ runId: id, name: 'model.json', contentType: 'application/json', data: {}, bytes: null, createdAt: 1 });
    }
    await deleteRun(db, 'gone');
    expect(await db.runs.count()).toBe(1);
    expect(await db.metricChunks.where('runId').equals('gone').count()).toBe(0);
    expect(await db.artifacts.where('runId').equals('gone').count()).toBe(0);
    expect(await db.artifacts.where('runId').equals('kept').count()).toBe(1);
  });

  it('knows which metrics are better lower', () => {
    expect(['loss', 'val_loss', 'rmse', 'val_mae', 'log_loss'].every(lowerIsBetter)).toBe(true);
    expect(['accuracy', 'val_f1', 'auc', 'r2'].some(lowerIsBetter)).toBe(false);
  });
});

describe('MetricWriter after a failed flush', () => {
  it('keeps the points queued and writes them with the next flush, nothing doubled', async () => {
    const db = freshDb();
    await createRun(db, input, 1, 'r');
    const writer = new MetricWriter(db, 'r');
    writer.log(1, { loss: 3 });
    await writer.flush(2);
    writer.log(2, { loss: 2 });
    const put = db.runs.put.bind(db.runs);
    db.runs.put = (() => Promise.reject(Object.assign(new Error("full"), { name: "QuotaExceededError" }))) as unknown as typeof db.runs.put;
    await expect(writer.flush(3)).rejects.toThrow('full');
    db.runs.put = put;
    writer.log(3, { loss: 1 });
    expect(await writer.flush(4)).toBe(2);
    expect(await readMetric(db, 'r', 'loss')).toEqual({ steps: [1, 2, 3], values: [3, 2, 1] });
  });
});
