import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { describeStorageError } from './errors';
import { WorkbenchDatabase } from './db';
import { BUNDLED_TABLES, databaseVersions, TABLE_NAMES, TABLES, travelOf } from './tables';
import { TABLE_CODECS } from './bundle/table-codecs';

const dbs: WorkbenchDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) {
    db.close();
    await WorkbenchDatabase.delete(db.name);
  }
});

describe('the table registry', () => {
  it('derives exactly the Dexie versions released so far (released versions never change)', () => {
    expect(databaseVersions()).toEqual([
      { version: 1, stores: { exerciseProgress: '[lessonId+exerciseId], lessonId, status, updatedAt', lessonVisits: 'lessonId, visitedAt', meta: 'key' } },
      { version: 2, stores: { runs: 'id, experiment, status, startedAt, name, parentRunId', metricChunks: '[runId+key+chunk], runId', artifacts: '[runId+name], runId' } },
      { version: 3, stores: { datasets: 'id, createdAt, hash' } },
      { version: 4, stores: { registeredModels: 'name, updatedAt', modelVersions: '[name+version], name, runId', aliasEvents: 'id, name, [name+alias], at' } },
      {
        version: 6,
        stores: {
          endpoints: 'name, model, updatedAt',
          deployments: 'id, endpoint, model, [model+version], at',
          predictionLog: '[endpoint+window+chunk], endpoint',
          labelChunks: '[endpoint+window+chunk], endpoint',
          trafficWindows: '[endpoint+window], endpoint',
          replays: 'id, endpoint, status, startedAt',
        },
      },
      {
        version: 7,
        stores: {
          referenceProfiles: '[model+version]',
          monitorWindows: '[endpoint+window], endpoint',
          alertRules: 'id, endpoint',
          alerts: 'id, endpoint, ruleId, state',
        },
      },
    ]);
  });

  it('opens with every registered table, indexed as declared', async () => {
    const db = new WorkbenchDatabase(`tables-${crypto.randomUUID()}`);
    dbs.push(db);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual([...TABLE_NAMES].sort());
    for (const name of TABLE_NAMES) {
      const declared = TABLES[name].schema.at(-1)!.stores.split(',').map((s) => s.trim());
      const table = db.tableOf(name);
      expect([table.schema.primKey.src, ...table.schema.indexes.map((i) => i.src)]).toEqual(declared);
    }
  });

  it('gives every bundled table a codec, a unique count key and a label; local tables stay out of bundles', () => {
    expect(Object.keys(TABLE_CODECS).sort()).toEqual([...BUNDLED_TABLES].sort());
    const counts = BUNDLED_TABLES.map((t) => travelOf(t).count);
    expect(new Set(counts).size).toBe(counts.length);
    expect(TABLE_NAMES.filter((t) => !BUNDLED_TABLES.includes(t as never))).toEqual(['endpoints', 'deployments', 'predictionLog', 'labelChunks', 'trafficWindows', 'replays', 'referenceProfiles', 'monitorWindows', 'alertRules', 'alerts', 'meta']);
  });
});

describe('a newer version in another tab', () => {
  it('is never blocked by this tab: the connection steps aside at once and says why it must reload', async () => {
    const name = `superseded-${crypto.randomUUID()}`;
    const db = new WorkbenchDatabase(name);
    dbs.push(db);
    await db.runs.count();
    const heard: string[] = [];
    db.onSuperseded(() => heard.push('superseded'));
    const current = db.verno * 10;
    // Another tab, running a newer workbench, opens the database one version up.
    const outcome = await new Promise<string>((resolve) => {
      const request = indexedDB.open(name, current + 10);
      request.onblocked = () => resolve('blocked');
      request.onsuccess = () => {
        request.result.close();
        resolve('upgraded');
      };
      request.onerror = () => resolve(`error: ${String(request.error)}`);
    });
    expect(outcome).toBe('upgraded');
    expect(heard).toEqual(['superseded']);
    expect(db.superseded).toBe(true);
    expect(db.isOpen()).toBe(false);
    // It does not quietly reopen at the old version: queries fail, and say to reload.
    const error = await db.runs.count().then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeStorageError(error)).toBe('Another tab has a newer version of the workbench open. Reload this tab to continue; nothing was lost.');
  });
});
