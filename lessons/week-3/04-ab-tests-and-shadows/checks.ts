// The workbench checks of "A/B tests and shadow deployments": pure functions of a WorkbenchSnapshot.
import { abComparison, type AbComparison } from '@/lib/course/serving';
import type { CheckResult, WorkbenchSnapshot } from '@/lib/course/types';
import { count, latest, liveReplay, named, percent, plural, taskOf, versionTotals } from '../serving';
import { episodeWindows, keptVersion, type RolloutEpisode, rolloutEpisodes } from '../rollouts';

/** The significance level the endpoint's A/B tests use unless the running test says otherwise. */
export const DEFAULT_ALPHA = 0.05;

/** An A/B test with its comparison on the labelled rows of its days. */
export interface JudgedAb {
  episode: RolloutEpisode;
  a: number;
  b: number;
  comparison: AbComparison;
}

/**
 * The comparison the endpoint page shows for an A/B test: variant A (the version serving when it
 * started) against B (the candidate) on the labelled rows of the test's days (`episodeWindows`),
 * at the running test's α, or `DEFAULT_ALPHA` once it has ended. Null when the model's task is
 * unknown (its versions are gone from the registry).
 */
export function judgeAb(snapshot: WorkbenchSnapshot, episode: RolloutEpisode): JudgedAb | null {
  const a = episode.primary;
  const task = a === null ? null : taskOf(snapshot, episode.model, a);
  if (a === null || task === null) return null;
  const windows = episodeWindows(snapshot, episode);
  const rollout = episode.end ? null : snapshot.endpoints.find((e) => e.name === episode.endpoint)?.rollout;
  const alpha = rollout?.strategy === 'ab' ? rollout.alpha : DEFAULT_ALPHA;
  return { episode, a, b: episode.candidate, comparison: abComparison(versionTotals(windows, a), versionTotals(windows, episode.candidate), task, alpha) };
}

const variant = (j: JudgedAb, version: number | null) => (version === j.a ? `A (v${j.a})` : version === j.b ? `B (v${j.b})` : `v${version ?? '?'}`);
const winnerVersion = (j: JudgedAb) => (j.comparison.winner === 'A' ? j.a : j.comparison.winner === 'B' ? j.b : null);
const test = (j: JudgedAb) => `The A/B test of v${j.a} against v${j.b} on ${named(j.episode.endpoint)}`;

/**
 * Significant winner: passes once an A/B test (an `ab-start`) was ended by keeping one variant
 * (`ab-end` keeps A, `promote` keeps B; the kept version is the primary of the ending change's
 * split) while the comparison was significant and named the kept variant the winner. The
 * comparison is `abComparison` over the summed labelled rows of both versions on the days of
 * the replays that ran during the test on which both answered (`episodeWindows`), at α 0.05.
 * A proxy for "at the moment of the decision": windows are whole days and labels that arrived
 * after the decision count too. Not gradable until some A/B test has ended.
 * Pure: reads `deployments`, `trafficWindows`, `replays`, `endpoints` and `models`.
 */
