// Monitoring end to end in Node: a real trained flights model behind an endpoint, replays of the
// no-drift control and of a sudden covariate shift, and what the monitor stores per window:
// per-feature drift, dataset drift, estimated and realized accuracy, alerts and the response's
// `drift` field. tfjs on its CPU backend, Dexie over fake-indexeddb.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainPreset } from '@/components/training/train-preset';
import { loadTf } from '@/lib/ml/backends';
import { registerModel } from '@/lib/registry/registry';
import { WorkbenchDatabase } from '@/lib/tracking/db';
import { systemClock } from '@/lib/time/clock';
import { createEndpoint } from './endpoints';
import { datasetsReport, monitorRangeReport } from './monitor-detail';
import type { ReplayRequest } from './protocol';
import { runReplay } from './replay-runner';
import { VersionCache } from './version-cache';

const vega = (file: string) => readFileSync(new URL(`../../node_modules/vega-datasets/data/${file.split('/').pop()}`, import.meta.url), 'utf8');
const db = new WorkbenchDatabase(`replay-monitor-${process.pid}`);
const cache = new VersionCache({ db, now: () => performance.now(), backend: 'cpu' });
const sources = { fetchText: async (path: string) => vega(path), readUpload: async () => undefined };

beforeAll(async () => {
  const tf = await loadTf();
  await tf.setBackend('cpu');
  const a = await trainPreset(tf, db, 'dataset=flights&target=delayed&epochs=3', 'delayed v1', vega);
  await registerModel(db, { runId: a.runId, name: 'delayed' }, 1000);
  const r = await trainPreset(tf, db, 'dataset=flights&target=delay&epochs=3', 'delay v1', vega);
  await registerModel(db, { runId: r.runId, name: 'delay' }, 1200);
}, 180_000);

afterAll(async () => {
  await cache.clear();
  await db.delete();
});

async function replay(request: Partial<ReplayRequest> & { endpoint: string; scenario: string }) {
  return runReplay(
    { seed: 11, days: 8, requestsPerDay: 400, rowsPerRequest: 1, dirtyRate: 0, speed: 'max', ...request },
    { db, cache, sources, now: () => systemClock.now(), perfNow: () => performance.now(), post: () => undefined, signal: new AbortController().signal, yieldNow: () => new Promise((r) => setTimeout(r, 0)) },
  );
}

const windowsOf = (endpoint: string) => db.monitorWindows.where('endpoint').equals(endpoint).sortBy('window');

