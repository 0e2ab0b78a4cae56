// Bundles that seed e2e state, made in Node by the code the unit tests run: the real training
// session (tfjs on the CPU, IndexedDB through fake-indexeddb) records runs exactly as the browser
// does, and the real exporter writes them. Tests import them through the Transfer page, instead
// of training through the UI for state that is not what they test.
import 'fake-indexeddb/auto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainPreset } from '../../components/training/train-preset';
import { loadTf } from '../../lib/ml/backends';
import type { TfModule } from '../../lib/ml/model';
import { systemClock } from '../../lib/time/clock';
import { registerModel, setAlias } from '../../lib/registry/registry';
import { exportBundle } from '../../lib/tracking/bundle/export';
import { WorkbenchDatabase } from '../../lib/tracking/db';
import { ROOT, SEED_DIR } from './paths';


/** One run to record: the preset a lesson link would use, and what the form would name it. */
interface SeedRun {
  preset: string;
  name: string;
}

/** The seeds, by file name: each a list of runs trained in order. */
export const SEEDS: Record<string, SeedRun[]> = {
  'flights-linear-and-mlp.json': [
    { preset: 'dataset=flights&target=delay&model=linear&epochs=3', name: 'linear three' },
    { preset: 'dataset=flights&target=delay&model=mlp&epochs=3', name: 'mlp three' },
  ],
  'flights-delayed.json': [{ preset: 'dataset=flights&target=delayed&model=linear&epochs=3', name: 'delayed linear' }],
  // Registered (see SEED_MODELS): v1 @champion, v2 @challenger, for the serving tests.
  'delayed-model.json': [
    { preset: 'dataset=flights&target=delayed&epochs=3', name: 'delayed mlp' },
    { preset: 'dataset=flights&target=delayed&model=linear&epochs=2', name: 'delayed linear' },
  ],
  'penguins-two-runs.json': [
    { preset: 'dataset=penguins&target=species&epochs=3', name: 'penguins first' },
    { preset: 'dataset=penguins&target=species&epochs=4', name: 'penguins second' },
  ],
};

/**
 * Seeds whose runs are registered as versions 1, 2… of one model, with aliases (version → alias):
 * the serving tests deploy them.
 */
export const SEED_MODELS: Record<string, { model: string; aliases: Record<number, string> }> = {
  'delayed-model.json': { model: 'delayed', aliases: { 1: 'champion', 2: 'challenger' } },
};

const vega = (path: string) => readFileSync(join(ROOT, 'node_modules/vega-datasets/data', path.split('/').pop()!), 'utf8');

/** Trains one run as the train page would (its form, its request) and returns its id. */
async function train(tf: TfModule, db: WorkbenchDatabase, run: SeedRun): Promise<string> {
  return (await trainPreset(tf, db, run.preset, run.name, vega)).runId;
}

/** Writes every seed bundle into `SEED_DIR`. */
export async function writeSeedBundles(): Promise<void> {
  const tf = await loadTf();
  await tf.setBackend('cpu');
  mkdirSync(SEED_DIR, { recursive: true });
  for (const [file, runs] of Object.entries(SEEDS)) {
    const db = new WorkbenchDatabase(`seed-${file}`);
    try {
      const runIds: string[] = [];
      for (const run of runs) runIds.push(await train(tf, db, run));
      const registry = SEED_MODELS[file];
      if (registry) {
        for (const runId of runIds) await registerModel(db, { runId, name: registry.model }, systemClock.now());
        for (const [version, alias] of Object.entries(registry.aliases)) await setAlias(db, registry.model, alias, Number(version), systemClock.now());
      }
      const { json } = await exportBundle(db, { runIds, modelNames: registry ? [registry.model] : [], includeProgress: false }, systemClock.now());
      writeFileSync(join(SEED_DIR, file), json);
    } finally {
      await db.delete();
    }
  }
}
