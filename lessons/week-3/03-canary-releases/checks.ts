// The workbench checks of "Canary releases": pure functions of a WorkbenchSnapshot.
import type { CheckResult, WorkbenchSnapshot } from '@/lib/course/types';
import { latest, named, plural, shareOf } from '../serving';
import { type RolloutEpisode, rolloutEpisodes } from '../rollouts';

/** The actor of a canary's own decisions, and of a rollback its guard triggered. */
export const CANARY = 'canary';
export const CANARY_GUARD = 'canary guard';

/** The largest share the candidate answered at any step of the canary (its start included), in percent. */
export function highestShare(episode: RolloutEpisode): number {
  return Math.max(...[episode.start, ...episode.steps].map((d) => shareOf(d.routes, episode.candidate)));
}

const describe = (e: RolloutEpisode) => `The canary of v${e.candidate} on ${named(e.endpoint)}`;
const asReason = (text: string) => (text.trim() ? ` Its reason: “${text.trim()}”` : '');

/** Nothing to judge yet: no canary has ended (feedback says what to do, or what is running). */
function notYet(episodes: readonly RolloutEpisode[], what: string): CheckResult {
  const running = latest(episodes, (e) => e.start.at);
  return {
    passed: false,
    notGradable: true,
    feedback: running
      ? `${describe(running)} is still running: it has reached ${highestShare(running)} % after ${plural(running.steps.length, 'automatic step')}. Keep traffic flowing and check again when it has ended.`
      : `You have not started a canary yet. ${what}`,
  };
}

/** How a canary ended, for feedback. */
function endText(e: RolloutEpisode): string {
  const end = e.end!;
  if (end.action === 'rollback') return end.actor === CANARY_GUARD ? `was rolled back by its guard.${asReason(end.reason)}` : `was rolled back by hand at ${highestShare(e)} %.`;
  if (end.action === 'promote') return end.actor === CANARY ? 'was promoted by the canary after its last step.' : `was promoted by hand at ${highestShare(e)} %, before it had served all traffic.`;
  return `was ended by a ${end.action} before it reached 100 %.`;
}

/**
 * Canary to 100 %: passes once a canary (a `canary-start` on an endpoint) ended in a `promote`,
 * either taken by the canary itself (actor `canary`, after holding its last step, 100 %) or by
 * hand once a step had given the candidate 100 % of the traffic. A promotion by hand at a lower
 * step skips the steps and does not count. Not gradable until some canary has ended.
 * Pure: reads `deployments`.
 */
export function checkCanaryToFull(snapshot: WorkbenchSnapshot): CheckResult {
  const episodes = rolloutEpisodes(snapshot, 'canary');
  const full = latest(
    episodes.filter((e) => e.end?.action === 'promote' && (e.end.actor === CANARY || highestShare(e) >= 100)),
    (e) => e.end!.at,
  );
  if (full) {
    return {
      passed: true,
      feedback: `${describe(full)} climbed ${[full.start, ...full.steps].map((d) => `${shareOf(d.routes, full.candidate)} %`).join(' → ')} and was promoted${full.end!.actor === CANARY ? ' by the canary itself' : ''}: v${full.candidate} now answers all traffic, and v${full.primary ?? '?'} is one rollback away. Every step is on the endpoint’s timeline, with the guards’ verdict at each.`,
    };
  }
  const ended = episodes.filter((e) => e.end !== null);
  if (ended.length === 0) return notYet(episodes, 'On your endpoint’s Overview tab, under Rollouts, start a canary of another version of the model with the default steps, then send traffic.');
  const last = latest(ended, (e) => e.end!.at)!;
  const guard = last.end!.actor === CANARY_GUARD ? ' A breached guard is the next exercise; for this one, canary a version at least as good as the one serving, on clean traffic.' : '';
  return {
    passed: false,
    feedback: `${describe(last)} ${endText(last)}${guard} Start a canary again and let it walk every step to 100 %: with the default hold of 200 requests a step, that takes about 5,400 requests.`,
  };
}

/**
 * Guard rollback: passes once a canary was rolled back by its guard: a `rollback` deployment
 * whose actor is `canary guard` (written by the canary when a guard breached; a rollback by hand
 * has actor `you` and does not count). Not gradable until some canary has ended.
 * Pure: reads `deployments`.
 */
export function checkGuardRollback(snapshot: WorkbenchSnapshot): CheckResult {
  const episodes = rolloutEpisodes(snapshot, 'canary');
  const rolledBack = latest(
    episodes.filter((e) => e.end?.action === 'rollback' && e.end.actor === CANARY_GUARD),
    (e) => e.end!.at,
  );
  if (rolledBack) {
    return {
      passed: true,
      feedback: `${describe(rolledBack)} was rolled back by its guard at ${highestShare(rolledBack)} %, with no one watching.${asReason(rolledBack.end!.reason)} All traffic went back to v${rolledBack.primary ?? '?'}, and the timeline records who did it (the canary guard), when and why.`,
    };
  }
  const ended = episodes.filter((e) => e.end !== null);
  if (ended.length === 0) return notYet(episodes, 'Start a canary on your endpoint’s Overview tab with a guard it will breach, then send traffic.');
  const last = latest(ended, (e) => e.end!.at)!;
  const hint =
    last.end!.action === 'promote'
      ? ' Every guard held, so it was promoted. Start another canary with a guard the candidate cannot meet: for example the rejected-rows guard at 1 %, with the endpoint’s policy on reject and 10 % dirty data.'
      : last.end!.action === 'rollback'
        ? ' This exercise wants the guard to do it: leave the canary alone and let a breached guard roll it back.'
        : ' Start another canary and let a breached guard end it.';
  return { passed: false, feedback: `${describe(last)} ${endText(last)}${hint}` };
}
