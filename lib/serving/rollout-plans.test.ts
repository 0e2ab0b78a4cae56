import { describe, expect, it } from 'vitest';
import type { Endpoint, TrafficRoute } from '../tracking/serving-types';
import { defaultCanaryPlan } from './canary-plan';
import { ServingError } from './errors';
import { describeRoutes, endRollout, primaryVersion, replaceRoutes, rollbackRoutes, startAb, startCanary, startShadow } from './rollout-plans';
import { routeRequest } from './routing';

const T0 = 1_420_070_400_000;
const plain: Pick<Endpoint, 'routes' | 'rollout'> = { routes: replaceRoutes(3), rollout: null };

describe('replace and rollback', () => {
  it('serves one version with all traffic', () => {
    expect(replaceRoutes(7)).toEqual([{ version: 7, share: 100, role: 'primary' }]);
    expect(() => replaceRoutes(0)).toThrow(ServingError);
  });

  it('rolls back to the primary from any split, the 100 % canary step included', () => {
    const atFull: TrafficRoute[] = [
      { version: 3, share: 0, role: 'primary' },
      { version: 4, share: 100, role: 'canary' },
    ];
    expect(rollbackRoutes({ routes: atFull })).toEqual(replaceRoutes(3));
    expect(rollbackRoutes(startAb(plain, 5, 30))).toEqual(replaceRoutes(3));
    expect(rollbackRoutes(startShadow(plain, 6))).toEqual(replaceRoutes(3));
    expect(primaryVersion(atFull)).toBe(3);
  });

  it('refuses to roll back a split that does not add up', () => {
    const broken: TrafficRoute[] = [
      { version: 3, share: 60, role: 'primary' },
      { version: 4, share: 5, role: 'canary' },
    ];
    expect(() => rollbackRoutes({ routes: broken })).toThrow(/65 %, not 100 %/);
  });

  it('ends a rollout by keeping either side', () => {
    const ab = startAb(plain, 5);
    expect(endRollout(ab, 'candidate')).toEqual({ routes: replaceRoutes(5), rollout: null });
    expect(endRollout(ab, 'primary')).toEqual({ routes: replaceRoutes(3), rollout: null });
    expect(() => endRollout(plain, 'primary')).toThrow(/nothing to end/);
  });
});

describe('starting rollouts', () => {
  it('starts a canary at its first step', () => {
    expect(startCanary(plain, 4, T0)).toEqual({
      routes: [
        { version: 3, share: 95, role: 'primary' },
        { version: 4, share: 5, role: 'canary' },
      ],
      rollout: { strategy: 'canary', candidate: 4, ...defaultCanaryPlan(), stepIndex: 0, stepStartedAt: T0, stepStartRequests: 0 },
    });
    expect(() => startCanary(plain, 4, T0, { ...defaultCanaryPlan(), steps: [10, 50] })).toThrow(/last canary step must be 100 %/);
  });

  it('starts a sticky A/B split with the primary as A', () => {
    const ab = startAb(plain, 5, 20, 0.01);
    expect(ab).toEqual({
      routes: [
        { version: 3, share: 80, role: 'primary' },
        { version: 5, share: 20, role: 'variant' },
      ],
      rollout: { strategy: 'ab', candidate: 5, share: 20, alpha: 0.01 },
    });
    expect(routeRequest('user-42', ab.routes)).toEqual(routeRequest('user-42', ab.routes));
    expect(() => startAb(plain, 5, 0)).toThrow(/above 0 % and below 100 %/);
    expect(() => startAb(plain, 5, 100)).toThrow(/not 100 %/);
    expect(() => startAb(plain, 5, 50, 0.7)).toThrow(/significance level/);
  });

  it('starts a shadow that sees every request and answers none', () => {
    const shadow = startShadow(plain, 6);
    expect(shadow).toEqual({
      routes: [
        { version: 3, share: 100, role: 'primary' },
        { version: 6, share: 0, role: 'shadow' },
      ],
      rollout: { strategy: 'shadow', candidate: 6 },
    });
    expect(routeRequest('r-1', shadow.routes)).toEqual({ answer: 3, shadows: [6] });
  });

  it('refuses a second rollout, the serving version, and a bad version number', () => {
    const busy = startCanary(plain, 4, T0);
    expect(() => startAb(busy, 5)).toThrow(/A canary of v4 is already in progress/);
    expect(() => startCanary(startAb(plain, 5), 4, T0)).toThrow(/^An A\/B test of v5 is already in progress: promote it or roll it back first\.$/);
    expect(() => startAb(startShadow(plain, 6), 5)).toThrow(/A shadow deployment of v6/);
    expect(() => startShadow(plain, 3)).toThrow(/v3 already serves this endpoint/);
    expect(() => startShadow(plain, 1.5)).toThrow(/not a version number/);
  });
});

describe('describeRoutes', () => {
  it('writes the split in one line', () => {
    expect(describeRoutes(startCanary(plain, 4, T0).routes)).toBe('v3 95 % · v4 5 % (canary)');
    expect(describeRoutes(startAb(plain, 5).routes)).toBe('v3 50 % (A) · v5 50 % (B)');
    expect(describeRoutes(startShadow(plain, 6).routes)).toBe('v3 100 % · v6 shadow');
    expect(describeRoutes(replaceRoutes(3))).toBe('v3 100 %');
    expect(describeRoutes([])).toBe('no traffic');
    expect(describeRoutes([{ version: 1, share: 100 / 3, role: 'primary' }])).toBe('v1 33.33 %');
  });
});
