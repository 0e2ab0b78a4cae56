// One run, every view: the numbers a learner reads on the run page, in the runs table, in compare,
// in the registry, on the model card, in lesson checks and after a bundle round trip are the same
// numbers, derived from the run's stored series by the metric model.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotRun } from '@/lib/course/snapshot';
import { loadTf } from '@/lib/ml/backends';
import { DEFAULT_MLP } from '@/lib/ml/model-spec';
import type { TrainingRequest } from '@/lib/ml/protocol';
import type { RunEvaluation } from '@/lib/ml/session-evaluate';
import { keyMetric } from '@/lib/registry/metrics';
import { buildModelPackage } from '@/lib/registry/package/build';
import { registerModel } from '@/lib/registry/registry';
import { ARTIFACTS } from '@/lib/tracking/artifact-names';
import { exportBundle } from '@/lib/tracking/bundle/export';
import { importBundle } from '@/lib/tracking/bundle/import';
import { metricLeaders } from '@/lib/tracking/compare';
import { WorkbenchDatabase } from '@/lib/tracking/db';
import { judgeAgainstBaseline } from '@/lib/tracking/headline';
import { summarizeSeries, valueAtStep } from '@/lib/tracking/metric-model';
import { runFieldValue } from '@/lib/tracking/run-filter';
import { readMetric } from '@/lib/tracking/runs';
import { trainRequest } from '@/components/training/train-preset';

const vega = (file: string) => readFileSync(new URL(`../../node_modules/vega-datasets/data/${file.split('/').pop()}`, import.meta.url), 'utf8');
const db = new WorkbenchDatabase(`metric-views-${process.pid}`);
let runId = '';

beforeAll(async () => {
  const tf = await loadTf();
  await tf.setBackend('cpu');
  // A noisy learning rate with patience 2 stops early and restores an earlier epoch: saved ≠ last.
  const request: TrainingRequest = {
    experiment: 'views',
    name: 'cars mlp',
    tags: {},
    notes: '',
    dataset: { id: 'cars', kind: 'builtin' },
    target: 'mpg',
    features: ['cylinders', 'displacement', 'horsepower', 'weight_lbs', 'acceleration', 'origin', 'year'],
    split: 'time',
    backend: 'cpu',
    spec: { ...DEFAULT_MLP, task: 'regression', classes: 1, epochs: 40, batchSize: 16, learningRate: 0.05, patience: 2 },
  };
  runId = (await trainRequest(tf, db, request, vega)).runId;
}, 120_000);

afterAll(async () => {
  await db.delete();
});

describe('one run through every view', () => {
  it('stores one point per step per metric, and caches last and best exactly as the series says', async () => {
    const run = (await db.runs.get(runId))!;
    for (const key of Object.keys(run.lastMetrics)) {
      const series = await readMetric(db, runId, key);
      expect(new Set(series.steps).size, `${key} has a step twice`).toBe(series.steps.length);
      const summary = summarizeSeries(key, series.steps, series.values);
      expect(run.lastMetrics[key]).toBe(summary.last!.value);
      if (summary.best) expect(run.bestMetrics[key]).toEqual(summary.best);
    }
    expect(Object.keys(run.lastMetrics)).not.toContain('val_acc');
  });

  it('gives the saved model the figures of its epoch: run page, evaluation.json and the series agree to the bit', async () => {
    const run = (await db.runs.get(runId))!;
    const training = (await db.artifacts.get([runId, ARTIFACTS.training]))!.data as { savedEpoch: number; epochsRun: number; stoppedEarly: boolean };
    const evaluation = (await db.artifacts.get([runId, ARTIFACTS.evaluation]))!.data as RunEvaluation;
    expect(run.savedModel!.step).toBe(training.savedEpoch);
    expect(training.stoppedEarly && training.savedEpoch < training.epochsRun).toBe(true);
    const valMae = await readMetric(db, runId, 'val_mae');
    expect(valueAtStep(valMae, training.savedEpoch)).toBe(run.savedModel!.metrics.val_mae);
    expect(evaluation.validation.task === 'regression' && evaluation.validation.mae).toBe(run.savedModel!.metrics.val_mae);
    expect(evaluation.validation.task === 'regression' && evaluation.validation.rmse).toBe(run.savedModel!.metrics.val_rmse);
    // Figures only the saved model has are one point, at its epoch.
    expect((await readMetric(db, runId, 'test_rmse')).steps).toEqual([training.savedEpoch]);
  });

  it('shows the same numbers in the runs table, compare, checks, the registry, the model card and after a bundle round trip', async () => {
    const run = (await db.runs.get(runId))!;
    const saved = run.savedModel!.metrics;
    // Runs table and filter read the cached best and last.
    expect(runFieldValue(run, { kind: 'metric', key: 'val_rmse', which: 'best' })).toBe(saved.val_rmse);
    expect(runFieldValue(run, { kind: 'metric', key: 'val_rmse', which: 'last' })).toBe(saved.val_rmse);
    // Compare leads by the same cached values.
    expect(metricLeaders([run], ['val_rmse'])[0]).toMatchObject({ key: 'val_rmse', lowerIsBetter: true });
    // Lesson checks read the saved model's figures.
    expect(snapshotRun(run).savedMetrics).toEqual(saved);
    // The registry freezes them on the version and judges its headline metric.
    const version = await registerModel(db, { name: 'cars-mpg', runId }, 5);
    expect(version.metrics).toEqual(saved);
    const verdict = judgeAgainstBaseline(saved, 'regression');
    expect(keyMetric(version.metrics, version.task)).toMatchObject({ key: 'val_rmse', value: saved.val_rmse, baseline: saved.baseline_val_rmse, status: verdict.status });
    // The model card states the same verdict in its first lines.
    const built = await buildModelPackage(db, 'cars-mpg', 1, 10);
    const card = strFromU8(unzipSync(built.bytes)['cars-mpg-v1/MODEL_CARD.md']!);
    expect(card.split('\n').slice(0, 12).join('\n')).toContain(verdict.reason);
    // A bundle carries the saved model and its metrics unchanged.
    const bundle = await exportBundle(db, { runIds: [runId], modelNames: ['cars-mpg'], includeProgress: false }, 20);
    const other = new WorkbenchDatabase(`metric-views-import-${process.pid}`);
    try {
      const outcome = await importBundle(other, bundle.json, 30);
      expect(outcome.ok ? "" : outcome.error).toBe("");
      expect((await other.runs.get(runId))!.savedModel).toEqual(run.savedModel);
      expect((await other.modelVersions.get(['cars-mpg', 1]))!.metrics).toEqual(saved);
    } finally {
      await other.delete();
    }
  });
});
