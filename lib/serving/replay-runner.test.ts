// Production traffic end to end in Node: a real trained flights model behind an endpoint, a
// replay on the simulated clock at full speed, the log and windows it writes, labels joined, and
// canaries that promote or roll back by themselves. tfjs on its CPU backend, Dexie over fake-indexeddb.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainPreset } from '@/components/training/train-preset';
import { loadTf } from '@/lib/ml/backends';
import { registerModel } from '@/lib/registry/registry';
import { WorkbenchDatabase } from '@/lib/tracking/db';
import { countLog, readLogPage } from '@/lib/tracking/prediction-log-read';
import { systemClock } from '@/lib/time/clock';
import { changeRoutes, createEndpoint, deploymentTimeline } from './endpoints';
import type { ReplayProgress, ReplayRequest } from './protocol';
import { runReplay } from './replay-runner';
import { startCanary } from './rollout-plans';
import { VersionCache } from './version-cache';

const vega = (file: string) => readFileSync(new URL(`../../node_modules/vega-datasets/data/${file.split('/').pop()}`, import.meta.url), 'utf8');
const db = new WorkbenchDatabase(`replay-runner-${process.pid}`);
const cache = new VersionCache({ db, now: () => performance.now(), backend: 'cpu' });

beforeAll(async () => {
  const tf = await loadTf();
  await tf.setBackend('cpu');
  const a = await trainPreset(tf, db, 'dataset=flights&target=delayed&epochs=3', 'delayed v1', vega);
  const b = await trainPreset(tf, db, 'dataset=flights&target=delayed&epochs=2&lr=0.003', 'delayed v2', vega);
  await registerModel(db, { runId: a.runId, name: 'delayed' }, 1000);
  await registerModel(db, { runId: b.runId, name: 'delayed' }, 1100);
}, 180_000);

afterAll(async () => {
  await cache.clear();
  await db.delete();
});

async function replay(request: Partial<ReplayRequest> & { endpoint: string }, signal = new AbortController().signal, onEvent: (e: ReplayProgress) => void = () => undefined) {
  const events: ReplayProgress[] = [];
  const outcome = await runReplay(
    { scenario: 'control', seed: 7, days: 3, requestsPerDay: 300, rowsPerRequest: 1, dirtyRate: 0, speed: 'max', ...request },
    {
      db,
      cache,
      sources: { fetchText: async (path) => vega(path), readUpload: async () => undefined },
      now: () => systemClock.now(),
      perfNow: () => performance.now(),
      post: (e) => {
        events.push(e);
        onEvent(e);
      },
      signal,
      yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    },
  );
  return { outcome, events };
}

