// The workbench check of "Serving a model": a pure function of a WorkbenchSnapshot.
import type { CheckResult, SnapshotEndpoint, WorkbenchSnapshot } from '@/lib/course/types';
import { CHAMPION, deploymentsOf, liveReplay, named, plural, versionTotals, windowsOf } from '../serving';

/** Requests an endpoint must answer with its @champion version. */
export const SERVE_AT_LEAST = 1000;

interface Served {
  endpoint: SnapshotEndpoint;
  /** The versions @champion resolved to when this endpoint was deployed or redeployed by it. */
  versions: number[];
  /** Requests those versions answered on this endpoint. */
  requests: number;
  /** Windows (simulated days) in which they answered. */
  days: number;
}

function servedBy(snapshot: WorkbenchSnapshot, endpoint: SnapshotEndpoint): Served {
  const byAlias = deploymentsOf(snapshot, endpoint.name).filter((d) => (d.action === 'deploy' || d.action === 'replace') && d.alias === CHAMPION);
  const versions = [...new Set(byAlias.map((d) => d.version))].sort((a, b) => a - b);
  const windows = windowsOf(snapshot, endpoint.name).filter((w) => versions.some((v) => (w.byVersion[String(v)]?.requests ?? 0) > 0));
  const requests = versions.reduce((total, v) => total + versionTotals(windows, v).requests, 0);
  return { endpoint, versions, requests, days: windows.length };
}

const versionList = (versions: readonly number[]) => versions.map((v) => `v${v}`).join(' and ');

/** How an endpoint not deployed by @champion serves, for feedback: `v3 by number`, `@challenger (v4)`. */
function servesText(snapshot: WorkbenchSnapshot, endpoint: SnapshotEndpoint): string {
  const deployed = deploymentsOf(snapshot, endpoint.name).findLast((d) => d.action === 'deploy' || d.action === 'replace');
  if (deployed?.alias) return `@${deployed.alias} of “${endpoint.model}” (v${deployed.version})`;
  return `v${deployed?.version ?? endpoint.routes[0]?.version ?? '?'} of “${endpoint.model}” by number`;
}

/**
 * Serve a thousand: passes once an endpoint that was deployed (or redeployed with Replace) by the
 * alias `@champion` has answered at least `SERVE_AT_LEAST` requests with the version(s) the alias
 * resolved to, summed over its traffic windows (answering traffic only; shadow copies do not
 * count). Not gradable with no endpoint at all, or while a replay still runs on the best such
 * endpoint below the mark. Pure: reads `endpoints`, `deployments`, `trafficWindows` and `replays`.
 */
export function checkServeAThousand(snapshot: WorkbenchSnapshot): CheckResult {
  if (snapshot.endpoints.length === 0) {
    return {
      passed: false,
      feedback: 'You have no endpoint yet. On the Endpoints page, choose your model (flights-delay), serve @champion and click Deploy.',
      notGradable: true,
    };
  }
  const served = snapshot.endpoints.map((e) => servedBy(snapshot, e)).filter((s) => s.versions.length > 0);
  const best = served.sort((a, b) => b.requests - a.requests)[0];
  if (!best) {
    const e = snapshot.endpoints[snapshot.endpoints.length - 1]!;
    return {
      passed: false,
      feedback: `${named(e.name)} serves ${servesText(snapshot, e)}, not the version @champion points at. Deploy @champion: a new endpoint from the Endpoints page, or Replace on this endpoint’s Overview tab with @champion chosen.`,
    };
  }
  const { endpoint, versions, requests, days } = best;
  const what = `@champion of “${endpoint.model}” (${versionList(versions)}, as the alias resolved when you deployed)`;
  if (requests >= SERVE_AT_LEAST) {
    return {
      passed: true,
      feedback: `${named(endpoint.name)} serves ${what} and has answered ${plural(requests, 'request')} over ${plural(days, 'simulated day')}. Every request was checked against the model’s data contract, answered with the version that served it, and logged; the deployment that put it there is on the endpoint’s timeline and in the version’s lineage.`,
    };
  }
  const running = liveReplay(snapshot, endpoint.name);
  if (running) {
    return {
      passed: false,
      feedback: `${named(endpoint.name)} serves ${what} and has answered ${plural(requests, 'request')} so far; its traffic is still running. Check again when the replay has finished.`,
      notGradable: true,
    };
  }
  return {
    passed: false,
    feedback: `${named(endpoint.name)} serves ${what} but has answered ${requests === 0 ? 'no requests yet' : `only ${plural(requests, 'request')}`}, fewer than ${plural(SERVE_AT_LEAST, 'request')}. Open its Production traffic tab and start traffic: the no-drift control for 14 days at 500 requests a day sends 7,000.`,
  };
}
