import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from './db';
import { createRun, finishRun, MetricWriter, recoverInterruptedRuns } from './runs';
import { editRun, listArtifacts, listRuns } from './run-edits';

const dbs: WorkbenchDatabase[] = [];
const freshDb = () => {
  const db = new WorkbenchDatabase(`edits-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const input = { experiment: 'flights', name: 'a', params: { lr: 0.01 }, dataset: { id: 'flights', hash: 'abc', split: 'time' }, seed: 1 };

describe('run edits', () => {
  it('renames, tags and annotates; refuses an empty name and drops polluting tag keys', async () => {
    const db = freshDb();
    const run = await createRun(db, input, 1);
    await editRun(db, run.id, { name: '  better name ', tags: { ' best ': 'yes', __proto__: 'x', '': 'y' } as Record<string, string>, notes: 'lr 0.01 wins' });
    const saved = (await db.runs.get(run.id))!;
    expect(saved.name).toBe('better name');
    expect(saved.tags).toEqual({ best: 'yes' });
    expect(Object.getPrototypeOf(saved.tags)).toBe(Object.prototype);
    expect(saved.notes).toBe('lr 0.01 wins');
    await expect(editRun(db, run.id, { name: '   ' })).rejects.toThrow('needs a name');
    await expect(editRun(db, 'gone', { notes: '' })).rejects.toThrow('no longer exists');
  });

  it('lists runs newest first and sizes artifacts', async () => {
    const db = freshDb();
    await createRun(db, { ...input, name: 'old' }, 1, 'r1');
    await createRun(db, { ...input, name: 'new' }, 2, 'r2');
    expect((await listRuns(db)).map((r) => r.name)).toEqual(['new', 'old']);
    await db.artifacts.put({ runId: 'r1', name: 'weights.bin', contentType: 'application/octet-stream', data: null, bytes: new ArrayBuffer(12), createdAt: 1 });
    expect(await listArtifacts(db, 'r1')).toEqual([{ name: 'weights.bin', contentType: 'application/octet-stream', bytes: 12 }]);
  });

  it('start-up recovery leaves runs that another tab is still training (held lock) alone', async () => {
    const db = freshDb();
    await createRun(db, input, 1, 'closed-tab');
    await createRun(db, input, 1, 'other-tab');
    const writer = new MetricWriter(db, 'closed-tab');
    writer.log(1, { loss: 2 });
    await writer.flush(5);
    expect(await recoverInterruptedRuns(db, 10, new Set(['other-tab']))).toBe(1);
    expect((await db.runs.get('closed-tab'))!).toMatchObject({ status: 'KILLED', endedAt: 5, lastMetrics: { loss: 2 } });
    expect((await db.runs.get('other-tab'))!.status).toBe('RUNNING');
    await finishRun(db, 'other-tab', 'FINISHED', 20);
    expect((await db.runs.get('other-tab'))!.status).toBe('FINISHED');
  });
});
