// The running example has something to learn: trained from the train page's defaults, the flights
// models beat their baselines on the time-split test set (the figures the README and lessons quote).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTf } from '@/lib/ml/backends';
import { WorkbenchDatabase } from '@/lib/tracking/db';
import { judgeAgainstBaseline } from '@/lib/tracking/headline';
import { trainPreset } from './train-preset';

const vega = (file: string) => readFileSync(new URL(`../../node_modules/vega-datasets/data/${file.split('/').pop()}`, import.meta.url), 'utf8');
const db = new WorkbenchDatabase(`flights-skill-${process.pid}`);
afterAll(() => db.delete());

/** Trains the train page's default model for `preset` on the CPU and returns the saved model's metrics. */
async function trainDefault(preset: string): Promise<Record<string, number>> {
  const tf = await loadTf();
  await tf.setBackend('cpu');
  return (await trainPreset(tf, db, preset, preset, vega)).summary;
}

describe('the flights running example', () => {
  it('classifies delayed flights with test ROC AUC ≥ 0.65, past the baseline’s margin on validation and test', async () => {
    const m = await trainDefault('dataset=flights&target=delayed');
    expect(m.test_auc).toBeGreaterThanOrEqual(0.65);
    expect(judgeAgainstBaseline(m, 'classification', 'val').status).toBe('beats');
    expect(judgeAgainstBaseline(m, 'classification', 'test').status).toBe('beats');
  }, 120_000);

  it('predicts the delay with a test RMSE below the mean baseline’s, by the margin', async () => {
    const m = await trainDefault('dataset=flights&target=delay');
    expect(m.test_rmse).toBeLessThan(m.baseline_test_rmse!);
    expect(judgeAgainstBaseline(m, 'regression', 'test').status).toBe('beats');
    expect(judgeAgainstBaseline(m, 'regression', 'val').status).toBe('beats');
  }, 120_000);
});
