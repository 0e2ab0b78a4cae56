import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../tracking/db';
import { saveUploadedDataset } from '../tracking/datasets';
import { deleteRun } from '../tracking/runs';
import { lineage } from './lineage';
import { registerModel } from './registry';
import { dropDatabases, seedRun, track } from './test-fixtures';

let count = 0;
const freshDb = () => track(new WorkbenchDatabase(`lineage-${count++}-${Date.now()}`));
afterEach(dropDatabases);

describe('lineage', () => {
  it('links a built-in dataset and its hash to the run and the version, with no deployments until one is made', async () => {
    const db = freshDb();
    await seedRun(db, 'a');
    await registerModel(db, { name: 'm', runId: 'a' }, 2000);
    const l = (await lineage(db, 'm', 1))!;
    expect(l.dataset).toEqual({ id: 'flights', hash: 'hash-abc', split: 'time', name: 'US flights, January–March 2001' });
    expect(l.run).toMatchObject({ id: 'a', exists: true, name: 'run-a', status: 'FINISHED', params: { lr: 0.01 }, startedAt: 1000 });
    expect(l.version).toMatchObject({ name: 'm', version: 1, runId: 'a' });
    expect(l.deployments).toEqual([]);
  });

  it('names an uploaded dataset, and keeps the data version when the run is deleted', async () => {
    const db = freshDb();
    const upload = { id: 'up-1', name: 'My trips', fileName: 'trips.csv', hash: 'h-up', text: 'a,b\n1,2', createdAt: 1, rows: 1, target: 'b', task: 'regression' as const, timeColumn: null, features: ['a'], report: {} };
    await saveUploadedDataset(db, upload);
    await seedRun(db, 'a', { dataset: { id: 'up-1', hash: 'h-up', split: 'random' } });
    await registerModel(db, { name: 'm', runId: 'a' }, 2000);
    await deleteRun(db, 'a');
    const l = (await lineage(db, 'm', 1))!;
    expect(l.dataset).toEqual({ id: 'up-1', hash: 'h-up', split: 'random', name: 'My trips' });
    expect(l.run).toEqual({ id: 'a', exists: false, name: null, status: null, params: null, startedAt: null });
  });

  it('leaves the name out for a dataset this browser no longer has, and is undefined for a missing version', async () => {
    const db = freshDb();
    await seedRun(db, 'a', { dataset: { id: 'deleted-upload', hash: 'h', split: 'random' } });
    await registerModel(db, { name: 'm', runId: 'a' }, 2000);
    expect((await lineage(db, 'm', 1))!.dataset).toEqual({ id: 'deleted-upload', hash: 'h', split: 'random' });
    expect(await lineage(db, 'm', 2)).toBeUndefined();
    expect(await lineage(db, 'nope', 1)).toBeUndefined();
  });
});
