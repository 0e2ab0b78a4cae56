import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ColumnDriftResult, AlertRecord, AlertRule } from '@/lib/monitoring/types';
import type { MonitorWindow } from '@/lib/monitoring/window-types';
import { WorkbenchDatabase } from '@/lib/tracking/db';
import { snapshotFromRecords } from './snapshot';
import { SNAPSHOT_TABLES, buildSnapshot } from './snapshot-domains';
import { snapshotMonitoring } from './snapshot-monitoring';

const dbs: WorkbenchDatabase[] = [];
const freshDb = () => {
  const db = new WorkbenchDatabase(`snapshot-monitoring-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const column = (name: string, patch: Partial<ColumnDriftResult> = {}): ColumnDriftResult => ({
  column: name,
  kind: 'numerical',
  test: 'wasserstein',
  testLabel: 'Wasserstein (normed)',
  scoreKind: 'distance',
  statistic: 0.04,
  score: 0.04,
  threshold: 0.1,
  drifted: false,
  reason: 'reference has 4,000 rows (> 1,000): normed Wasserstein',
  referenceRows: 4000,
  currentRows: 500,
  uniqueValues: 300,
  ...patch,
});

const monitorWindow = (endpoint: string, index: number, patch: Partial<MonitorWindow> = {}): MonitorWindow => ({
  endpoint,
  window: index,
  start: index * 86_400_000,
  end: (index + 1) * 86_400_000,
  rows: 500,
  referenceRows: 4000,
  features: [column('distance'), column('origin', { kind: 'categorical', test: 'jensenshannon', testLabel: 'Jensen–Shannon distance', score: 0.22, statistic: 0.22, drifted: true })],
  prediction: column('prediction', { drifted: true }),
  target: null,
  dataset: { driftedColumns: 1, totalColumns: 2, share: 0.5, threshold: 0.5, drifted: true },
  skipped: [],
  quality: [{ column: 'distance', kind: 'numerical', rows: 500, missing: 0, missingShare: 0, min: 30, max: 2500, mean: 700, std: 500, unique: 300, top: [] }],
  missingShare: 0.02,
  errorRate: 0,
  rejectRate: 0.01,
  issues: { missing: 10 },
  estimated: [{ metric: 'mae', value: 11.5, samplingError: 0.47, lower: 9.8, upper: 12.6, realized: 11.9, rows: 500 }],
  realized: { metric: 'rmse', value: 20.1, labelled: 480 },
  closed: true,
  updatedAt: 5,
  ...patch,
});

const rule = (id: string, endpoint: string, name: string, patch: Partial<AlertRule> = {}): AlertRule => ({
  id,
  endpoint,
  name,
  metric: 'feature-drift',
  column: 'distance',
  comparator: '>=',
  threshold: 1,
  forWindows: 2,
  severity: 'warning',
  enabled: true,
  silencedUntil: null,
  builtIn: false,
  ...patch,
});

const alert = (id: string, startedAt: number, patch: Partial<AlertRecord> = {}): AlertRecord => ({
  id,
  endpoint: 'delay-api',
  ruleId: 'r1',
  ruleName: 'distance moved',
  severity: 'warning',
  state: 'firing',
  startWindow: 3,
  firingWindow: 4,
  resolvedWindow: null,
  value: 1,
  startedAt,
  firedAt: startedAt + 10,
  resolvedAt: null,
  acknowledgedAt: null,
  message: 'Column "distance" drifted for 2 windows (windows 3–4)',
  history: [
    { state: 'pending', window: 3, at: startedAt },
    { state: 'firing', window: 4, at: startedAt + 10 },
  ],
  ...patch,
});

describe('the monitoring snapshot domain', () => {
  it('reads the monitoring tables in the snapshot transaction', () => {
    expect(SNAPSHOT_TABLES).toEqual(expect.arrayContaining(['monitorWindows', 'alerts', 'alertRules']));
    expect(SNAPSHOT_TABLES).not.toContain('referenceProfiles');
  });

  it('reads windows, alerts and rules from IndexedDB, ordered, as plain views', async () => {
    const db = freshDb();
    await db.monitorWindows.bulkPut([monitorWindow('delay-api', 4), monitorWindow('delay-api', 3, { closed: false, prediction: null, realized: null }), monitorWindow('a-api', 9)]);
    await db.alerts.bulkPut([alert('b', 200, { acknowledgedAt: 250 }), alert('a', 100, { endpoint: 'a-api', state: 'resolved', resolvedWindow: 7, resolvedAt: 300 }), alert('c', 200)]);
    await db.alertRules.bulkPut([rule('r2', 'delay-api', 'Dataset drift', { metric: 'dataset-drift-share', column: null, threshold: 0.5, builtIn: true, silencedUntil: 999 }), rule('r1', 'delay-api', 'distance moved'), rule('r0', 'a-api', 'zzz')]);

    const snapshot = await buildSnapshot(db, [], 999);

    expect(snapshot.monitorWindows.map((w) => [w.endpoint, w.window])).toEqual([
      ['a-api', 9],
      ['delay-api', 3],
      ['delay-api', 4],
    ]);
    expect(snapshot.monitorWindows[2]).toEqual({
      endpoint: 'delay-api',
      window: 4,
      start: 4 * 86_400_000,
      end: 5 * 86_400_000,
      rows: 500,
      closed: true,
      features: [
        { column: 'distance', kind: 'numerical', test: 'wasserstein', score: 0.04, threshold: 0.1, drifted: false },
        { column: 'origin', kind: 'categorical', test: 'jensenshannon', score: 0.22, threshold: 0.1, drifted: true },
      ],
      predictionDrifted: true,
      targetDrifted: null,
      dataset: { share: 0.5, drifted: true, driftedColumns: 1, totalColumns: 2 },
      missingShare: 0.02,
      errorRate: 0,
      rejectRate: 0.01,
      estimated: [{ metric: 'mae', value: 11.5, samplingError: 0.47, lower: 9.8, upper: 12.6, realized: 11.9, rows: 500 }],
      realized: { metric: 'rmse', value: 20.1, labelled: 480 },
    });
    expect(snapshot.monitorWindows[1]).toMatchObject({ window: 3, closed: false, predictionDrifted: null, realized: null });

    expect(snapshot.alerts.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    expect(snapshot.alerts[1]).toEqual({
      id: 'b',
      endpoint: 'delay-api',
      ruleId: 'r1',
      ruleName: 'distance moved',
      severity: 'warning',
      state: 'firing',
      startWindow: 3,
      firingWindow: 4,
      resolvedWindow: null,
      acknowledged: true,
      startedAt: 200,
    });
    expect(snapshot.alerts[0]).toMatchObject({ state: 'resolved', resolvedWindow: 7, acknowledged: false });

    expect(snapshot.alertRules.map((r) => [r.endpoint, r.name])).toEqual([
      ['a-api', 'zzz'],
      ['delay-api', 'Dataset drift'],
      ['delay-api', 'distance moved'],
    ]);
    expect(snapshot.alertRules[1]).toEqual({
      id: 'r2',
      endpoint: 'delay-api',
      name: 'Dataset drift',
      metric: 'dataset-drift-share',
      column: null,
      comparator: '>=',
      threshold: 0.5,
      forWindows: 2,
      severity: 'warning',
      enabled: true,
      builtIn: true,
    });
  });

  it('gives empty monitoring lists for an empty database and for records without monitoring rows', async () => {
    expect(await buildSnapshot(freshDb(), [], 1)).toMatchObject({ monitorWindows: [], alerts: [], alertRules: [] });
    expect(snapshotFromRecords({ exercises: [], visits: [] }, [], 1)).toMatchObject({ monitorWindows: [], alerts: [], alertRules: [] });
  });

  it('copies what it reads, so a check cannot change the stored rows', () => {
    const row = monitorWindow('delay-api', 1);
    const { monitorWindows } = snapshotMonitoring({ monitorWindows: [row] });
    monitorWindows[0]!.features[0]!.drifted = true;
    monitorWindows[0]!.estimated[0]!.value = 0;
    monitorWindows[0]!.dataset.share = 1;
    monitorWindows[0]!.realized!.value = 0;
    expect(row.features[0]!.drifted).toBe(false);
    expect(row.estimated[0]!.value).toBe(11.5);
    expect(row.dataset.share).toBe(0.5);
    expect(row.realized!.value).toBe(20.1);
  });
});
