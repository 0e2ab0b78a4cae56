import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../tracking/db';
import { archiveVersion, registerModel, setAlias } from '../registry/registry';
import { lineage } from '../registry/lineage';
import { dropDatabases, seedRun, track } from '../registry/test-fixtures';
import { changeRoutes, createEndpoint, deploymentsOfVersion, deploymentTimeline, endpointNameProblem, replaceVersion, resolveTarget, setEndpointStatus, setPolicy } from './endpoints';
import { describeServingError } from './errors';
import { deleteEndpoint } from './delete-endpoint';
import { PredictionLogWriter } from '../tracking/prediction-log';

afterEach(dropDatabases);

async function twoVersions() {
  const db = track(new WorkbenchDatabase(`endpoints-${crypto.randomUUID()}`));
  await seedRun(db, 'a');
  await seedRun(db, 'b');
  await registerModel(db, { runId: 'a', name: 'delay' }, 2000);
  await registerModel(db, { runId: 'b', name: 'delay' }, 2100);
  await setAlias(db, 'delay', 'champion', 1, 2200);
  return db;
}

describe('endpoints and deployments', () => {
  it('deploys @champion, records who, why and the alias as resolved then', async () => {
    const db = await twoVersions();
    const endpoint = await createEndpoint(db, 'delay-api', { model: 'delay', target: { alias: 'champion' } }, 'reject', 3000, { reason: 'first release' });
    expect(endpoint.routes).toEqual([{ version: 1, share: 100, role: 'primary' }]);
    const [deployment] = await deploymentTimeline(db, 'delay-api');
    expect(deployment).toMatchObject({ endpoint: 'delay-api', model: 'delay', version: 1, alias: 'champion', action: 'deploy', strategy: 'replace', actor: 'you', reason: 'first release', endedAt: null });
    // The alias moves later: the endpoint keeps what it resolved until redeployed.
    await setAlias(db, 'delay', 'champion', 2, 3100);
    expect((await db.endpoints.get('delay-api'))!.routes[0]!.version).toBe(1);
    const replaced = await replaceVersion(db, 'delay-api', { alias: 'champion' }, 3200);
    expect(replaced.routes).toEqual([{ version: 2, share: 100, role: 'primary' }]);
    const timeline = await deploymentTimeline(db, 'delay-api');
    expect(timeline.map((d) => [d.action, d.version, d.alias, d.endedAt])).toEqual([
      ['deploy', 1, 'champion', 3200],
      ['replace', 2, 'champion', null],
    ]);
    expect((await deploymentsOfVersion(db, 'delay', 1)).map((d) => d.endpoint)).toEqual(['delay-api']);
    // Lineage runs dataset → run → version → deployment.
    const l = (await lineage(db, 'delay', 2))!;
    expect(l.deployments).toEqual([{ id: timeline[1]!.id, name: 'delay-api', at: 3200, action: 'replace', actor: 'you', reason: '', live: true }]);
    expect((await lineage(db, 'delay', 1))!.deployments.map((d) => [d.action, d.live])).toEqual([['deploy', false]]);
  });

  it('refuses bad names, taken names, missing aliases, archived versions and changes to a stopped endpoint', async () => {
    const db = await twoVersions();
    expect(endpointNameProblem('my endpoint')).toMatch(/not a valid endpoint name/);
    await expect(createEndpoint(db, 'has space', { model: 'delay', target: { version: 1 } }, 'reject', 1)).rejects.toThrow(/not a valid endpoint name/);
    await expect(resolveTarget(db, { model: 'delay', target: { alias: 'staging' } })).rejects.toThrow('No version of “delay” holds @staging');
    await expect(resolveTarget(db, { model: 'nope', target: { version: 1 } })).rejects.toThrow('no registered model named “nope”');
    await archiveVersion(db, 'delay', 2, 2500);
    await expect(resolveTarget(db, { model: 'delay', target: { version: 2 } })).rejects.toThrow('archived');
    await createEndpoint(db, 'e', { model: 'delay', target: { version: 1 } }, 'impute', 3000);
    await expect(createEndpoint(db, 'e', { model: 'delay', target: { version: 1 } }, 'impute', 3001)).rejects.toThrow('exists already');
    await setEndpointStatus(db, 'e', 'stopped', 3100);
    const error = await changeRoutes(db, 'e', { routes: [], rollout: null, action: 'replace', version: 1, strategy: 'replace' }, 3200).catch((e: unknown) => e);
    expect(describeServingError(error)).toBe('Endpoint “e” is stopped. Start it again before changing its traffic.');
  });

  it('records a policy change on the timeline', async () => {
    const db = await twoVersions();
    await createEndpoint(db, 'e', { model: 'delay', target: { version: 1 } }, 'reject', 3000);
    await setPolicy(db, 'e', 'impute', 3100);
    await setPolicy(db, 'e', 'impute', 3200);
    const timeline = await deploymentTimeline(db, 'e');
    expect(timeline.map((d) => [d.action, d.reason])).toEqual([
      ['deploy', ''],
      ['policy', 'validation policy: impute'],
    ]);
    expect((await db.endpoints.get('e'))!.policy).toBe('impute');
  });
});

describe('deleting an endpoint', () => {
  it('removes its deployments, log and traffic, and leaves the model versions', async () => {
    const db = await twoVersions();
    await createEndpoint(db, 'gone', { model: 'delay', target: { version: 1 } }, 'reject', 3000);
    const writer = new PredictionLogWriter(db, 'gone', 'console');
    writer.log({ window: 0, requestId: 'r1', rowIndex: 0, at: 0, version: 1, role: 'answer', latencyMs: 1, columns: ['distance'], inputs: [500], prediction: 3, score: 3, status: 'ok', issues: [] });
    await writer.flush({ windows: [] });
    await deleteEndpoint(db, 'gone');
    expect(await db.endpoints.get('gone')).toBeUndefined();
    expect(await db.deployments.where('endpoint').equals('gone').count()).toBe(0);
    expect(await db.predictionLog.where('endpoint').equals('gone').count()).toBe(0);
    expect(await db.modelVersions.where('name').equals('delay').count()).toBe(2);
  });
});
