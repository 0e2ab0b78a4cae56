import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveVersion, registerModel, setAlias } from '@/lib/registry/registry';
import { saveModelArtifacts } from '../model-store';
import { exportBundle } from './export';
import { importBundle } from './import';
import { closeAll, dump, freshDb, seedWorkbench } from './test-fixtures';

afterEach(closeAll);

/* Records written by the real registry functions (uuids, actors, archive events) must survive a bundle. */
describe('bundles of registry records', () => {
  it('round-trips a model registered, aliased and archived through lib/registry', async () => {
    const a = freshDb();
    await seedWorkbench(a);
    await a.registeredModels.clear();
    await a.modelVersions.clear();
    await a.aliasEvents.clear();
    await saveModelArtifacts(a, 'trial-a', { modelTopology: {}, weightSpecs: [], weightData: new ArrayBuffer(8) }, 1500);
    await registerModel(a, { name: 'delay.v2_model', runId: 'trial-a', description: 'first', tags: { stage: 'baseline' } }, 10_000);
    await registerModel(a, { name: 'delay.v2_model', runId: 'long-1' }, 10_001);
    await setAlias(a, 'delay.v2_model', 'champion', 1, 10_002, { reason: 'first good one' });
    await setAlias(a, 'delay.v2_model', 'prod-eu', 1, 10_003);
    await setAlias(a, 'delay.v2_model', 'champion', 2, 10_004);
    await archiveVersion(a, 'delay.v2_model', 1, 10_005);
    const { json, counts } = await exportBundle(a, { runIds: [], modelNames: ['delay.v2_model'], includeProgress: false }, 1);
    expect(counts).toMatchObject({ models: 1, versions: 2, aliasEvents: 4 });

    const b = freshDb();
    const first = await importBundle(b, json, 2);
    expect(first).toMatchObject({ ok: true, added: { models: 1, versions: 2, aliasEvents: 4 } });
    const second = await importBundle(b, json, 3);
    expect(second.ok && second.summary).toMatch(/^Nothing new/);
    const registryOnly = async (db: typeof a) => dump(db).then((d) => JSON.parse(d) as { models: unknown; versions: unknown; events: unknown }).then(({ models, versions, events }) => ({ models, versions, events }));
    expect(await registryOnly(b)).toEqual(await registryOnly(a));
    expect((await b.registeredModels.get('delay.v2_model'))!.aliases).toEqual({ champion: 2 });
  });
});
