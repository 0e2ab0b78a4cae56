/**
 * A small, seeded trips table for the model-package test: numeric, yes/no and categorical inputs
 * with missing values and a rare category, and two targets (a delay in minutes, and a 3-class
 * label). Trained through the real session (as an uploaded CSV) so the run stores exactly what
 * a browser run stores.
 */
import type { DatasetSources, UploadedDatasetSource } from '../data/load';
import { contentHash } from '../data/hash';
import { seededRandom } from '../data/random';
import type { WorkbenchDatabase } from '../tracking/db';
import type { TfModule } from './model';
import { DEFAULT_MLP } from './model-spec';
import { runTrainingSession } from './session';
import { systemClock } from '../time/clock';

export const FEATURES = ['distance', 'hour', 'weekend', 'carrier'] as const;
const CARRIERS = ['AA', 'UA', 'DL', 'WN', 'AS'];
const EFFECT: Record<string, number> = { AA: 4, UA: 8, DL: -3, WN: 12, AS: -6, ZZ: 20 };

/** CSV text of `rows` trips; about 8% of distances, 5% of hours and 8% of carriers are blank. */
export function tripsCsv(rows = 360, seed = 11): string {
  const random = seededRandom(seed);
  const lines = ['distance,hour,weekend,carrier,delay,punctuality'];
  for (let i = 0; i < rows; i++) {
    const distance = Math.round(100 + random() * 2400);
    const hour = 5 + Math.floor(random() * 18);
    const weekend = random() < 0.3;
    const carrier = random() < 0.03 ? 'ZZ' : CARRIERS[Math.floor(random() * CARRIERS.length)]!;
    const delay = 0.01 * distance + 1.5 * (hour - 12) + EFFECT[carrier]! + (weekend ? 6 : 0) + (random() - 0.5) * 8;
    const punctuality = delay < 2 ? 'early' : delay < 14 ? 'on-time' : 'late';
    const blank = (p: number, v: string) => (random() < p ? '' : v);
    lines.push([blank(0.08, String(distance)), blank(0.05, String(hour)), weekend ? 'yes' : 'no', blank(0.08, carrier), delay.toFixed(2), punctuality].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Raw rows as a client would send them, in `FEATURES` order: typical rows, numeric strings,
 * blanks and nulls (imputed), a category never seen in training, and values far out of range.
 */
export const RAW_ROWS: Array<Array<number | string | boolean | null>> = [
  [850, 9, false, 'AA'],
  [2300, 18, true, 'WN'],
  [120, 6, false, 'DL'],
  ['1400', '21', true, 'UA'],
  [null, 14, false, 'AS'],
  [640, null, true, null],
  ['', '', false, ''],
  [990, 12, true, 'QX'],
  [15000, 3, false, 'ZZ'],
  [-50, 23, true, 'AA'],
  [1234.5, 10.5, false, 'DL'],
];

/** `RAW_ROWS` as records (column → value), the shape the browser's predictor takes. */
export function rawRecords(): Array<Record<string, unknown>> {
  return RAW_ROWS.map((row) => Object.fromEntries(FEATURES.map((c, i) => [c, row[i]])));
}

/**
 * Trains a small MLP on the trips table through `runTrainingSession` (CPU backend, seeded random
 * split) and returns the FINISHED run's id; throws with the session's message otherwise.
 */
export async function trainTrips(tf: TfModule, db: WorkbenchDatabase, task: 'regression' | 'classification'): Promise<string> {
  const text = tripsCsv();
  const target = task === 'regression' ? 'delay' : 'punctuality';
  const upload: UploadedDatasetSource = { id: `trips-${task}`, name: 'Synthetic trips', fileName: 'trips.csv', text, hash: await contentHash(text), target, task, timeColumn: null, features: [...FEATURES], rows: 360 };
  const sources: DatasetSources = { fetchText: async () => Promise.reject(new Error('no built-in data here')), readUpload: async (id) => (id === upload.id ? upload : undefined) };
  let outcome = 'no message';
  await runTrainingSession(
    {
      experiment: 'package-test',
      name: `trips-${task}`,
      tags: {},
      notes: '',
      dataset: { id: upload.id, kind: 'upload' },
      target,
      features: [...FEATURES],
      split: 'random',
      backend: 'cpu',
      spec: { ...DEFAULT_MLP, task, classes: task === 'classification' ? 3 : 1, hiddenLayers: [12], epochs: 25, batchSize: 32, patience: null, seed: 5 },
    },
    {
      tf,
      db,
      sources,
      backendCache: null,
      cores: 1,
      post: (m) => {
        if (m.type === 'done' || m.type === 'error') outcome = m.type === 'done' ? `${m.status} ${m.failure?.message ?? ''}` : m.message;
      },
      shouldStop: () => false,
      yieldNow: () => new Promise((r) => setTimeout(r, 0)),
      clock: systemClock,
    },
  );
  const run = (await db.runs.toArray()).find((r) => r.name === `trips-${task}`);
  if (!run || run.status !== 'FINISHED') throw new Error(`training the ${task} model did not finish: ${outcome}`);
  return run.id;
}
