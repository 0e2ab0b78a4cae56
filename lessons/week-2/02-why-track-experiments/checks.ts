// The workbench checks of "Why track experiments": pure functions of a WorkbenchSnapshot.
import type { CheckResult, SnapshotRun, WorkbenchSnapshot } from '@/lib/course/types';
import { asSentence, formatMetric, formatParam, joinWords, latestRun, listRuns, quoted } from '../runs';

/** The param that may change within a learning-rate comparison, and the tag that marks its winner. */
const LEARNING_RATE = 'learningRate';
const BEST_TAG = 'best';

/** A finished run that can take part in a comparison: it has a learning rate and a validation loss. */
interface Candidate {
  run: SnapshotRun;
  rate: number;
  valLoss: number;
  /** Dataset and every param except the learning rate, as one comparable string. */
  key: string;
}

/** Runs that share everything but the learning rate, with their distinct rates in ascending order. */
interface Group {
  members: Candidate[];
  rates: number[];
}

function learningRateOf(run: SnapshotRun): number | null {
  const value = run.params[LEARNING_RATE];
  const rate = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(rate) ? rate : null;
}

function comparisonKey(run: SnapshotRun): string {
  const rest = Object.entries(run.params)
    .filter(([key]) => key !== LEARNING_RATE)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([run.datasetId, rest]);
}

function candidates(snapshot: WorkbenchSnapshot): Candidate[] {
  return snapshot.runs.flatMap((run) => {
    const rate = learningRateOf(run);
    const valLoss = run.bestMetrics.val_loss;
    if (run.status !== 'FINISHED' || rate === null || valLoss === undefined || !Number.isFinite(valLoss)) return [];
    return [{ run, rate, valLoss, key: comparisonKey(run) }];
  });
}

function groupsOf(list: readonly Candidate[]): Group[] {
  const byKey = new Map<string, Candidate[]>();
  for (const c of list) byKey.set(c.key, [...(byKey.get(c.key) ?? []), c]);
  return [...byKey.values()].map((members) => ({
    members: [...members].sort((a, b) => a.rate - b.rate || a.run.startedAt - b.run.startedAt),
    rates: [...new Set(members.map((m) => m.rate))].sort((a, b) => a - b),
  }));
}

function hasBestTag(run: SnapshotRun): boolean {
  return Object.keys(run.tags).some((key) => key.trim().toLowerCase() === BEST_TAG);
}

function startedLast(group: Group): number {
  return Math.max(...group.members.map((m) => m.run.startedAt));
}

/** The settings (dataset, then params other than the learning rate) in which two runs differ. */
function differences(a: SnapshotRun, b: SnapshotRun): string[] {
  const found: string[] = [];
  if (a.datasetId !== b.datasetId) found.push(`dataset from ${formatParam(a.datasetId)} to ${formatParam(b.datasetId)}`);
  const keys = [...new Set([...Object.keys(a.params), ...Object.keys(b.params)])].filter((k) => k !== LEARNING_RATE).sort();
  for (const key of keys) {
    if (a.params[key] !== b.params[key]) found.push(`${key} from ${formatParam(a.params[key])} to ${formatParam(b.params[key])}`);
  }
  return found;
}

/** The two runs with different learning rates that come closest to a fair comparison (1–3 other differences). */
function nearMiss(pairsFrom: readonly Candidate[], against: readonly Candidate[]): { a: Candidate; b: Candidate; diffs: string[] } | null {
  let best: { a: Candidate; b: Candidate; diffs: string[] } | null = null;
  for (const a of pairsFrom) {
    for (const b of against) {
      if (a.key === b.key || a.rate === b.rate) continue;
      const [first, second] = a.run.startedAt <= b.run.startedAt ? [a, b] : [b, a];
      const diffs = differences(first.run, second.run);
      if (diffs.length === 0 || diffs.length > 3) continue;
      if (!best || diffs.length < best.diffs.length) best = { a: first, b: second, diffs };
    }
  }
  return best;
}

