import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../tracking/db';
import { createRun, finishRun } from '../tracking/runs';
import type { SweepSummary } from '../tracking/sweep-types';
import { endSweepByForce, readSweepSummary, writeSweepSummary } from './sweep-record';

const dbs: WorkbenchDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const base = { experiment: 'e', params: {}, dataset: { id: 'd', hash: 'h', split: 's' }, seed: 1 };
const summary = (): SweepSummary => ({ search: 'grid', space: [{ param: 'learningRate', kind: 'values', values: [0.1, 0.01] }], objective: { metric: 'val_loss', direction: 'minimize' }, earlyStopping: 'none', budget: { maxTrials: 2, maxMinutes: null }, folds: null, seed: 1, trials: [], importance: null, status: 'RUNNING' });

describe('endSweepByForce', () => {
  it('ends the running trial and the parent, adds the trial to sweep.json and marks it KILLED, keeping finished trials', async () => {
    const db = new WorkbenchDatabase(`sweep-record-${Date.now()}`);
    dbs.push(db);
    const parent = await createRun(db, { ...base, name: 'sweep', tags: { sweep: 'parent' } }, 1);
    const done = await createRun(db, { ...base, name: 't1', parentRunId: parent.id }, 2);
    await finishRun(db, done.id, 'FINISHED', 3);
    const running = await createRun(db, { ...base, name: 't2', parentRunId: parent.id }, 4);
    const s = summary();
    s.trials.push({ runId: done.id, params: { learningRate: 0.1 }, value: 0.4, std: null, status: 'FINISHED', epochs: 3 });
    await writeSweepSummary(db, parent.id, s, 5);
    s.status = 'FINISHED'; // a later edit of the caller's object must not leak into the stored copy
    const failure = { message: 'Cancelled.', hint: 'Kept.' };
    await endSweepByForce(db, { parentRunId: parent.id, trial: { runId: running.id, params: { learningRate: 0.01 } }, status: 'KILLED', failure, now: 6 });
    const stored = (await readSweepSummary(db, parent.id))!;
    expect(stored.status).toBe('KILLED');
    expect(stored.trials.map((t) => [t.runId, t.status, t.value])).toEqual([
      [done.id, 'FINISHED', 0.4],
      [running.id, 'KILLED', null],
    ]);
    expect((await db.runs.get(parent.id))).toMatchObject({ status: 'KILLED', failure, endedAt: 6 });
    expect((await db.runs.get(running.id))?.status).toBe('KILLED');
    expect((await db.runs.get(done.id))?.status).toBe('FINISHED');
  });
});
