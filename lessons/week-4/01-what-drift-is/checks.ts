// The workbench check of "What drift is and how to measure it": a pure function of a WorkbenchSnapshot.
import type { CheckResult, SnapshotAlertRule, SnapshotReplay, WorkbenchSnapshot } from '@/lib/course/types';
import { count, driftStartWindow, isCovariateShift, isFinished, isLive, latest, named, plural, ruleName, rulesOf, scenarioTitle } from '../monitoring';

/** The alert metric that watches one column ("One column drifted (1 or 0)" in the rule form). */
export const FEATURE_DRIFT = 'feature-drift';

const DRIFT_NAME: Record<string, string> = { covariate: 'a covariate shift', prior: 'a prior shift', concept: 'concept drift' };

/** A hidden covariate shift whose moved input is known. */
const judgeable = (r: SnapshotReplay) => r.hidden === true && isCovariateShift(r) && isFinished(r) && typeof r.truth?.feature === 'string';

const columnRules = (snapshot: WorkbenchSnapshot, endpoint: string): SnapshotAlertRule[] => rulesOf(snapshot, endpoint).filter((r) => r.metric === FEATURE_DRIFT && r.column !== null);

const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

function passFeedback(replay: SnapshotReplay, rule: SnapshotAlertRule): string {
  const truth = replay.truth!;
  const start = driftStartWindow(replay);
  return `Found it. Your rule ${ruleName(rule)} on ${named(replay.endpoint)} watches “${truth.feature}”, and that is the input the hidden ${scenarioTitle(replay.scenario)} replay moved: by ${truth.magnitude} standard deviation${truth.magnitude === 1 ? '' : 's'}, from day ${truth.startDay}${start === null ? '' : ` (window ${start})`} on. From now on, a window where “${truth.feature}” drifts raises an alert.`;
}

/** Feedback when no hidden covariate shift has finished yet: what the learner ran instead. */
function noHiddenShift(snapshot: WorkbenchSnapshot): CheckResult {
  const hiddenShifts = snapshot.replays.filter((r) => r.hidden === true && isCovariateShift(r));
  const running = latest(hiddenShifts.filter(isLive), (r) => r.startedAt);
  if (running)
    return {
      passed: false,
      notGradable: true,
      feedback: `The hidden ${scenarioTitle(running.scenario)} replay on ${named(running.endpoint)} is still running (${count(running.requestsDone)} of ${plural(running.requestsTotal, 'request')}). Let it finish, then read the heat map on the Monitoring tab.`,
    };
  const stopped = latest(hiddenShifts.filter((r) => !isFinished(r)), (r) => r.startedAt);
  const oldFinished = hiddenShifts.find((r) => isFinished(r));
  if (oldFinished && !stopped)
    return {
      passed: false,
      notGradable: true,
      feedback: `The hidden ${scenarioTitle(oldFinished.scenario)} replay on ${named(oldFinished.endpoint)} was stored before the workbench kept what a scenario changes, so this check cannot tell which input moved. Start a new covariate shift with “Hide what changes” ticked.`,
    };
  if (stopped)
    return {
      passed: false,
      feedback: `The hidden ${scenarioTitle(stopped.scenario)} replay on ${named(stopped.endpoint)} did not finish: it is ${stopped.status} after ${plural(stopped.requestsDone, 'request')}.${stopped.message ? ` ${stopped.message}` : ''} Resume it or start a new one, and let it run to the end, so the heat map has the days after the shift.`,
    };
  const otherHidden = latest(snapshot.replays.filter((r) => r.hidden === true && !isCovariateShift(r)), (r) => r.startedAt);
  if (otherHidden)
    return {
      passed: false,
      feedback: `Your hidden replay on ${named(otherHidden.endpoint)} was ${DRIFT_NAME[otherHidden.truth?.drift ?? ''] ?? `the ${scenarioTitle(otherHidden.scenario)} scenario`}, which does not move one input for you to find. Choose “Covariate shift, sudden” on the Production traffic tab, tick “Hide what changes” and start traffic.`,
    };
  const shown = latest(snapshot.replays.filter(isCovariateShift), (r) => r.startedAt);
  return {
    passed: false,
    notGradable: true,
    feedback: shown
      ? `Your ${scenarioTitle(shown.scenario)} replay on ${named(shown.endpoint)} showed which input it moves, so there is nothing left to find. Start another covariate shift with “Hide what changes” ticked, and find the input on the heat map yourself.`
      : snapshot.replays.length === 0
        ? 'No production traffic has run yet. On your endpoint’s Production traffic tab choose “Covariate shift, sudden”, tick “Hide what changes” and start traffic.'
        : 'None of your replays hid what it changes. On the Production traffic tab choose “Covariate shift, sudden”, tick “Hide what changes” and start traffic.',
  };
}

/**
 * Find the drifted feature: passes when some FINISHED replay with `hidden: true` and a covariate
 * shift (`truth.drift === 'covariate'`, or a `covariate-*` scenario) names the input it moved
 * (`truth.feature`), and its endpoint has an enabled alert rule with metric `feature-drift` whose
 * `column` is that input: the learner read the heat map and set a rule on the column that moved.
 * Feedback never names the moved input before the pass; it may name the watched columns that are
 * not it. Not gradable until a hidden covariate shift has finished (or while one runs).
 * Pure: reads `replays` and `alertRules`.
 */
export function checkFindTheDriftedFeature(snapshot: WorkbenchSnapshot): CheckResult {
  const candidates = snapshot.replays.filter(judgeable);
  for (const replay of [...candidates].reverse()) {
    const rule = columnRules(snapshot, replay.endpoint).find((r) => r.enabled && r.column === replay.truth!.feature);
    if (rule) return { passed: true, feedback: passFeedback(replay, rule) };
  }
  const replay = latest(candidates, (r) => r.startedAt);
  if (!replay) return noHiddenShift(snapshot);

  const feature = replay.truth!.feature!;
  const rules = columnRules(snapshot, replay.endpoint);
  const off = rules.find((r) => r.column === feature);
  if (off)
    return {
      passed: false,
      feedback: `Your rule ${ruleName(off)} on ${named(replay.endpoint)} watches the right column, but it is turned off, so it would never fire. Turn it on under Alert rules on the Monitoring tab.`,
    };
  if (rules.length === 0)
    return {
      passed: false,
      feedback: `No rule on ${named(replay.endpoint)} watches a single column yet. Open its Monitoring tab, find the row of the heat map that changes from the drift day on, then under “Add a rule” pick “One column drifted (1 or 0)” and that column.`,
    };
  const watched = [...new Set(rules.map((r) => r.column!))];
  return {
    passed: false,
    feedback: `Your ${watched.length === 1 ? 'rule watches' : 'rules watch'} ${quoted(watched)} on ${named(replay.endpoint)}, and ${watched.length === 1 ? 'that is not' : 'none of them is'} the input the hidden shift moved. Look again at the heat map: the moved input is a number; from the drift day on it has the highest score of all in every window, and before that day it did not drift. Inputs that move along with it score lower, and airports that read as drifted from day one are sampling noise.`,
  };
}
