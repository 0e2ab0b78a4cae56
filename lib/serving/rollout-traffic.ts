import type { WorkbenchDatabase } from '../tracking/db';
import type { Deployment, Endpoint, VersionWindowStats } from '../tracking/serving-types';
import { emptyStats } from './window-stats';

/** Sums of one version's traffic over several windows (percentiles: the largest window's, an upper bound). */
export function sumStats(list: readonly VersionWindowStats[]): VersionWindowStats {
  const total = emptyStats();
  for (const s of list) {
    total.requests += s.requests;
    total.rows += s.rows;
    total.errors += s.errors;
    total.refused += s.refused;
    total.rejected += s.rejected;
    total.flagged += s.flagged;
    total.labelled += s.labelled;
    total.metricSum += s.metricSum;
    total.metricSumSq += s.metricSumSq;
    total.p50Ms = Math.max(total.p50Ms, s.p50Ms);
    total.p95Ms = Math.max(total.p95Ms, s.p95Ms);
    total.p99Ms = Math.max(total.p99Ms, s.p99Ms);
  }
  return total;
}

/**
 * What each version did since the endpoint's current rollout started: its windows from the one
 * that was latest at the start (`Deployment.window`) on, summed per version, answering and shadow
 * traffic apart. A rollout started in the middle of a day counts that whole day, some of it from
 * before the start (the candidate's own figures are all from after). Null when no rollout runs.
 */
export async function rolloutTraffic(db: WorkbenchDatabase, endpoint: Endpoint): Promise<{ start: Deployment | null; answer: Map<number, VersionWindowStats>; shadow: Map<number, VersionWindowStats>; agreement: { compared: number; agreed: number } } | null> {
  if (!endpoint.rollout) return null;
  const [deployments, windows] = await Promise.all([db.deployments.where('endpoint').equals(endpoint.name).toArray(), db.trafficWindows.where('endpoint').equals(endpoint.name).toArray()]);
  const starts = deployments.filter((d) => d.action === 'canary-start' || d.action === 'ab-start' || d.action === 'shadow-start').sort((a, b) => a.at - b.at);
  const start = starts.at(-1) ?? null;
  const from = start?.window ?? 0;
  const since = windows.filter((w) => w.window >= from && w.window > 0);
  const collect = (pick: (w: (typeof since)[number]) => Record<string, VersionWindowStats>) => {
    const byVersion = new Map<number, VersionWindowStats[]>();
    for (const w of since) for (const [v, s] of Object.entries(pick(w))) byVersion.set(Number(v), [...(byVersion.get(Number(v)) ?? []), s]);
    return new Map([...byVersion.entries()].map(([v, list]) => [v, sumStats(list)]));
  };
  const agreement = since.reduce((t, w) => ({ compared: t.compared + (w.shadowAgreement?.compared ?? 0), agreed: t.agreed + (w.shadowAgreement?.agreed ?? 0) }), { compared: 0, agreed: 0 });
  return { start, answer: collect((w) => w.byVersion), shadow: collect((w) => w.shadowByVersion), agreement };
}
