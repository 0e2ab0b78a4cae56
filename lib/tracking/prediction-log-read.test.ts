import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkbenchDatabase } from './db';
import { PredictionLogWriter } from './prediction-log';
import { exportLogText, inputHeaders } from './prediction-log-export';
import { countLog, joinLabels, readLogPage } from './prediction-log-read';
import type { LabelChunk, PredictionLogChunk } from './serving-types';
import { testLogRow } from './test-log';

const dbs: WorkbenchDatabase[] = [];
const freshDb = () => {
  const db = new WorkbenchDatabase(`prediction-log-read-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  vi.restoreAllMocks();
  for (const db of dbs.splice(0)) await db.delete();
});

/**
 * 3 windows × 400 requests of 1 row (r0…r1199), versions 1 and 2 alternating, every 10th row
 * rejected with an out-of-range issue, every 4th request's shadow (version 3) logged too, labels
 * for the even requests of windows 0 and 1.
 */
async function seeded(): Promise<WorkbenchDatabase> {
  const db = freshDb();
  const writer = new PredictionLogWriter(db, 'ep', 'replay-1');
  for (let n = 0; n < 1200; n++) {
    const window = Math.floor(n / 400);
    const rejected = n % 10 === 0;
    writer.log(testLogRow(n, { window, version: 1 + (n % 2), status: rejected ? 'rejected' : 'ok', issues: rejected ? ['out-of-range'] : [], prediction: rejected ? null : n / 10 }));
    if (n % 4 === 0) writer.log(testLogRow(n, { window, version: 3, role: 'shadow' }));
    if (window < 2 && n % 2 === 0) writer.label({ requestId: `r${n}`, rowIndex: 0, label: n, window, arrivedAt: n });
  }
  await writer.flush();
  return db;
}

describe('joinLabels', () => {
  it('joins labels to rows by request id and row index, answer and shadow rows alike', () => {
    const chunk = { endpoint: 'e', window: 0, chunk: 0, source: 's', columns: ['x'], requestIds: ['a', 'a', 'b', 'a'], rowIndex: [0, 1, 0, 0], at: [1, 1, 2, 1], version: [1, 1, 1, 2], role: ['answer', 'answer', 'answer', 'shadow'], latencyMs: [1, 1, 1, 1], inputs: [[1], [2], [3], [1]], predictions: [1, 2, 3, 4], scores: [1, 2, 3, 4], status: ['ok', 'ok', 'ok', 'ok'], issues: [[], [], [], []] } satisfies PredictionLogChunk;
    const labels: LabelChunk[] = [
      { endpoint: 'e', window: 0, chunk: 0, requestIds: ['a', 'zz'], rowIndex: [1, 0], labels: ['yes', 'no'], arrivedAt: 50 },
      { endpoint: 'e', window: 0, chunk: 1, requestIds: ['a'], rowIndex: [0], labels: [7], arrivedAt: 60 },
    ];
    expect(joinLabels([chunk], labels).map((r) => [r.requestId, r.rowIndex, r.role, r.label, r.labelArrivedAt])).toEqual([
      ['a', 0, 'answer', 7, 60],
      ['a', 1, 'answer', 'yes', 50],
      ['b', 0, 'answer', null, null],
      ['a', 0, 'shadow', 7, 60],
    ]);
  });
});

describe('readLogPage and countLog', () => {
  it('pages newest first by default and in window order on request', async () => {
    const db = await seeded();
    const newest = await readLogPage(db, 'ep', { limit: 3 });
    expect(newest.map((r) => [r.requestId, r.role])).toEqual([
      ['r1199', 'answer'],
      ['r1198', 'answer'],
      ['r1197', 'answer'],
    ]);
    expect((await readLogPage(db, 'ep', { order: 'oldest', limit: 3 })).map((r) => [r.requestId, r.role, r.label])).toEqual([
      ['r0', 'answer', 0],
      ['r0', 'shadow', 0],
      ['r1', 'answer', null],
    ]);
    // 1,200 answers + 300 shadows; window 2 holds 500 of them: an offset past it lands in window 1.
    expect(await countLog(db, 'ep')).toBe(1500);
    expect((await readLogPage(db, 'ep', { offset: 500, limit: 1 }))[0]).toMatchObject({ requestId: 'r799', window: 1 });
    expect(await readLogPage(db, 'ep', { offset: 1500 })).toEqual([]);
  });

  it('reads only the chunks of the window range', async () => {
    const db = await seeded();
    const read: string[] = [];
    db.predictionLog.hook('reading', (chunk) => {
      read.push(`${chunk.window}:${chunk.chunk}`);
      return chunk;
    });
    const rows = await readLogPage(db, 'ep', { filter: { windows: { from: 1, to: 1 } }, order: 'oldest', limit: 1000 });
    expect(rows).toHaveLength(500);
    expect(new Set(rows.map((r) => r.window))).toEqual(new Set([1]));
    expect(read).toEqual(['1:0']);
    read.length = 0;
    // The newest page reads the newest chunk only; an offset past window 2 skips it by its count.
    await readLogPage(db, 'ep', { limit: 20 });
    expect(read).toEqual(['2:0']);
    read.length = 0;
    await readLogPage(db, 'ep', { offset: 510, limit: 20 });
    expect(read).toEqual(['1:0']);
    read.length = 0;
    expect(await countLog(db, 'ep', { windows: { from: 1 } })).toBe(1000);
    expect(read).toEqual([]);
  });

  it('filters by version, status, issue, role, label, window range and request id', async () => {
    const db = await seeded();
    const cases: Array<[Parameters<typeof countLog>[2], number]> = [
      [{ version: 3 }, 300],
      [{ version: 2 }, 600],
      [{ status: 'rejected' }, 120],
      [{ issue: 'out-of-range' }, 120],
      [{ role: 'shadow' }, 300],
      [{ labelled: true }, 400 + 200],
      [{ labelled: false, windows: { to: 1 } }, 1000 - 600],
      [{ requestId: 'R119' }, 11 + 2], // r119 and r1190–r1199, and the shadows of r1192 and r1196
      [{ version: 1, status: 'ok', windows: { from: 2 } }, 160],
    ];
    for (const [filter, expected] of cases) {
      expect(await countLog(db, 'ep', filter), JSON.stringify(filter)).toBe(expected);
      const rows = await readLogPage(db, 'ep', { filter, limit: 10_000 });
      expect(rows, JSON.stringify(filter)).toHaveLength(expected);
    }
    const page = await readLogPage(db, 'ep', { filter: { labelled: true, role: 'shadow' }, offset: 2, limit: 2 });
    expect(page.map((r) => [r.requestId, r.label])).toEqual([
      ['r788', 788],
      ['r784', 784],
    ]);
  });
});

describe('exportLog', () => {
  async function small(): Promise<WorkbenchDatabase> {
    const db = freshDb();
    const writer = new PredictionLogWriter(db, 'ep', 'replay-1');
    writer.log(testLogRow(1, { columns: ['origin', 'distance'], inputs: ['Seattle, "WA"', 12.5], prediction: 'late', score: 0.75, latencyMs: 1.25 }));
    writer.log(testLogRow(2, { rowIndex: 3, window: 1, columns: ['origin', 'Distance', 'label'], inputs: ['SFO', 'N/A', -3], prediction: null, score: null, status: 'rejected', issues: ['malformed-number', 'schema-unknown-column'] }));
    writer.label({ requestId: 'r1', rowIndex: 0, label: 'on time', window: 0, arrivedAt: 0 });
    await writer.flush();
    return db;
  }

  it('writes CSV per RFC 4180: quoted comma and quotes, ISO times, joined issues, empty missing label', async () => {
    const db = await small();
    expect(await exportLogText(db, 'ep', 'csv')).toBe(
      [
        'request_id,row,at,window,version,role,status,issues,latency_ms,origin,distance,Distance,label_input,prediction,score,label',
        'r1,0,2008-01-01T00:00:01.000Z,0,1,answer,ok,,1.25,"Seattle, ""WA""",12.5,,,late,0.75,on time',
        'r2,3,2008-01-01T00:00:02.000Z,1,1,answer,rejected,malformed-number;schema-unknown-column,2,SFO,,N/A,-3,,,',
        '',
      ].join('\r\n'),
    );
  });

  it('writes JSON lines with the same columns, and the model’s columns in its order when given', async () => {
    const db = await small();
    const lines = (await exportLogText(db, 'ep', 'jsonl', {}, { columns: ['distance', 'origin'] })).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({ request_id: 'r1', row: 0, at: '2008-01-01T00:00:01.000Z', window: 0, version: 1, role: 'answer', status: 'ok', issues: [], latency_ms: 1.25, distance: 12.5, origin: 'Seattle, "WA"', prediction: 'late', score: 0.75, label: 'on time' });
    expect(lines[1]).toBe('{"request_id":"r2","row":3,"at":"2008-01-01T00:00:02.000Z","window":1,"version":1,"role":"answer","status":"rejected","issues":["malformed-number","schema-unknown-column"],"latency_ms":2,"distance":null,"origin":"SFO","prediction":null,"score":null,"label":null}');
    expect(await exportLogText(db, 'ep', 'jsonl', { status: 'rejected' })).toMatch(/^\{"request_id":"r2"[^\n]*\n$/);
  });

  it('names repeated and reserved input columns apart', () => {
    expect(inputHeaders(['a', 'b', 'a', 'score', 'a'])).toEqual(['a', 'b', 'a_2', 'score_input', 'a_3']);
  });
});