describe('monitoring a replay', () => {
  it('stays quiet on the no-drift control, and its estimated accuracy stays within its band of the realized one', async () => {
    await createEndpoint(db, 'quiet', { model: 'delayed', target: { version: 1 } }, 'impute', 1500);
    expect((await replay({ endpoint: 'quiet', scenario: 'control' })).status).toBe('FINISHED');
    const profile = (await db.referenceProfiles.get(['delayed', 1]))!;
    expect(profile.rows).toBeGreaterThan(1000);
    expect(profile.estimator?.kind).toBe('cbpe-binary');
    const windows = await windowsOf('quiet');
    expect(windows.map((w) => w.window)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(windows.every((w) => w.closed && w.rows === 400)).toBe(true);
    // A reference of more than 1,000 rows: Evidently's distances, not p-values.
    expect(windows[0]!.features.every((f) => f.test === 'wasserstein' || f.test === 'jensenshannon')).toBe(true);
    expect(windows.every((w) => !w.dataset.drifted)).toBe(true);
    for (const w of windows) {
      const accuracy = w.estimated.find((m) => m.metric === 'accuracy')!;
      expect(accuracy.realized).not.toBeNull();
      expect(Math.abs(accuracy.value! - accuracy.realized!)).toBeLessThanOrEqual(3 * accuracy.samplingError!);
      expect(accuracy.value!).toBeGreaterThanOrEqual(accuracy.lower);
      expect(accuracy.value!).toBeLessThanOrEqual(accuracy.upper);
    }
    const alerts = await db.alerts.where('endpoint').equals('quiet').toArray();
    expect(alerts.filter((a) => a.state === 'firing')).toEqual([]);
    expect(await db.alertRules.where('endpoint').equals('quiet').count()).toBe(4);
  }, 120_000);

  it('lights up the shifted feature from the drift day on, and the dataset-drift alert goes pending, then firing', async () => {
    await createEndpoint(db, 'shifted', { model: 'delayed', target: { version: 1 } }, 'impute', 1500);
    expect((await replay({ endpoint: 'shifted', scenario: 'covariate-sudden', driftStart: 3, magnitude: 2 })).status).toBe('FINISHED');
    const replayRecord = (await db.replays.where('endpoint').equals('shifted').first())!;
    const windows = await windowsOf('shifted');
    const before = windows.filter((w) => w.window - replayRecord.windowOffset < 3);
    const after = windows.filter((w) => w.window - replayRecord.windowOffset >= 3);
    const numeric = (w: (typeof windows)[number]) => w.features.filter((f) => f.kind === 'numerical');
    // The scenario shifts one numeric input (picked by the seed): from the start day on it is the
    // one that moved most, far past the 0.1 threshold in every window; before, no input had moved.
    const top = (w: (typeof windows)[number]) => numeric(w).sort((x, y) => y.score - x.score)[0]!;
    const shiftedColumn = top(after[0]!).column;
    expect(after.every((w) => top(w).column === shiftedColumn && top(w).score > 1)).toBe(true);
    expect(before.every((w) => w.features.find((f) => f.column === shiftedColumn)!.score < 0.1)).toBe(true);
    // Dataset drift: the shifted input drags correlated ones along (rows are resampled whole), and
    // the high-cardinality airports read as moved at 400 rows a day, as Evidently reads them.
    expect(before.every((w) => !w.dataset.drifted)).toBe(true);
    expect(after.every((w) => w.dataset.drifted)).toBe(true);
    const alerts = await db.alerts.where('endpoint').equals('shifted').toArray();
    expect(alerts).toHaveLength(1);
    const drift = after[0]!.window;
    expect(alerts[0]).toMatchObject({ ruleName: 'Dataset drift', state: 'firing', startWindow: drift, firingWindow: drift + 1 });
    expect(alerts[0]!.history.map((h) => [h.state, h.window])).toEqual([['pending', drift], ['firing', drift + 1]]);
  }, 120_000);

  it('estimates the accuracy drop of a covariate shift on a strong input from the scores alone, and the labels confirm it', async () => {
    await createEndpoint(db, 'prior', { model: 'delayed', target: { version: 1 } }, 'impute', 1500);
    expect((await replay({ endpoint: 'prior', scenario: 'covariate-sudden', driftStart: 3, magnitude: 3, feature: 'origin_delay' })).status).toBe('FINISHED');
    const windows = await windowsOf('prior');
    const accuracy = windows.map((w) => w.estimated.find((m) => m.metric === 'accuracy')!);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const estimated = accuracy.map((m) => m.value!);
    const realized = accuracy.map((m) => m.realized!);
    // Rows with a larger origin delay get scores nearer 0.5: CBPE expects more mistakes (≈ 0.78 → 0.74).
    expect(mean(estimated.slice(3))).toBeLessThan(mean(estimated.slice(0, 3)) - 0.025);
    // The labels, six simulated hours later, confirm the drop, and each window's estimate is within 3 sampling errors of it.
    expect(mean(realized.slice(3))).toBeLessThan(mean(realized.slice(0, 3)));
    for (const m of accuracy) expect(Math.abs(m.value! - m.realized!)).toBeLessThanOrEqual(3 * m.samplingError!);
  }, 120_000);

  it('judges a window range again from the log with the test the learner picks, and compares any two datasets', async () => {
    const deps = { db, cache, sources, now: () => 1 };
    const [first, second] = await windowsOf('quiet');
    const one = await monitorRangeReport(deps, { endpoint: 'quiet', from: first!.window, to: first!.window, tests: { distance: 'ks' } });
    expect(one.current.rows).toBe(400);
    const distance = one.columns.find((c) => c.column === 'distance')!;
    expect(distance).toMatchObject({ test: 'ks', scoreKind: 'p-value' });
    expect(distance.reason).toMatch(/chosen by you/);
    // The other columns keep Evidently's default, and the stored window's verdict is untouched.
    expect(one.columns.find((c) => c.column === 'hour')!.test).toBe('wasserstein');
    expect(first!.features.find((f) => f.column === 'distance')!.test).toBe('wasserstein');
    const two = await monitorRangeReport(deps, { endpoint: 'quiet', from: first!.window, to: second!.window });
    expect(two.current.rows).toBe(800);
    expect(two.windows!.map((w) => w.window)).toEqual([first!.window, second!.window]);
    expect(two.histograms.length).toBe(two.columns.length);
    // Another window as the reference: production against production.
    const vsWindow = await monitorRangeReport(deps, { endpoint: 'quiet', from: second!.window, to: second!.window, reference: { from: first!.window, to: first!.window } });
    expect(vsWindow.reference).toEqual({ label: `quiet: window ${first!.window}`, rows: 400 });
    expect(vsWindow.columns.find((c) => c.column === 'distance')!.test).toBe('ks');
    const csv = 'horsepower,mpg,origin\n' + Array.from({ length: 60 }, (_, i) => `${200 + i},${10 + (i % 5)},Mars`).join('\n');
    const report = await datasetsReport(deps, { reference: { kind: 'builtin', id: 'cars' }, current: { kind: 'csv', name: 'later.csv', text: csv } });
    expect(report.columns.map((c) => c.column).sort()).toEqual(['horsepower', 'mpg', 'origin']);
    expect(report.columns.every((c) => c.drifted)).toBe(true);
    expect(report.dataset.drifted).toBe(true);
    await expect(datasetsReport(deps, { reference: { kind: 'builtin', id: 'cars' }, current: { kind: 'csv', name: 'other.csv', text: 'a,b\n1,2\n3,4\n5,7\n8,1' } })).rejects.toThrow(/no column in common/);
  }, 60_000);

  it('estimates a regression model\'s error without labels (DLE): near the realized error before the shift, higher once a strong input moves', async () => {
    await createEndpoint(db, 'minutes', { model: 'delay', target: { version: 1 } }, 'impute', 1500);
    expect((await replay({ endpoint: 'minutes', scenario: 'covariate-sudden', driftStart: 3, magnitude: 3, feature: 'origin_delay' })).status).toBe('FINISHED');
    expect((await db.referenceProfiles.get(['delay', 1]))!.estimator?.kind).toBe('dle');
    const windows = await windowsOf('minutes');
    const mae = windows.map((w) => w.estimated.find((m) => m.metric === 'mae')!);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const estimated = mae.map((m) => m.value!);
    const realized = mae.map((m) => m.realized!);
    // Measured: estimated MAE ≈ 18.8 min before the shift, ≈ 24 after; realized 19.1 → 21–25.
    expect(mean(estimated.slice(3))).toBeGreaterThan(1.2 * mean(estimated.slice(0, 3)));
    expect(mean(realized.slice(3))).toBeGreaterThan(mean(realized.slice(0, 3)));
    for (const m of mae) expect(Math.abs(m.value! - m.realized!)).toBeLessThanOrEqual(3 * m.samplingError!);
  }, 120_000);
});
