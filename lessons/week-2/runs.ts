// Small helpers the week 2 checks share to read runs and word their feedback. Pure functions of
// plain run data: no I/O, no clock.
import type { SnapshotRun, WorkbenchSnapshot } from '@/lib/course/types';

/** The id of the course's running example in the workbench. */
export const FLIGHTS = 'flights';

/** A run as the learner knows it: its name in curly quotes (its id when it has no name). */
export function quoted(run: Pick<SnapshotRun, 'id' | 'name'>): string {
  return `“${run.name.trim() || run.id}”`;
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** `“a”`, `“a” and “b”`, `“a”, “b” and “c”`. */
export function listRuns(runs: ReadonlyArray<Pick<SnapshotRun, 'id' | 'name'>>): string {
  return joinWords(runs.map(quoted));
}

/** The most recently started run (the later one in the list on a tie), or `undefined`. */
export function latestRun<T extends Pick<SnapshotRun, 'startedAt'>>(runs: readonly T[]): T | undefined {
  return runs.reduce<T | undefined>((latest, run) => (latest === undefined || run.startedAt >= latest.startedAt ? run : latest), undefined);
}

/** A metric for feedback: at most 4 significant digits, no exponent (`0.4521`, `1052`). */
export function formatMetric(value: number): string {
  return String(Number(value.toPrecision(4)));
}

/** A parameter value for feedback: strings in quotes so an empty value stays visible. */
export function formatParam(value: string | number | boolean | undefined): string {
  if (value === undefined) return 'not set';
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** A text the learner did not write, trimmed and ending with a full stop. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * How many times the learner has already tried one exercise (before the attempt being graded
 * now), and whether they opened its solution. Checks use it to name an answer outright only
 * once the solution could be shown anyway.
 */
export function triesOf(snapshot: Pick<WorkbenchSnapshot, 'progress'>, lessonId: string, exerciseId: string): { attempts: number; solutionRevealed: boolean } {
  const row = snapshot.progress.exercises.find((e) => e.lessonId === lessonId && e.exerciseId === exerciseId);
  return { attempts: row?.attempts ?? 0, solutionRevealed: row?.solutionRevealed ?? false };
}

/** Whether a tag key is present, ignoring case and spaces around it (`Winner ` counts as `winner`). */
export function hasTag(run: Pick<SnapshotRun, 'tags'>, key: string): boolean {
  return Object.keys(run.tags).some((k) => k.trim().toLowerCase() === key);
}

/** The value of a tag, found as `hasTag` finds it, trimmed; undefined when absent. */
export function tagValue(tags: Readonly<Record<string, string>>, key: string): string | undefined {
  const found = Object.entries(tags).find(([k]) => k.trim().toLowerCase() === key);
  return found?.[1].trim();
}
