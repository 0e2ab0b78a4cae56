/**
 * The traffic splits of every rollout, as pure values: replace, roll back, start a canary, an A/B
 * test or a shadow, end one. Each returns the new routes (and rollout) for `changeRoutes` to store
 * and record; none reads or writes anything. A/B names follow SageMaker's production variants
 * (variant weights), the canary KServe's `canaryTrafficPercent`.
 */
import type { Endpoint, Rollout, TrafficRoute } from '../tracking/serving-types';
import { canaryRoutes, type CanaryPlan, type CanaryRollout, defaultCanaryPlan, validateCanaryPlan } from './canary-plan';
import { ServingError } from './errors';
import { formatShare } from './format';
import { validateRoutes } from './routing';

/** New routes and the rollout that goes with them (null: one version served plainly). */
export interface RoutePlan {
  routes: TrafficRoute[];
  rollout: Rollout | null;
}

/** What the helpers read of an endpoint. */
export type EndpointTraffic = Pick<Endpoint, 'routes' | 'rollout'>;

/** One version answering every request: the split of a deploy, a replace, a promote. */
export function replaceRoutes(version: number): TrafficRoute[] {
  const routes: TrafficRoute[] = [{ version, share: 100, role: 'primary' }];
  validateRoutes(routes);
  return routes;
}

/** The primary version of a split (the one a rollback returns to). Throws on an invalid split. */
export function primaryVersion(routes: readonly TrafficRoute[]): number {
  validateRoutes(routes);
  const primary = routes.find((route) => route.role === 'primary');
  if (!primary) throw new ServingError('This split has no primary route.');
  return primary.version;
}

/**
 * Rollback: all traffic back to the primary, every canary, variant and shadow dropped. The
 * rollout that went with the old split ends (store `rollout: null`). Works at any step, a 100 %
 * step included, where the primary answers nothing but is still the version to return to.
 */
export function rollbackRoutes(endpoint: Pick<Endpoint, 'routes'>): TrafficRoute[] {
  return replaceRoutes(primaryVersion(endpoint.routes));
}

/**
 * Ends the rollout in progress: `keep: 'primary'` rolls back (see `rollbackRoutes`),
 * `keep: 'candidate'` promotes the candidate to serve all traffic (canary promoted by hand, A/B
 * winner B, shadow challenger taking over). Throws when no rollout is in progress.
 */
export function endRollout(endpoint: EndpointTraffic, keep: 'primary' | 'candidate'): RoutePlan {
  if (!endpoint.rollout) throw new ServingError('No rollout is in progress on this endpoint: there is nothing to end.');
  return { routes: keep === 'primary' ? rollbackRoutes(endpoint) : replaceRoutes(endpoint.rollout.candidate), rollout: null };
}

const ROLLOUT_NAMES: Record<Rollout['strategy'], string> = { canary: 'A canary', ab: 'An A/B test', shadow: 'A shadow deployment' };

/** The serving version of an endpoint free to start a rollout, or a ServingError saying why not. */
function idlePrimary(endpoint: EndpointTraffic, candidate: number): number {
  if (endpoint.rollout) throw new ServingError(`${ROLLOUT_NAMES[endpoint.rollout.strategy]} of v${endpoint.rollout.candidate} is already in progress: promote it or roll it back first.`);
  const primary = primaryVersion(endpoint.routes);
  if (!Number.isInteger(candidate) || candidate < 1) throw new ServingError(`${String(candidate)} is not a version number (1, 2, …).`);
  if (candidate === primary) throw new ServingError(`v${candidate} already serves this endpoint: pick another version to try.`);
  return primary;
}

/**
 * Starts a canary of `candidate`: the first step's share goes to it, the rest stays on the
 * primary. Refuses an invalid plan (`validateCanaryPlan`), a rollout already in progress, or the
 * version already serving.
 *
 * @param nowSim simulated epoch ms: when the first step begins (for hours-based holds).
 */
export function startCanary(endpoint: EndpointTraffic, candidate: number, nowSim: number, plan: CanaryPlan = defaultCanaryPlan()): RoutePlan {
  const primary = idlePrimary(endpoint, candidate);
  validateCanaryPlan(plan);
  const first = plan.steps[0] as number;
  const rollout: CanaryRollout = { strategy: 'canary', candidate, steps: [...plan.steps], stepIndex: 0, hold: { ...plan.hold }, guards: { ...plan.guards }, stepStartedAt: nowSim, stepStartRequests: 0 };
  const routes = canaryRoutes(primary, candidate, first);
  validateRoutes(routes);
  return { routes, rollout };
}

/**
 * Starts an A/B test: variant A is the primary, variant B the candidate with `share` percent of
 * requests, sticky by request id. `share` must lie strictly between 0 and 100 (each arm needs
 * traffic); `alpha` in (0, 0.5] is the significance level `abComparison` will use.
 */
export function startAb(endpoint: EndpointTraffic, candidate: number, share = 50, alpha = 0.05): RoutePlan {
  const primary = idlePrimary(endpoint, candidate);
  if (!(share > 0 && share < 100)) throw new ServingError(`An A/B split gives each variant some traffic: B's share must be above 0 % and below 100 %, not ${String(share)} %.`);
  if (!(alpha > 0 && alpha <= 0.5)) throw new ServingError(`The significance level must be above 0 and at most 0.5 (0.05 is usual), not ${String(alpha)}.`);
  const routes: TrafficRoute[] = [
    { version: primary, share: 100 - share, role: 'primary' },
    { version: candidate, share, role: 'variant' },
  ];
  validateRoutes(routes);
  return { routes, rollout: { strategy: 'ab', candidate, share, alpha } };
}

/** Starts a shadow deployment: the primary answers everything, `candidate` gets a copy of each request and only logs. */
export function startShadow(endpoint: EndpointTraffic, candidate: number): RoutePlan {
  const primary = idlePrimary(endpoint, candidate);
  const routes: TrafficRoute[] = [
    { version: primary, share: 100, role: 'primary' },
    { version: candidate, share: 0, role: 'shadow' },
  ];
  validateRoutes(routes);
  return { routes, rollout: { strategy: 'shadow', candidate } };
}

/**
 * The split in one line, in route order: `v3 95 % · v4 5 % (canary)`, `v3 50 % (A) · v4 50 % (B)`,
 * `v3 100 % · v4 shadow`. The primary is marked `(A)` only when a variant runs beside it. No
 * routes → `no traffic`. Does not validate (it also describes a broken split, for an error).
 */
export function describeRoutes(routes: readonly TrafficRoute[]): string {
  if (routes.length === 0) return 'no traffic';
  const ab = routes.some((route) => route.role === 'variant');
  return routes
    .map((route) => {
      if (route.role === 'shadow') return `v${route.version} shadow`;
      const mark = route.role === 'canary' ? ' (canary)' : route.role === 'variant' ? ' (B)' : ab ? ' (A)' : '';
      return `v${route.version} ${formatShare(route.share)}${mark}`;
    })
    .join(' · ');
}
