// The workbench checks of "Tuning and cross-validation": pure functions of a WorkbenchSnapshot.
import { SOLUTION_AFTER_ATTEMPTS } from '@/lib/course/grading';
import { sweepImportanceOf, type ImportanceScores } from '@/lib/course/sweep-importance';
import type { CheckResult, SnapshotSweep, WorkbenchSnapshot } from '@/lib/course/types';
import { formatMetric, joinWords, latestRun, quoted, tagValue, triesOf } from '../runs';

export const LESSON_ID = 'tuning-and-cross-validation';
export const IMPORTANT_EXERCISE_ID = 'most-important-param';
/** Trials a sweep needs for the first check. */
export const MIN_TRIALS = 8;
/** The parent-run tag that holds the learner's answer, as `important=<param>`. */
export const IMPORTANT_TAG = 'important';

/** Trials that ran to their end: finished, or stopped early by the sweep's rule (a result too). */
function completed(sweep: SnapshotSweep): number {
  return sweep.trials.filter((t) => t.status === 'FINISHED' || t.status === 'STOPPED_EARLY').length;
}

const named = (sweep: SnapshotSweep) => quoted({ id: sweep.parentRunId, name: sweep.name });
const latestFirst = (sweeps: readonly SnapshotSweep[]) => [...sweeps].sort((a, b) => b.startedAt - a.startedAt);

function describeSweep(sweep: SnapshotSweep): string {
  const stopping = { none: 'no early stopping', median: 'the median stopping rule', 'successive-halving': 'successive halving' }[sweep.earlyStopping];
  const folds = sweep.folds ? `, ${sweep.folds}-fold cross-validation` : '';
  return `a ${sweep.search} search over ${joinWords(sweep.searched) || 'its space'} with ${stopping}${folds}`;
}

function bestTrialText(sweep: SnapshotSweep): string {
  const scored = sweep.trials.filter((t) => t.value !== null);
  if (scored.length === 0 || !sweep.objective.metric) return '';
  const sign = sweep.objective.direction === 'maximize' ? -1 : 1;
  const best = scored.reduce((a, b) => (sign * b.value! < sign * a.value! ? b : a));
  const std = best.std !== null ? ` ± ${formatMetric(best.std)}` : '';
  return ` Its best trial reached ${sweep.objective.metric} ${formatMetric(best.value!)}${std}.`;
}

/**
 * Sweep of eight: passes once any sweep has at least `MIN_TRIALS` trials that FINISHED or were
 * STOPPED_EARLY by the sweep's rule (failed and cancelled trials do not count), whatever the
 * sweep's own status. Pure: reads only `snapshot.sweeps`.
 */
