import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { fitPreprocessing } from '../../data/preprocess';
import { tableFromRecords } from '../../data/table';
import { contractFromPreprocessing, inferDataContract } from '../../serving/data-contract';
import { WorkbenchDatabase } from '../../tracking/db';
import { saveModelArtifacts } from '../../tracking/model-store';
import { createRun, finishRun } from '../../tracking/runs';
import type { ModelVersion } from '../types';
import { buildModelPackage, PackageError } from './build';
import { CONTRACT_MJS, PREPROCESS_MJS } from './generated/runtime';
import { MODEL_MJS, SERVER_MJS } from '@/lib/ml/package-server-template';

const dbs: WorkbenchDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const REGISTERED = Date.UTC(2025, 2, 14, 23, 30);
const NOW = Date.UTC(2025, 3, 2, 9, 0);
const HASH = 'a'.repeat(64);
const table = tableFromRecords(
  [
    { distance: 300, origin: 'SEA' },
    { distance: null, origin: 'LAX' },
    { distance: 900, origin: null },
    { distance: 600, origin: 'SEA' },
  ],
  [
    { name: 'distance', type: 'numeric' },
    { name: 'origin', type: 'categorical' },
  ],
);
const prep = { ...fitPreprocessing(table, [0, 1, 2, 3], ['distance', 'origin']), target: 'delay', task: 'regression' as const, classNames: [] };
const weightSpecs = [
  { name: 'dense/kernel', shape: [4, 1], dtype: 'float32' },
  { name: 'dense/bias', shape: [1], dtype: 'float32' },
];
const regression = (rmse: number, baselineRmse: number) => ({ task: 'regression', rows: 30, rmse, mae: rmse * 0.8, r2: 0.41, baseline: { prediction: 6.5, rmse: baselineRmse, mae: baselineRmse * 0.8, r2: -0.01 }, predictedVsActual: [], residuals: [] });

interface Seed {
  runName?: string;
  model?: boolean;
  prepData?: unknown;
  weightBytes?: number;
  valRmse?: number;
  champion?: boolean;
}