function rates(group: Group): string {
  return joinWords(group.rates.map(String));
}

/**
 * Learning-rate trio: passes once at least three FINISHED runs on the same dataset have identical
 * params except `learningRate` (three distinct values or more), and within that group the run with
 * the lowest best `val_loss` carries a tag `best` while no other run of the group does. Any one
 * qualifying group is enough. Pure: reads only `snapshot.runs`.
 */
export function checkLearningRateTrio(snapshot: WorkbenchSnapshot): CheckResult {
  const list = candidates(snapshot);
  const groups = groupsOf(list);
  const trios = groups.filter((g) => g.rates.length >= 3);
  const judged = trios.map((group) => {
    const lowest = Math.min(...group.members.map((m) => m.valLoss));
    const winners = group.members.filter((m) => m.valLoss === lowest);
    const tagged = group.members.filter((m) => hasBestTag(m.run));
    const passed = tagged.length > 0 && tagged.every((m) => winners.includes(m));
    return { group, winners, tagged, passed };
  });

  const pass = judged.find((j) => j.passed);
  if (pass) {
    const winner = pass.tagged[0]!;
    return {
      passed: true,
      feedback: `${listRuns(pass.group.members.map((m) => m.run))} differ only in learning rate (${rates(pass.group)}). ${quoted(winner.run)}, with a learning rate of ${winner.rate}, has the lowest best val_loss, ${formatMetric(winner.valLoss)}, and carries the best tag. Anyone who searches your runs for best now finds the winner and every setting behind it.`,
    };
  }

  if (judged.length > 0) {
    const attempt = [...judged].sort((x, y) => Number(y.tagged.length > 0) - Number(x.tagged.length > 0) || startedLast(y.group) - startedLast(x.group))[0]!;
    const winner = attempt.winners[0]!;
    const names = listRuns(attempt.group.members.map((m) => m.run));
    if (attempt.tagged.length === 0) {
      return {
        passed: false,
        feedback: `Good comparison: ${names} differ only in learning rate (${rates(attempt.group)}). Now mark the winner. ${quoted(winner.run)}, with a learning rate of ${winner.rate}, has the lowest best val_loss, ${formatMetric(winner.valLoss)}. Open it from the Runs page, click Edit tags and add best.`,
      };
    }
    const wrong = attempt.tagged.filter((m) => !attempt.winners.includes(m));
    const taggedWinner = attempt.tagged.find((m) => attempt.winners.includes(m));
    if (taggedWinner) {
      return {
        passed: false,
        feedback: `${quoted(taggedWinner.run)} is tagged best, and it is the winner, but ${listRuns(wrong.map((m) => m.run))} ${wrong.length === 1 ? 'carries' : 'carry'} the tag too. Only the winner of the comparison should: remove it from ${wrong.length === 1 ? 'that run' : 'the others'} with Edit tags.`,
      };
    }
    const first = wrong[0]!;
    return {
      passed: false,
      feedback: `${quoted(first.run)} carries the best tag, but ${quoted(winner.run)} (learning rate ${winner.rate}) has the lower best val_loss: ${formatMetric(winner.valLoss)} against ${formatMetric(first.valLoss)}. Compare the best val_loss column, not the last one, then move the tag with Edit tags on both runs.`,
    };
  }

  const running = snapshot.runs.filter((run) => run.status === 'RUNNING').length;
  const waiting = running > 0 ? ` ${running === 1 ? 'One run is' : `${running} runs are`} still training; ${running === 1 ? 'it counts' : 'they count'} once finished.` : '';
  if (list.length === 0) {
    return {
      passed: false,
      feedback: `You have no finished runs to compare yet. Train three runs with the same settings and three different learning rates, for example 0.001, 0.01 and 0.1.${waiting}`,
      notGradable: true,
    };
  }

  const largest = [...groups].sort((x, y) => y.rates.length - x.rates.length || startedLast(y) - startedLast(x))[0]!;
  let feedback: string;
  if (largest.rates.length === 2) {
    feedback = `Two learning rates so far: ${listRuns(largest.members.map((m) => m.run))} differ only in learning rate (${rates(largest)}). Train a third run with exactly the same settings and another learning rate.`;
  } else if (list.length === 1) {
    feedback = `One finished run so far, ${quoted(list[0]!.run)}. Train two more with exactly the same settings and two other learning rates.`;
  } else {
    feedback = `None of your ${list.length} finished runs has a partner that differs only in the learning rate. Train three runs that change nothing but Learning rate, keeping the same Seed.`;
  }
  const near = largest.rates.length === 2 ? nearMiss(largest.members.slice(0, 1), list.filter((c) => !largest.rates.includes(c.rate))) : nearMiss(list, list);
  if (near) {
    feedback += ` Close: ${quoted(near.b.run)} has another learning rate than ${quoted(near.a.run)}, but it also changes ${joinWords(near.diffs)}, so they are not a fair comparison.`;
  }
  return { passed: false, feedback: feedback + waiting };
}

