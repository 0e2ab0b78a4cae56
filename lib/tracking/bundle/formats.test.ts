import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLE_VERSION } from './format';
import { importBundle } from './import';
import { READABLE_VERSIONS } from './migrations';
import { parseBundle } from './parse';
import { closeAll, dump, freshDb, seedWorkbench } from './test-fixtures';

afterEach(closeAll);

/*
 * Every released bundle format stays readable. The fixtures are files exported by the workbench of
 * each format version (bundle-v1.json by the release before the table registry), frozen: never
 * regenerate one, add the next version's instead.
 */
const FIXTURES = new URL('./fixtures/', import.meta.url);
const fixture = (version: number) => readFileSync(new URL(`bundle-v${version}.json`, FIXTURES), 'utf8');

describe('bundle formats', () => {
  it('has a frozen fixture for every version this workbench reads, the current one included', () => {
    const frozen = readdirSync(FIXTURES).map((f) => Number(/^bundle-v(\d+)\.json$/.exec(f)?.[1])).sort();
    expect(frozen).toEqual([...READABLE_VERSIONS]);
    expect(READABLE_VERSIONS.at(-1)).toBe(BUNDLE_VERSION);
    expect(JSON.parse(fixture(1)).version).toBe(1);
  });

  for (const version of READABLE_VERSIONS) {
    it(`imports a version ${version} file into exactly what the workbench that wrote it held, and a second time adds nothing`, async () => {
      const source = freshDb();
      await seedWorkbench(source);
      const db = freshDb();
      const first = await importBundle(db, fixture(version), 10);
      expect(first).toMatchObject({ ok: true, added: { runs: 5, metricChunks: 9, artifacts: 4, datasets: 1, models: 1, versions: 2, aliasEvents: 4, exercises: 1, visits: 1 } });
      expect(await dump(db)).toBe(await dump(source));
      const again = await importBundle(db, fixture(version), 11);
      expect(again.ok && again.summary).toBe('Nothing new: all 28 records were already here.');
    });
  }

  it('reads a version 1 file and the same data written as version 2 into identical records', () => {
    const v1 = parseBundle(fixture(1));
    const v2 = parseBundle(fixture(2));
    expect(v1.ok && v2.ok).toBe(true);
    expect(v1.ok && v1.bundle).toEqual(v2.ok && v2.bundle);
  });

  it('lifts a version 2 run recorded before the one metric model to one name and one point per step', async () => {
    const file = JSON.parse(fixture(2));
    const run = { ...file.runs[0], id: 'old-classifier', name: 'old classifier', parentRunId: null, lastMetrics: { val_acc: 0.773, val_accuracy: 0.7723 }, bestMetrics: { val_accuracy: { value: 0.7723, step: 3 } } };
    delete run.savedModel;
    const chunk = (key: string, steps: number[], values: Array<number | string>) => ({ runId: 'old-classifier', key, chunk: 0, steps, values, writtenAt: 2 });
    file.runs.push(run);
    file.metricChunks.push(chunk('val_acc', [1, 2, 3], [0.76, 0.7735, 0.773]), chunk('val_accuracy', [3], [0.7723]), chunk('loss', [1, 2, 3], [0.6, 0.5, 'NaN']));
    const db = freshDb();
    const outcome = await importBundle(db, JSON.stringify(file), 10);
    expect(outcome.ok).toBe(true);
    const chunks = (await db.metricChunks.where('runId').equals('old-classifier').toArray()).map((c) => [c.key, c.steps, c.values]);
    expect(chunks).toEqual([
      ['loss', [1, 2, 3], [0.6, 0.5, NaN]],
      ['val_accuracy', [1, 2, 3], [0.76, 0.7735, 0.773]],
    ]);
    const stored = (await db.runs.get('old-classifier'))!;
    expect(stored.lastMetrics).toEqual({ loss: NaN, val_accuracy: 0.773 });
    expect(stored.bestMetrics).toEqual({ loss: { value: 0.5, step: 2 }, val_accuracy: { value: 0.7735, step: 2 } });
  });

  it('names places in an old file as that file has them', () => {
    const file = JSON.parse(fixture(1));
    file.progress.visits[0].lessonId = 'NOT AN ID';
    const result = parseBundle(JSON.stringify(file));
    expect(!result.ok && result.error).toContain('progress.visits[0].lessonId: must be a lesson or exercise id');
  });
});