export function checkSweepOfEight(snapshot: WorkbenchSnapshot): CheckResult {
  const sweeps = latestFirst(snapshot.sweeps);
  const done = sweeps.find((s) => completed(s) >= MIN_TRIALS);
  if (done) {
    const stopped = done.trials.filter((t) => t.status === 'STOPPED_EARLY').length;
    const early = stopped > 0 ? ` ${stopped} of them ${stopped === 1 ? 'was' : 'were'} stopped early, which saved their remaining epochs for better candidates.` : '';
    return {
      passed: true,
      feedback: `${named(done)} ran ${completed(done)} trials: ${describeSweep(done)}.${early}${bestTrialText(done)} Each trial is a child run you can open, filter and compare.`,
    };
  }
  if (sweeps.length === 0) {
    const trialsWithoutSweep = snapshot.runs.some((r) => r.parentRunId !== null);
    return {
      passed: false,
      notGradable: true,
      feedback: trialsWithoutSweep
        ? 'Some runs belong to a sweep, but no sweep summary was found for them (was the parent run deleted?). Start a new sweep with at least 8 trials on the Sweep page.'
        : 'You have not run a sweep yet. Open the Sweep page from the lesson’s link, tick at least two params to search, set Trials (budget) to 8 or more and start it.',
    };
  }
  const latest = sweeps[0]!;
  const count = completed(latest);
  const failed = latest.trials.filter((t) => t.status === 'FAILED').length;
  const failures = failed > 0 ? ` ${failed} of its trials FAILED, which usually means a learning rate in the space is too high: narrow the range and run it again.` : '';
  if (latest.status === 'RUNNING') {
    return { passed: false, feedback: `${named(latest)} is still running: ${count} trial${count === 1 ? '' : 's'} done so far. Wait until it has ${MIN_TRIALS}, then check again.${failures}`, notGradable: true };
  }
  if (latest.status === 'KILLED') {
    return { passed: false, feedback: `${named(latest)} was cancelled after ${count} completed trial${count === 1 ? '' : 's'}; ${MIN_TRIALS} are needed. Start a new sweep and let it run to the end of its budget.${failures}` };
  }
  const gridTooSmall = latest.search === 'grid' && latest.trials.length < MIN_TRIALS && latest.maxTrials >= MIN_TRIALS;
  const budget =
    latest.maxTrials > 0 && latest.maxTrials < MIN_TRIALS
      ? ` Its budget allowed only ${latest.maxTrials} trials: raise Trials (budget) to ${MIN_TRIALS} or more${latest.search === 'grid' ? ', and give the grid enough values (2 learning rates × 4 batch sizes make 8)' : ''}.`
      : gridTooSmall
        ? ` A grid runs each combination once, and its lists make only ${latest.trials.length}: add values until they make ${MIN_TRIALS} or more, or choose Random search.`
        : '';
  return { passed: false, feedback: `${named(latest)} finished with ${count} completed trial${count === 1 ? '' : 's'}; this exercise needs ${MIN_TRIALS}.${budget}${failures}` };
}

/**
 * Params tied for the highest variance explained (usually one). Scores come from the trials
 * (`sweepImportanceOf`), as the results page shows them; float noise under 1e-9 counts as a tie.
 */
function topParams(importance: ImportanceScores | null): string[] {
  const scores = importance?.scores ?? [];
  if (scores.length === 0) return [];
  const top = Math.max(...scores.map((s) => s.score));
  return scores.filter((s) => s.score >= top - 1e-9).map((s) => s.param);
}

const percent = (x: number) => `${Math.round(100 * x)}%`;
const pText = (p: number) => (p < 0.01 ? p.toFixed(3) : p.toFixed(2));

/**
 * What the top param's score means next to its shuffled baseline: a finding when it stands out
 * (p ≤ 0.05), otherwise a ranking that noise alone could have produced with this many trials.
 */
function verdict(importance: ImportanceScores, param: string): string {
  const s = importance.scores.find((x) => x.param === param)!;
  const shuffled = `shuffled objectives explain ${percent(s.shuffledMean)} on average and ${percent(s.shuffledP95)} at their 95th percentile (p = ${pText(s.pValue)})`;
  if (s.standsOut) {
    return ` It stands out from noise: ${shuffled}. That is where the next sweep should search more finely, and the params that do not stand out can be fixed at a sensible value.`;
  }
  return ` But it does not stand out from noise: with ${importance.trials} trials, ${shuffled}. In a sweep this small, importance is mostly noise unless it beats the shuffled baseline, so read this ranking as a hint and run more trials before you fix the other params.`;
}

/** Compares answers the way a person writes them: `learning rate`, `Learning_Rate` and `learningRate` agree. */
const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Most important param: passes once a sweep with a parameter importance carries the tag
 * `important=<param>` on its parent run, naming the param with the highest variance explained
 * (raw η², recomputed from the trials as the results page shows it; any of them on a tie; case,
 * spaces and punctuation ignored). Passing feedback says whether that param stands out from its
 * shuffled baseline, since in a small sweep the top param is often there by chance. Feedback
 * names the top param only after `SOLUTION_AFTER_ATTEMPTS` earlier tries or once the solution
 * was shown. Pure (the shuffles are seeded): reads `snapshot.sweeps` and this exercise's
 * progress row.
 */
