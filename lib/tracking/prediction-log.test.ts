import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from './db';
import { LOG_CHUNK_ROWS, PredictionLogWriter } from './prediction-log';
import { readLogPage } from './prediction-log-read';
import { deleteEndpointTraffic, readLogState, retentionNotice } from './prediction-log-state';
import type { ReplayRecord } from './serving-types';
import { testLogRow, testWindow } from './test-log';

const dbs: WorkbenchDatabase[] = [];
const freshDb = () => {
  const db = new WorkbenchDatabase(`prediction-log-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const chunksOf = async (db: WorkbenchDatabase, endpoint = 'ep') => db.predictionLog.where('endpoint').equals(endpoint).toArray();
const quota = () => Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });

describe('PredictionLogWriter', () => {
  it('writes 2,500 rows as 3 chunks of one window, not a row per request', async () => {
    const db = freshDb();
    const writer = new PredictionLogWriter(db, 'ep', 'replay-1');
    // 1,250 requests of 2 rows each.
    for (let n = 0; n < 1250; n++) for (const rowIndex of [0, 1]) writer.log(testLogRow(n, { rowIndex }));
    expect(await writer.flush()).toEqual({ rows: 2500, labels: 0, dropped: 0 });
    const chunks = await chunksOf(db);
    expect(chunks.map((c) => [c.window, c.chunk, c.requestIds.length])).toEqual([
      [0, 0, LOG_CHUNK_ROWS],
      [0, 1, LOG_CHUNK_ROWS],
      [0, 2, 500],
    ]);
    expect(chunks[2]!.requestIds.slice(0, 2)).toEqual(['r1000', 'r1000']);
    expect(chunks[2]!.rowIndex.slice(0, 2)).toEqual([0, 1]);
    expect(await readLogState(db, 'ep')).toMatchObject({ rows: 2500, dropped: 0, columns: ['distance', 'hour'], windows: { '0': { rows: 2500, lastChunk: 2, lastChunkRows: 500 } } });
  });

  it('rewrites a partly filled chunk with more rows on the next flush, also from a new writer after a reload', async () => {
    const db = freshDb();
    const first = new PredictionLogWriter(db, 'ep', 'replay-1');
    for (let n = 0; n < 600; n++) first.log(testLogRow(n));
    await first.flush();
    for (let n = 600; n < 1200; n++) first.log(testLogRow(n));
    await first.flush();
    expect((await chunksOf(db)).map((c) => c.requestIds.length)).toEqual([1000, 200]);
    const afterReload = new PredictionLogWriter(db, 'ep', 'replay-1');
    for (let n = 1200; n < 1300; n++) afterReload.log(testLogRow(n));
    await afterReload.flush();
    const chunks = await chunksOf(db);
    expect(chunks.map((c) => c.requestIds.length)).toEqual([1000, 300]);
    expect(chunks.flatMap((c) => c.requestIds)).toEqual(Array.from({ length: 1300 }, (_, n) => `r${n}`));
  });

  it('keeps each source in its own chunks of a shared window', async () => {
    const db = freshDb();
    const replay = new PredictionLogWriter(db, 'ep', 'replay-1');
    const consoleWriter = new PredictionLogWriter(db, 'ep', 'console');
    replay.log(testLogRow(1));
    await replay.flush();
    consoleWriter.log(testLogRow(2));
    await consoleWriter.flush();
    replay.log(testLogRow(3));
    await replay.flush();
    expect((await chunksOf(db)).map((c) => [c.chunk, c.source, c.requestIds])).toEqual([
      [0, 'replay-1', ['r1']],
      [1, 'console', ['r2']],
      [2, 'replay-1', ['r3']],
    ]);
  });

  it('widens the chunk for a request with other columns, and reads each row back with its own columns', async () => {
    const db = freshDb();
    const writer = new PredictionLogWriter(db, 'ep', 'replay-1');
    writer.log(testLogRow(1));
    writer.log(testLogRow(2, { columns: ['distance', 'Hour'], inputs: [2, 'x'], issues: ['schema-missing-column', 'schema-unknown-column'] }));
    writer.log(testLogRow(3, { columns: ['hour', 'distance', 'distance'], inputs: [3, 30, 31] }));
    writer.log(testLogRow(4, { columns: ['distance', 'hour'], inputs: [undefined, null] }));
    await writer.flush();
    const chunks = await chunksOf(db);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.columns).toEqual(['distance', 'hour', 'Hour', 'distance']);
    const rows = await readLogPage(db, 'ep', { order: 'oldest' });
    expect(rows.map((r) => [r.columns, r.values])).toEqual([
      [['distance', 'hour'], [1, 1]],
      [['distance', 'Hour'], [2, 'x']],
      [['distance', 'hour', 'distance'], [30, 3, 31]],
      // A value sent as undefined is logged as JSON would carry it: null.
      [['distance', 'hour'], [null, null]],
    ]);
    expect((await readLogState(db, 'ep')).columns).toEqual(['distance', 'hour', 'Hour', 'distance']);
  });

  it('writes labels in chunks per window and the given window summaries and replay in the same flush', async () => {
    const db = freshDb();
    const writer = new PredictionLogWriter(db, 'ep', 'replay-1');
    for (let n = 0; n < 3; n++) writer.log(testLogRow(n, { window: n }));
    const replay: ReplayRecord = { id: 'replay-1', endpoint: 'ep', scenario: 'no-drift', seed: 1, dirtyRate: 0, status: 'RUNNING', requestsDone: 3, requestsTotal: 10, simStart: 0, simNow: 5, startedAt: 0, endedAt: null, message: null, windowOffset: 0, options: { days: 1, requestsPerDay: 10, rowsPerRequest: 1 } };
    await writer.flush({ windows: [testWindow('ep', 0, { rows: 1, loggedRows: 99 })], replay });
    for (let n = 0; n < 1500; n++) writer.label({ requestId: `r${n}`, rowIndex: 0, label: n, window: 1, arrivedAt: 100 + n });
    writer.label({ requestId: 'r0', rowIndex: 0, label: 'late', window: 0, arrivedAt: 7 });
    expect(await writer.flush()).toEqual({ rows: 0, labels: 1501, dropped: 0 });
    const labels = await db.labelChunks.where('endpoint').equals('ep').toArray();
    expect(labels.map((c) => [c.window, c.chunk, c.requestIds.length, c.arrivedAt])).toEqual([
      [0, 0, 1, 7],
      [1, 0, 1000, 1099],
      [1, 1, 500, 1599],
    ]);
    // loggedRows is the log's own count, whatever the caller put there.
    expect(await db.trafficWindows.get(['ep', 0])).toMatchObject({ rows: 1, loggedRows: 1 });
    expect(await db.replays.get('replay-1')).toEqual(replay);
  });

  it('keeps the latest rows under the retention cap, counts what it dropped and keeps the window summaries', async () => {
    const db = freshDb();
    const writer = new PredictionLogWriter(db, 'ep', 'replay-1', { retentionRows: 2500 });
    let n = 0;
    for (const window of [0, 1, 2]) {
      for (let i = 0; i < 1000; i++) writer.log(testLogRow(n++, { window }));
      writer.label({ requestId: `r${n - 1}`, rowIndex: 0, label: 1, window, arrivedAt: 0 });
      await writer.flush({ windows: [testWindow('ep', window, { rows: 1000 })] });
    }
    let state = await readLogState(db, 'ep');
    expect(state).toMatchObject({ rows: 2500, dropped: 500, cap: 2500 });
    expect((await chunksOf(db)).map((c) => [c.window, c.requestIds.length, c.requestIds[0]])).toEqual([
      [0, 500, 'r500'],
      [1, 1000, 'r1000'],
      [2, 1000, 'r2000'],
    ]);
    // Window 0 was not among this flush's summaries: its stored summary is lowered in the same transaction.
    expect((await db.trafficWindows.toArray()).map((w) => [w.window, w.rows, w.loggedRows])).toEqual([
      [0, 1000, 500],
      [1, 1000, 1000],
      [2, 1000, 1000],
    ]);
    for (let i = 0; i < 1000; i++) writer.log(testLogRow(n++, { window: 3 }));
    expect((await writer.flush()).dropped).toBe(1000);
    state = await readLogState(db, 'ep');
    expect(state).toMatchObject({ rows: 2500, dropped: 1500 });
    expect((await chunksOf(db)).map((c) => [c.window, c.requestIds.length])).toEqual([
      [1, 500],
      [2, 1000],
      [3, 1000],
    ]);
    // Window 0 has no rows left: its labels went with them, and later ones are not kept.
    writer.label({ requestId: 'r1', rowIndex: 0, label: 1, window: 0, arrivedAt: 0 });
    expect((await writer.flush()).labels).toBe(0);
    expect((await db.labelChunks.toArray()).map((c) => c.window)).toEqual([1, 2]);
    expect((await db.trafficWindows.get(['ep', 0]))?.loggedRows).toBe(0);
    expect(retentionNotice(state)).toBe('The log keeps the latest 2,500 rows of this endpoint; 1,500 older rows were dropped (their window summaries stay).');
    expect(retentionNotice({ dropped: 0, cap: 2500 })).toBeNull();
  });

  it('keeps everything queued when a flush fails on a full disk, and writes it once on the retry', async () => {
    const db = freshDb();
    const writer = new PredictionLogWriter(db, 'ep', 'replay-1');
    for (let n = 0; n < 900; n++) writer.log(testLogRow(n));
    await writer.flush();
    for (let n = 900; n < 1100; n++) writer.log(testLogRow(n));
    writer.label({ requestId: 'r5', rowIndex: 0, label: 1, window: 0, arrivedAt: 0 });
    const bulkPut = db.predictionLog.bulkPut.bind(db.predictionLog);
    let calls = 0;
    db.predictionLog.bulkPut = ((...args: Parameters<typeof bulkPut>) => (calls++ === 0 ? Promise.reject(quota()) : bulkPut(...args))) as typeof bulkPut;
    await expect(writer.flush({ windows: [testWindow('ep', 0)] })).rejects.toThrow(/run out of storage space.*Everything saved earlier is untouched/);
    expect(writer.pending).toEqual({ rows: 200, labels: 1 });
    expect(await db.labelChunks.count()).toBe(0);
    expect(await db.trafficWindows.count()).toBe(0);
    expect((await readLogState(db, 'ep')).rows).toBe(900);
    for (let n = 1100; n < 1150; n++) writer.log(testLogRow(n));
    expect(await writer.flush()).toEqual({ rows: 250, labels: 1, dropped: 0 });
    const chunks = await chunksOf(db);
    expect(chunks.map((c) => c.requestIds.length)).toEqual([1000, 150]);
    expect(chunks.flatMap((c) => c.requestIds)).toEqual(Array.from({ length: 1150 }, (_, n) => `r${n}`));
  });

  it('runs flushes one after another, so overlapping calls neither lose nor reorder rows', async () => {
    const db = freshDb();
    const writer = new PredictionLogWriter(db, 'ep', 'replay-1');
    const flushes: Array<Promise<unknown>> = [];
    for (let n = 0; n < 1500; n++) {
      writer.log(testLogRow(n));
      if (n % 300 === 299) flushes.push(writer.flush());
    }
    await Promise.all(flushes);
    expect((await chunksOf(db)).flatMap((c) => c.requestIds)).toEqual(Array.from({ length: 1500 }, (_, n) => `r${n}`));
  });

  it('deletes an endpoint’s traffic in one go and leaves other endpoints alone', async () => {
    const db = freshDb();
    for (const endpoint of ['ep', 'other']) {
      const writer = new PredictionLogWriter(db, endpoint, 'replay-1');
      writer.log(testLogRow(1));
      writer.label({ requestId: 'r1', rowIndex: 0, label: 1, window: 0, arrivedAt: 0 });
      await writer.flush({ windows: [testWindow(endpoint, 0)] });
    }
    await deleteEndpointTraffic(db, 'ep');
    expect(await db.predictionLog.count()).toBe(1);
    expect(await db.labelChunks.count()).toBe(1);
    expect(await db.trafficWindows.count()).toBe(1);
    expect((await readLogState(db, 'ep')).rows).toBe(0);
    expect((await readLogState(db, 'other')).rows).toBe(1);
  });

  it('writes 100,000 rows in well under a second of IndexedDB time (fake-indexeddb; printed, not asserted)', async () => {
    const db = freshDb();
    const writer = new PredictionLogWriter(db, 'ep', 'replay-1');
    let flushMs = 0;
    let putMs = 0;
    const bulkPut = db.predictionLog.bulkPut.bind(db.predictionLog);
    db.predictionLog.bulkPut = (async (...args: Parameters<typeof bulkPut>) => {
      const t0 = performance.now();
      const keys = await bulkPut(...args);
      putMs += performance.now() - t0;
      return keys;
    }) as typeof bulkPut;
    for (let n = 0; n < 100_000; n++) {
      writer.log(testLogRow(n, { window: Math.floor(n / 25_000), columns: ['distance', 'hour', 'origin', 'destination', 'date'], inputs: [n, n % 24, 'SEA', 'SFO', n * 60_000] }));
      if ((n + 1) % 5000 === 0) {
        const t0 = performance.now();
        await writer.flush();
        flushMs += performance.now() - t0;
      }
    }
    console.log(`prediction log: 100,000 rows in 20 flushes: ${flushMs.toFixed(0)} ms of flush time, ${putMs.toFixed(0)} ms of it in the chunks' bulkPut (fake-indexeddb)`);
    expect(await db.predictionLog.count()).toBe(100);
  });
});
