// Rollouts read back from an endpoint's deployment timeline: each canary, A/B test and shadow from
// its start to the change that ended it. Pure functions of plain snapshot data.
import type { SnapshotDeployment, SnapshotTrafficWindow, WorkbenchSnapshot } from '@/lib/course/types';
import { answered, primaryOf } from './serving';

export type Strategy = 'canary' | 'ab' | 'shadow';

/** One rollout: its start, the canary's automatic steps, and the change that ended it (null while it runs). */
export interface RolloutEpisode {
  endpoint: string;
  model: string;
  strategy: Strategy;
  /** The version that served before (variant A of an A/B test). */
  primary: number | null;
  /** The version tried (the canary, variant B, the shadow). */
  candidate: number;
  start: SnapshotDeployment;
  steps: SnapshotDeployment[];
  end: SnapshotDeployment | null;
}

const STARTS: Record<string, Strategy> = { 'canary-start': 'canary', 'ab-start': 'ab', 'shadow-start': 'shadow' };

/**
 * Changes that end whatever rollout runs: a promotion, a rollback, the end of an A/B test or a
 * shadow, a replace. A policy change, a stop and a restart leave the rollout in place, as the
 * endpoint does.
 */
const ENDS = new Set<SnapshotDeployment['action']>(['promote', 'rollback', 'ab-end', 'shadow-end', 'replace']);

/**
 * Every rollout of `strategy` on every endpoint, oldest first, read from the deployments in
 * timeline order: a `*-start` opens one, `canary-step`s are its steps, and the next ending change
 * (see `ENDS`) closes it. A start while another rollout is open (a timeline that lost its end)
 * closes the open one without an end.
 */
export function rolloutEpisodes(snapshot: Pick<WorkbenchSnapshot, 'deployments'>, strategy: Strategy): RolloutEpisode[] {
  const open = new Map<string, RolloutEpisode>();
  const all: RolloutEpisode[] = [];
  for (const d of snapshot.deployments) {
    const started = STARTS[d.action];
    const current = open.get(d.endpoint);
    if (started) {
      const episode: RolloutEpisode = { endpoint: d.endpoint, model: d.model, strategy: started, primary: primaryOf(d.routes), candidate: d.version, start: d, steps: [], end: null };
      open.set(d.endpoint, episode);
      all.push(episode);
    } else if (current && d.action === 'canary-step') current.steps.push(d);
    else if (current && ENDS.has(d.action)) {
      current.end = d;
      open.delete(d.endpoint);
    }
  }
  return all.filter((e) => e.strategy === strategy);
}

/** The version a finished rollout left serving: the primary of the ending change's split. */
export function keptVersion(episode: RolloutEpisode): number | null {
  return episode.end ? primaryOf(episode.end.routes) : null;
}

/**
 * The traffic of an A/B test (or a shadow): the windows of the replays that ran while it was in
 * force (wall-clock overlap of the replay with the rollout's start and end), keeping only the days
 * on which both versions answered (`shadow`: on which the candidate shadowed). Days are whole, so
 * the day the test started or ended may include some traffic from just before or after it, as on
 * the endpoint page; labels that arrived after the test ended are counted too.
 */
export function episodeWindows(snapshot: Pick<WorkbenchSnapshot, 'replays' | 'trafficWindows'>, episode: RolloutEpisode): SnapshotTrafficWindow[] {
  const from = episode.start.at;
  const to = episode.end?.at ?? Number.POSITIVE_INFINITY;
  const replays = new Set(snapshot.replays.filter((r) => r.endpoint === episode.endpoint && r.startedAt <= to && (r.endedAt ?? Number.POSITIVE_INFINITY) >= from).map((r) => r.id));
  return snapshot.trafficWindows.filter((w) => {
    if (w.endpoint !== episode.endpoint || !replays.has(w.source)) return false;
    if (episode.strategy === 'shadow') return (w.shadowByVersion[String(episode.candidate)]?.requests ?? 0) > 0;
    return episode.primary !== null && answered(w, episode.primary) && answered(w, episode.candidate);
  });
}
