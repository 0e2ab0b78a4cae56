import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProgress } from '@/lib/course/grading';
import { WorkbenchDatabase } from './db';
import { describeStorageError } from './errors';
import { readProgress, recordLessonVisit, replaceProgress, resetProgress, updateExerciseProgress } from './progress';

let counter = 0;
const dbs: WorkbenchDatabase[] = [];
function freshDb() {
  const db = new WorkbenchDatabase(`test-${++counter}-${Date.now()}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const row = (lessonId: string, exerciseId: string, attempts = 1) => ({ ...emptyProgress(lessonId, exerciseId, 1), attempts, status: 'attempted' as const });

describe('progress storage', () => {
  it('updates one exercise with read-modify-write and reads everything back', async () => {
    const db = freshDb();
    await updateExerciseProgress(db, 'l', 'e', (prev) => ({ ...(prev ?? emptyProgress('l', 'e', 1)), attempts: (prev?.attempts ?? 0) + 1 }));
    await Promise.all(
      [1, 2, 3].map(() => updateExerciseProgress(db, 'l', 'e', (prev) => ({ ...prev!, attempts: prev!.attempts + 1 }))),
    );
    await recordLessonVisit(db, 'l', 5);
    await recordLessonVisit(db, 'l', 9);
    const records = await readProgress(db);
    expect(records.exercises).toHaveLength(1);
    expect(records.exercises[0]!.attempts).toBe(4);
    expect(records.visits).toEqual([{ lessonId: 'l', visitedAt: 9 }]);
  });

  it('resets everything', async () => {
    const db = freshDb();
    await replaceProgress(db, { exercises: [row('a', 'x')], visits: [{ lessonId: 'a', visitedAt: 1 }] });
    await resetProgress(db);
    expect(await readProgress(db)).toEqual({ exercises: [], visits: [] });
  });

  it('replaces all-or-nothing: a failing write leaves the previous progress intact', async () => {
    const db = freshDb();
    await replaceProgress(db, { exercises: [row('a', 'x', 7)], visits: [] });
    // A row without its key fails inside the transaction, after the clear() calls.
    const broken = { ...row('b', 'y'), lessonId: undefined } as unknown as ReturnType<typeof row>;
    await expect(replaceProgress(db, { exercises: [row('c', 'z'), broken], visits: [] })).rejects.toThrow();
    const records = await readProgress(db);
    expect(records.exercises.map((e) => [e.lessonId, e.attempts])).toEqual([['a', 7]]);
  });
});

/**
 * Writes a database as an earlier release left it, with raw IndexedDB (no Dexie): `build` makes
 * its stores and rows. Dexie stores its version N as IndexedDB version N * 10.
 */
function writeRawDatabase(name: string, idbVersion: number, build: (idb: IDBDatabase, transaction: IDBTransaction) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name, idbVersion);
    request.onupgradeneeded = () => build(request.result, request.transaction!);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

/** The stores of release v2 (v1's progress, plus runs, metric chunks and artifacts); returns the runs store. */
function createV2Stores(idb: IDBDatabase): IDBObjectStore {
  idb.createObjectStore('exerciseProgress', { keyPath: ['lessonId', 'exerciseId'] }).createIndex('lessonId', 'lessonId');
  idb.createObjectStore('lessonVisits', { keyPath: 'lessonId' });
  idb.createObjectStore('meta', { keyPath: 'key' });
  const runs = idb.createObjectStore('runs', { keyPath: 'id' });
  for (const index of ['experiment', 'status', 'startedAt', 'name', 'parentRunId']) runs.createIndex(index, index);
  idb.createObjectStore('metricChunks', { keyPath: ['runId', 'key', 'chunk'] }).createIndex('runId', 'runId');
  idb.createObjectStore('artifacts', { keyPath: ['runId', 'name'] }).createIndex('runId', 'runId');
  return runs;
}

describe('schema versions', () => {
  it('upgrades a database written by release v1 (raw IndexedDB, as an old tab left it) and loses nothing', async () => {
    const name = `v1-${Date.now()}`;
    await writeRawDatabase(name, 10, (idb, transaction) => {
      const exercises = idb.createObjectStore('exerciseProgress', { keyPath: ['lessonId', 'exerciseId'] });
      exercises.createIndex('lessonId', 'lessonId');
      exercises.createIndex('status', 'status');
      exercises.createIndex('updatedAt', 'updatedAt');
      idb.createObjectStore('lessonVisits', { keyPath: 'lessonId' }).createIndex('visitedAt', 'visitedAt');
      idb.createObjectStore('meta', { keyPath: 'key' });
      exercises.put(row('what-is-mlops', 'q1', 3));
      transaction.objectStore('lessonVisits').put({ lessonId: 'what-is-mlops', visitedAt: 77 });
    });
    const db = new WorkbenchDatabase(name);
    dbs.push(db);
    const records = await readProgress(db);
    expect(records.exercises).toEqual([row('what-is-mlops', 'q1', 3)]);
    expect(records.visits).toEqual([{ lessonId: 'what-is-mlops', visitedAt: 77 }]);
    // v2 added the run tables, v3 the uploaded datasets, v4 the model registry, v5 rewrote old metric names.
    expect(db.verno).toBe(7);
    expect(await db.runs.count()).toBe(0);
    expect(await db.datasets.count()).toBe(0);
  });

  it('upgrades a database written by release v2 (runs, chunks, artifacts) and loses nothing', async () => {
    const name = `v2-${Date.now()}`;
    const run = { id: 'r1', experiment: 'flights', name: 'old run', status: 'FINISHED', startedAt: 1, endedAt: 2, params: {}, tags: {}, notes: '', dataset: { id: 'flights', hash: 'h', split: 'time' }, backend: 'wasm', seed: 1, lastMetrics: { loss: 1 }, bestMetrics: {}, failure: null, parentRunId: null };
    await writeRawDatabase(name, 20, (idb, transaction) => {
      const runs = createV2Stores(idb);
      runs.put(run);
      transaction.objectStore('metricChunks').put({ runId: 'r1', key: 'loss', chunk: 0, steps: [1], values: [1], writtenAt: 2 });
    });
    const db = new WorkbenchDatabase(name);
    dbs.push(db);
    // The run and its metric survive; v5 recomputed its cached best from the series.
    expect(await db.runs.get('r1')).toEqual({ ...run, bestMetrics: { loss: { value: 1, step: 1 } } });
    expect(await db.metricChunks.count()).toBe(1);
    expect(db.verno).toBe(7);
    expect(await db.datasets.count()).toBe(0);
    expect(await db.registeredModels.count()).toBe(0);
  });

  it('upgrades a database written by release v3 (uploaded datasets) and loses nothing', async () => {
    const name = `v3-${Date.now()}`;
    const dataset = { id: 'upload-1', name: 'mine.csv', createdAt: 5, hash: 'abc', rows: [] };
    await writeRawDatabase(name, 30, (idb) => {
      createV2Stores(idb);
      const datasets = idb.createObjectStore('datasets', { keyPath: 'id' });
      datasets.createIndex('createdAt', 'createdAt');
      datasets.createIndex('hash', 'hash');
      datasets.put(dataset);
    });
    const db = new WorkbenchDatabase(name);
    dbs.push(db);
    expect(db.verno).toBe(7);
    expect(await db.datasets.get('upload-1')).toEqual(dataset);
    expect(await db.modelVersions.count()).toBe(0);
    expect(await db.aliasEvents.count()).toBe(0);
  });
});

describe('describeStorageError', () => {
  it('explains a full disk, blocked storage and other failures', () => {
    const quota = Object.assign(new Error('x'), { name: 'AbortError', inner: new DOMException('full', 'QuotaExceededError') });
    expect(describeStorageError(quota)).toMatch(/run out of storage space/);
    expect(describeStorageError(Object.assign(new Error('x'), { name: 'MissingAPIError' }))).toMatch(/will not let the workbench store data/);
    expect(describeStorageError(new Error('boom'))).toBe('Saving failed (boom). Nothing was changed; please try again.');
  });
});
