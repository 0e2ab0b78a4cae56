// The workbench check of "Alerts that fire when they should": a pure function of a WorkbenchSnapshot.
import type { CheckResult, SnapshotAlert, SnapshotAlertRule, SnapshotReplay, WorkbenchSnapshot } from '@/lib/course/types';
import {
  alertsOfRule,
  count,
  driftStartWindow,
  firingSpan,
  inRange,
  isControl,
  isCovariateShift,
  isFinished,
  isLive,
  latest,
  monitorWindowsOf,
  named,
  plural,
  replayRange,
  ruleName,
  rulesOf,
  scenarioTitle,
  windowSpan,
  wouldFireIn,
} from '../monitoring';

/** Windows after the drift starts within which a rule must be firing: the start window and the next two. */
export const CATCH_WITHIN = 3;

/** A rule's alert that turned firing within {@link CATCH_WITHIN} windows of a covariate shift's start. */
export interface Catch {
  rule: SnapshotAlertRule;
  replay: SnapshotReplay;
  /** The window the drift started in. */
  drift: number;
  alert: SnapshotAlert;
}

/** A rule firing on a control replay: a stored alert firing in its windows, or what the rule would do there now. */
export interface FalseAlarm {
  control: SnapshotReplay;
  window: number;
  /** `stored`: an alert of the rule was firing in that window; `would`: judged now, the rule's condition holds K windows in a row by then. */
  kind: 'stored' | 'would';
}

/** Finished covariate shifts on `endpoint` whose drift start is known, oldest first. */
const shiftsOn = (snapshot: WorkbenchSnapshot, endpoint: string) =>
  snapshot.replays.filter((r) => r.endpoint === endpoint && isFinished(r) && isCovariateShift(r) && driftStartWindow(r) !== null && replayRange(r) !== null);

/** Finished controls on `endpoint` whose windows are known, oldest first. */
const controlsOn = (snapshot: WorkbenchSnapshot, endpoint: string) => snapshot.replays.filter((r) => r.endpoint === endpoint && isFinished(r) && isControl(r) && replayRange(r) !== null);

/** The rule's alerts that turned firing within {@link CATCH_WITHIN} windows of a shift's start (and within its replay), the earliest first. */
export function catchesOf(snapshot: WorkbenchSnapshot, rule: SnapshotAlertRule): Catch[] {
  const alerts = alertsOfRule(snapshot, rule);
  return shiftsOn(snapshot, rule.endpoint)
    .flatMap((replay) => {
      const drift = driftStartWindow(replay)!;
      // Within the replay too: a window after its last day belongs to the next replay.
      const last = Math.min(drift + CATCH_WITHIN - 1, replayRange(replay)!.to);
      return alerts.filter((a) => a.firingWindow !== null && a.firingWindow >= drift && a.firingWindow <= last).map((alert) => ({ rule, replay, drift, alert }));
    })
    .sort((a, b) => a.alert.firingWindow! - b.alert.firingWindow!);
}

/**
 * Whether the rule fired on a control: first an alert of it firing in one of the control's windows
 * (one that turned firing there, or was still firing from before); else, judged now over the
 * control's windows, whether its condition would hold K windows in a row (a rule added after the
 * control ran never judged it, and must not pass for that). Null when it stays quiet.
 */
export function falseAlarmOn(snapshot: WorkbenchSnapshot, rule: SnapshotAlertRule, control: SnapshotReplay): FalseAlarm | null {
  const range = replayRange(control)!;
  const stored = alertsOfRule(snapshot, rule)
    .map(firingSpan)
    .filter((s) => s !== null && s.from <= range.to && s.to >= range.from)
    .map((s) => Math.max(s!.from, range.from))
    .sort((a, b) => a - b)[0];
  if (stored !== undefined) return { control, window: stored, kind: 'stored' };
  const would = wouldFireIn(rule, monitorWindowsOf(snapshot, rule.endpoint), range);
  return would === null ? null : { control, window: would, kind: 'would' };
}

/** What one enabled rule did on one endpoint: its catches, and per control its false alarm (or none). */
interface RuleOutcome {
  rule: SnapshotAlertRule;
  catches: Catch[];
  alarms: Array<{ control: SnapshotReplay; alarm: FalseAlarm | null }>;
}

const quietOn = (o: RuleOutcome) => o.alarms.find((a) => a.alarm === null)?.control;

