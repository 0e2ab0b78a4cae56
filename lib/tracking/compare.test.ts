import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from './db';
import {
  chooseMetric,
  compareHref,
  differingParams,
  loadComparison,
  MAX_COMPARE_RUNS,
  MAX_POINTS_PER_LINE,
  metricKeys,
  metricLeaders,
  parseRunIds,
  pointsPerLine,
  readMetricHistories,
  shapeCurve,
  valuesDiffer,
} from './compare';
import type { RunRecord } from './run-types';
import { createRun, MetricWriter, readMetric } from './runs';

const dbs: WorkbenchDatabase[] = [];
const freshDb = () => {
  const db = new WorkbenchDatabase(`compare-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function run(id: string, patch: Partial<RunRecord> = {}): RunRecord {
  return {
    id,
    experiment: 'flights',
    name: id,
    status: 'FINISHED',
    startedAt: 0,
    endedAt: 1,
    params: {},
    tags: {},
    notes: '',
    dataset: { id: 'flights', hash: 'h', split: 'time' },
    backend: 'cpu',
    seed: 1,
    lastMetrics: {},
    bestMetrics: {},
    failure: null,
    parentRunId: null,
    ...patch,
  };
}

describe('compare links', () => {
  it('builds a readable link that parses back to the same ids and metric', () => {
    const href = compareHref(['a', 'b', 'a', ' ', 'c d'], 'val_loss');
    expect(href).toBe('/workbench/compare?runs=a,b,c%20d&metric=val_loss');
    const params = new URL(href, 'http://x').searchParams;
    expect(parseRunIds(params.get('runs'))).toEqual({ ids: ['a', 'b', 'c d'], overflow: [] });
    expect(params.get('metric')).toBe('val_loss');
    expect(compareHref(['x'])).toBe('/workbench/compare?runs=x');
  });

  it('compares the first 20 ids and keeps the rest aside', () => {
    const ids = Array.from({ length: 23 }, (_, i) => `r${i}`);
    const parsed = parseRunIds(ids.join(','));
    expect(parsed.ids).toEqual(ids.slice(0, MAX_COMPARE_RUNS));
    expect(parsed.overflow).toEqual(['r20', 'r21', 'r22']);
    expect(parseRunIds(null)).toEqual({ ids: [], overflow: [] });
    expect(parseRunIds(',, ,')).toEqual({ ids: [], overflow: [] });
  });
});

describe('metric keys and the default metric', () => {
  const runs = [run('a', { lastMetrics: { loss: 1, val_loss: 2, val_rmse: 3 } }), run('b', { lastMetrics: { loss: 1, val_loss: 2, val_mae: 1 } })];

  it('splits keys into shared and partial', () => {
    expect(metricKeys(runs)).toEqual({ shared: ['loss', 'val_loss'], partial: ['val_mae', 'val_rmse'] });
    expect(metricKeys([])).toEqual({ shared: [], partial: [] });
  });

  it('honours a requested key some run has, defaults to val_loss, then to the first shared key', () => {
    const keys = metricKeys(runs);
    expect(chooseMetric(keys, 'val_rmse')).toBe('val_rmse');
    expect(chooseMetric(keys, 'nope')).toBe('val_loss');
    expect(chooseMetric(keys, null)).toBe('val_loss');
    expect(chooseMetric({ shared: ['acc', 'loss'], partial: ['val_loss'] }, null)).toBe('acc');
    expect(chooseMetric({ shared: [], partial: ['val_mae'] }, null)).toBe('val_mae');
    expect(chooseMetric({ shared: [], partial: [] }, 'loss')).toBeNull();
  });
});

describe('differing params', () => {
  it('keeps only params whose values differ, a missing param counting as different', () => {
    const runs = [
      run('a', { params: { lr: 0.01, epochs: 10, model: 'mlp', layers: 2, seedText: '1' } }),
      run('b', { params: { lr: 0.1, epochs: 10, model: 'mlp', seedText: 1 } }),
      run('c', { params: { lr: 0.01, epochs: 10, model: 'mlp', seedText: '1' } }),
    ];
    expect(differingParams(runs)).toEqual({ differing: ['layers', 'lr', 'seedText'], identical: ['epochs', 'model'] });
    expect(differingParams([runs[0]!])).toEqual({ differing: [], identical: ['epochs', 'layers', 'lr', 'model', 'seedText'] });
  });

  it('compares values strictly', () => {
    expect(valuesDiffer([1, 1, 1])).toBe(false);
    expect(valuesDiffer([true, 'true'])).toBe(true);
    expect(valuesDiffer([1, undefined])).toBe(true);
    expect(valuesDiffer([])).toBe(false);
  });
});

describe('metric leaders', () => {
  it('picks the lowest loss and the highest accuracy, by best and by last, ignoring NaN and sharing ties', () => {
    const runs = [
      run('a', { bestMetrics: { val_loss: { value: 0.2, step: 3 }, val_accuracy: { value: 0.9, step: 1 } }, lastMetrics: { val_loss: Number.NaN, val_accuracy: 0.8 } }),
      run('b', { bestMetrics: { val_loss: { value: 0.3, step: 5 }, val_accuracy: { value: 0.9, step: 2 } }, lastMetrics: { val_loss: 0.35, val_accuracy: 0.85 } }),
      run('c', { bestMetrics: { val_accuracy: { value: 0.7, step: 1 } }, lastMetrics: { val_accuracy: 0.7 } }),
    ];
    expect(metricLeaders(runs, ['val_loss', 'val_accuracy', 'missing'])).toEqual([
      { key: 'val_loss', lowerIsBetter: true, byBest: ['a'], byLast: ['b'] },
      { key: 'val_accuracy', lowerIsBetter: false, byBest: ['a', 'b'], byLast: ['b'] },
      { key: 'missing', lowerIsBetter: false, byBest: [], byLast: [] },
    ]);
  });

  it('marks no leader when every run ties', () => {
    const tied = [run('a', { lastMetrics: { acc: 0.5 } }), run('b', { lastMetrics: { acc: 0.5 } })];
    expect(metricLeaders(tied, ['acc'])[0]!.byLast).toEqual([]);
    expect(metricLeaders([tied[0]!], ['acc'])[0]!.byLast).toEqual(['a']);
  });

  it('never marks a leader on a baseline row: it scores the data, not the model', () => {
    const runs = [run('a', { lastMetrics: { baseline_val_rmse: 30 }, bestMetrics: { baseline_val_rmse: { value: 30, step: 3 } } }), run('b', { lastMetrics: { baseline_val_rmse: 32 }, bestMetrics: { baseline_val_rmse: { value: 32, step: 3 } } })];
    expect(metricLeaders(runs, ['baseline_val_rmse'])[0]).toMatchObject({ byBest: [], byLast: [] });
  });
});

describe('curve shaping', () => {
  const long = (n: number) => ({ steps: Array.from({ length: n }, (_, i) => i), values: Array.from({ length: n }, (_, i) => (i === 4321 ? Number.NaN : 1 / (i + 1) + (i === 7000 ? 0.5 : 0))) });

  it('draws at most the requested points (never more than 1,000), keeping both ends and a spike', () => {
    const line = shapeCurve(long(10_000), 400, true);
    expect(line.points).toHaveLength(400);
    expect(line.points[0]).toEqual({ x: 0, y: 1 });
    expect(line.points.at(-1)!.x).toBe(9999);
    expect(line.points.some((p) => p.x === 7000)).toBe(true);
    expect(line.logged).toBe(10_000);
    expect(line.nonFinite).toBe(1);
    expect(line.points.every((p) => Number.isFinite(p.y))).toBe(true);
    expect(line.best).toEqual({ value: 1 / 10_000, step: 9999 });
    expect(line.last).toEqual({ value: 1 / 10_000, step: 9999 });
    expect(shapeCurve(long(10_000), 50_000, true).points).toHaveLength(MAX_POINTS_PER_LINE);
  });

  it('keeps short and empty histories as they are; best follows the direction', () => {
    const line = shapeCurve({ steps: [0, 1, 2], values: [0.5, 0.9, Number.NaN] }, 1000, false);
    expect(line.points).toEqual([
      { x: 0, y: 0.5 },
      { x: 1, y: 0.9 },
    ]);
    expect(line.best).toEqual({ value: 0.9, step: 1 });
    expect(line.last!.value).toBeNaN();
    expect(shapeCurve({ steps: [], values: [] }, 1000, true)).toEqual({ points: [], logged: 0, nonFinite: 0, best: null, last: null });
  });

  it('draws one point per pixel column, rounded up to hundreds, from 100 to 1,000', () => {
    expect(pointsPerLine(0)).toBe(1000);
    expect(pointsPerLine(Number.NaN)).toBe(1000);
    expect(pointsPerLine(20)).toBe(100);
    expect(pointsPerLine(301)).toBe(400);
    expect(pointsPerLine(2400)).toBe(1000);
  });

  it('shapes 20 runs × 10,000 points quickly', () => {
    const histories = Array.from({ length: 20 }, () => long(10_000));
    shapeCurve(histories[0]!, 1000, true); // warm-up
    const t = performance.now();
    const lines = histories.map((h) => shapeCurve(h, 1000, true));
    const ms = performance.now() - t;
    console.info(`shapeCurve 20 × 10,000 → ${lines.length} × ${lines[0]!.points.length} points: ${ms.toFixed(1)} ms`);
    expect(Math.max(...lines.map((l) => l.points.length))).toBe(1000);
    // Typically ~10 ms; the bound leaves room for a slow shared CI machine.
    expect(ms).toBeLessThan(250);
  });
});

describe('reading histories from IndexedDB', () => {
  it('loads 20 runs × 10,000 points of the chosen metric only, naming unknown ids', async () => {
    const db = freshDb();
    const ids = Array.from({ length: 20 }, (_, i) => `run-${i}`);
    for (const [r, id] of ids.entries()) {
      await createRun(db, { experiment: 'bench', name: id, params: { lr: 0.001 * (r + 1) }, dataset: { id: 'flights', hash: 'h', split: 'time' }, seed: r }, r, id);
      const writer = new MetricWriter(db, id);
      for (let step = 0; step < 10_000; step++) writer.log(step, { loss: 2 / (step + 1), val_loss: 1 / (step + 1) + r });
      await writer.flush(r);
    }
    const t = performance.now();
    const comparison = await loadComparison(db, ['gone-1', ...ids, 'gone-2'], null);
    console.info(`loadComparison 20 × 10,000 (fake-indexeddb): ${(performance.now() - t).toFixed(0)} ms`);
    expect(comparison.missingIds).toEqual(['gone-1', 'gone-2']);
    expect(comparison.runs.map((r) => r.id)).toEqual(ids);
    expect(comparison.keys).toEqual({ shared: ['loss', 'val_loss'], partial: [] });
    expect(comparison.metric).toBe('val_loss');
    expect([...comparison.histories.keys()]).toEqual(ids);
    for (const [r, id] of ids.entries()) {
      const h = comparison.histories.get(id)!;
      expect(h.values).toHaveLength(10_000);
      expect(h.steps[9999]).toBe(9999);
      expect(h.values[0]).toBe(1 + r); // val_loss, not loss
    }
    expect(comparison.histories.get('run-7')).toEqual(await readMetric(db, 'run-7', 'val_loss'));
    const requested = await loadComparison(db, ids.slice(0, 2), 'loss');
    expect(requested.metric).toBe('loss');
    expect(requested.histories.get('run-1')!.values[1]).toBe(1);
  });

  it('leaves out runs without the metric and reads nothing when no run logged any', async () => {
    const db = freshDb();
    const dataset = { id: 'd', hash: 'h', split: 'random' };
    await createRun(db, { experiment: 'e', name: 'with', params: {}, dataset, seed: 1 }, 0, 'with');
    await createRun(db, { experiment: 'e', name: 'without', params: {}, dataset, seed: 1 }, 0, 'without');
    const writer = new MetricWriter(db, 'with');
    writer.log(0, { val_loss: 1 });
    await writer.flush(1);
    const histories = await readMetricHistories(db, ['with', 'without'], 'val_loss');
    expect([...histories.keys()]).toEqual(['with']);
    const comparison = await loadComparison(db, ['without'], 'val_loss');
    expect(comparison.metric).toBeNull();
    expect(comparison.histories.size).toBe(0);
  });
});
