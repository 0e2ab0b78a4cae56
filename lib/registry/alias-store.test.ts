import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../tracking/db';
import { aliasTimeline, holderAt } from './aliases';
import { aliasHistory, archiveVersion, championOf, registerModel, removeAlias, restoreVersion, setAlias } from './registry';
import { dropDatabases, seedRun, track } from './test-fixtures';

let count = 0;
let db: WorkbenchDatabase;
beforeEach(async () => {
  db = track(new WorkbenchDatabase(`aliases-${count++}-${Date.now()}`));
  for (const id of ['a', 'b', 'c']) {
    await seedRun(db, id);
    await registerModel(db, { name: 'm', runId: id }, 100);
  }
});
afterEach(dropDatabases);

describe('setAlias', () => {
  it('sets, moves with the previous version recorded, and ignores a set on the holder', async () => {
    const first = await setAlias(db, 'm', 'champion', 1, 1000, { reason: 'beats the baseline' });
    expect(first).toMatchObject({ changed: true, previousVersion: null, event: { alias: 'champion', version: 1, previousVersion: null, actor: 'you', reason: 'beats the baseline', at: 1000 } });
    const moved = await setAlias(db, 'm', 'champion', 2, 2000, { actor: 'ci-pipeline', reason: 'lower RMSE' });
    expect(moved).toMatchObject({ changed: true, previousVersion: 1, event: { version: 2, previousVersion: 1, actor: 'ci-pipeline' } });
    const again = await setAlias(db, 'm', 'champion', 2, 3000);
    expect(again).toEqual({ changed: false, previousVersion: null, event: null });
    expect((await db.registeredModels.get('m'))!.aliases).toEqual({ champion: 2 });
    expect(await db.aliasEvents.count()).toBe(2);
    expect((await championOf(db, 'm'))!.runId).toBe('b');
  });

  it('keeps several aliases on one model, one version each', async () => {
    await setAlias(db, 'm', 'champion', 1, 1000);
    await setAlias(db, 'm', 'challenger', 2, 1001);
    await setAlias(db, 'm', 'challenger', 1, 1002);
    expect((await db.registeredModels.get('m'))!.aliases).toEqual({ champion: 1, challenger: 1 });
  });

  it('refuses archived versions, missing versions or models, and invalid aliases, writing nothing', async () => {
    await archiveVersion(db, 'm', 3, 500);
    await expect(setAlias(db, 'm', 'champion', 3, 1000)).rejects.toThrow(/archived/);
    await expect(setAlias(db, 'm', 'champion', 7, 1000)).rejects.toThrow(/no version 7/);
    await expect(setAlias(db, 'nope', 'champion', 1, 1000)).rejects.toThrow(/no model named/);
    for (const bad of ['Champion', '@champion', 'has space', '-x', 'latest', 'v2', 'constructor', '']) {
      await expect(setAlias(db, 'm', bad, 1, 1000)).rejects.toThrow(/alias/);
    }
    expect((await db.registeredModels.get('m'))!.aliases).toEqual({});
    expect(await db.aliasEvents.count()).toBe(0);
  });

  it('orders events made in the same millisecond by nudging their time forward', async () => {
    await setAlias(db, 'm', 'champion', 1, 1000);
    await setAlias(db, 'm', 'champion', 2, 1000);
    await setAlias(db, 'm', 'champion', 3, 999);
    const history = await aliasHistory(db, 'm', 'champion');
    expect(history.map((e) => [e.version, e.previousVersion, e.at])).toEqual([
      [3, 2, 1002],
      [2, 1, 1001],
      [1, null, 1000],
    ]);
  });
});

describe('removeAlias, archive and restore', () => {
  it('removes an alias with an event, and does nothing when nobody holds it', async () => {
    await setAlias(db, 'm', 'challenger', 2, 1000);
    expect(await removeAlias(db, 'm', 'challenger', 2000, { reason: 'lost the A/B test' })).toMatchObject({ changed: true, previousVersion: 2, event: { version: null, previousVersion: 2 } });
    expect(await removeAlias(db, 'm', 'challenger', 3000)).toMatchObject({ changed: false });
    expect((await db.registeredModels.get('m'))!.aliases).toEqual({});
    expect(await db.aliasEvents.count()).toBe(2);
  });

  it('archiving takes the version’s aliases away with events; restoring does not give them back', async () => {
    await setAlias(db, 'm', 'champion', 2, 1000);
    await setAlias(db, 'm', 'challenger', 2, 1001);
    await setAlias(db, 'm', 'staging', 1, 1002);
    expect(await archiveVersion(db, 'm', 2, 5000)).toEqual({ changed: true, removedAliases: ['challenger', 'champion'] });
    expect((await db.registeredModels.get('m'))!.aliases).toEqual({ staging: 1 });
    expect(await db.modelVersions.get(['m', 2])).toMatchObject({ archived: true, archivedAt: 5000 });
    const latest = (await aliasHistory(db, 'm')).slice(0, 2);
    expect(latest.map((e) => [e.alias, e.version, e.previousVersion, e.reason])).toEqual([
      ['champion', null, 2, 'v2 archived'],
      ['challenger', null, 2, 'v2 archived'],
    ]);
    expect(await archiveVersion(db, 'm', 2, 6000)).toEqual({ changed: false, removedAliases: [] });
    expect(await restoreVersion(db, 'm', 2, 7000)).toBe(true);
    expect(await db.modelVersions.get(['m', 2])).toMatchObject({ archived: false, archivedAt: null });
    expect((await db.registeredModels.get('m'))!.aliases).toEqual({ staging: 1 });
    expect(await restoreVersion(db, 'm', 2, 8000)).toBe(false);
    await expect(archiveVersion(db, 'm', 9, 1)).rejects.toThrow(/no version 9/);
  });
});

describe('alias history and who held it when', () => {
  it('reads the stored history back into the holders of each alias over time', async () => {
    await setAlias(db, 'm', 'champion', 1, 1000);
    await setAlias(db, 'm', 'challenger', 2, 1500);
    await setAlias(db, 'm', 'champion', 2, 2000);
    await archiveVersion(db, 'm', 2, 3000);
    await setAlias(db, 'm', 'champion', 3, 4000);
    const all = await aliasHistory(db, 'm');
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort((x, y) => y - x));
    const champion = await aliasHistory(db, 'm', 'champion');
    expect(champion.every((e) => e.alias === 'champion')).toBe(true);
    const timeline = aliasTimeline(all).filter((h) => h.alias === 'champion');
    expect(timeline.map((h) => [h.version, h.from, h.to])).toEqual([
      [1, 1000, 2000],
      // Archiving at 3000 removed @challenger first, so @champion's event was nudged to 3001.
      [2, 2000, 3001],
      [3, 4000, null],
    ]);
    expect(holderAt(timeline, 'champion', 2500)).toBe(2);
    expect(holderAt(timeline, 'champion', 3500)).toBeNull();
    expect(await aliasHistory(db, 'other')).toEqual([]);
  });
});
