import { describe, expect, it } from 'vitest';
import { canary, canaryToFull, deployChampion, deployment, guardRollback, only, snapshotWith } from '../test-snapshots';
import { rolloutEpisodes } from '../rollouts';
import { highestShare } from './checks';

// Reachability: RolloutPanel records 'canary-start' (actor you) with the first step's split; the
// replay's CanaryTracker records 'canary-step' and 'promote' with actor 'canary', and 'rollback'
// with actor 'canary guard' and the breach sentence as its reason (replay-runner.ts). Promote and
// Roll back by hand record 'promote' / 'rollback' with actor 'you'.
const BREACH = "v1 rejected 8.2 % of rows (41 of 500) in validation, above the 1 % guard: rolled back.";

describe('canary-to-full check', () => {
  it('passes for a canary that climbed every step and was promoted by itself', () => {
    const result = canaryToFull.check(snapshotWith({ deployments: [deployChampion(2), ...canary(2, 3, [5, 25, 50, 100], { action: 'promote', actor: 'canary' })] }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('The canary of v3 on “flights-delay-api” climbed 5 % → 25 % → 50 % → 100 % and was promoted by the canary itself: v3 now answers all traffic, and v2 is one rollback away');
  });

  it('passes for a promotion by hand at the 100 % step', () => {
    const result = canaryToFull.check(snapshotWith({ deployments: [deployChampion(2), ...canary(2, 3, [5, 100], { action: 'promote', actor: 'you' })] }));
    expect(result.passed).toBe(true);
  });

  it('fails for a promotion by hand before 100 %', () => {
    const result = canaryToFull.check(snapshotWith({ deployments: [deployChampion(2), ...canary(2, 3, [5, 25], { action: 'promote', actor: 'you' })] }));
    expect(result.passed).toBe(false);
    expect(result.notGradable).toBeUndefined();
    expect(result.feedback).toContain('was promoted by hand at 25 %, before it had served all traffic');
  });

  it('fails for a canary rolled back by its guard, pointing at the next exercise', () => {
    const result = canaryToFull.check(snapshotWith({ deployments: [deployChampion(2), ...canary(2, 1, [5], { action: 'rollback', actor: 'canary guard', reason: BREACH })] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain(`was rolled back by its guard. Its reason: “${BREACH}”`);
    expect(result.feedback).toContain('A breached guard is the next exercise');
  });

  it('fails for a canary ended by a replace', () => {
    const result = canaryToFull.check(snapshotWith({ deployments: [...canary(2, 3, [5, 25], { action: 'replace', actor: 'you' })] }));
    expect(result.feedback).toContain('was ended by a replace before it reached 100 %');
  });

  it('is not gradable while the only canary is still running', () => {
    const result = canaryToFull.check(snapshotWith({ deployments: [deployChampion(2), ...canary(2, 3, [5, 25])] }));
    expect(result).toMatchObject({ passed: false, notGradable: true });
    expect(result.feedback).toContain('is still running: it has reached 25 % after 1 automatic step');
  });

  it('passes on an earlier promoted canary after a later rollback', () => {
    const deployments = [deployChampion(2), ...canary(2, 3, [5, 25, 50, 100], { action: 'promote', actor: 'canary' }), ...canary(3, 1, [5], { action: 'rollback', actor: 'canary guard' })];
    expect(canaryToFull.check(snapshotWith({ deployments })).passed).toBe(true);
  });
});

describe('guard-rollback check', () => {
  it('passes for a rollback written by the canary guard, quoting its reason', () => {
    const result = guardRollback.check(snapshotWith({ deployments: [deployChampion(2), ...canary(2, 1, [5], { action: 'rollback', actor: 'canary guard', reason: BREACH })] }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain(`The canary of v1 on “flights-delay-api” was rolled back by its guard at 5 %, with no one watching. Its reason: “${BREACH}” All traffic went back to v2`);
  });

  it('fails for a rollback by hand', () => {
    const result = guardRollback.check(snapshotWith({ deployments: [...canary(2, 1, [5, 25], { action: 'rollback', actor: 'you' })] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('was rolled back by hand at 25 %');
    expect(result.feedback).toContain('let a breached guard roll it back');
  });

  it('fails for a canary that was promoted, suggesting a guard it cannot meet', () => {
    const result = guardRollback.check(snapshotWith({ deployments: [...canary(2, 3, [5, 25, 50, 100], { action: 'promote', actor: 'canary' })] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('Every guard held');
    expect(result.feedback).toContain('rejected-rows guard at 1 %');
  });

  it('is not gradable without any canary', () => {
    const result = guardRollback.check(snapshotWith({ deployments: [deployChampion(2)] }));
    expect(result).toMatchObject({ passed: false, notGradable: true });
    expect(result.feedback).toContain('You have not started a canary yet');
  });
});

describe('rolloutEpisodes', () => {
  it('opens at a start, collects steps, closes at the ending change, and keeps endpoints apart', () => {
    const deployments = [deployChampion(2), ...canary(2, 3, [5, 25])];
    deployments.push(deployment({ action: 'canary-start', endpoint: 'other', version: 5, strategy: 'canary', routes: only(4) }));
    deployments.push(deployment({ action: 'policy', version: 2 }), deployment({ action: 'promote', version: 3, strategy: 'canary', routes: only(3), actor: 'canary' }));
    const [mine, theirs] = rolloutEpisodes(snapshotWith({ deployments }), 'canary');
    expect(mine).toMatchObject({ endpoint: 'flights-delay-api', primary: 2, candidate: 3, end: { action: 'promote' } });
    expect(mine!.steps).toHaveLength(1);
    expect(highestShare(mine!)).toBe(25);
    expect(theirs).toMatchObject({ endpoint: 'other', candidate: 5, end: null });
  });

  it('ignores ending changes with no rollout open, and separates strategies', () => {
    const deployments = [deployment({ action: 'rollback', version: 2 }), deployment({ action: 'ab-start', version: 3, strategy: 'ab' }), deployment({ action: 'ab-end', version: 3, strategy: 'ab' })];
    expect(rolloutEpisodes(snapshotWith({ deployments }), 'canary')).toEqual([]);
    expect(rolloutEpisodes(snapshotWith({ deployments }), 'ab')).toHaveLength(1);
  });
});
