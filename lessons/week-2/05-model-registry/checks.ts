// The workbench check of "The model registry": a pure function of a WorkbenchSnapshot.
import type { CheckResult, SnapshotModel, SnapshotModelVersion, WorkbenchSnapshot } from '@/lib/course/types';
import { headlineRule } from '@/lib/course/headline';
import { formatMetric, joinWords } from '../runs';

export const CHAMPION = 'champion';

/** The validation metric a version is judged on, and which way is better. */
export interface Judge {
  metric: string;
  lowerIsBetter: boolean;
}

/**
 * The metric that decides whether one version beats another: the task's headline metric
 * (`headlineRule`), on validation: `val_rmse` (lower is better) for a regression, `val_auc`
 * (higher) for a two-class classification, `val_log_loss` (lower) for more classes. Accuracy is
 * never the judge: on flights, always answering "on time" is right 77 % of the time.
 */
export function judgeOf(v: SnapshotModelVersion): Judge {
  const rule = headlineRule(v.task || undefined, v.metrics);
  return { metric: `val_${rule.metric}`, lowerIsBetter: rule.lowerIsBetter };
}

export type Verdict =
  | { kind: 'better' | 'not-better'; judge: Judge; a: number; b: number }
  | { kind: 'incomparable'; why: string };

/** Whether `challenger` beats `holder` on validation: strictly better on the judging metric of the same target. */
export function compareVersions(challenger: SnapshotModelVersion, holder: SnapshotModelVersion): Verdict {
  if (challenger.target !== holder.target || challenger.task !== holder.task) {
    return { kind: 'incomparable', why: `v${challenger.version} predicts ${challenger.target || 'another target'} and v${holder.version} predicts ${holder.target || 'another target'}` };
  }
  const judge = judgeOf(holder);
  const a = challenger.metrics[judge.metric];
  const b = holder.metrics[judge.metric];
  const missing = [a === undefined || !Number.isFinite(a) ? challenger : null, b === undefined || !Number.isFinite(b) ? holder : null].filter((v) => v !== null);
  if (missing.length > 0) {
    return { kind: 'incomparable', why: `${joinWords(missing.map((v) => `v${v.version}`))} ${missing.length === 1 ? 'has' : 'have'} no ${judge.metric} recorded (was the run evaluated before it was registered?)` };
  }
  const better = judge.lowerIsBetter ? a! < b! : a! > b!;
  return { kind: better ? 'better' : 'not-better', judge, a: a!, b: b! };
}

const versionOf = (m: SnapshotModel, n: number | null | undefined) => (n == null ? undefined : m.versions.find((v) => v.version === n));
const direction = (judge: Judge) => (judge.lowerIsBetter ? 'lower' : 'higher');

/**
 * How the current @champion got the alias the last time it took it: from which earlier holder
 * (the move's `previousVersion`, or when the alias had been removed in between, the last earlier
 * holder that is not the current one; null when it was the first champion), and whether it had
 * held the alias before (a rollback rather than a promotion).
 */
export function championMove(m: SnapshotModel): { previous: number | null; rollback: boolean } {
  const current = m.aliases[CHAMPION];
  const history = m.aliasHistory.filter((e) => e.alias === CHAMPION);
  const took = history.findLastIndex((e) => e.version === current);
  if (took < 0) return { previous: null, rollback: false };
  const before = history.slice(0, took);
  const rollback = before.some((e) => e.version === current);
  const move = history[took]!;
  if (move.previousVersion !== null && move.previousVersion !== current) return { previous: move.previousVersion, rollback };
  const earlier = before.findLast((e) => e.version !== null && e.version !== current);
  return { previous: earlier?.version ?? null, rollback };
}

interface Judged {
  model: SnapshotModel;
  holder: SnapshotModelVersion;
  previous: SnapshotModelVersion | null;
  rollback: boolean;
  verdict: Verdict | null;
}

function judge(m: SnapshotModel): Judged | null {
  const holder = versionOf(m, m.aliases[CHAMPION]);
  if (!holder) return null;
  const move = championMove(m);
  const previous = versionOf(m, move.previous) ?? null;
  return { model: m, holder, previous, rollback: move.rollback, verdict: previous ? compareVersions(holder, previous) : null };
}

const lastActivity = (m: SnapshotModel) => Math.max(0, ...m.versions.map((v) => v.createdAt), ...m.aliasHistory.map((e) => e.at));
const valueText = (v: SnapshotModelVersion, j: Judge) => `${j.metric} ${formatMetric(v.metrics[j.metric]!)}`;

