import type { WorkbenchDatabase } from '../tracking/db';
import type { Deployment, DeploymentAction, Endpoint, Rollout, TrafficRoute, ValidationPolicy } from '../tracking/serving-types';
import { ServingError } from './errors';

/** Longest endpoint name accepted (it appears in URLs and log exports). */
export const ENDPOINT_NAME_MAX = 64;
const ENDPOINT_NAME = /^[A-Za-z0-9_-]+$/;

/** Why an endpoint name is not acceptable, or null: 1–64 letters, digits, `-` and `_`. */
export function endpointNameProblem(name: string): string | null {
  if (name.length === 0) return 'An endpoint needs a name, e.g. flights-delay.';
  if (name.length > ENDPOINT_NAME_MAX) return `An endpoint name has at most ${ENDPOINT_NAME_MAX} characters (this one has ${name.length}).`;
  if (!ENDPOINT_NAME.test(name)) return `“${name}” is not a valid endpoint name: use only letters, digits, “-” and “_” (no spaces).`;
  return null;
}

/** What to deploy: a registered model's version, by alias (without `@`) or by number. */
export interface DeployTarget {
  model: string;
  target: { alias: string } | { version: number };
}

/** Who made a change and why; the actor defaults to `you`. */
export interface ChangeBy {
  actor?: string;
  reason?: string;
  /** Simulated time of the change when traffic is running. */
  simAt?: number | null;
}

/**
 * The version a target names now: the alias's holder, or the number itself. Throws a
 * `ServingError` naming what is missing (no model, alias held by nobody, no such version, an
 * archived version, a version whose run lost its model).
 */
export async function resolveTarget(db: WorkbenchDatabase, { model, target }: DeployTarget): Promise<{ version: number; alias: string | null }> {
  const registered = await db.registeredModels.get(model);
  if (!registered) throw new ServingError(`There is no registered model named “${model}”. Register a run on the Models page first.`);
  const alias = 'alias' in target ? target.alias.replace(/^@/, '') : null;
  const version = alias === null ? (target as { version: number }).version : registered.aliases[alias];
  if (version === undefined) throw new ServingError(`No version of “${model}” holds @${alias}. Give a version that alias on the model's page, or deploy a version by number.`);
  const row = await db.modelVersions.get([model, version]);
  if (!row) throw new ServingError(`There is no version ${version} of “${model}”.`);
  if (row.archived) throw new ServingError(`Version ${version} of “${model}” is archived: restore it before serving it.`);
  const run = await db.runs.get(row.runId);
  if (!run || run.status !== 'FINISHED') throw new ServingError(`Version ${version} of “${model}” points at run ${row.runId}, which has no finished model to serve.`);
  return { version, alias };
}

function deploymentOf(endpoint: Endpoint, version: number, alias: string | null, action: DeploymentAction, strategy: Deployment['strategy'], now: number, by: ChangeBy, window = 0): Deployment {
  return {
    id: crypto.randomUUID(),
    endpoint: endpoint.name,
    model: endpoint.model,
    version,
    alias,
    action,
    strategy,
    routes: endpoint.routes.map((r) => ({ ...r })),
    at: now,
    simAt: by.simAt ?? null,
    actor: by.actor?.trim().slice(0, 100) || 'you',
    reason: (by.reason ?? '').trim().slice(0, 500),
    endedAt: null,
    window,
  };
}

/** The endpoint's latest traffic window index (0 before any traffic). */
async function latestWindow(db: WorkbenchDatabase, endpoint: string): Promise<number> {
  const keys = await db.trafficWindows.where('endpoint').equals(endpoint).primaryKeys();
  return keys.reduce<number>((max, key) => Math.max(max, (key as [string, number])[1]), 0);
}

/** Ends the endpoint's open deployments (those a new change supersedes). */
async function endOpenDeployments(db: WorkbenchDatabase, endpoint: string, now: number): Promise<void> {
  await db.deployments
    .where('endpoint')
    .equals(endpoint)
    .filter((d) => d.endedAt === null)
    .modify({ endedAt: now });
}

/**
 * Creates an endpoint serving `target` with all traffic to the resolved version, and records the
 * deployment (who, why, the alias as resolved now). Refuses a bad or taken name.
 */
export async function createEndpoint(db: WorkbenchDatabase, name: string, target: DeployTarget, policy: ValidationPolicy, now: number, by: ChangeBy = {}): Promise<Endpoint> {
  const problem = endpointNameProblem(name);
  if (problem) throw new ServingError(problem);
  const { version, alias } = await resolveTarget(db, target);
  return db.transaction('rw', db.endpoints, db.deployments, async () => {
    if (await db.endpoints.get(name)) throw new ServingError(`An endpoint named “${name}” exists already. Pick another name, or deploy a new version to it.`);
    const endpoint: Endpoint = {
      name,
      model: target.model,
      target: target.target,
      routes: [{ version, share: 100, role: 'primary' }],
      rollout: null,
      policy,
      createdAt: now,
      updatedAt: now,
      status: 'serving',
    };
    await db.endpoints.add(endpoint);
    await db.deployments.add(deploymentOf(endpoint, version, alias, 'deploy', 'replace', now, by));
    return endpoint;
  });
}

