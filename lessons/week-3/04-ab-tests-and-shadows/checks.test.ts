import { describe, expect, it } from 'vitest';
import type { SnapshotDeployment, SnapshotReplay, SnapshotTrafficWindow } from '@/lib/course/types';
import { abSplit, afterLast, deployChampion, deployment, delayModel, endpoint, only, regression, replay, shadowAgreement, shadowSplit, significantWinner, snapshotWith, stats, window } from '../test-snapshots';

// Reachability: RolloutPanel records 'ab-start' (version B, split A/B), then Keep A → 'ab-end'
// (split: A alone) or Keep B → 'promote' (split: B alone); 'shadow-start' / 'shadow-end' likewise.
// Replays started while the rollout runs write windows whose byVersion holds both variants, with
// labelled sums (regression: metricSum = Σ squared error, metricSumSq = Σ its square).

// 20,000 labelled rows an arm: A’s MSE 1,100 against B’s 1,000 is significant (z ≈ 4.8); at 1,000 it is not (z ≈ 1.1).
const armA = (n: number) => regression(n, 1100, 1100 * 1100 * 5);
const armB = (n: number) => regression(n, 1000, 1000 * 1000 * 5);

interface AbStory {
  deployments: SnapshotDeployment[];
  replays: SnapshotReplay[];
  trafficWindows: SnapshotTrafficWindow[];
}

/** Deploy v2, start an A/B of v3, replay traffic with `perArm` labelled rows an arm (A worse unless `aWins`), then end it. */
function abStory(perArm: number, end: 'keep-a' | 'keep-b' | 'replace' | null, options: { aWins?: boolean } = {}): AbStory {
  const start = deployment({ action: 'ab-start', version: 3, strategy: 'ab', routes: abSplit(2, 3) });
  const r = replay('ab-replay', afterLast());
  const [a, b] = options.aWins ? [armB(perArm / 2), armA(perArm / 2)] : [armA(perArm / 2), armB(perArm / 2)];
  const trafficWindows = [window(1, r.id, { '2': a, '3': b }), window(2, r.id, { '2': a, '3': b })];
  const ends: Record<string, SnapshotDeployment> = {
    'keep-a': deployment({ action: 'ab-end', version: 3, strategy: 'ab', routes: only(2) }),
    'keep-b': deployment({ action: 'promote', version: 3, strategy: 'ab', routes: only(3) }),
    replace: deployment({ action: 'replace', version: 1, strategy: 'replace', routes: only(1) }),
  };
  return { deployments: [deployChampion(2), start, ...(end ? [ends[end]!] : [])], replays: [r], trafficWindows };
}

const judge = (story: AbStory, extra: Partial<AbStory> = {}) =>
  significantWinner.check(
    snapshotWith({
      models: [delayModel()],
      endpoints: [endpoint()],
      deployments: [...story.deployments, ...(extra.deployments ?? [])],
      replays: [...story.replays, ...(extra.replays ?? [])],
      trafficWindows: [...story.trafficWindows, ...(extra.trafficWindows ?? [])],
    }),
  );

