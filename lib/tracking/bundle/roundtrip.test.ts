import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadModelArtifacts } from '../model-store';
import { readMetric } from '../runs';
import { listBundleCandidates, parseRunIdsParam } from './candidates';
import { exportBundle } from './export';
import { applyBundle, importBundle, previewBundleImport } from './import';
import { parseBundle } from './parse';
import { closeAll, dump, freshDb, seedWorkbench } from './test-fixtures';
import type { DataContract } from '../serving-types';

afterEach(closeAll);

const everything = { runIds: ['sweep-1', 'failed-1', 'long-1'], modelNames: ['flights-delay'], includeProgress: true };

describe('bundle export and import', () => {
  it('round-trips runs, chunks, artifact bytes, datasets, models, versions, aliases and progress into a fresh database', async () => {
    const a = freshDb();
    await seedWorkbench(a);
    const exported = await exportBundle(a, everything, Date.UTC(2024, 0, 2));
    expect(exported.counts).toEqual({ runs: 5, metricChunks: 9, artifacts: 4, datasets: 1, models: 1, versions: 2, aliasEvents: 4, exercises: 1, visits: 1 });
    expect(JSON.parse(exported.json)).toMatchObject({ format: 'mlops-workbench/bundle', version: 3, exportedAt: '2024-01-02T00:00:00.000Z' });

    const b = freshDb();
    const result = await importBundle(b, exported.json, 9000);
    expect(result).toMatchObject({ ok: true, added: exported.counts });
    expect(await dump(b)).toBe(await dump(a));
    // The details a dump could blur: NaN/Infinity metrics, float weights, long histories, order.
    expect((await b.runs.get('failed-1'))!.lastMetrics).toEqual({ loss: NaN, val_loss: Infinity });
    expect((await readMetric(b, 'failed-1', 'loss')).values).toEqual([3.5, NaN]);
    const long = await readMetric(b, 'long-1', 'loss');
    expect(long.steps).toHaveLength(2500);
    expect(long.values[2499]).toBe(1 / 2500);
    const model = await loadModelArtifacts(b, 'long-1');
    expect(Array.from(new Float32Array(model!.weightData))).toEqual([1.5, -2, 3.25, NaN]);
    expect((await b.registeredModels.get('flights-delay'))!.aliases).toEqual({ champion: 2 });
    expect((await b.aliasEvents.where('name').equals('flights-delay').sortBy('at')).map((e) => e.id)).toEqual(['ev-1', 'ev-2', 'ev-3', 'ev-4']);
  });

  it('carries a version’s data contract, and refuses a damaged one', async () => {
    const a = freshDb();
    await seedWorkbench(a);
    const contract: DataContract = {
      format: 1,
      source: 'training',
      rows: 140,
      rangeTolerance: 0.1,
      columns: [
        { name: 'distance', kind: 'numeric', type: 'numeric', min: 31, max: null, missingRate: 0.25 },
        { name: 'origin', kind: 'categorical', categories: ['LAX', 'SEA'], complete: true, missingRate: null },
      ],
    };
    await a.modelVersions.update(['flights-delay', 2], { contract });
    const exported = await exportBundle(a, everything, 1);
    const b = freshDb();
    expect(await importBundle(b, exported.json, 2)).toMatchObject({ ok: true });
    expect((await b.modelVersions.get(['flights-delay', 2]))!.contract).toEqual(contract);
    expect(await dump(b)).toBe(await dump(a));
    const file = JSON.parse(exported.json);
    file.modelVersions[1].contract.columns[0].min = 'Infinity';
    expect(await importBundle(freshDb(), JSON.stringify(file), 3)).toMatchObject({ ok: false, reason: 'invalid', error: expect.stringContaining('modelVersions[1].contract.columns[0].min') });
  });

  it('is idempotent: a second import, or an import back into the source, adds nothing', async () => {
    const a = freshDb();
    await seedWorkbench(a);
    const { json } = await exportBundle(a, everything, 1);
    const b = freshDb();
    expect((await importBundle(b, json, 2)).ok).toBe(true);
    const before = await dump(b);
    const again = await importBundle(b, json, 3);
    expect(again).toMatchObject({ ok: true, added: { runs: 0, metricChunks: 0, artifacts: 0, models: 0, versions: 0, aliasEvents: 0, exercises: 0, visits: 0 } });
    expect(again.ok && again.updated.models).toBe(0);
    expect(again.ok && again.summary).toBe('Nothing new: all 28 records were already here.');
    expect(await dump(b)).toBe(before);
    const sourceBefore = await dump(a);
    expect(await importBundle(a, json, 4)).toMatchObject({ ok: true, added: { runs: 0 } });
    expect(await dump(a)).toBe(sourceBefore);
  });

  it('exports the sweep parent and trials with a selected run, the runs behind selected versions, and lists deleted runs as absent', async () => {
    const a = freshDb();
    await seedWorkbench(a);
    const child = await exportBundle(a, { runIds: ['trial-b'], modelNames: [], includeProgress: false }, 1);
    expect(JSON.parse(child.json).runs.map((r: { id: string }) => r.id)).toEqual(['sweep-1', 'trial-b']);
    expect(child.extraRunIds).toEqual(['sweep-1']);
    const parent = await exportBundle(a, { runIds: ['sweep-1'], modelNames: [], includeProgress: false, includeDatasets: false }, 1);
    expect(parent.counts).toMatchObject({ runs: 3, datasets: 0, exercises: 0 });
    await a.runs.delete('long-1');
    const models = await exportBundle(a, { runIds: [], modelNames: ['flights-delay'], includeProgress: false }, 1);
    expect(models.absentRunIds).toEqual(['long-1']);
    expect(JSON.parse(models.json).runs.map((r: { id: string }) => r.id)).toEqual(['sweep-1', 'trial-a']);
    expect((await importBundle(freshDb(), models.json, 2)).ok).toBe(true);
    await expect(exportBundle(a, { runIds: ['nope'], modelNames: [], includeProgress: false }, 1)).rejects.toThrow('The run nope no longer exists');
  });

  it('refuses ids that exist here with different content, naming them, and writes nothing', async () => {
    const a = freshDb();
    await seedWorkbench(a);
    const { json } = await exportBundle(a, everything, 1);
    const b = freshDb();
    await seedWorkbench(b);
    await b.runs.update('trial-a', { name: 'renamed here' });
    await b.modelVersions.update(['flights-delay', 2], { runId: 'trial-b' });
    const before = await dump(b);
    const result = await importBundle(b, json, 2);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('collision');
    expect(result.error).toContain('run “trial 0” (trial-a)');
    expect(result.error).toContain('flights-delay v2');
    expect(result.error).toMatch(/Nothing was changed\.$/);
    expect(await dump(b)).toBe(before);
  });

  it('merges a model present here: adds new versions and events, moves aliases by the latest event, keeps local description', async () => {
    const a = freshDb();
    await seedWorkbench(a);
    await a.modelVersions.put({ ...(await a.modelVersions.get(['flights-delay', 2]))!, version: 3, runId: 'trial-b', createdAt: 7000 });
    await a.aliasEvents.put({ id: 'ev-5', name: 'flights-delay', alias: 'champion', version: 3, previousVersion: 2, at: 7001, actor: 'you', reason: '' });
    await a.registeredModels.update('flights-delay', { aliases: { champion: 3 }, description: 'theirs', updatedAt: 7001 });
    const { json } = await exportBundle(a, everything, 1);

    const b = freshDb();
    await seedWorkbench(b);
    await b.registeredModels.update('flights-delay', { description: 'mine' });
    const parsed = parseBundle(json);
    if (!parsed.ok) throw new Error(parsed.error);
    const preview = await previewBundleImport(b, parsed.bundle, 8000);
    expect(preview).toMatchObject({ ok: true, added: { versions: 1, aliasEvents: 1, models: 0 }, updated: { models: 1 } });
    expect(await applyBundle(b, parsed.bundle, 8000)).toMatchObject({ ok: true, updated: { models: 1 } });
    expect(await b.registeredModels.get('flights-delay')).toMatchObject({ description: 'mine', aliases: { champion: 3 }, updatedAt: 8000 });
    expect(await applyBundle(b, parsed.bundle, 9000)).toMatchObject({ ok: true, added: { versions: 0 }, updated: { models: 0 }, skipped: { models: 1 } });
  });

  it('merges progress without losing a pass: a further-along or later row wins, the local row wins ties', async () => {
    const a = freshDb();
    const row = { lessonId: 'l1', exerciseId: 'e1', status: 'attempted' as const, attempts: 5, hintsRevealed: 0, solutionRevealed: false, lastAnswer: [], lastFeedback: '', updatedAt: 9000, passedAt: null };
    await a.exerciseProgress.bulkPut([row, { ...row, exerciseId: 'e2', updatedAt: 9000 }]);
    await a.lessonVisits.bulkPut([{ lessonId: 'l1', visitedAt: 100 }, { lessonId: 'l2', visitedAt: 900 }]);
    const { json } = await exportBundle(a, { runIds: [], modelNames: [], includeProgress: true }, 1);
    const b = freshDb();
    await b.exerciseProgress.bulkPut([{ ...row, status: 'passed', attempts: 1, updatedAt: 10, passedAt: 10 }, { ...row, exerciseId: 'e2', updatedAt: 10 }]);
    await b.lessonVisits.bulkPut([{ lessonId: 'l1', visitedAt: 500 }]);
    const result = await importBundle(b, json, 2);
    expect(result).toMatchObject({ ok: true, added: { visits: 1 }, updated: { exercises: 1 }, skipped: { exercises: 1, visits: 1 } });
    expect((await b.exerciseProgress.get(['l1', 'e1']))!.status).toBe('passed');
    expect((await b.exerciseProgress.get(['l1', 'e2']))!.attempts).toBe(5);
    expect((await b.lessonVisits.get('l1'))!.visitedAt).toBe(500);
  });

  it('is all-or-nothing: a bad record at the very end refuses the whole file', async () => {
    const a = freshDb();
    await seedWorkbench(a);
    const file = JSON.parse((await exportBundle(a, everything, 1)).json);
    file.lessonVisits.push({ lessonId: 'BAD ID', visitedAt: 1 });
    const b = freshDb();
    const result = await importBundle(b, JSON.stringify(file), 2);
    expect(result).toEqual({ ok: false, reason: 'invalid', error: expect.stringContaining('lessonVisits[1].lessonId: must be a lesson or exercise id') });
    expect(await b.runs.count()).toBe(0);
  });

  it('writes nothing when storage fails in the middle of the transaction (a full disk)', async () => {
    const a = freshDb();
    await seedWorkbench(a);
    const { json } = await exportBundle(a, everything, 1);
    const b = freshDb();
    await b.lessonVisits.put({ lessonId: 'kept', visitedAt: 1 });
    const before = await dump(b);
    // Runs, chunks, artifacts, models and versions are written before this call fails.
    const spy = vi.spyOn(b.aliasEvents, 'bulkAdd').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const result = await importBundle(b, json, 2);
    spy.mockRestore();
    expect(result).toMatchObject({ ok: false, reason: 'storage', error: expect.stringContaining('run out of storage space') });
    expect(await dump(b)).toBe(before);
    expect((await importBundle(b, json, 3)).ok).toBe(true);
  });
});