/** The endpoint, or a `ServingError` saying it is gone. */
export async function requireEndpoint(db: WorkbenchDatabase, name: string): Promise<Endpoint> {
  const endpoint = await db.endpoints.get(name);
  if (!endpoint) throw new ServingError(`There is no endpoint named “${name}” (deleted in another tab?).`);
  return endpoint;
}

/** A change of an endpoint's traffic: the new routes and rollout, and how the timeline names it. */
export interface RouteChange {
  routes: TrafficRoute[];
  rollout: Rollout | null;
  action: DeploymentAction;
  /** The version the change is about. */
  version: number;
  strategy: Deployment['strategy'];
  /** The alias as resolved, when the change follows one. */
  alias?: string | null;
  /** A new deploy target (a replace by alias or number). */
  target?: Endpoint['target'];
}

/**
 * Applies one traffic change and records it as a deployment, in one transaction: every change of
 * an endpoint (replace, each canary step, promote, rollback, A/B and shadow start and end) goes
 * through here, so the timeline is complete. Refuses changes to a stopped endpoint.
 */
export async function changeRoutes(db: WorkbenchDatabase, name: string, change: RouteChange, now: number, by: ChangeBy = {}): Promise<Endpoint> {
  return db.transaction('rw', db.endpoints, db.deployments, db.trafficWindows, async () => {
    const current = await requireEndpoint(db, name);
    if (current.status === 'stopped') throw new ServingError(`Endpoint “${name}” is stopped. Start it again before changing its traffic.`);
    const next: Endpoint = { ...current, routes: change.routes, rollout: change.rollout, updatedAt: now, ...(change.target ? { target: change.target } : {}) };
    await db.endpoints.put(next);
    await endOpenDeployments(db, name, now);
    await db.deployments.add(deploymentOf(next, change.version, change.alias ?? null, change.action, change.strategy, now, by, await latestWindow(db, name)));
    return next;
  });
}

/**
 * Replaces whatever the endpoint serves with one version (all traffic, any rollout ended), by
 * alias or number, and records it.
 */
export async function replaceVersion(db: WorkbenchDatabase, name: string, target: DeployTarget['target'], now: number, by: ChangeBy = {}): Promise<Endpoint> {
  const endpoint = await requireEndpoint(db, name);
  const { version, alias } = await resolveTarget(db, { model: endpoint.model, target });
  return changeRoutes(db, name, { routes: [{ version, share: 100, role: 'primary' }], rollout: null, action: 'replace', version, strategy: 'replace', alias, target }, now, by);
}

/** Sets what the endpoint does with rows that break the contract, and records it. */
export async function setPolicy(db: WorkbenchDatabase, name: string, policy: ValidationPolicy, now: number, by: ChangeBy = {}): Promise<Endpoint> {
  return db.transaction('rw', db.endpoints, db.deployments, async () => {
    const current = await requireEndpoint(db, name);
    if (current.policy === policy) return current;
    const next: Endpoint = { ...current, policy, updatedAt: now };
    await db.endpoints.put(next);
    const primary = next.routes.find((r) => r.role === 'primary')?.version ?? next.routes[0]?.version ?? 0;
    await db.deployments.add({ ...deploymentOf(next, primary, null, 'policy', null, now, { ...by, reason: by.reason || `validation policy: ${policy}` }), endedAt: now });
    return next;
  });
}

/** Stops (or starts again) an endpoint; its history stays. */
export async function setEndpointStatus(db: WorkbenchDatabase, name: string, status: Endpoint['status'], now: number, by: ChangeBy = {}): Promise<Endpoint> {
  return db.transaction('rw', db.endpoints, db.deployments, async () => {
    const current = await requireEndpoint(db, name);
    if (current.status === status) return current;
    const next: Endpoint = { ...current, status, updatedAt: now };
    await db.endpoints.put(next);
    const primary = next.routes.find((r) => r.role === 'primary')?.version ?? 0;
    if (status === 'stopped') await endOpenDeployments(db, name, now);
    await db.deployments.add({ ...deploymentOf(next, primary, null, status === 'stopped' ? 'stop' : 'deploy', null, now, by), endedAt: status === 'stopped' ? now : null });
    return next;
  });
}

/** Every change of an endpoint, oldest first: its deployment timeline. */
export async function deploymentTimeline(db: WorkbenchDatabase, name: string): Promise<Deployment[]> {
  const rows = await db.deployments.where('endpoint').equals(name).toArray();
  return rows.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/** The deployments of one model version, across endpoints: lineage version → deployment. */
export async function deploymentsOfVersion(db: WorkbenchDatabase, model: string, version: number): Promise<Deployment[]> {
  const rows = await db.deployments.where('[model+version]').equals([model, version]).toArray();
  return rows.sort((a, b) => a.at - b.at);
}

/** Deletes an endpoint with its deployments (the traffic log is deleted by the caller's log store). */
export async function deleteEndpointRecord(db: WorkbenchDatabase, name: string): Promise<void> {
  await db.transaction('rw', db.endpoints, db.deployments, async () => {
    await db.endpoints.delete(name);
    await db.deployments.where('endpoint').equals(name).delete();
  });
}
