import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../tracking/db';
import { deleteRun } from '../tracking/runs';
import { RegistryError } from './errors';
import { archiveVersion, championOf, deleteModel, editModel, editVersion, getModel, hasStoredModel, listModels, modelNames, registerModel, setAlias, versionsOfRun } from './registry';
import { dropDatabases, seededEvaluation, seedRun, track } from './test-fixtures';
import { contractFromPreprocessing } from '../serving/data-contract';
import { ARTIFACTS } from '../tracking/artifact-names';

let count = 0;
const freshDb = () => track(new WorkbenchDatabase(`registry-${count++}-${Date.now()}`));
afterEach(dropDatabases);

describe('registerModel', () => {
  it('numbers versions 1, 2, 3 per model and copies lineage and validation metrics from the run', async () => {
    const db = freshDb();
    for (const id of ['a', 'b', 'c']) await seedRun(db, id);
    const v1 = await registerModel(db, { name: 'flights-delay', runId: 'a', description: '  first  ', tags: { stage: 'dev', __proto__x: 'ok' } }, 2000);
    const v2 = await registerModel(db, { name: 'flights-delay', runId: 'b' }, 3000);
    const other = await registerModel(db, { name: 'other.model_1', runId: 'c' }, 4000);
    expect([v1.version, v2.version, other.version]).toEqual([1, 2, 1]);
    expect(v1).toMatchObject({
      name: 'flights-delay',
      runId: 'a',
      description: 'first',
      tags: { stage: 'dev', __proto__x: 'ok' },
      createdAt: 2000,
      archived: false,
      archivedAt: null,
      dataset: { id: 'flights', hash: 'hash-abc', split: 'time' },
      task: 'regression',
      target: 'delay',
    });
    // The saved model's figures (epoch 3, whose weights it holds), not the best epoch's val_loss (15 at epoch 2).
    expect(v1.metrics).toEqual({ loss: 18, val_loss: 16, val_mae: 5, ...seededEvaluation(10) });
    expect(v1.signature).toEqual({ task: 'regression', target: 'delay', inputs: [{ name: 'distance', type: 'number' }, { name: 'origin', type: 'category' }], classes: [] });
    const model = await db.registeredModels.get('flights-delay');
    expect(model).toMatchObject({ name: 'flights-delay', aliases: {}, createdAt: 2000, updatedAt: 3000 });
  });

  it('copies the run’s data contract into the version, leaving out a damaged one (older runs have none)', async () => {
    const db = freshDb();
    for (const id of ['with', 'damaged', 'older']) await seedRun(db, id);
    const contract = contractFromPreprocessing({ encoders: [{ kind: 'numeric', column: 'distance', mean: 0, std: 1 }, { kind: 'onehot', column: 'origin', categories: ['SEA'], mode: 'SEA' }] });
    const own = { ...contract, source: 'training' as const, rows: 40, columns: [{ ...contract.columns[0]!, min: 100, max: 2500, missingRate: 0 }, contract.columns[1]!] };
    await db.artifacts.put({ runId: 'with', name: ARTIFACTS.contract, contentType: 'application/json', data: own, bytes: null, createdAt: 1150 });
    await db.artifacts.put({ runId: 'damaged', name: ARTIFACTS.contract, contentType: 'application/json', data: { ...own, format: 9 }, bytes: null, createdAt: 1150 });
    expect((await registerModel(db, { name: 'flights-delay', runId: 'with' }, 2000)).contract).toEqual(own);
    expect(await registerModel(db, { name: 'flights-delay', runId: 'damaged' }, 2001)).not.toHaveProperty('contract');
    expect(await registerModel(db, { name: 'flights-delay', runId: 'older' }, 2002)).not.toHaveProperty('contract');
    expect((await db.modelVersions.get(['flights-delay', 1]))!.contract).toEqual(own);
  });

  it('refuses a version whose signature differs from the model’s: a classifier under a regression model, other inputs', async () => {
    const db = freshDb();
    await seedRun(db, 'reg');
    await seedRun(db, 'clf', { task: 'classification' });
    await seedRun(db, 'fewer', { inputs: ['distance'] });
    await seedRun(db, 'same');
    await registerModel(db, { name: 'flights-delay', runId: 'reg' }, 1);
    await expect(registerModel(db, { name: 'flights-delay', runId: 'clf' }, 2)).rejects.toThrow('flights-delay takes a different model: its versions are a regression (target “delay”), this run is a classification (target “delayed”)');
    await expect(registerModel(db, { name: 'flights-delay', runId: 'fewer' }, 3)).rejects.toThrow('this run lacks origin');
    expect(await db.modelVersions.count()).toBe(1);
    expect((await registerModel(db, { name: 'flights-delay', runId: 'same' }, 4)).version).toBe(2);
    expect((await registerModel(db, { name: 'flights-delayed', runId: 'clf' }, 5)).signature?.classes).toEqual(['no', 'yes']);
  });

  it('never reuses a number, not even after the highest version was archived', async () => {
    const db = freshDb();
    for (const id of ['a', 'b', 'c']) await seedRun(db, id);
    await registerModel(db, { name: 'm', runId: 'a' }, 1);
    await registerModel(db, { name: 'm', runId: 'b' }, 2);
    await archiveVersion(db, 'm', 2, 3);
    expect((await registerModel(db, { name: 'm', runId: 'c' }, 4)).version).toBe(3);
  });

  it('refuses unfinished runs, runs without a model, unknown runs and a run registered twice, writing nothing', async () => {
    const db = freshDb();
    await seedRun(db, 'running', { status: 'RUNNING' });
    await seedRun(db, 'failed', { status: 'FAILED' });
    await seedRun(db, 'killed', { status: 'KILLED' });
    await seedRun(db, 'nomodel', { model: false });
    await seedRun(db, 'ok');
    await expect(registerModel(db, { name: 'm', runId: 'running' }, 1)).rejects.toThrow(/Only finished runs.*RUNNING/);
    await expect(registerModel(db, { name: 'm', runId: 'failed' }, 1)).rejects.toThrow(/FAILED/);
    await expect(registerModel(db, { name: 'm', runId: 'killed' }, 1)).rejects.toThrow(RegistryError);
    await expect(registerModel(db, { name: 'm', runId: 'nomodel' }, 1)).rejects.toThrow(/no saved model/);
    await expect(registerModel(db, { name: 'm', runId: 'ghost' }, 1)).rejects.toThrow(/no longer exists/);
    expect(await db.registeredModels.count()).toBe(0);
    expect(await db.modelVersions.count()).toBe(0);
    await registerModel(db, { name: 'm', runId: 'ok' }, 1);
    await expect(registerModel(db, { name: 'm', runId: 'ok' }, 2)).rejects.toThrow(/already m v1/);
    expect(await db.modelVersions.count()).toBe(1);
  });

  it('refuses invalid names with the reason, and trims the one it accepts', async () => {
    const db = freshDb();
    await seedRun(db, 'ok');
    for (const bad of ['', '   ', 'has space', 'a/b', 'é', 'x'.repeat(65), '..']) {
      await expect(registerModel(db, { name: bad, runId: 'ok' }, 1)).rejects.toBeInstanceOf(RegistryError);
    }
    await expect(registerModel(db, { name: 'a b', runId: 'ok' }, 1)).rejects.toThrow(/letters, digits/);
    expect(await db.registeredModels.count()).toBe(0);
    expect((await registerModel(db, { name: ` ${'x'.repeat(64)} `, runId: 'ok' }, 1)).name).toBe('x'.repeat(64));
  });

  it('keeps the version and its lineage when the run is deleted', async () => {
    const db = freshDb();
    await seedRun(db, 'a');
    await registerModel(db, { name: 'm', runId: 'a' }, 1);
    await deleteRun(db, 'a');
    expect((await getModel(db, 'm'))!.versions[0]).toMatchObject({ runId: 'a', dataset: { hash: 'hash-abc' } });
  });
});

