// The workbench check of "Comparing runs": a pure function of a WorkbenchSnapshot.
import { SOLUTION_AFTER_ATTEMPTS } from '@/lib/course/grading';
import type { CheckResult, SnapshotRun, WorkbenchSnapshot } from '@/lib/course/types';
import { FLIGHTS, formatMetric, hasTag, latestRun, listRuns, quoted, triesOf } from '../runs';

export const LESSON_ID = 'comparing-runs';
export const EXERCISE_ID = 'best-not-last';
/** The tag that marks the learner's pick. Not `best`: lesson 2 already hands that out within its trio. */
export const WINNER_TAG = 'winner';
/** How to train a run that overfits (feedback is plain text, so it points at the lesson's link). */
const OVERFIT_HOW = 'open the lesson’s 40-epoch link, clear Early stopping patience and start training';

/** A finished flights run trained on its own, with a best and a last val_loss. */
interface Candidate {
  run: SnapshotRun;
  target: string;
  best: number;
  last: number;
}

interface Group {
  target: string;
  members: Candidate[];
  winners: Candidate[];
  tagged: Candidate[];
  /** Runs whose last val_loss is worse than their best: they trained past their best epoch. */
  overfit: Candidate[];
  /** The run a "last value" table would rank first. */
  lowestLast: Candidate;
}

/** Ids of sweep parents: their metrics summarise trials, they are not a training of their own. */
function sweepParents(snapshot: WorkbenchSnapshot): Set<string> {
  const ids = new Set(snapshot.runs.flatMap((r) => (r.parentRunId ? [r.parentRunId] : [])));
  for (const r of snapshot.runs) if (r.tags.sweep === 'parent') ids.add(r.id);
  return ids;
}

/** Why a run cannot take part, or null when it can. */
function exclusion(run: SnapshotRun, parents: ReadonlySet<string>): string | null {
  if (run.parentRunId !== null || parents.has(run.id)) return 'it belongs to a sweep, and this exercise compares runs you trained from the Train page';
  if (run.datasetId !== FLIGHTS) return `it was trained on ${run.datasetId}, not on the flights`;
  if (run.status !== 'FINISHED') return `it is ${run.status}, and only finished runs count`;
  if (typeof run.params.target !== 'string' || !Number.isFinite(run.bestMetrics.val_loss) || !Number.isFinite(run.lastMetrics.val_loss)) return 'it has no validation loss';
  return null;
}

function groupsOf(candidates: readonly Candidate[]): Group[] {
  const byTarget = new Map<string, Candidate[]>();
  for (const c of candidates) byTarget.set(c.target, [...(byTarget.get(c.target) ?? []), c]);
  return [...byTarget].map(([target, members]) => {
    const lowest = Math.min(...members.map((m) => m.best));
    const lowestLast = members.reduce((a, b) => (b.last < a.last ? b : a));
    return {
      target,
      members,
      winners: members.filter((m) => m.best === lowest),
      tagged: members.filter((m) => hasTag(m.run, WINNER_TAG)),
      overfit: members.filter((m) => m.last > m.best),
      lowestLast,
    };
  });
}

const latestStart = (g: Group) => Math.max(...g.members.map((m) => m.run.startedAt));

function passes(g: Group): boolean {
  return g.members.length >= 2 && g.overfit.length > 0 && g.tagged.length > 0 && g.tagged.every((t) => g.winners.includes(t));
}

function passFeedback(g: Group): string {
  const winner = g.tagged[0]!;
  const gap = g.overfit.reduce((a, b) => (b.last - b.best > a.last - a.best ? b : a));
  const trap =
    g.lowestLast !== winner && !g.winners.includes(g.lowestLast)
      ? ` Sorted by the last value you would have picked ${quoted(g.lowestLast.run)} (last val_loss ${formatMetric(g.lowestLast.last)}): the trap this lesson is about.`
      : ` Here the last values happen to agree, but ${quoted(gap.run)} shows the gap: best ${formatMetric(gap.best)}, last ${formatMetric(gap.last)}.`;
  return `${quoted(winner.run)} has the lowest best val_loss, ${formatMetric(winner.best)}, of your ${g.members.length} finished flights runs predicting ${g.target}, and carries the winner tag.${trap} Remember that the saved model of a run without early stopping is its last epoch, not its best one.`;
}