describe('significant-winner check', () => {
  it('passes when B won significantly and was kept', () => {
    const result = judge(abStory(20_000, 'keep-b'));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('The A/B test of v2 against v3 on “flights-delay-api” named its winner only once it could: you kept B (v3). B wins: RMSE');
  });

  it('passes when A won significantly and was kept', () => {
    const result = judge(abStory(20_000, 'keep-a', { aWins: true }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('you kept A (v2). A wins');
  });

  it('fails when B was promoted on an inconclusive test', () => {
    const result = judge(abStory(1000, 'keep-b'));
    expect(result.passed).toBe(false);
    expect(result.notGradable).toBeUndefined();
    expect(result.feedback).toContain('ended with B (v3) kept, but the result was not significant. No significant difference yet');
    expect(result.feedback).toContain('exactly the mistake the test exists to prevent');
  });

  it('fails, kindly, when A was kept on an inconclusive test', () => {
    const result = judge(abStory(1000, 'keep-a'));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('Keeping A when a test is inconclusive is the safe choice');
  });

  it('fails when the loser was kept', () => {
    const result = judge(abStory(20_000, 'keep-a'));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('was significant, but the winner was B (v3) and you kept A (v2)');
  });

  it('fails when the test was ended by a replace', () => {
    expect(judge(abStory(20_000, 'replace')).feedback).toContain('was ended by a replace, so no variant was chosen');
  });

  it('is not gradable while the only test runs, and says where it stands', () => {
    const result = judge(abStory(1000, null));
    expect(result).toMatchObject({ passed: false, notGradable: true });
    expect(result.feedback).toContain('is still running. Right now: No significant difference yet');
  });

  it('is not gradable without any A/B test', () => {
    const result = significantWinner.check(snapshotWith({ models: [delayModel()], deployments: [deployChampion(2)] }));
    expect(result).toMatchObject({ passed: false, notGradable: true });
  });

  it('counts no traffic from before the test, nor days on which one variant answered alone', () => {
    const before = replay('earlier', 0);
    const story = abStory(1000, 'keep-b');
    // A canary of v3 over v2 earlier: both answered, plenty of labels, but not during this test.
    const canaryDays = [window(10, before.id, { '2': armA(50_000), '3': armB(50_000) })];
    // After Keep B, the same replay goes on with v3 alone.
    const after = window(3, 'ab-replay', { '3': armB(50_000) });
    const result = judge(story, { replays: [before], trafficWindows: [...canaryDays, after] });
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('not significant');
  });
});

describe('shadow-agreement check', () => {
  function shadowStory(withTraffic: boolean, ended = false): Partial<AbStory> & { deployments: SnapshotDeployment[] } {
    const start = deployment({ action: 'shadow-start', version: 3, strategy: 'shadow', routes: shadowSplit(2, 3) });
    const r = replay('shadow-replay', afterLast());
    const end = ended ? [deployment({ action: 'shadow-end', version: 3, strategy: 'shadow', routes: only(2) })] : [];
    const w = window(1, r.id, { '2': stats(500) }, { shadowByVersion: { '3': stats(500) }, shadowAgreement: { compared: 500, agreed: 430 } });
    return { deployments: [deployChampion(2), start, ...end], replays: withTraffic ? [r] : [], trafficWindows: withTraffic ? [w] : [] };
  }

  it('passes once the shadow saw traffic and agreement was counted', () => {
    const result = shadowAgreement.check(snapshotWith({ models: [delayModel()], ...shadowStory(true) }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('v3 shadowed v2 on “flights-delay-api”: it saw a copy of 500 requests and agreed with the answer on 430 of 500 rows (86 %, within 5 % of the answer, or 1 unit where that is looser)');
  });

  it('is not gradable before any shadow, or while traffic runs with nothing compared yet', () => {
    expect(shadowAgreement.check(snapshotWith({ deployments: [deployChampion(2)] }))).toMatchObject({ passed: false, notGradable: true });
    const story = shadowStory(false);
    const running = shadowAgreement.check(snapshotWith({ ...story, replays: [replay('live', afterLast(), { status: 'RUNNING' })] }));
    expect(running).toMatchObject({ passed: false, notGradable: true });
  });

  it('fails for a shadow with no traffic, and for one ended before any', () => {
    const idle = shadowAgreement.check(snapshotWith(shadowStory(false)));
    expect(idle.passed).toBe(false);
    expect(idle.notGradable).toBeUndefined();
    expect(idle.feedback).toContain('no traffic has reached it yet');
    expect(shadowAgreement.check(snapshotWith(shadowStory(false, true))).feedback).toContain('ended before it saw any traffic');
  });

  it('ignores shadow traffic of a replay that ended before the shadow started', () => {
    const old = replay('old', 0);
    const oldWindow = window(1, old.id, { '2': stats(500) }, { shadowByVersion: { '3': stats(500) }, shadowAgreement: { compared: 500, agreed: 500 } });
    const result = shadowAgreement.check(snapshotWith({ ...shadowStory(false), replays: [old], trafficWindows: [oldWindow] }));
    expect(result.passed).toBe(false);
  });
});
