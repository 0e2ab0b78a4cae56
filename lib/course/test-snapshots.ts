/* The one snapshot factory for check tests (not shipped code): every lesson test builds its snapshots here. */
import type { ExerciseProgress, LessonVisit, SnapshotAlert, SnapshotAlertRule, SnapshotMonitorWindow, SnapshotDeployment, SnapshotEndpoint, SnapshotModel, SnapshotReplay, SnapshotRun, SnapshotSweep, SnapshotTrafficWindow, WorkbenchSnapshot } from './types';

/** The parts a test cares about; everything else is empty. */
export interface SnapshotParts {
  takenAt?: number;
  runs?: SnapshotRun[];
  models?: SnapshotModel[];
  sweeps?: SnapshotSweep[];
  exercises?: ExerciseProgress[];
  visits?: LessonVisit[];
  completedLessons?: string[];
  endpoints?: SnapshotEndpoint[];
  deployments?: SnapshotDeployment[];
  trafficWindows?: SnapshotTrafficWindow[];
  replays?: SnapshotReplay[];
  monitorWindows?: SnapshotMonitorWindow[];
  alerts?: SnapshotAlert[];
  alertRules?: SnapshotAlertRule[];
}

/**
 * A snapshot as `buildSnapshot` makes it (runs, deployments and replays oldest first, windows by
 * endpoint and index; a tie keeps the given order), from just the parts a test needs.
 * Every domain (serving included; later alerts, pipelines) adds its part here, so every lesson test gets it.
 */
export function snapshotWith(parts: SnapshotParts = {}): WorkbenchSnapshot {
  return {
    takenAt: parts.takenAt ?? 1_800_000_000_000,
    progress: { exercises: parts.exercises ?? [], visits: parts.visits ?? [], completedLessons: parts.completedLessons ?? [] },
    runs: [...(parts.runs ?? [])].sort((a, b) => a.startedAt - b.startedAt),
    models: parts.models ?? [],
    sweeps: parts.sweeps ?? [],
    endpoints: parts.endpoints ?? [],
    deployments: [...(parts.deployments ?? [])].sort((a, b) => a.at - b.at),
    trafficWindows: [...(parts.trafficWindows ?? [])].sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : a.window - b.window)),
    replays: [...(parts.replays ?? [])].sort((a, b) => a.startedAt - b.startedAt),
    monitorWindows: [...(parts.monitorWindows ?? [])].sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : a.window - b.window)),
    alerts: [...(parts.alerts ?? [])].sort((a, b) => a.startedAt - b.startedAt),
    alertRules: parts.alertRules ?? [],
  };
}
