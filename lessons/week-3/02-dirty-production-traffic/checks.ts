// The workbench check of "Production traffic arrives dirty": a pure function of a WorkbenchSnapshot.
import type { CheckResult, IssueKind, SnapshotReplay, SnapshotTrafficWindow, WorkbenchSnapshot } from '@/lib/course/types';
import { answeredTotals, count, latest, liveReplay, named, percent, plural } from '../serving';

/** The smallest dirty-data rate that counts as dirty traffic. */
export const MIN_DIRTY_RATE = 0.05;

/** Issue kinds that describe a request rather than a row: they explain no row. */
const REQUEST_KINDS: ReadonlySet<IssueKind> = new Set(['empty-batch']);

/** What a replay's windows add up to. */
export interface DirtyOutcome {
  replay: SnapshotReplay;
  requests: number;
  rows: number;
  errors: number;
  rejected: number;
  flagged: number;
  /** Row issues counted by kind (one per row an issue flags), most frequent first. */
  issues: Array<[IssueKind, number]>;
  /** Row issues in all: each rejected or flagged row carries at least one. */
  rowIssues: number;
}

/** Sums the answering traffic of one replay's windows (`source` is the replay's id). */
export function dirtyOutcome(replay: SnapshotReplay, windows: readonly SnapshotTrafficWindow[]): DirtyOutcome {
  const own = windows.filter((w) => w.endpoint === replay.endpoint && w.source === replay.id);
  const totals = answeredTotals(own);
  const byKind = new Map<IssueKind, number>();
  for (const w of own) for (const [kind, n] of Object.entries(w.issues) as Array<[IssueKind, number]>) byKind.set(kind, (byKind.get(kind) ?? 0) + n);
  const issues = [...byKind.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const rowIssues = issues.filter(([kind]) => !REQUEST_KINDS.has(kind)).reduce((t, [, n]) => t + n, 0);
  return { replay, requests: own.reduce((t, w) => t + w.requests, 0), rows: own.reduce((t, w) => t + w.rows, 0), errors: totals.errors, rejected: totals.rejected, flagged: totals.flagged, issues, rowIssues };
}

/** `missing 41, malformed-number 37 and 5 more kinds`. */
function issueList(issues: ReadonlyArray<[IssueKind, number]>): string {
  const shown = issues.slice(0, 4).map(([kind, n]) => `${kind} ${count(n)}`);
  const more = issues.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${plural(more, 'more kind')}` : shown.join(', ');
}

const caught = (o: DirtyOutcome) => o.rejected + o.flagged;
const passes = (o: DirtyOutcome) => o.errors === 0 && caught(o) > 0 && o.rowIssues >= caught(o);

function passFeedback(o: DirtyOutcome): string {
  const { replay } = o;
  return `The ${replay.scenario} replay on ${named(replay.endpoint)} finished with ${percent(replay.dirtyRate)} dirty data: ${plural(o.requests, 'request')}, ${plural(o.rows, 'row')}, 0 errors. ${count(o.rejected)} rows were rejected and ${count(o.flagged)} flagged, and every one of them carries its reason, counted by kind: ${issueList(o.issues)}. Nothing crashed and no row was lost without a word.`;
}

/** What the endpoint's policy did to produce errors, for feedback. */
function errorCause(policy: string | undefined): string {
  if (policy === 'pass') return 'Under the pass policy, values reach the model as they were sent; a row is an error when the model then gives no finite answer (a diverged model answers NaN).';
  return 'A row is an error when the endpoint accepted it and the model gave no finite answer: a diverged model answers NaN. Requests refused whole are counted apart, since their callers were told why.';
}

/**
 * Dirty traffic without errors: passes once a replay with a dirty-data rate of at least 5 %
 * (`MIN_DIRTY_RATE`) has FINISHED and its windows (those whose `source` is the replay) add up to
 * 0 errors over every answering version (no accepted row failed in the model; requests refused
 * whole with a 400 are counted apart, as `refused`),
 * at least one rejected or flagged row (the endpoint caught the dirt), and at least as many row
 * issues counted by kind as rejected plus flagged rows (every caught row explained; `empty-batch`
 * is a request issue and explains no row). Not gradable until some replay has ended.
 * Pure: reads `replays`, `trafficWindows` and `endpoints`.
 */
export function checkDirtyWithoutErrors(snapshot: WorkbenchSnapshot): CheckResult {
  const ended = snapshot.replays.filter((r) => r.status !== 'RUNNING' && r.status !== 'PAUSED');
  const dirty = ended.filter((r) => r.dirtyRate >= MIN_DIRTY_RATE);
  const outcomes = dirty.filter((r) => r.status === 'FINISHED').map((r) => dirtyOutcome(r, snapshot.trafficWindows));
  const passed = latest(outcomes.filter(passes), (o) => o.replay.startedAt);
  if (passed) return { passed: true, feedback: passFeedback(passed) };

  if (ended.length === 0) {
    const running = liveReplay(snapshot);
    return {
      passed: false,
      feedback: running
        ? `The ${running.scenario} replay on ${named(running.endpoint)} is still running (${count(running.requestsDone)} of ${plural(running.requestsTotal, 'request')}). Check again when it has finished.`
        : 'No production traffic has run yet. Open your endpoint’s Production traffic tab, set Dirty data to 5 % or more, and start traffic.',
      notGradable: true,
    };
  }
  if (dirty.length === 0) {
    const top = Math.max(...ended.map((r) => r.dirtyRate));
    return {
      passed: false,
      feedback: `Your replays ran with ${top === 0 ? 'clean data (0 % dirty)' : `at most ${percent(top)} dirty data`}. Production is messier: set Dirty data to at least ${percent(MIN_DIRTY_RATE)} on the Production traffic tab and start traffic again.`,
    };
  }
  const last = latest(outcomes, (o) => o.replay.startedAt);
  if (!last) {
    const stopped = latest(dirty, (r) => r.startedAt)!;
    return {
      passed: false,
      feedback: `The dirty replay on ${named(stopped.endpoint)} did not finish: it is ${stopped.status} after ${plural(stopped.requestsDone, 'request')}.${stopped.message ? ` ${stopped.message}` : ''} Resume it or start a new one, and let it run to the end.`,
    };
  }
  const policy = snapshot.endpoints.find((e) => e.name === last.replay.endpoint)?.policy;
  if (last.errors > 0) {
    return {
      passed: false,
      feedback: `The dirty replay on ${named(last.replay.endpoint)} finished with ${plural(last.errors, 'error')}: accepted rows that got no answer. ${errorCause(policy)} Serve a version whose training finished with finite losses (or set the policy to reject or impute, which keep unreadable values from the model), then replay the dirty traffic again.`,
    };
  }
  if (caught(last) === 0) {
    return {
      passed: false,
      feedback: `The dirty replay on ${named(last.replay.endpoint)} finished with no row rejected or flagged, so the endpoint saw nothing wrong in ${percent(last.replay.dirtyRate)} dirty data. Replay it again with more requests, and watch the Validation issues column of the traffic table.`,
    };
  }
  return {
    passed: false,
    feedback: `The dirty replay on ${named(last.replay.endpoint)} rejected or flagged ${plural(caught(last), 'row')} but counted only ${plural(last.rowIssues, 'issue')} by kind, so some rows were caught without a reason. Replay again; if it happens twice, the traffic table of that replay will show which days lost their reasons.`,
  };
}