/** Feedback for a champion that has never been moved: is there a better version waiting? */
function neverMoved({ model, holder }: Judged): string {
  const name = `“${model.name}”`;
  const others = model.versions.filter((v) => v.version !== holder.version && !v.archived);
  const verdicts = others.map((v) => ({ v, verdict: compareVersions(v, holder) }));
  const better = verdicts.filter((x) => x.verdict.kind === 'better');
  const j = judgeOf(holder);
  if (better.length > 0) {
    const top = better[better.length - 1]!.v;
    return `v${top.version} of ${name} beats @champion v${holder.version} on validation (${valueText(top, j)} against ${formatMetric(holder.metrics[j.metric]!)}, ${direction(j)} is better). Now move @champion to v${top.version} on the model’s page.`;
  }
  const holderValue = holder.metrics[j.metric];
  if (holderValue === undefined) return `@champion of ${name} is v${holder.version}, which has no ${j.metric} recorded. Register a version from a finished, evaluated run and make it the champion first.`;
  const tried = verdicts.filter((x) => x.verdict.kind === 'not-better');
  const lost = tried.length > 0 ? ` ${joinWords(tried.map((x) => `v${x.v.version}`))} ${tried.length === 1 ? 'does' : 'do'} not beat it.` : '';
  return `@champion of ${name} is v${holder.version} (${valueText(holder, j)}) and has not moved yet.${lost} Train a run on the same target with a ${direction(j)} ${j.metric}, register it as a new version of ${name}, then move @champion to it.`;
}

/**
 * Beat the champion: passes once a registered model's `@champion` points at a version that took
 * the alias from an earlier champion (per the alias history), had never held it before (a
 * rollback is not a promotion), and beats it on validation: a lower
 * `val_rmse` for a regression, a higher `val_accuracy` for a classification (see `judgeOf`),
 * both versions predicting the same target. Pure: reads only `snapshot.models`.
 */
export function checkBeatTheChampion(snapshot: WorkbenchSnapshot): CheckResult {
  const judged = snapshot.models.flatMap((m) => judge(m) ?? []);
  const pass = judged.find((x) => x.verdict?.kind === 'better' && !x.rollback);
  if (pass && pass.verdict?.kind === 'better') {
    const { judge: j, a, b } = pass.verdict;
    return {
      passed: true,
      feedback: `@champion of “${pass.model.name}” moved from v${pass.previous!.version} to v${pass.holder.version}, and v${pass.holder.version} is better on validation: ${j.metric} ${formatMetric(a)} against ${formatMetric(b)}. The alias history keeps the move, so anyone can see which version served before and roll back to it with one move.`,
    };
  }
  if (snapshot.models.length === 0) {
    return {
      passed: false,
      feedback: 'You have no registered model yet. Open a finished run, use Register this model to create version 1 of a new model, and set @champion on it.',
      notGradable: true,
    };
  }
  const recent = [...judged].sort((x, y) => lastActivity(y.model) - lastActivity(x.model))[0];
  if (!recent) {
    const m = [...snapshot.models].sort((x, y) => lastActivity(y) - lastActivity(x))[0]!;
    const count = m.versions.length;
    return {
      passed: false,
      // A model without versions holds nothing to judge; versions without @champion are a step missed.
      ...(snapshot.models.every((x) => x.versions.length === 0) ? { notGradable: true as const } : {}),
      feedback:
        count === 0
          ? `“${m.name}” has no versions yet. Register a finished run as its version 1 and set @champion on it.`
          : `“${m.name}” has ${count} version${count === 1 ? '' : 's'}, but none holds @champion. Set @champion on the one you trust most today, then register a better one and move the alias to it.`,
    };
  }
  if (!recent.previous) return { passed: false, feedback: neverMoved(recent) };
  const { verdict, holder, previous, model } = recent;
  if (verdict?.kind === 'incomparable') {
    return { passed: false, feedback: `@champion of “${model.name}” moved from v${previous.version} to v${holder.version}, but the two cannot be compared: ${verdict.why}. Move it to a version of the same target with an evaluated run.` };
  }
  const { judge: j, a, b } = verdict as Extract<Verdict, { kind: 'better' | 'not-better' }>;
  if (verdict?.kind === 'better') {
    return {
      passed: false,
      feedback: `@champion of “${model.name}” went back from v${previous.version} to v${holder.version}, which held it before: a rollback, exactly what aliases make easy. This exercise wants a promotion: register a new version whose ${j.metric} beats v${holder.version}’s ${formatMetric(a)}, then move @champion to it.`,
    };
  }
  return {
    passed: false,
    feedback: `@champion of “${model.name}” moved from v${previous.version} to v${holder.version}, but v${holder.version} is not better on validation: ${j.metric} ${formatMetric(a)} against ${formatMetric(b)} (${direction(j)} is better). Register a version that beats v${previous.version}’s ${formatMetric(b)} and move the alias to it (moving it back to v${previous.version} would be a rollback, not a promotion).`,
  };
}
