import type { Deployment, Endpoint, ReplayRecord, TrafficRoute, TrafficWindow, VersionWindowStats } from '@/lib/tracking/serving-types';
import type { SnapshotDeployment, SnapshotEndpoint, SnapshotReplay, SnapshotTrafficWindow, WorkbenchSnapshot } from './types';

/** The serving rows a snapshot is built from: endpoints, their deployments, traffic windows and replays. */
export interface ServingRecords {
  endpoints?: readonly Endpoint[];
  deployments?: readonly Deployment[];
  trafficWindows?: readonly TrafficWindow[];
  replays?: readonly ReplayRecord[];
}

const routesOf = (routes: readonly TrafficRoute[]): TrafficRoute[] => routes.map((r) => ({ ...r }));
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function statsOf(byVersion: Readonly<Record<string, VersionWindowStats>> | undefined): Record<string, VersionWindowStats> {
  return Object.fromEntries(Object.entries(byVersion ?? {}).map(([v, s]) => [v, { ...s }]));
}

/** The plain view of an endpoint that checks grade (the rollout copied, guards and steps included). */
export function snapshotEndpoint(e: Endpoint): SnapshotEndpoint {
  return {
    name: e.name,
    model: e.model,
    target: 'alias' in e.target ? { alias: e.target.alias } : { version: e.target.version },
    routes: routesOf(e.routes),
    rollout: e.rollout ? structuredClone(e.rollout) : null,
    policy: e.policy,
    status: e.status,
    createdAt: e.createdAt,
  };
}

/** The plain view of one endpoint change. */
export function snapshotDeployment(d: Deployment): SnapshotDeployment {
  return {
    id: d.id,
    endpoint: d.endpoint,
    model: d.model,
    version: d.version,
    alias: d.alias,
    action: d.action,
    strategy: d.strategy,
    routes: routesOf(d.routes),
    at: d.at,
    simAt: d.simAt,
    actor: d.actor,
    reason: d.reason,
    endedAt: d.endedAt,
  };
}

/** The plain view of one traffic window (its log bookkeeping left out). */
export function snapshotWindow(w: TrafficWindow): SnapshotTrafficWindow {
  return {
    endpoint: w.endpoint,
    window: w.window,
    source: w.source,
    start: w.start,
    end: w.end,
    requests: w.requests,
    rows: w.rows,
    byVersion: statsOf(w.byVersion),
    shadowByVersion: statsOf(w.shadowByVersion),
    issues: { ...w.issues },
    shadowAgreement: w.shadowAgreement ? { ...w.shadowAgreement } : null,
  };
}

/** The plain view of one replay (how its stream was generated left out). */
export function snapshotReplay(r: ReplayRecord): SnapshotReplay {
  return {
    id: r.id,
    endpoint: r.endpoint,
    scenario: r.scenario,
    seed: r.seed,
    dirtyRate: r.dirtyRate,
    status: r.status,
    requestsDone: r.requestsDone,
    requestsTotal: r.requestsTotal,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    message: r.message,
    windowOffset: r.windowOffset,
    days: r.options.days,
    hidden: r.options.hidden ?? false,
    ...(r.truth ? { truth: { ...r.truth } } : {}),
  };
}

/**
 * Orders deployments as the timeline shows them: by wall-clock time, then by simulated time when
 * both have one (a canary's steps taken within one millisecond), then by id so the order is stable.
 */
function deploymentOrder(a: Deployment, b: Deployment): number {
  if (a.at !== b.at) return a.at - b.at;
  if (a.simAt !== null && b.simAt !== null && a.simAt !== b.simAt) return a.simAt - b.simAt;
  return byName(a.id, b.id);
}

/**
 * The serving part of a snapshot. Pure: endpoints by name, deployments oldest first (see
 * `deploymentOrder`), windows by endpoint then index, replays oldest first.
 */
export function snapshotServing(records: ServingRecords): Pick<WorkbenchSnapshot, 'endpoints' | 'deployments' | 'trafficWindows' | 'replays'> {
  return {
    endpoints: [...(records.endpoints ?? [])].sort((a, b) => byName(a.name, b.name)).map(snapshotEndpoint),
    deployments: [...(records.deployments ?? [])].sort(deploymentOrder).map(snapshotDeployment),
    trafficWindows: [...(records.trafficWindows ?? [])].sort((a, b) => byName(a.endpoint, b.endpoint) || a.window - b.window).map(snapshotWindow),
    replays: [...(records.replays ?? [])].sort((a, b) => a.startedAt - b.startedAt || byName(a.id, b.id)).map(snapshotReplay),
  };
}