async function seed(options: Seed = {}) {
  const db = new WorkbenchDatabase(`package-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  const run = await createRun(db, { experiment: 'flights', name: options.runName ?? 'delay-mlp', params: { task: 'regression', target: 'delay', learningRate: 0.01, hiddenLayers: '32-16' }, dataset: { id: 'flights', hash: HASH, split: 'by time (time), 70/15/15' }, seed: 42, backend: 'cpu' }, REGISTERED - 60_000);
  if (options.model !== false) await saveModelArtifacts(db, run.id, { modelTopology: { class_name: 'Sequential', config: { layers: [] } }, weightSpecs, weightData: new Float32Array((options.weightBytes ?? 20) / 4).map((_, i) => i / 10).buffer, format: 'layers-model', generatedBy: 'TensorFlow.js tfjs-layers v4.22.0', convertedBy: null }, REGISTERED);
  const artifacts = [
    { name: 'evaluation.json', data: { validation: regression(options.valRmse ?? 20, 25), test: regression(22, 26) } },
    { name: 'training.json', data: { backendLabel: 'CPU (plain JavaScript)', shape: { train: 140, validation: 30, test: 30, inputWidth: 4, parameters: 5 }, epochsRun: 12, bestEpoch: 9, stoppedEarly: true } },
    ...(options.prepData === null ? [] : [{ name: 'preprocessing.json', data: options.prepData ?? prep }]),
  ];
  await db.artifacts.bulkPut(artifacts.map((a) => ({ runId: run.id, contentType: 'application/json', bytes: null, createdAt: REGISTERED, ...a })));
  await finishRun(db, run.id, options.model === false ? 'KILLED' : 'FINISHED', REGISTERED - 1000);
  const version: ModelVersion = { name: 'flight-delay', version: 3, runId: run.id, description: 'Delay in minutes | first try', tags: { owner: 'me' }, createdAt: REGISTERED, archived: false, archivedAt: null, dataset: { id: 'flights', hash: HASH, split: 'by time (time), 70/15/15' }, task: 'regression', target: 'delay', metrics: { val_rmse: 20, baseline_val_rmse: 25 } };
  await db.modelVersions.put(version);
  await db.registeredModels.put({ name: 'flight-delay', description: '', tags: {}, aliases: options.champion === false ? {} : { champion: 3, challenger: 2 }, createdAt: REGISTERED, updatedAt: REGISTERED });
  return { db, run };
}

const unzip = (bytes: Uint8Array) => unzipSync(bytes);
const textOf = (files: Record<string, Uint8Array>, path: string) => strFromU8(files[`flight-delay-v3/${path}`]!);

describe('buildModelPackage', () => {
  it('zips the model, its preprocessing, the card and the serving app under <name>-v<version>/', async () => {
    const { db, run } = await seed();
    const built = await buildModelPackage(db, 'flight-delay', 3, NOW);
    expect(built.fileName).toBe('flight-delay-v3.zip');
    const files = unzip(built.bytes);
    expect(Object.keys(files).sort()).toEqual(
      ['.dockerignore', 'Dockerfile', 'MODEL_CARD.md', 'README.md', 'contract.json', 'contract.mjs', 'model.mjs', 'model/model.json', 'model/weights.bin', 'package.json', 'preprocess.mjs', 'preprocessing.json', 'server.mjs'].map((f) => `flight-delay-v3/${f}`).sort(),
    );
    const modelJson = JSON.parse(textOf(files, 'model/model.json'));
    expect(modelJson).toMatchObject({ format: 'layers-model', modelTopology: { class_name: 'Sequential' }, weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }] });
    expect(Array.from(new Float32Array(files['flight-delay-v3/model/weights.bin']!.slice().buffer))).toEqual(Array.from(new Float32Array(5).map((_, i) => i / 10)));
    expect(JSON.parse(textOf(files, 'preprocessing.json'))).toEqual({ ...prep, columns: ['distance', 'origin'] });
    // A version registered before contracts: the package rebuilds one from the preprocessing.
    expect(JSON.parse(textOf(files, 'contract.json'))).toEqual(contractFromPreprocessing(prep));
    expect(JSON.parse(textOf(files, 'package.json'))).toMatchObject({ type: 'module', scripts: { start: 'node server.mjs' }, dependencies: { '@tensorflow/tfjs': '4.22.0' }, mlopsWorkbench: { model: 'flight-delay', version: 3, runId: run.id } });
    expect(textOf(files, 'server.mjs')).toBe(SERVER_MJS);
    expect(textOf(files, 'model.mjs')).toBe(MODEL_MJS);
    expect(textOf(files, 'contract.mjs')).toBe(CONTRACT_MJS);
    expect(textOf(files, 'preprocess.mjs')).toBe(PREPROCESS_MJS);
    const docker = textOf(files, 'Dockerfile');
    for (const line of ['FROM node:20-slim', 'npm install --omit=dev', 'USER node', 'EXPOSE 8080', 'HEALTHCHECK', 'CMD ["node", "server.mjs"]']) expect(docker).toContain(line);
    const readme = textOf(files, 'README.md');
    expect(readme).toContain('docker build -t flight-delay-v3 .');
    expect(readme).toContain('"columns":["distance","origin"]');
    expect(readme).toMatch(/Why the preprocessing ships with the model/);
    expect(readme).toContain('VALIDATION_POLICY=impute npm start');
    expect(readme).toContain('more than 10 % of the training range outside it');
  });

  it('ships the version’s own data contract as contract.json when it has one', async () => {
    const { db } = await seed();
    const contract = inferDataContract(table, [0, 1, 2, 3], ['distance', 'origin']);
    await db.modelVersions.update(['flight-delay', 3], { contract });
    const files = unzip((await buildModelPackage(db, 'flight-delay', 3, NOW)).bytes);
    expect(JSON.parse(textOf(files, 'contract.json'))).toEqual(contract);
    expect(textOf(files, 'MODEL_CARD.md')).toMatch(/\| `contract\.json` \| \d+ \| `[0-9a-f]{64}` \|/);
  });

  it('fills the model card from the run and version: aliases, data, params, backend, metrics against the baseline, limits, the API', async () => {
    const { db, run } = await seed();
    const card = textOf(unzip((await buildModelPackage(db, 'flight-delay', 3, NOW)).bytes), 'MODEL_CARD.md');
    expect(card).toMatch(/^# Model card: flight-delay v3/);
    expect(card).toContain('> Delay in minutes \\| first try');
    expect(card).toContain('| Aliases | `@champion` (as of 2025-04-02) |');
    expect(card).toContain('US flights, January–March 2001');
    expect(card).toContain(HASH);
    expect(card).toContain('by time (time), 70/15/15');
    expect(card).toContain('140 training, 30 validation, 30 test');
    expect(card).toContain('| `learningRate` | 0.01 |');
    expect(card).toContain('`cpu` (CPU (plain JavaScript))');
    expect(card).toContain("12 run, best validation loss at epoch 9; the model holds epoch 9's weights (stopped early, best weights restored)");
    expect(card).toContain('| RMSE | 20 | 25 | 22 | 26 |');
    expect(card).toContain('Validation RMSE 20.00 against 25.00 for always predicting the training mean (20.00 % better): beats the baseline by the margin');
    // The verdict comes first, on validation and test.
    expect(card.split('\n').slice(0, 8).join('\n')).toContain('**Verdict: it beats its baseline by the margin on validation and on test**');
    expect(card).toContain('- Test RMSE 22.00 against 26.00');
    expect(card).toContain('always predict the training mean, 6.5');
    expect(card).toMatch(/## Intended use[\s\S]*## Limits[\s\S]*Trained on a sample: 140 rows[\s\S]*Drift:[\s\S]*Not for decisions/);
    expect(card).toContain('curl -s -X POST http://localhost:8080/predict');
    expect(card).toContain(run.id);
    expect(card).not.toMatch(/undefined|NaN|\[object Object\]|TODO|\{\{/);
  });

  it('warns in the card when the model does not beat its baseline, and escapes learner text', async () => {
    const { db } = await seed({ valRmse: 30, runName: 'a|b <script>alert(1)</script>', champion: false });
    const card = textOf(unzip((await buildModelPackage(db, 'flight-delay', 3, NOW)).bytes), 'MODEL_CARD.md');
    expect(card).toContain('**Verdict: it does not beat its baseline by the margin on both validation and test**');
    expect(card).toContain('Validation RMSE 30.00 against 25.00 for always predicting the training mean (20.00 % worse): does not beat the baseline by the margin');
    expect(card).toContain('**It does not beat its baseline by the margin on validation**');
    expect(card).toContain('| Aliases | none (as of 2025-04-02) |');
    expect(card).toContain('a\\|b &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(card).not.toContain('<script>');
  });

  it('gives the same bytes for the same version, whatever the hour or the time zone', async () => {
    const { db } = await seed();
    const first = await buildModelPackage(db, 'flight-delay', 3, NOW);
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Auckland';
      const far = await buildModelPackage(db, 'flight-delay', 3, NOW + 3_600_000);
      process.env.TZ = 'America/Los_Angeles';
      const near = await buildModelPackage(db, 'flight-delay', 3, NOW);
      expect(Buffer.from(far.bytes).equals(Buffer.from(first.bytes))).toBe(true);
      expect(Buffer.from(near.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('refuses, with a clear message, a missing version, a deleted run, a run without a model or preprocessing, and damaged artifacts', async () => {
    const refusal = async (db: WorkbenchDatabase, version = 3) => {
      const error = await buildModelPackage(db, 'flight-delay', version, NOW).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PackageError);
      return (error as Error).message;
    };
    const ok = await seed();
    expect(await refusal(ok.db, 9)).toBe('There is no version 9 of the model “flight-delay”.');
    await ok.db.runs.delete(ok.run.id);
    expect(await refusal(ok.db)).toMatch(/points at run .*, which was deleted/);
    expect(await refusal((await seed({ model: false })).db)).toMatch(/“delay-mlp” \(KILLED\) has no saved model/);
    expect(await refusal((await seed({ prepData: null })).db)).toMatch(/has no preprocessing\.json/);
    expect(await refusal((await seed({ prepData: { ...prep, featureNames: ['distance'] } })).db)).toMatch(/preprocessing\.json of run “delay-mlp” is damaged \(4 model inputs expected\)/);
    expect(await refusal((await seed({ prepData: { ...prep, encoders: [{ kind: 'numeric', column: 'distance', mean: 'x', std: 1 }] } })).db)).toMatch(/column distance: mean or standard deviation/);
    expect(await refusal((await seed({ weightBytes: 12 })).db)).toMatch(/weights of run “delay-mlp” are incomplete \(12 bytes stored, 20 expected\)/);
  });
});