describe('export candidates', () => {
  it('lists runs newest first, models with version counts and aliases, and the progress count', async () => {
    const db = freshDb();
    await seedWorkbench(db);
    const c = await listBundleCandidates(db);
    expect(c.runs.map((r) => r.id)).toEqual(['long-1', 'failed-1', 'trial-b', 'trial-a', 'sweep-1']);
    expect(c.runs[0]).toEqual({ id: 'long-1', name: 'long “ü” run', status: 'FINISHED', startedAt: 3000, experiment: 'flights', parentRunId: null });
    expect(c.models).toEqual([{ name: 'flights-delay', versions: 2, aliases: [{ alias: 'champion', version: 2 }] }]);
    expect(c.progressRecords).toBe(2);
  });

  it('reads run ids from a ?runs= link', () => {
    expect(parseRunIdsParam(null)).toEqual([]);
    expect(parseRunIdsParam(' a, b,,a ,c')).toEqual(['a', 'b', 'c']);
  });
});

describe('export self-check', () => {
  it('refuses to build a file that its own import would refuse, naming the record', async () => {
    const db = freshDb();
    await seedWorkbench(db);
    await db.runs.update('long-1', { name: 'n'.repeat(1001) });
    await expect(exportBundle(db, { runIds: ['long-1'], modelNames: [], includeProgress: false }, 1)).rejects.toThrow(/cannot be exported.*runs\[0\]\.name: is longer than 1000 characters, in the run long-1/);
    await db.runs.update('long-1', { name: 'ok' });
    await db.registeredModels.update('flights-delay', { aliases: { champion: 9 } });
    await expect(exportBundle(db, everything, 1)).rejects.toThrow('flights-delay has no version 9 in the bundle');
  });
});
