import { transformRecords } from '../data/encode-record';
import type { Preprocessing } from '../data/preprocess';
import type { WorkbenchDatabase } from '../tracking/db';
import { activateBackend, loadTf } from './backends';
import { runModelHandler } from './model-io';
import { predict } from './train';

/** The preprocessing artifact of a run: the fitted transform plus what the model predicts. */
export type StoredPreprocessing = Preprocessing & { target: string; task: 'regression' | 'classification'; classNames: string[] };

export type Prediction = { task: 'regression'; value: number } | { task: 'classification'; label: string; probabilities: Array<{ label: string; p: number }> };

/**
 * Predicts raw records (as typed in a form: numbers may be strings, blanks are missing) with a
 * run's stored model, applying the run's own preprocessing. Loads tfjs lazily and uses the CPU
 * backend on the main thread (a handful of rows; no worker round trip needed).
 */
export async function predictWithRun(db: WorkbenchDatabase, runId: string, prep: StoredPreprocessing, records: ReadonlyArray<Record<string, unknown>>): Promise<Prediction[]> {
  const tf = await loadTf();
  if (tf.getBackend() !== 'cpu') await activateBackend(tf, 'cpu');
  const model = await tf.loadLayersModel(runModelHandler(tf, db, runId));
  try {
    const out = predict(tf, model, transformRecords(prep, records), records.length, prep.featureNames.length);
    if (prep.task === 'regression') return Array.from(out, (value) => ({ task: 'regression' as const, value }));
    const k = prep.classNames.length;
    return records.map((_, i) => {
      const probabilities = prep.classNames.map((label, c) => ({ label, p: out[i * k + c]! }));
      const best = probabilities.reduce((a, b) => (b.p > a.p ? b : a));
      return { task: 'classification' as const, label: best.label, probabilities };
    });
  } finally {
    model.dispose();
  }
}