describe('a replay against an endpoint', () => {
  it('resumes an interrupted replay where its log ends: the same windows, requests and labels as an uninterrupted one', async () => {
    await createEndpoint(db, 'whole', { model: 'delayed', target: { version: 1 } }, 'impute', 1500);
    await createEndpoint(db, 'broken', { model: 'delayed', target: { version: 1 } }, 'impute', 1500);
    const settings = { days: 3, requestsPerDay: 200, dirtyRate: 0.1 };
    await replay({ endpoint: 'whole', ...settings });
    const stop = new AbortController();
    const first = await replay({ endpoint: 'broken', ...settings }, stop.signal, (e) => {
      if (e.type === 'tick' && e.requestsDone >= 250) stop.abort();
    });
    expect(first.outcome.status).toBe('STOPPED');
    expect(first.outcome.requestsDone).toBeLessThan(600);
    const resumed = await replay({ endpoint: 'broken', ...settings, resume: first.outcome.replayId });
    expect(resumed.outcome).toMatchObject({ replayId: first.outcome.replayId, status: 'FINISHED', requestsDone: 600 });
    const shape = async (name: string) =>
      (await db.trafficWindows.where('endpoint').equals(name).sortBy('window')).map((w) => ({ window: w.window, requests: w.requests, rows: w.rows, issues: w.issues, v1: { ...w.byVersion['1']!, p50Ms: 0, p95Ms: 0, p99Ms: 0 } }));
    const whole = await shape('whole');
    expect(whole.reduce((s, w) => s + w.requests, 0)).toBe(600);
    expect(await shape('broken')).toEqual(whole);
    expect(await countLog(db, 'broken', {})).toBe(await countLog(db, 'whole', {}));
    expect(await countLog(db, 'broken', { labelled: true })).toBe(await countLog(db, 'whole', { labelled: true }));
    // Monitoring too: the resumed windows are judged on all their rows, as if nothing had happened.
    const monitored = async (name: string) => (await db.monitorWindows.where('endpoint').equals(name).sortBy('window')).map((w) => ({ ...w, endpoint: '', updatedAt: 0 }));
    const wholeMonitor = await monitored('whole');
    expect(wholeMonitor.map((w) => w.rows)).toEqual(whole.map((w) => w.rows));
    expect(await monitored('broken')).toEqual(wholeMonitor);
  }, 60_000);

  it('serves dirty traffic without a crash: every request logged in chunks, every reject explained, labels joined later', async () => {
    await createEndpoint(db, 'dirty', { model: 'delayed', target: { version: 1 } }, 'reject', 2000);
    const { outcome } = await replay({ endpoint: 'dirty', dirtyRate: 0.2 });
    expect(outcome.status).toBe('FINISHED');
    expect(outcome.requestsDone).toBe(900);
    const windows = await db.trafficWindows.where('endpoint').equals('dirty').sortBy('window');
    expect(windows.map((w) => w.window)).toEqual([1, 2, 3]);
    expect(windows.reduce((s, w) => s + w.requests, 0)).toBe(900);
    const v1 = windows.map((w) => w.byVersion['1']!);
    const rejected = v1.reduce((s, w) => s + w.rejected, 0);
    const errors = v1.reduce((s, w) => s + w.errors, 0);
    // About 20 % of rows are made dirty; most kinds reject under the reject policy.
    expect(rejected).toBeGreaterThan(60);
    const issues = windows.reduce((s, w) => s + Object.values(w.issues).reduce((a, b) => a + (b ?? 0), 0), 0);
    expect(issues).toBeGreaterThanOrEqual(rejected);
    // No accepted row failed in the model; requests with a schema change are refused whole under
    // `reject` (a 400 saying why), counted apart and logged as one row each.
    expect(errors).toBe(0);
    const refused = v1.reduce((s, w) => s + w.refused, 0);
    expect(refused).toBeGreaterThan(0);
    expect(await countLog(db, 'dirty', { status: 'refused' })).toBe(refused);
    // Every rejected row names its reason.
    const rejectedRows = await readLogPage(db, 'dirty', { filter: { status: 'rejected' }, limit: 1000 });
    expect(rejectedRows.length).toBe(rejected);
    expect(rejectedRows.every((r) => r.issues.length > 0)).toBe(true);
    // The log holds one row per request row (duplicated rows included; a refused request is one
    // row), in chunks, never a row per request.
    const rows = windows.reduce((s, w) => s + w.rows, 0);
    expect(rows).toBeGreaterThan(900);
    expect(await countLog(db, 'dirty', {})).toBe(rows + refused);
    expect(await db.predictionLog.where('endpoint').equals('dirty').count()).toBeLessThanOrEqual(6);
    // Labels arrived (the flights label delay is hours) and the live accuracy is measured.
    expect(await countLog(db, 'dirty', { labelled: true })).toBeGreaterThan(800);
    expect(v1.every((w) => w.labelled > 0 && w.metric !== null && w.metric > 0.5)).toBe(true);
    const record = (await db.replays.where('endpoint').equals('dirty').first())!;
    expect(record).toMatchObject({ status: 'FINISHED', requestsDone: 900, requestsTotal: 900 });
  }, 60_000);

  it('takes a canary through its steps to 100 % and promotes it, each step on the timeline', async () => {
    const endpoint = await createEndpoint(db, 'canary-ok', { model: 'delayed', target: { version: 1 } }, 'reject', 3000);
    const plan = startCanary(endpoint, 2, 0, { steps: [10, 50, 100], hold: { requests: 60 }, guards: { maxErrorRate: 0.5, maxP95Ms: 10_000, maxRejectRate: 0.5, maxMetricDrop: 1, minLabelled: 10 } });
    await changeRoutes(db, 'canary-ok', { ...plan, action: 'canary-start', version: 2, strategy: 'canary' }, 3100);
    const { outcome, events } = await replay({ endpoint: 'canary-ok', days: 4, requestsPerDay: 400 });
    expect(outcome.status).toBe('FINISHED');
    const actions = (await deploymentTimeline(db, 'canary-ok')).map((d) => [d.action, d.actor]);
    expect(actions).toEqual([
      ['deploy', 'you'],
      ['canary-start', 'you'],
      ['canary-step', 'canary'],
      ['canary-step', 'canary'],
      ['promote', 'canary'],
    ]);
    expect((await db.endpoints.get('canary-ok'))!.routes).toEqual([{ version: 2, share: 100, role: 'primary' }]);
    expect(events.filter((e) => e.type === 'rollout')).toHaveLength(3);
  }, 60_000);

  it('rolls a canary back by itself when a guard is breached, and says which', async () => {
    const endpoint = await createEndpoint(db, 'canary-bad', { model: 'delayed', target: { version: 1 } }, 'reject', 4000);
    // A latency guard no real request can meet: the first judgement breaches it.
    const plan = startCanary(endpoint, 2, 0, { steps: [25, 100], hold: { requests: 500 }, guards: { maxErrorRate: 0.5, maxP95Ms: 0.000001, maxRejectRate: 0.5, maxMetricDrop: 1, minLabelled: 10 } });
    await changeRoutes(db, 'canary-bad', { ...plan, action: 'canary-start', version: 2, strategy: 'canary' }, 4100);
    await replay({ endpoint: 'canary-bad', days: 2, requestsPerDay: 400 });
    const timeline = await deploymentTimeline(db, 'canary-bad');
    const rollback = timeline.find((d) => d.action === 'rollback')!;
    expect(rollback.actor).toBe('canary guard');
    expect(rollback.reason).toMatch(/p95 latency/);
    expect((await db.endpoints.get('canary-bad'))!.routes).toEqual([{ version: 1, share: 100, role: 'primary' }]);
    const windows = await db.trafficWindows.where('endpoint').equals('canary-bad').toArray();
    // The candidate answered part of the first day, then nothing.
    expect(windows.some((w) => (w.byVersion['2']?.requests ?? 0) > 0)).toBe(true);
    expect(windows.filter((w) => w.window === Math.max(...windows.map((x) => x.window)))[0]!.byVersion['2']).toBeUndefined();
  }, 60_000);
});
