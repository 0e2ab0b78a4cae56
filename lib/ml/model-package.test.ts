/**
 * The model package, as a deployer meets it: train in Node (tfjs CPU, the real session), register,
 * build the zip, unzip it inside the repository, load it in Node with tfjs, start its server, and
 * check both against the browser's predictor on the same raw rows (within 1e-5), then the
 * contract: per-row validation under the default policy (reject) and under impute, judged as the
 * workbench's own contract.ts judges the same dirty rows, and the errors of unreadable requests.
 */
import 'fake-indexeddb/auto';
import { readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModelPackage } from '../registry/package/build';
import { registerModel } from '../registry/registry';
import { WorkbenchDatabase } from '../tracking/db';
import { FEATURES, RAW_ROWS, rawRecords, trainTrips } from './package-test-fixture';
import { getJson, postJson, removeDir, request, startPackageServer, unzipPackage, type RunningServer, type UnzippedPackage } from './package-test-helpers';
import { predictWithRun, type Prediction, type StoredPreprocessing } from './predictor';
import { acceptedRecords, buildResponse, validateRequest, type PredictResponse } from '../serving/contract';
import type { DataContract, Endpoint, ValidationPolicy } from '../tracking/serving-types';
import { answerBatch } from '../serving/engine';
import { VersionCache } from '../serving/version-cache';

const TOLERANCE = 1e-5;
const NOW = Date.UTC(2025, 4, 6, 10, 0);