function outcomes(snapshot: WorkbenchSnapshot, endpoint: string): RuleOutcome[] {
  const controls = controlsOn(snapshot, endpoint);
  return rulesOf(snapshot, endpoint)
    .filter((r) => r.enabled)
    .map((rule) => ({ rule, catches: catchesOf(snapshot, rule), alarms: controls.map((control) => ({ control, alarm: falseAlarmOn(snapshot, rule, control) })) }));
}

function passFeedback(o: RuleOutcome, control: SnapshotReplay): string {
  const c = o.catches[0]!;
  const late = c.alert.firingWindow! - c.drift;
  return `Rule ${ruleName(o.rule)} on ${named(o.rule.endpoint)} fired in window ${c.alert.firingWindow}, ${late === 0 ? 'in the very window' : `${plural(late, 'window')} after`} the ${scenarioTitle(c.replay.scenario)} replay’s drift began (window ${c.drift}), and it stayed quiet through the control’s ${windowSpan(replayRange(control)!)}. That is a rule worth being woken by: it fires on a real shift and not on noise.`;
}

/** Feedback when the endpoint lacks a finished replay of one kind; `missing` says which. */
function missingReplay(snapshot: WorkbenchSnapshot, endpoint: string, missing: 'control' | 'shift'): CheckResult {
  const running = latest(
    snapshot.replays.filter((r) => r.endpoint === endpoint && isLive(r) && (missing === 'control' ? isControl(r) : isCovariateShift(r))),
    (r) => r.startedAt,
  );
  if (running)
    return {
      passed: false,
      notGradable: true,
      feedback: `The ${scenarioTitle(running.scenario)} replay on ${named(endpoint)} is still running (${count(running.requestsDone)} of ${plural(running.requestsTotal, 'request')}). Check again when it has finished.`,
    };
  const stale = missing === 'shift' && snapshot.replays.some((r) => r.endpoint === endpoint && isFinished(r) && isCovariateShift(r));
  return {
    passed: false,
    notGradable: true,
    feedback:
      missing === 'control'
        ? `No “No drift (control)” replay has finished on ${named(endpoint)} yet. A rule can only prove it stays quiet on traffic that does not drift: with your rules in place, play the control on the Production traffic tab and let it finish.`
        : stale
          ? `The covariate shift on ${named(endpoint)} was stored before the workbench kept the day its drift starts, so this check cannot tell how soon a rule fired. Play a new “Covariate shift, sudden” and let it finish.`
          : `No covariate shift has finished on ${named(endpoint)} yet. With your rules in place, play “Covariate shift, sudden” on the Production traffic tab and let it finish: a rule must show it fires on a real shift.`,
  };
}

/** Feedback when no enabled rule turned firing within three windows of any shift. */
function notCaught(snapshot: WorkbenchSnapshot, endpoint: string, all: RuleOutcome[]): CheckResult {
  const shift = latest(shiftsOn(snapshot, endpoint), (r) => r.startedAt)!;
  const drift = driftStartWindow(shift)!;
  const range = replayRange(shift)!;
  const deadline = drift + CATCH_WITHIN - 1;
  const disabled = rulesOf(snapshot, endpoint).filter((r) => !r.enabled && catchesOf(snapshot, r).length > 0);
  if (disabled.length > 0)
    return {
      passed: false,
      feedback: `Rule ${ruleName(disabled[0]!)} fired in time on the covariate shift, but it is turned off now, and a rule that is off watches nothing. Turn it on (under Alert rules on the Monitoring tab) and play the control again to show it stays quiet.`,
    };
  const fired = all.flatMap((o) => alertsOfRule(snapshot, o.rule).filter((a) => a.firingWindow !== null && inRange(a.firingWindow, range)).map((a) => ({ rule: o.rule, window: a.firingWindow! })));
  const lateOne = fired.filter((f) => f.window > deadline).sort((a, b) => a.window - b.window)[0];
  const early = fired.filter((f) => f.window < drift).sort((a, b) => a.window - b.window)[0];
  const where = `The ${scenarioTitle(shift.scenario)} replay on ${named(endpoint)} played ${windowSpan(range)}, and its drift began in window ${drift}`;
  if (lateOne)
    return {
      passed: false,
      feedback: `${where}. Rule ${ruleName(lateOne.rule)} first fired in window ${lateOne.window}: ${plural(lateOne.window - drift, 'window')} after the drift began, too late; a rule must be firing by window ${deadline}. Lower its “For consecutive windows”, or watch the column that moved rather than the whole dataset, and play the shift again.`,
    };
  if (early)
    return {
      passed: false,
      feedback: `${where}. Rule ${ruleName(early.rule)} fired in window ${early.window}, before anything had changed: a false alarm, and no rule fired within ${plural(CATCH_WITHIN, 'window')} of the real start. Make the rule wait for more windows, or raise its threshold, and play the shift again.`,
    };
  return {
    passed: false,
    feedback: `${where}, but no rule that is on now fired between window ${drift} and window ${deadline}. A rule judges only the windows that close after you add it, so add it first, then play the shift. A rule that watches the column that moved (“One column drifted (1 or 0)”) reacts sooner than one that waits for half of all columns.`,
  };
}

