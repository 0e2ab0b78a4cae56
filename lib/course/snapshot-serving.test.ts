import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '@/lib/tracking/db';
import type { Deployment, Endpoint, ReplayRecord, TrafficWindow, VersionWindowStats } from '@/lib/tracking/serving-types';
import { snapshotFromRecords } from './snapshot';
import { SNAPSHOT_TABLES, buildSnapshot } from './snapshot-domains';
import { snapshotServing } from './snapshot-serving';

const dbs: WorkbenchDatabase[] = [];
const freshDb = () => {
  const db = new WorkbenchDatabase(`snapshot-serving-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const endpoint = (name: string, patch: Partial<Endpoint> = {}): Endpoint => ({
  name,
  model: 'flights-delay',
  target: { alias: 'champion' },
  routes: [{ version: 2, share: 100, role: 'primary' }],
  rollout: null,
  policy: 'impute',
  createdAt: 10,
  updatedAt: 20,
  status: 'serving',
  ...patch,
});

const deployment = (id: string, at: number, patch: Partial<Deployment> = {}): Deployment => ({
  id,
  endpoint: 'delay-api',
  model: 'flights-delay',
  version: 2,
  alias: 'champion',
  action: 'deploy',
  strategy: 'replace',
  routes: [{ version: 2, share: 100, role: 'primary' }],
  at,
  simAt: null,
  actor: 'you',
  reason: '',
  endedAt: null,
  ...patch,
});

const stats = (requests: number, patch: Partial<VersionWindowStats> = {}): VersionWindowStats => ({
  requests,
  rows: requests,
  errors: 0,
  refused: 0,
  rejected: 0,
  flagged: 0,
  p50Ms: 1,
  p95Ms: 2,
  p99Ms: 3,
  labelled: 0,
  metric: null,
  metricSum: 0,
  metricSumSq: 0,
  ...patch,
});

const window = (endpointName: string, index: number, patch: Partial<TrafficWindow> = {}): TrafficWindow => ({
  endpoint: endpointName,
  window: index,
  source: 'replay-1',
  start: index * 86_400_000,
  end: (index + 1) * 86_400_000,
  requests: 500,
  rows: 500,
  byVersion: { '2': stats(500) },
  shadowByVersion: {},
  issues: {},
  shadowAgreement: null,
  loggedRows: 500,
  ...patch,
});

const replay = (id: string, startedAt: number, patch: Partial<ReplayRecord> = {}): ReplayRecord => ({
  id,
  endpoint: 'delay-api',
  scenario: 'flights-replay',
  seed: 1,
  dirtyRate: 0.05,
  status: 'FINISHED',
  requestsDone: 1000,
  requestsTotal: 1000,
  simStart: 0,
  simNow: 2 * 86_400_000,
  startedAt,
  endedAt: startedAt + 5000,
  message: null,
  windowOffset: 1,
  options: { days: 2, requestsPerDay: 500, rowsPerRequest: 1 },
  ...patch,
});

describe('the serving snapshot domain', () => {
  it('reads the serving tables in the snapshot transaction', () => {
    expect(SNAPSHOT_TABLES).toEqual(expect.arrayContaining(['endpoints', 'deployments', 'trafficWindows', 'replays']));
    expect(SNAPSHOT_TABLES).not.toContain('predictionLog');
    expect(SNAPSHOT_TABLES).not.toContain('labelChunks');
  });

  it('reads endpoints, deployments, windows and replays from IndexedDB, ordered', async () => {
    const db = freshDb();
    const canary = { strategy: 'canary' as const, candidate: 3, steps: [5, 25, 100], stepIndex: 1, hold: { requests: 200 }, guards: { maxErrorRate: 0.01, maxP95Ms: 50, maxRejectRate: 0.1, maxMetricDrop: 0.05, minLabelled: 100 }, stepStartedAt: 5, stepStartRequests: 210 };
    await db.endpoints.bulkPut([
      endpoint('delay-api', {
        routes: [
          { version: 2, share: 75, role: 'primary' },
          { version: 3, share: 25, role: 'canary' },
        ],
        rollout: canary,
      }),
      endpoint('a-batch', { target: { version: 1 }, status: 'stopped' }),
    ]);
    await db.deployments.bulkPut([
      deployment('d3', 300, { action: 'canary-step', version: 3, strategy: 'canary', actor: 'canary', reason: 'v3 held 5 %', simAt: 12 }),
      deployment('d1', 100),
      // Two steps in one millisecond: simulated time orders them.
      deployment('d2', 300, { action: 'canary-start', version: 3, strategy: 'canary', simAt: 4 }),
      deployment('x', 50, { endpoint: 'a-batch', version: 1, alias: null }),
    ]);
    await db.trafficWindows.bulkPut([window('delay-api', 2, { shadowAgreement: { compared: 10, agreed: 9 }, issues: { missing: 3 } }), window('delay-api', 1), window('a-batch', 1)]);
    await db.replays.bulkPut([replay('r2', 2000, { status: 'RUNNING', endedAt: null }), replay('r1', 1000)]);
    // The prediction log is never part of a snapshot.
    await db.predictionLog.put({ endpoint: 'delay-api', window: 1, chunk: 0, source: 'replay-1', columns: [], requestIds: [], rowIndex: [], at: [], version: [], role: [], latencyMs: [], inputs: [], predictions: [], scores: [], status: [], issues: [] });

    const snapshot = await buildSnapshot(db, [], 999);

    expect(snapshot.endpoints.map((e) => e.name)).toEqual(['a-batch', 'delay-api']);
    expect(snapshot.endpoints[1]).toEqual({
      name: 'delay-api',
      model: 'flights-delay',
      target: { alias: 'champion' },
      routes: [
        { version: 2, share: 75, role: 'primary' },
        { version: 3, share: 25, role: 'canary' },
      ],
      rollout: canary,
      policy: 'impute',
      status: 'serving',
      createdAt: 10,
    });
    expect(snapshot.deployments.map((d) => d.id)).toEqual(['x', 'd1', 'd2', 'd3']);
    expect(snapshot.deployments[3]).toEqual({
      id: 'd3',
      endpoint: 'delay-api',
      model: 'flights-delay',
      version: 3,
      alias: 'champion',
      action: 'canary-step',
      strategy: 'canary',
      routes: [{ version: 2, share: 100, role: 'primary' }],
      at: 300,
      simAt: 12,
      actor: 'canary',
      reason: 'v3 held 5 %',
      endedAt: null,
    });
    expect(snapshot.trafficWindows.map((w) => [w.endpoint, w.window])).toEqual([
      ['a-batch', 1],
      ['delay-api', 1],
      ['delay-api', 2],
    ]);
    expect(snapshot.trafficWindows[2]).toEqual({
      endpoint: 'delay-api',
      window: 2,
      source: 'replay-1',
      start: 2 * 86_400_000,
      end: 3 * 86_400_000,
      requests: 500,
      rows: 500,
      byVersion: { '2': stats(500) },
      shadowByVersion: {},
      issues: { missing: 3 },
      shadowAgreement: { compared: 10, agreed: 9 },
    });
    expect(snapshot.replays.map((r) => [r.id, r.status])).toEqual([
      ['r1', 'FINISHED'],
      ['r2', 'RUNNING'],
    ]);
    expect(snapshot.replays[0]).toEqual({ id: 'r1', endpoint: 'delay-api', scenario: 'flights-replay', seed: 1, dirtyRate: 0.05, status: 'FINISHED', requestsDone: 1000, requestsTotal: 1000, startedAt: 1000, endedAt: 6000, message: null, windowOffset: 1, days: 2, hidden: false });
  });

  it('gives empty serving lists for an empty database and for records without serving rows', async () => {
    expect(await buildSnapshot(freshDb(), [], 1)).toMatchObject({ endpoints: [], deployments: [], trafficWindows: [], replays: [] });
    expect(snapshotFromRecords({ exercises: [], visits: [] }, [], 1)).toMatchObject({ endpoints: [], deployments: [], trafficWindows: [], replays: [] });
  });

  it('copies what it reads, so a check cannot change the stored rows', () => {
    const row = window('delay-api', 1);
    const e = endpoint('delay-api');
    const { trafficWindows, endpoints } = snapshotServing({ trafficWindows: [row], endpoints: [e] });
    trafficWindows[0]!.byVersion['2']!.requests = 0;
    endpoints[0]!.routes[0]!.share = 0;
    expect(row.byVersion['2']!.requests).toBe(500);
    expect(e.routes[0]!.share).toBe(100);
  });
});