describe('reading the registry', () => {
  it('lists models newest change first, with counts, and finds versions by run and the champion', async () => {
    const db = freshDb();
    for (const id of ['a', 'b', 'c']) await seedRun(db, id);
    await registerModel(db, { name: 'alpha', runId: 'a' }, 10);
    await registerModel(db, { name: 'alpha', runId: 'b' }, 20);
    await registerModel(db, { name: 'beta', runId: 'a' }, 30);
    await archiveVersion(db, 'alpha', 1, 40);
    await setAlias(db, 'beta', 'champion', 1, 35);
    const list = await listModels(db);
    expect(list.map((s) => [s.model.name, s.versionCount, s.latestVersion, s.archivedCount])).toEqual([
      ['alpha', 2, 2, 1],
      ['beta', 1, 1, 0],
    ]);
    expect(await modelNames(db)).toEqual(['alpha', 'beta']);
    expect((await versionsOfRun(db, 'a')).map((r) => [r.version.name, r.version.version, r.aliases])).toEqual([
      ['alpha', 1, []],
      ['beta', 1, ['champion']],
    ]);
    expect(await versionsOfRun(db, 'c')).toEqual([]);
    expect((await championOf(db, 'beta'))?.runId).toBe('a');
    expect(await championOf(db, 'alpha')).toBeUndefined();
    expect(await championOf(db, 'nobody')).toBeUndefined();
    expect((await getModel(db, 'alpha'))!.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(await getModel(db, 'nobody')).toBeUndefined();
  });

  it('tells whether a run has a stored model to register', async () => {
    const db = freshDb();
    await seedRun(db, 'with');
    await seedRun(db, 'without', { model: false });
    expect(await hasStoredModel(db, 'with')).toBe(true);
    expect(await hasStoredModel(db, 'without')).toBe(false);
  });
});

describe('editing and deleting', () => {
  it('edits descriptions and tags of a model and a version, moving updatedAt', async () => {
    const db = freshDb();
    await seedRun(db, 'a');
    await registerModel(db, { name: 'm', runId: 'a' }, 1);
    await editModel(db, 'm', { description: ' Predicts delays. ', tags: { team: ' ops ', constructor: 'x' } }, 5);
    expect(await db.registeredModels.get('m')).toMatchObject({ description: 'Predicts delays.', tags: { team: 'ops' }, updatedAt: 5 });
    expect(Object.hasOwn((await db.registeredModels.get('m'))!.tags, 'constructor')).toBe(false);
    await editVersion(db, 'm', 1, { description: 'Tuned' }, 7);
    expect(await db.modelVersions.get(['m', 1])).toMatchObject({ description: 'Tuned', tags: {} });
    expect((await db.registeredModels.get('m'))!.updatedAt).toBe(7);
    await expect(editVersion(db, 'm', 9, { description: 'x' }, 8)).rejects.toThrow(/no version 9/);
    await expect(editModel(db, 'gone', { description: 'x' }, 8)).rejects.toThrow(/no model named/);
  });

  it('deletes a model with its versions and alias history, leaving the run and other models', async () => {
    const db = freshDb();
    await seedRun(db, 'a');
    await registerModel(db, { name: 'm', runId: 'a' }, 1);
    await registerModel(db, { name: 'keep', runId: 'a' }, 1);
    await setAlias(db, 'm', 'champion', 1, 2);
    await setAlias(db, 'keep', 'champion', 1, 2);
    await deleteModel(db, 'm');
    expect(await db.registeredModels.toCollection().primaryKeys()).toEqual(['keep']);
    expect(await db.modelVersions.count()).toBe(1);
    expect((await db.aliasEvents.toArray()).map((e) => e.name)).toEqual(['keep']);
    expect(await db.runs.get('a')).toBeDefined();
  });
});
