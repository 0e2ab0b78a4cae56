// Snapshot factories shared by the week 4 check tests (not a test file itself).
import { snapshotWith } from '@/lib/course/test-snapshots';
import type { CheckExercise, Lesson, SnapshotAlert, SnapshotAlertRule, SnapshotMonitorWindow, SnapshotReplay } from '@/lib/course/types';
import whatDriftIs from './01-what-drift-is/lesson';
import alertsThatFire from './02-alerts-that-fire/lesson';
import performanceBeforeLabels from './03-performance-before-labels/lesson';

export { snapshotWith };

export const EP = 'flights-delay-api';
const T0 = 1_700_000_000_000;
const DAY = 86_400_000;

/** The flights model's inputs, as the monitor judges them. */
export const COLUMNS = ['hour', 'distance', 'origin', 'destination', 'recent_delay', 'origin_delay', 'destination_delay'] as const;
const CATEGORICAL = new Set<string>(['origin', 'destination']);

type Truth = NonNullable<SnapshotReplay['truth']>;

/** The truth of a sudden covariate shift of `feature` from `startDay`. */
export const covariateTruth = (feature: string, startDay = 7, magnitude = 1): Truth => ({ drift: 'covariate', profile: 'sudden', feature, className: null, startDay, magnitude });

/** The truth of the control: nothing changes. */
export const controlTruth = (): Truth => ({ drift: null, profile: null, feature: null, className: null, startDay: 0, magnitude: 0 });

/** A replay of `EP` started at `startedAt`: FINISHED, 14 days from window 1, the control unless told otherwise. */
export function replay(id: string, startedAt: number, input: Partial<SnapshotReplay> = {}): SnapshotReplay {
  const status = input.status ?? 'FINISHED';
  return {
    id,
    endpoint: EP,
    scenario: 'control',
    seed: 1,
    dirtyRate: 0,
    status,
    requestsDone: 7000,
    requestsTotal: 7000,
    startedAt,
    endedAt: status === 'RUNNING' || status === 'PAUSED' ? null : startedAt + 60_000,
    message: null,
    windowOffset: 1,
    days: 14,
    hidden: false,
    truth: input.scenario?.startsWith('covariate') ? covariateTruth('distance') : controlTruth(),
    ...input,
  };
}

/** A covariate shift of `feature` starting on `startDay`, played from window `offset`. */
export const shift = (id: string, startedAt: number, feature: string, offset = 1, startDay = 7, input: Partial<SnapshotReplay> = {}) =>
  replay(id, startedAt, { scenario: 'covariate-sudden', windowOffset: offset, truth: covariateTruth(feature, startDay), ...input });

/** One estimated metric of a window. */
export type Estimate = SnapshotMonitorWindow['estimated'][number];

/** An estimate with its sampling error and realized value; the band is wide unless given. */
export const estimate = (metric: string, value: number | null, samplingError: number | null, realized: number | null, input: Partial<Estimate> = {}): Estimate => ({
  metric,
  value,
  samplingError,
  lower: 0,
  upper: 1e9,
  realized,
  rows: 500,
  ...input,
});

/** A closed window of `EP` with 500 rows, every column judged by its default distance; `drifted` columns score 0.5. */
export function monitorWindow(index: number, drifted: readonly string[] = [], input: Partial<SnapshotMonitorWindow> = {}): SnapshotMonitorWindow {
  const features = COLUMNS.map((column) => {
    const categorical = CATEGORICAL.has(column);
    const isDrifted = drifted.includes(column);
    return { column, kind: categorical ? ('categorical' as const) : ('numerical' as const), test: categorical ? 'jensenshannon' : 'wasserstein', score: isDrifted ? 0.5 : 0.03, threshold: 0.1, drifted: isDrifted };
  });
  const driftedColumns = features.filter((f) => f.drifted).length;
  return {
    endpoint: EP,
    window: index,
    start: T0 + index * DAY,
    end: T0 + (index + 1) * DAY,
    rows: 500,
    closed: true,
    features,
    predictionDrifted: false,
    targetDrifted: null,
    dataset: { share: driftedColumns / COLUMNS.length, drifted: driftedColumns / COLUMNS.length >= 0.5, driftedColumns, totalColumns: COLUMNS.length },
    missingShare: 0,
    errorRate: 0,
    rejectRate: 0,
    estimated: [],
    realized: null,
    ...input,
  };
}

/** Windows `from`…`to`, each with the columns `drifted(w)` says drifted. */
export const windowsFrom = (from: number, to: number, drifted: (w: number) => readonly string[] = () => []) =>
  Array.from({ length: to - from + 1 }, (_, i) => monitorWindow(from + i, drifted(from + i)));

/** A rule on `EP`: by default one column's drift, on `distance`, ≥ 1 for 2 windows. */
export function rule(id: string, input: Partial<SnapshotAlertRule> = {}): SnapshotAlertRule {
  return { id, endpoint: EP, name: id, metric: 'feature-drift', column: 'distance', comparator: '>=', threshold: 1, forWindows: 2, severity: 'warning', enabled: true, builtIn: false, ...input };
}

/** The built-in dataset drift rule of `EP`. */
export const datasetDriftRule = (input: Partial<SnapshotAlertRule> = {}) => rule('builtin-drift', { name: 'Dataset drift', metric: 'dataset-drift-share', column: null, threshold: 0.5, builtIn: true, ...input });

/** An alert of `r` that went pending in `startWindow` and firing in `firingWindow` (null: never fired). */
export function alert(r: SnapshotAlertRule, startWindow: number, firingWindow: number | null, input: Partial<SnapshotAlert> = {}): SnapshotAlert {
  return {
    id: `${r.id}-${startWindow}`,
    endpoint: r.endpoint,
    ruleId: r.id,
    ruleName: r.name,
    severity: r.severity,
    state: firingWindow === null ? 'resolved' : 'firing',
    startWindow,
    firingWindow,
    resolvedWindow: firingWindow === null ? startWindow + 1 : null,
    acknowledged: false,
    startedAt: T0 + startWindow,
    ...input,
  };
}

export function checkOf(lesson: Lesson, id: string): CheckExercise {
  const exercise = lesson.exercises.find((e) => e.id === id);
  if (!exercise || exercise.kind !== 'check') throw new Error(`${id} check exercise not found`);
  return exercise;
}

export const findTheDriftedFeature = checkOf(whatDriftIs, 'find-the-drifted-feature');
export const alertOnShiftQuietOnControl = checkOf(alertsThatFire, 'alert-on-shift-quiet-on-control');
export const estimateBeforeLabels = checkOf(performanceBeforeLabels, 'estimate-before-labels');
export const WEEK_4 = [whatDriftIs, alertsThatFire, performanceBeforeLabels];