export function checkSignificantWinner(snapshot: WorkbenchSnapshot): CheckResult {
  const episodes = rolloutEpisodes(snapshot, 'ab');
  const judged = episodes.flatMap((e) => judgeAb(snapshot, e) ?? []);
  const decided = judged.filter((j) => j.episode.end?.action === 'ab-end' || j.episode.end?.action === 'promote');
  const right = latest(
    decided.filter((j) => j.comparison.significant && keptVersion(j.episode) === winnerVersion(j)),
    (j) => j.episode.end!.at,
  );
  if (right) {
    return {
      passed: true,
      feedback: `${test(right)} named its winner only once it could: you kept ${variant(right, keptVersion(right.episode))}. ${right.comparison.sentence}`,
    };
  }
  const ended = judged.filter((j) => j.episode.end !== null);
  if (ended.length === 0) {
    const running = latest(judged, (j) => j.episode.start.at);
    return {
      passed: false,
      notGradable: true,
      feedback: running
        ? `${test(running)} is still running. Right now: ${running.comparison.sentence} Keep a variant on the Overview tab once the result is significant.`
        : episodes.length > 0
          ? 'Your A/B test is on a model whose versions are no longer in the registry, so its task (and how to compare) is unknown. Start one on a registered model.'
          : 'You have not started an A/B test yet. On your endpoint’s Overview tab, under Rollouts, choose A/B test and another version, then send traffic.',
    };
  }
  const last = latest(ended, (j) => j.episode.end!.at)!;
  const end = last.episode.end!;
  if (end.action !== 'ab-end' && end.action !== 'promote') {
    return { passed: false, feedback: `${test(last)} was ended by a ${end.action}, so no variant was chosen. Start another and keep one of the two once the test names a winner.` };
  }
  const kept = keptVersion(last.episode);
  if (!last.comparison.significant) {
    const keptA = kept === last.a ? ' Keeping A when a test is inconclusive is the safe choice, but this exercise asks for a test that decides.' : ' Promoting B on an inconclusive test is exactly the mistake the test exists to prevent.';
    return {
      passed: false,
      feedback: `${test(last)} ended with ${variant(last, kept)} kept, but the result was not significant. ${last.comparison.sentence}${keptA} Start another A/B test and send more labelled rows: the sentence above says about how many.`,
    };
  }
  return {
    passed: false,
    feedback: `${test(last)} was significant, but the winner was ${variant(last, winnerVersion(last))} and you kept ${variant(last, kept)}. ${last.comparison.sentence} Run it again and keep the variant it names.`,
  };
}

/**
 * Shadow with agreement: passes once a shadow deployment (a `shadow-start`) of a version on an
 * endpoint is followed by traffic the shadow saw and was compared on: some window of that
 * endpoint, from a replay that ran while the shadow was in force (`episodeWindows`), in which the
 * version has shadow requests and `shadowAgreement.compared` > 0. Not
 * gradable before any shadow started, or while traffic still runs on the endpoint and nothing was
 * compared yet. Pure: reads `deployments`, `trafficWindows`, `replays` and `endpoints`.
 */
export function checkShadowAgreement(snapshot: WorkbenchSnapshot): CheckResult {
  const episodes = rolloutEpisodes(snapshot, 'shadow');
  const seen = episodes.map((e) => {
    const windows = episodeWindows(snapshot, e).filter((w) => (w.shadowAgreement?.compared ?? 0) > 0);
    const agreement = windows.reduce((t, w) => ({ compared: t.compared + w.shadowAgreement!.compared, agreed: t.agreed + w.shadowAgreement!.agreed }), { compared: 0, agreed: 0 });
    return { episode: e, agreement, copies: versionTotals(windows, e.candidate, 'shadow').requests };
  });
  const shown = latest(
    seen.filter((s) => s.agreement.compared > 0),
    (s) => s.episode.start.at,
  );
  if (shown) {
    const { episode, agreement, copies } = shown;
    const task = taskOf(snapshot, episode.model, episode.candidate);
    const rule = task === 'regression' ? 'within 5 % of the answer, or 1 unit where that is looser' : 'the same class as the answer';
    return {
      passed: true,
      feedback: `v${episode.candidate} shadowed v${episode.primary ?? '?'} on ${named(episode.endpoint)}: it saw a copy of ${plural(copies, 'request')} and agreed with the answer on ${count(agreement.agreed)} of ${plural(agreement.compared, 'row')} (${percent(agreement.agreed / agreement.compared)}, ${rule}). None of its predictions reached a caller.`,
    };
  }
  const last = latest(seen, (s) => s.episode.start.at);
  if (!last) {
    return {
      passed: false,
      notGradable: true,
      feedback: 'You have not started a shadow deployment yet. On your endpoint’s Overview tab, under Rollouts, choose Shadow and another version, then send traffic.',
    };
  }
  const { episode } = last;
  if (!episode.end && liveReplay(snapshot, episode.endpoint)) {
    return { passed: false, notGradable: true, feedback: `v${episode.candidate} is shadowing on ${named(episode.endpoint)} and traffic is running, but nothing has been compared yet. Check again in a moment.` };
  }
  return {
    passed: false,
    feedback: episode.end
      ? `The shadow of v${episode.candidate} on ${named(episode.endpoint)} ended before it saw any traffic. Start another shadow and send traffic while it runs.`
      : `v${episode.candidate} is shadowing on ${named(episode.endpoint)}, but no traffic has reached it yet. Open the Production traffic tab and start traffic.`,
  };
}