/** Feedback for a group where the learner tagged at least one run. */
function taggedFeedback(g: Group, reveal: boolean): string {
  const wrong = g.tagged.filter((t) => !g.winners.includes(t));
  const right = g.tagged.find((t) => g.winners.includes(t));
  const winner = g.winners[0]!;
  const count = `your ${g.members.length} finished flights runs predicting ${g.target}`;
  if (g.members.length < 2) {
    return `${quoted(g.tagged[0]!.run)} is your only finished flights run predicting ${g.target}: a winner needs a comparison. Train a second run on the same target, with early stopping off so it overfits: ${OVERFIT_HOW}.`;
  }
  if (right && wrong.length > 0) {
    return `${quoted(right.run)} is the right pick, but ${listRuns(wrong.map((w) => w.run))} ${wrong.length === 1 ? 'carries' : 'carry'} the winner tag too. Only one run should: remove it from the others with Edit tags.`;
  }
  if (right) {
    return `${quoted(right.run)} is the right pick among ${count}, but none of them trained past its best epoch: each last val_loss equals its best, so nothing here tells best from last. To make one, ${OVERFIT_HOW}, then check the winner again: the new run may beat it at its best epoch.`;
  }
  const first = wrong[0]!;
  const who = reveal ? ` ${quoted(winner.run)} reaches ${formatMetric(winner.best)}.` : ' Sort the Runs table by the val_loss best column to find the run that does better.';
  if (first === g.lowestLast) {
    return `${quoted(first.run)} has the lowest last val_loss (${formatMetric(first.last)}), but the winner is judged by the best value of any epoch, and its best, ${formatMetric(first.best)}, is not the lowest of ${count}.${who} Move the tag with Edit tags.`;
  }
  return `${quoted(first.run)} carries the winner tag, but its best val_loss, ${formatMetric(first.best)}, is not the lowest of ${count}.${who} Move the tag with Edit tags.`;
}

/**
 * Best, not last: passes once, among the learner's FINISHED flights runs trained on their own
 * (no sweep trials or sweep parents) that predict the same target, at least two have a best and
 * a last `val_loss`, at least one of them ended worse than its best (last > best), and the runs
 * tagged `winner` are exactly runs with the lowest best `val_loss` of that target. Feedback
 * names the real winner only after `SOLUTION_AFTER_ATTEMPTS` earlier tries or once the solution
 * was shown. Pure: reads `snapshot.runs` and this exercise's progress row.
 */
export function checkBestNotLast(snapshot: WorkbenchSnapshot): CheckResult {
  const parents = sweepParents(snapshot);
  const candidates = snapshot.runs.flatMap((run): Candidate[] =>
    exclusion(run, parents) === null ? [{ run, target: String(run.params.target), best: run.bestMetrics.val_loss!, last: run.lastMetrics.val_loss! }] : [],
  );
  const groups = groupsOf(candidates);
  const pass = groups.find(passes);
  if (pass) return { passed: true, feedback: passFeedback(pass) };

  const tries = triesOf(snapshot, LESSON_ID, EXERCISE_ID);
  const reveal = tries.solutionRevealed || tries.attempts >= SOLUTION_AFTER_ATTEMPTS;
  const taggedGroup = [...groups].filter((g) => g.tagged.length > 0).sort((a, b) => latestStart(b) - latestStart(a))[0];
  if (taggedGroup) return { passed: false, feedback: taggedFeedback(taggedGroup, reveal) };

  const strayTagged = latestRun(snapshot.runs.filter((r) => hasTag(r, WINNER_TAG)));
  const stray = strayTagged ? ` ${quoted(strayTagged)} carries the winner tag, but ${exclusion(strayTagged, parents) ?? 'it cannot count'}.` : '';
  const running = snapshot.runs.some((r) => r.status === 'RUNNING' && r.datasetId === FLIGHTS) ? ' A flights run is still training; it counts once finished.' : '';

  if (candidates.length === 0) {
    // A winner tag on a run that cannot count is a wrong answer; no run and no tag is nothing to grade.
    return {
      passed: false,
      feedback: `You have no finished flights runs with a validation loss yet. Train two runs on the same target, one of them with early stopping off: ${OVERFIT_HOW}.${stray}${running}`,
      ...(strayTagged ? {} : { notGradable: true as const }),
    };
  }
  const largest = [...groups].sort((a, b) => b.members.length - a.members.length || latestStart(b) - latestStart(a))[0]!;
  if (largest.members.length < 2) {
    return { passed: false, feedback: `Each target has a single finished flights run so far (${listRuns(candidates.map((c) => c.run))}). Train a second run on the same target, with early stopping off so it overfits: ${OVERFIT_HOW}.${stray}${running}` };
  }
  if (largest.overfit.length === 0) {
    return {
      passed: false,
      feedback: `Your ${largest.members.length} finished flights runs predicting ${largest.target} all end on their best epoch: last and best val_loss are equal, so there is no trap to avoid yet. To make one that trains past its best, ${OVERFIT_HOW}.${stray}${running}`,
    };
  }
  const winner = largest.winners[0]!;
  const who = reveal
    ? ` It is ${quoted(winner.run)}, with a best val_loss of ${formatMetric(winner.best)}.`
    : ' Sort the Runs table by the val_loss best column (not val_loss last) to find it.';
  return {
    passed: false,
    feedback: `You have ${largest.members.length} finished flights runs predicting ${largest.target}, and ${listRuns(largest.overfit.map((o) => o.run))} trained past ${largest.overfit.length === 1 ? 'its' : 'their'} best epoch. Now tag the run with the lowest best val_loss winner.${who}${stray}${running}`,
  };
}