type Served = { predictions: Array<number | string>; classes?: string[]; probabilities?: number[][] };
interface PackageModule {
  loadPackage: (dir: string) => Promise<{ prep: StoredPreprocessing; predict: (records: Array<Record<string, unknown>>) => Served; dispose: () => void }>;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Each served value is within 1e-5 of the browser's (regression), or the same label with probabilities within 1e-5. */
function expectSamePredictions(served: Served, browser: Prediction[], rejected: readonly number[] = []): void {
  expect(served.predictions).toHaveLength(browser.length);
  browser.forEach((b, i) => {
    if (rejected.includes(i)) {
      expect(served.predictions[i], `row ${i}`).toBeNull();
      return;
    }
    if (b.task === 'regression') {
      expect(Math.abs((served.predictions[i] as number) - b.value), `row ${i}`).toBeLessThanOrEqual(TOLERANCE);
      return;
    }
    expect(served.predictions[i], `row ${i}`).toBe(b.label);
    expect(served.classes).toEqual(b.probabilities.map((p) => p.label));
    b.probabilities.forEach((p, c) => expect(Math.abs(served.probabilities![i]![c]! - p.p), `row ${i} class ${p.label}`).toBeLessThanOrEqual(TOLERANCE));
  });
}

/** The served answer is the workbench's: the same id, version and validation, predictions within 1e-5, null where rejected. */
function expectSameAnswer(served: PredictResponse, expected: PredictResponse): void {
  expect({ ...served, predictions: null, probabilities: null }).toEqual({ ...expected, predictions: null, probabilities: null });
  expected.predictions.forEach((p, i) => {
    if (p === null || typeof p === 'string') expect(served.predictions[i], `row ${i}`).toBe(p);
    else expect(Math.abs((served.predictions[i] as number) - p), `row ${i}`).toBeLessThanOrEqual(TOLERANCE);
    expected.probabilities?.[i]?.forEach((q, c) => expect(Math.abs(served.probabilities![i]![c]! - q), `row ${i} class ${c}`).toBeLessThanOrEqual(TOLERANCE));
  });
}

describe.each(['regression', 'classification'] as const)('model package of a %s model', (task) => {
  const name = `trips-${task}`;
  const db = new WorkbenchDatabase(`model-package-${task}-${Date.now()}`);
  let runId: string;
  let prep: StoredPreprocessing;
  let browser: Prediction[];
  let unzipped: UnzippedPackage | undefined;
  let server: RunningServer | undefined;
  /** The same package served with VALIDATION_POLICY=impute. */
  let imputing: RunningServer | undefined;
  let contract: DataContract;
  const endpointCache = new VersionCache({ db, now: () => performance.now(), backend: 'cpu' });

  /** What the workbench answers: its contract.ts on the same body, and its browser predictor on the rows accepted. */
  async function workbenchAnswer(body: unknown, policy: ValidationPolicy): Promise<PredictResponse> {
    const judged = validateRequest(JSON.stringify(body), contract, policy);
    const records = acceptedRecords(judged);
    const predicted = records.length === 0 ? [] : await predictWithRun(db, runId, prep, records);
    const raw = predicted.map((p) => (p.task === 'regression' ? [p.value] : p.probabilities.map((q) => q.p)));
    return buildResponse(judged, raw, { task: prep.task, classNames: prep.classNames, version: 1 });
  }

  /** What the in-browser endpoint answers: the serving worker's own path (routing, validation, one batched predict, the answer). */
  async function endpointAnswer(body: unknown, policy: ValidationPolicy): Promise<PredictResponse> {
    const endpoint: Endpoint = { name: 'parity', model: name, target: { version: 1 }, routes: [{ version: 1, share: 100, role: 'primary' }], rollout: null, policy, createdAt: 0, updatedAt: 0, status: 'serving' };
    const [answered] = await answerBatch(endpoint, [{ body: JSON.stringify(body), fallbackId: 'parity', at: 0, window: 0 }], endpointCache, () => performance.now());
    expect(answered!.answer.status).toBe(200);
    return answered!.answer.response as PredictResponse;
  }

  beforeAll(async () => {
    runId = await trainTrips(tf, db, task);
    const version = await registerModel(db, { name, runId, description: `The ${task} test model` }, NOW - 60_000);
    expect(version.version).toBe(1);
    expect(version.contract).toMatchObject({ source: 'training', columns: FEATURES.map((c) => ({ name: c })) });
    contract = version.contract!;
    prep = (await db.artifacts.get([runId, 'preprocessing.json']))!.data as StoredPreprocessing;
    browser = await predictWithRun(db, runId, prep, rawRecords());
    const built = await buildModelPackage(db, name, 1, NOW);
    expect(built.fileName).toBe(`${name}-v1.zip`);
    unzipped = await unzipPackage(built.bytes);
    [server, imputing] = await Promise.all([startPackageServer(unzipped.dir), startPackageServer(unzipped.dir, { env: { VALIDATION_POLICY: 'impute' } })]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([server?.stop(), imputing?.stop(), endpointCache.clear()]);
    if (unzipped) await removeDir(unzipped.root);
    await db.delete();
  });

  it('unzips to model, preprocessing, card, serving app, Dockerfile and README', () => {
    expect(unzipped!.files).toEqual(expect.arrayContaining(['model/model.json', 'model/weights.bin', 'preprocessing.json', 'contract.json', 'MODEL_CARD.md', 'server.mjs', 'preprocess.mjs', 'package.json', 'Dockerfile', 'README.md']));
  });

  it('ships the version’s data contract, which the server validates with', async () => {
    expect(JSON.parse(await readFile(join(unzipped!.dir, 'contract.json'), 'utf8'))).toEqual(contract);
  });

  it('loads in Node with tfjs from the unzipped files and predicts the raw rows as the browser does (within 1e-5)', async () => {
    const { loadPackage } = (await import(/* @vite-ignore */ `${unzipped!.dir}/model.mjs`)) as PackageModule;
    const loaded = await loadPackage(unzipped!.dir);
    try {
      expect(loaded.prep.encoders.map((e) => e.column)).toEqual([...FEATURES]);
      expectSamePredictions(loaded.predict(rawRecords()), browser);
    } finally {
      loaded.dispose();
    }
    // Not vacuous: the rows do not all get one answer.
    const distinct = new Set(browser.map((b) => (b.task === 'regression' ? b.value.toFixed(3) : b.probabilities.map((p) => p.p.toFixed(3)).join())));
    expect(distinct.size).toBeGreaterThan(3);
  });

  it('serves POST /predict on 127.0.0.1 with the same predictions (within 1e-5), in any column order, rejecting rows that break the contract', async () => {
    const answer = await postJson(`${server!.url}/predict`, { id: 'batch-1', columns: [...FEATURES], rows: RAW_ROWS });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/application\/json/);
    const body = answer.json as Served & PredictResponse;
    expect(body.id).toBe('batch-1');
    // Row 7 sends a carrier never seen in training, row 8 a distance and an hour far outside it.
    expect(body.validation).toMatchObject({ policy: 'reject', rejected: 2, flagged: 0 });
    expect(body.validation.rows.map((r) => [r.row, r.verdict, r.issues.map((i) => i.kind)])).toEqual([
      [7, 'rejected', ['unseen-category']],
      [8, 'rejected', ['out-of-range', 'out-of-range']],
    ]);
    expect(body.validation.rows[0]!.issues[0]!.message).toBe('row 7, column carrier: "QX" was not seen in training.');
    expect(body.version).toBe(1);
    expectSamePredictions(body, browser, [7, 8]);
    const order = [3, 0, 2, 1];
    const shuffled = await postJson(`${server!.url}/predict`, { id: 42, columns: order.map((i) => FEATURES[i]), rows: RAW_ROWS.map((row) => order.map((i) => row[i]!)) });
    expect(shuffled.json).toMatchObject({ id: 42 });
    expectSamePredictions(shuffled.json as Served, browser, [7, 8]);
  });

  it('answers dirty rows as the in-browser endpoint does, under impute and under reject: the same verdicts and messages, the same predictions (within 1e-5)', async () => {
    const dirty = [
      ...RAW_ROWS,
      ['12,5', 9, false, 'AA'],
      ['N/A', 'abc', true, 'DL'],
      [{ km: 850 }, 9, [false], 'UA'],
      [850, 9, false, 'AA'],
      [850, 9, 'AA'],
      '850,9,false,AA',
      [1e308, -1e308, 'yes', ''],
    ];
    const bodies = [
      { id: 'dirty-1', columns: [...FEATURES], rows: dirty },
      { id: 'dirty-2', columns: ['carrier', 'distance', 'hour', 'seat'], rows: [['AA', 850, 9, 'window'], ['QX', 'x', null, null]] },
      { id: 'dirty-3', columns: [...FEATURES], rows: [] },
    ];
    for (const body of bodies) {
      const served = await postJson(`${imputing!.url}/predict`, body);
      expect(served.status, body.id).toBe(200);
      expectSameAnswer(served.json as PredictResponse, await workbenchAnswer(body, 'impute'));
      expectSameAnswer(served.json as PredictResponse, await endpointAnswer(body, 'impute'));
      // Under the default policy too: the server started without VALIDATION_POLICY and the endpoint on `reject`.
      const strict = await postJson(`${server!.url}/predict`, body);
      if (strict.status === 200) expectSameAnswer(strict.json as PredictResponse, await endpointAnswer(body, 'reject'));
    }
    const first = (await postJson(`${imputing!.url}/predict`, bodies[0])).json as PredictResponse;
    expect(first.validation).toMatchObject({ policy: 'impute', rejected: 2 });
    expect(first.validation.rows.find((r) => r.row === 11)).toEqual({ row: 11, verdict: 'flagged', issues: [{ kind: 'malformed-number', column: 'distance', message: 'row 11, column distance: expected a number, got "12,5".' }] });
    expect(first.validation.rows.find((r) => r.row === 14)!.issues.map((i) => i.kind)).toEqual(['duplicate-row']);
    expect(first.predictions.filter((p) => p === null)).toHaveLength(2);
  });

  it('rejects a bad row with its message and answers the rest (200); refuses unreadable requests with 400 and a message naming the problem', async () => {
    const url = `${server!.url}/predict`;
    const columns = [...FEATURES];
    const wrongCount = await postJson(url, { id: 'r1', columns, rows: [RAW_ROWS[0], RAW_ROWS[1], [850, 9, 'AA']] });
    expect(wrongCount).toMatchObject({ status: 200, json: { id: 'r1', validation: { rejected: 1, rows: [{ row: 2, verdict: 'rejected', issues: [{ kind: 'malformed-row', column: null, message: 'row 2 has 3 values but 4 columns were named.' }] }] } } });
    expectSamePredictions(wrongCount.json as Served, [browser[0]!, browser[1]!, browser[1]!], [2]);
    const notNumber = await postJson(url, { id: 'r2', columns, rows: [['abc', 9, false, 'AA']] });
    expect(notNumber).toMatchObject({ status: 200, json: { id: 'r2', predictions: [null], validation: { rejected: 1, rows: [{ row: 0, verdict: 'rejected', issues: [{ kind: 'malformed-number', column: 'distance', message: 'row 0, column distance: expected a number, got "abc".' }] }] } } });
    expect(await postJson(url, '')).toMatchObject({ status: 400, json: { error: expect.stringMatching(/^The request body is empty/) } });
    expect(await postJson(url, '{"id": "r3", "columns": [')).toMatchObject({ status: 400, json: { error: expect.stringMatching(/^The request body is not valid JSON/) } });
    expect(await postJson(url, { id: 'r4', columns: ['distance', 'hour', 'carrier'], rows: [] })).toMatchObject({ status: 400, json: { id: 'r4', error: expect.stringMatching(/^Missing column "weekend"/) } });
    expect(await postJson(url, { id: 'r5', columns: [...columns, 'seat'], rows: [] })).toMatchObject({ status: 400, json: { error: expect.stringMatching(/^Unknown column "seat"/) } });
    expect(await postJson(url, { id: 'r6', columns, rows: Array.from({ length: 10_001 }, () => RAW_ROWS[0]) })).toMatchObject({ status: 400, json: { error: expect.stringMatching(/^Too many rows: 10001/) } });
  });

  it('answers 404 for other paths, 405 for wrong methods, 413 past the body limit, and GET /health', async () => {
    expect(await getJson(`${server!.url}/predictions`)).toMatchObject({ status: 404, json: { error: expect.stringMatching(/No route GET \/predictions/) } });
    const wrongMethod = await getJson(`${server!.url}/predict`);
    expect(wrongMethod).toMatchObject({ status: 405, json: { error: '/predict takes POST, not GET.' } });
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect(await request(`${server!.url}/health`, 'POST', {})).toMatchObject({ status: 405 });
    const huge = JSON.stringify({ id: 'big', columns: [...FEATURES], rows: [[1, 2, false, 'x'.repeat(3 * 1024 * 1024)]] });
    expect(await postJson(`${server!.url}/predict`, huge)).toMatchObject({ status: 413, json: { error: expect.stringMatching(/larger than 2097152 bytes/) } });
    expect(await getJson(`${server!.url}/health`)).toMatchObject({ status: 200, json: { status: 'ok', model: name, version: 1 } });
  });

  it('refuses to start with an unknown VALIDATION_POLICY, saying which values it takes', async () => {
    const failed = await startPackageServer(unzipped!.dir, { env: { VALIDATION_POLICY: 'lenient' } }).catch((error: unknown) => error as Error);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toMatch(/exited with code 1 before listening/);
    expect((failed as Error).message).toContain('VALIDATION_POLICY must be reject, impute or pass, not "lenient".');
  });

  it('stops gracefully on SIGTERM (exit code 0)', async () => {
    expect(await server!.stop()).toBe(0);
    expect(server!.output()).toMatch(/SIGTERM: finishing requests in flight/);
  });

  it('a package whose weights are cut short fails to start, loudly', async () => {
    const weights = join(unzipped!.dir, 'model', 'weights.bin');
    await truncate(weights, 8);
    const failed = await startPackageServer(unzipped!.dir).catch((error: unknown) => error as Error);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toMatch(/exited with code 1 before listening/);
  });
});
