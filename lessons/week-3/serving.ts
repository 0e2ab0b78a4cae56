// Small helpers the week 3 checks share to read endpoints, deployments and traffic windows, and
// to word their feedback. Pure functions of plain snapshot data: no I/O, no clock.
import { sumStats } from '@/lib/course/serving';
import type { SnapshotDeployment, SnapshotReplay, SnapshotTrafficWindow, TrafficRoute, VersionWindowStats, WorkbenchSnapshot } from '@/lib/course/types';

/** The alias week 3 deploys. */
export const CHAMPION = 'champion';

/** A count for feedback: `7,000`. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A share for feedback: 0.05 → `5 %`, 0.125 → `12.5 %`. */
export function percent(share: number): string {
  return `${Number((share * 100).toPrecision(3))} %`;
}

/** `1 request`, `2 requests`. */
export function plural(n: number, word: string): string {
  return `${count(n)} ${word}${n === 1 ? '' : 's'}`;
}

/** An endpoint's name as the learner reads it: in curly quotes. */
export function named(name: string): string {
  return `“${name}”`;
}

/** The traffic windows of one endpoint, by index. */
export function windowsOf(snapshot: Pick<WorkbenchSnapshot, 'trafficWindows'>, endpoint: string): SnapshotTrafficWindow[] {
  return snapshot.trafficWindows.filter((w) => w.endpoint === endpoint);
}

/** The deployments of one endpoint, oldest first. */
export function deploymentsOf(snapshot: Pick<WorkbenchSnapshot, 'deployments'>, endpoint: string): SnapshotDeployment[] {
  return snapshot.deployments.filter((d) => d.endpoint === endpoint);
}

/** A replay still sending traffic (running or paused), on `endpoint` or on any endpoint. */
export function liveReplay(snapshot: Pick<WorkbenchSnapshot, 'replays'>, endpoint?: string): SnapshotReplay | undefined {
  return snapshot.replays.find((r) => (r.status === 'RUNNING' || r.status === 'PAUSED') && (endpoint === undefined || r.endpoint === endpoint));
}

/** What one version answered (or, with `shadow`, saw as a shadow) over some windows, summed. */
export function versionTotals(windows: readonly SnapshotTrafficWindow[], version: number, role: 'answer' | 'shadow' = 'answer'): VersionWindowStats {
  const key = String(version);
  return sumStats(windows.flatMap((w) => (role === 'answer' ? w.byVersion : w.shadowByVersion)[key] ?? []));
}

/** Every answering version's traffic over some windows, summed. */
export function answeredTotals(windows: readonly SnapshotTrafficWindow[]): VersionWindowStats {
  return sumStats(windows.flatMap((w) => Object.values(w.byVersion)));
}

/** Whether `version` answered at least one request in the window. */
export function answered(w: SnapshotTrafficWindow, version: number): boolean {
  return (w.byVersion[String(version)]?.requests ?? 0) > 0;
}

/** The version of the primary route (the one a rollback returns to), or null. */
export function primaryOf(routes: readonly TrafficRoute[]): number | null {
  return routes.find((r) => r.role === 'primary')?.version ?? null;
}

/** The share, in percent, that `version` answers in a split (0 when it only shadows or is absent). */
export function shareOf(routes: readonly TrafficRoute[], version: number): number {
  return routes.filter((r) => r.version === version && r.role !== 'shadow').reduce((t, r) => t + r.share, 0);
}

/** The task of a registered model's version (`regression` or `classification`), or null when unknown. */
export function taskOf(snapshot: Pick<WorkbenchSnapshot, 'models'>, model: string, version: number): 'regression' | 'classification' | null {
  const task = snapshot.models.find((m) => m.name === model)?.versions.find((v) => v.version === version)?.task;
  return task === 'regression' || task === 'classification' ? task : null;
}

/** The most recent of some items by a time, or undefined. */
export function latest<T>(items: readonly T[], at: (item: T) => number): T | undefined {
  return items.reduce<T | undefined>((best, item) => (best === undefined || at(item) >= at(best) ? item : best), undefined);
}