/**
 * Alert on the shift, quiet on the control: passes when, on one endpoint, one enabled alert rule
 * (a built-in one counts) (i) has an alert that turned firing within three windows of the start of
 * a FINISHED covariate shift on that endpoint (`firingWindow` in [drift, drift + 2], drift =
 * `windowOffset + truth.startDay`) and (ii) stayed quiet on a FINISHED `control` replay there: no
 * alert of the rule was firing in any of its windows [windowOffset, windowOffset + days − 1], and
 * judged now over those windows its condition does not hold K windows in a row (so a rule added
 * after the control ran cannot pass without having been tried on it). Both replays must exist.
 * Not gradable while the endpoint lacks one of them. Pure: reads `replays`, `monitorWindows`,
 * `alerts` and `alertRules`.
 */
export function checkAlertOnShiftQuietOnControl(snapshot: WorkbenchSnapshot): CheckResult {
  const endpoints = [...new Set(snapshot.replays.map((r) => r.endpoint))];
  for (const endpoint of endpoints) {
    for (const o of outcomes(snapshot, endpoint)) {
      const control = o.catches.length > 0 ? quietOn(o) : undefined;
      if (control) return { passed: true, feedback: passFeedback(o, control) };
    }
  }

  if (snapshot.replays.length === 0)
    return {
      passed: false,
      notGradable: true,
      feedback: 'No production traffic has run yet. Play a “Covariate shift, sudden” and a “No drift (control)” replay on your endpoint, and let both finish.',
    };
  // The endpoint to talk about: one with both kinds finished, else the latest finished one of either, else the latest replay's.
  const both = endpoints.filter((e) => shiftsOn(snapshot, e).length > 0 && controlsOn(snapshot, e).length > 0);
  const finishedKinds = snapshot.replays.filter((r) => isFinished(r) && (isControl(r) || isCovariateShift(r)));
  const endpoint = both.at(-1) ?? latest(finishedKinds, (r) => r.startedAt)?.endpoint ?? latest(snapshot.replays, (r) => r.startedAt)!.endpoint;
  if (shiftsOn(snapshot, endpoint).length === 0) return missingReplay(snapshot, endpoint, 'shift');
  if (controlsOn(snapshot, endpoint).length === 0) return missingReplay(snapshot, endpoint, 'control');

  const all = outcomes(snapshot, endpoint);
  const catching = all.filter((o) => o.catches.length > 0);
  if (catching.length === 0) return notCaught(snapshot, endpoint, all);

  const o = catching[0]!;
  const c = o.catches[0]!;
  const alarm = o.alarms.map((a) => a.alarm!).sort((a, b) => a.window - b.window)[0]!;
  const controlRange = windowSpan(replayRange(alarm.control)!);
  const caught = `Rule ${ruleName(o.rule)} caught the shift on ${named(endpoint)}: it fired in window ${c.alert.firingWindow}, and the drift began in window ${c.drift}.`;
  const others = catching.length > 1 ? ` So did ${plural(catching.length - 1, 'other rule')}, with the same trouble.` : '';
  return {
    passed: false,
    feedback:
      alarm.kind === 'stored'
        ? `${caught} But it also fired on the no-drift control, in window ${alarm.window} (the control played ${controlRange}): a false alarm.${others} Make it harder to trip, with more consecutive windows or a threshold further from the noise, then play both replays again.`
        : `${caught} It was not judging when the control ran, but on the control’s ${controlRange} its condition holds ${plural(o.rule.forWindows, 'window')} in a row by window ${alarm.window}: played now, the control would fire it.${others} Make it harder to trip, then play the control again with the rule on.`,
  };
}