/** A failure message that says the loss diverged (the trainer writes "The loss became NaN…" or "…infinite…"). */
const DIVERGED = /\bnan\b|infinit|diverg/i;

/**
 * Failed run: passes once a FAILED run's failure message says that the loss diverged (NaN or
 * infinite). Pure: reads only `snapshot.runs`.
 */
export function checkFailedRun(snapshot: WorkbenchSnapshot): CheckResult {
  const failed = snapshot.runs.filter((run) => run.status === 'FAILED');
  const diverged = latestRun(failed.filter((run) => run.failure !== null && DIVERGED.test(run.failure.message)));
  if (diverged) {
    const hint = diverged.failure!.hint.trim() ? ` Its hint: ${asSentence(diverged.failure!.hint)}` : '';
    return {
      passed: true,
      feedback: `${quoted(diverged)} failed as planned. Its message: ${asSentence(diverged.failure!.message)}${hint} The run is kept with its settings and the metrics up to the failure, so the cause can be read off later.`,
    };
  }
  const running = latestRun(snapshot.runs.filter((run) => run.status === 'RUNNING'));
  if (running) {
    return {
      passed: false,
      feedback: `${quoted(running)} is still training. A run that diverges fails within an epoch or two; wait for it to end, then check again.`,
      // A failure that is not a divergence is a wrong answer to grade; a run still training is not.
      ...(failed.length === 0 ? { notGradable: true as const } : {}),
    };
  }
  const other = latestRun(failed);
  if (other) {
    const message = other.failure ? ` Its message: ${asSentence(other.failure.message)}` : '';
    return {
      passed: false,
      feedback: `${quoted(other)} FAILED, but not because the loss diverged.${message} This exercise needs a run whose loss becomes NaN or infinite: set Optimizer to sgd and Learning rate to 10.`,
    };
  }
  const killed = latestRun(snapshot.runs.filter((run) => run.status === 'KILLED'));
  if (killed) {
    return {
      passed: false,
      feedback: `${quoted(killed)} is KILLED, not FAILED: it was cancelled or its tab was closed. Start a run with sgd and a learning rate of 10, and let it go until the workbench stops it.`,
    };
  }
  const survivor = latestRun(snapshot.runs.filter((run) => run.status === 'FINISHED' && (learningRateOf(run) ?? 0) >= 1));
  if (survivor && survivor.params.optimizer !== 'sgd') {
    return {
      passed: false,
      feedback: `${quoted(survivor)} used a learning rate of ${learningRateOf(survivor)} and still finished: ${String(survivor.params.optimizer ?? 'its optimizer')} limits how far each step moves a weight. Set Optimizer to sgd as well, which takes the full step.`,
    };
  }
  return {
    passed: false,
    feedback: 'None of your runs has failed yet. Open Train, set Optimizer to sgd and Learning rate to 10, and start training.',
    notGradable: true,
  };
}