export function checkMostImportantParam(snapshot: WorkbenchSnapshot): CheckResult {
  const sweeps = latestFirst(snapshot.sweeps);
  const importanceBySweep = new Map(sweeps.map((s) => [s, sweepImportanceOf(s)]));
  const importanceOf = (s: SnapshotSweep) => importanceBySweep.get(s) ?? null;
  const ranked = sweeps.filter((s) => topParams(importanceOf(s)).length > 0);
  const answered = (s: SnapshotSweep) => tagValue(s.tags, IMPORTANT_TAG);
  const right = ranked.find((s) => topParams(importanceOf(s)).some((p) => normal(p) === normal(answered(s) ?? '')));
  if (right) {
    const importance = importanceOf(right)!;
    const param = topParams(importance).find((p) => normal(p) === normal(answered(right)!))!;
    const score = importance.scores.find((s) => s.param === param)!.score;
    return {
      passed: true,
      feedback: `Right: in ${named(right)}, ${param} explains the most of the variance in ${right.objective.metric || 'the objective'}: η² = ${percent(score)} (method: ${importance.method}).${verdict(importance, param)}`,
    };
  }
  if (sweeps.length === 0) {
    return { passed: false, feedback: 'You have no sweep yet, so there is no importance to read. Run a sweep first (the exercise above), then come back.', notGradable: true };
  }
  if (ranked.length === 0) {
    const latest = sweeps[0]!;
    return {
      passed: false,
      feedback: `${named(latest)} has no parameter importance yet: it appears once at least 3 trials have finished${latest.status === 'RUNNING' ? '. The sweep is still running; wait for it' : '. Run a sweep with more trials'}.`,
      // Without an importance there is no right answer to compare a tag with.
      notGradable: true,
    };
  }
  const tries = triesOf(snapshot, LESSON_ID, IMPORTANT_EXERCISE_ID);
  const reveal = tries.solutionRevealed || tries.attempts >= SOLUTION_AFTER_ATTEMPTS;
  const target = ranked.find((s) => answered(s) !== undefined) ?? ranked[0]!;
  const answer = answered(target);
  const tops = topParams(importanceOf(target));
  const which = named(target);
  const give = reveal ? ` The top param there is ${joinWords(tops)}: tag the parent run important=${tops[0]}.` : ' In the sweep’s results, read Parameter importance (the chart or its table): the param at the top is the answer.';
  const strayTag = latestRun(snapshot.runs.filter((r) => tagValue(r.tags, IMPORTANT_TAG) !== undefined && !snapshot.sweeps.some((s) => s.parentRunId === r.id)));
  if (answer === undefined) {
    const stray = strayTag ? ` ${quoted(strayTag)} carries an important tag, but it is not a sweep’s parent run; the tag belongs on the sweep itself.` : '';
    return { passed: false, feedback: `${which} ranks its params by importance, but its parent run has no important tag yet. Click Open the parent run in the sweep’s results and add important=<param> with Edit tags.${stray}${give}` };
  }
  if (answer === '') {
    return { passed: false, feedback: `${which} carries a bare important tag. Give it the param’s name as its value, written as important=<param>.${give}` };
  }
  const searched = target.searched.length > 0 ? target.searched : importanceOf(target)!.scores.map((s) => s.param);
  if (!searched.some((p) => normal(p) === normal(answer))) {
    return { passed: false, feedback: `${which} is tagged important=${answer}, but ${answer} is not one of the params it searched (${joinWords(searched)}). Name one of those.${give}` };
  }
  return { passed: false, feedback: `${which} is tagged important=${answer}, but ${answer} is not the param with the highest importance in that sweep.${give}` };
}
