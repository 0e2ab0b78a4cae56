// Snapshot factories shared by the week 3 check tests (not a test file itself).
import { snapshotWith } from '@/lib/course/test-snapshots';
import type {
  CheckExercise,
  Lesson,
  SnapshotDeployment,
  SnapshotEndpoint,
  SnapshotModel,
  SnapshotReplay,
  SnapshotTrafficWindow,
  TrafficRoute,
  VersionWindowStats,
} from '@/lib/course/types';
import servingAModel from './01-serving-a-model/lesson';
import dirtyTraffic from './02-dirty-production-traffic/lesson';
import canaryReleases from './03-canary-releases/lesson';
import abAndShadows from './04-ab-tests-and-shadows/lesson';

export { snapshotWith };

export const EP = 'flights-delay-api';
const T0 = 1_700_000_000_000;
const DAY = 86_400_000;

let counter = 0;
const next = () => (counter += 1);

/** `flights-delay` with regression versions 1–3 and @champion on v2 (the model week 2 ends with). */
export function delayModel(task: 'regression' | 'classification' = 'regression'): SnapshotModel {
  return {
    name: 'flights-delay',
    description: '',
    aliases: { champion: 2 },
    versions: [1, 2, 3].map((v) => ({ version: v, runId: `run-${v}`, archived: false, createdAt: T0 + v, metrics: {}, datasetId: 'flights', datasetHash: 'h', task, target: task === 'regression' ? 'delay' : 'delayed' })),
    aliasHistory: [{ alias: 'champion', version: 2, previousVersion: null, at: T0 + 10, actor: 'you' }],
  };
}

/** An endpoint serving v2 of flights-delay, deployed by @champion, with the reject policy. */
export function endpoint(input: Partial<SnapshotEndpoint> = {}): SnapshotEndpoint {
  return { name: EP, model: 'flights-delay', target: { alias: 'champion' }, routes: [{ version: 2, share: 100, role: 'primary' }], rollout: null, policy: 'reject', status: 'serving', createdAt: T0, ...input };
}

/** One primary route. */
export const only = (version: number): TrafficRoute[] => [{ version, share: 100, role: 'primary' }];
/** A canary split. */
export const canarySplit = (primary: number, candidate: number, share: number): TrafficRoute[] => [
  { version: primary, share: 100 - share, role: 'primary' },
  { version: candidate, share, role: 'canary' },
];
/** An A/B split. */
export const abSplit = (a: number, b: number, share = 50): TrafficRoute[] => [
  { version: a, share: 100 - share, role: 'primary' },
  { version: b, share, role: 'variant' },
];
/** A shadow split. */
export const shadowSplit = (primary: number, shadow: number): TrafficRoute[] => [
  { version: primary, share: 100, role: 'primary' },
  { version: shadow, share: 0, role: 'shadow' },
];

/** A deployment of `EP` at wall-clock `at` (by default one second after the previous one made here). */
export function deployment(input: Partial<SnapshotDeployment> & Pick<SnapshotDeployment, 'action'>): SnapshotDeployment {
  const n = next();
  return { id: `d-${String(n).padStart(4, '0')}`, endpoint: EP, model: 'flights-delay', version: 2, alias: null, strategy: null, routes: only(2), at: T0 + n * 1000, simAt: null, actor: 'you', reason: '', endedAt: null, ...input };
}

/** The deploy of `EP` by @champion, resolved to `version`. */
export const deployChampion = (version = 2, input: Partial<SnapshotDeployment> = {}) => deployment({ action: 'deploy', version, alias: 'champion', strategy: 'replace', routes: only(version), ...input });

/** A canary of `candidate` over `primary`: its start, automatic steps to each share, and an optional end. */
export function canary(primary: number, candidate: number, shares: number[], end?: { action: 'promote' | 'rollback' | 'replace'; actor: string; reason?: string }): SnapshotDeployment[] {
  const [first, ...rest] = shares;
  const start = deployment({ action: 'canary-start', version: candidate, strategy: 'canary', routes: canarySplit(primary, candidate, first!) });
  const steps = rest.map((share) => deployment({ action: 'canary-step', version: candidate, strategy: 'canary', routes: canarySplit(primary, candidate, share), actor: 'canary', reason: `advancing to ${share} %` }));
  const last = end ? [deployment({ action: end.action, version: candidate, strategy: 'canary', routes: only(end.action === 'promote' ? candidate : primary), actor: end.actor, reason: end.reason ?? '' })] : [];
  return [start, ...steps, ...last];
}

/** Traffic of one version in one window. */
export function stats(requests: number, input: Partial<VersionWindowStats> = {}): VersionWindowStats {
  return { requests, rows: requests, errors: 0, refused: 0, rejected: 0, flagged: 0, p50Ms: 1, p95Ms: 2, p99Ms: 3, labelled: 0, metric: null, metricSum: 0, metricSumSq: 0, ...input };
}

/** Labelled regression stats: `n` rows whose squared errors have mean `mse` and mean square `meanSq`. */
export function regression(n: number, mse: number, meanSq: number): VersionWindowStats {
  return stats(n, { labelled: n, metric: Math.sqrt(mse), metricSum: n * mse, metricSumSq: n * meanSq });
}

/** A day of traffic on `EP` from replay `source`: requests and rows are the answering versions' sums unless given. */
export function window(index: number, source: string, byVersion: Record<string, VersionWindowStats>, input: Partial<SnapshotTrafficWindow> = {}): SnapshotTrafficWindow {
  const all = Object.values(byVersion);
  return {
    endpoint: EP,
    window: index,
    source,
    start: T0 + index * DAY,
    end: T0 + (index + 1) * DAY,
    requests: all.reduce((t, s) => t + s.requests, 0),
    rows: all.reduce((t, s) => t + s.rows, 0),
    byVersion,
    shadowByVersion: {},
    issues: {},
    shadowAgreement: null,
    ...input,
  };
}

/** A replay of `EP` started at `startedAt` (wall clock), FINISHED a minute later unless told otherwise. */
export function replay(id: string, startedAt: number, input: Partial<SnapshotReplay> = {}): SnapshotReplay {
  const status = input.status ?? 'FINISHED';
  return { id, endpoint: EP, scenario: 'control', seed: 1, dirtyRate: 0, status, requestsDone: 7000, requestsTotal: 7000, startedAt, endedAt: status === 'RUNNING' || status === 'PAUSED' ? null : startedAt + 60_000, message: null, ...input };
}

/** The wall-clock time just after the last deployment made so far (to start a replay after a change). */
export const afterLast = () => T0 + (counter + 0.5) * 1000;

export function checkOf(lesson: Lesson, id: string): CheckExercise {
  const exercise = lesson.exercises.find((e) => e.id === id);
  if (!exercise || exercise.kind !== 'check') throw new Error(`${id} check exercise not found`);
  return exercise;
}

export const serveAThousand = checkOf(servingAModel, 'serve-a-thousand');
export const dirtyWithoutErrors = checkOf(dirtyTraffic, 'dirty-without-errors');
export const canaryToFull = checkOf(canaryReleases, 'canary-to-full');
export const guardRollback = checkOf(canaryReleases, 'guard-rollback');
export const significantWinner = checkOf(abAndShadows, 'significant-winner');
export const shadowAgreement = checkOf(abAndShadows, 'shadow-agreement');
export const WEEK_3 = [servingAModel, dirtyTraffic, canaryReleases, abAndShadows];
