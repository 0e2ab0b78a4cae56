import type { WorkbenchDatabase } from '../tracking/db';
import type { ReplayRecord } from '../tracking/serving-types';

/**
 * Marks the endpoint's replays left RUNNING or PAUSED by a closed or reloaded tab as INTERRUPTED
 * (their log is kept up to `requestsDone`; they can be resumed from there). `isLive` says whether
 * some tab still runs a replay of this endpoint (it holds the endpoint's replay lock): then its
 * record is left alone. Returns the records it marked.
 */
export async function markInterruptedReplays(db: WorkbenchDatabase, endpoint: string, isLive: boolean, now: number): Promise<ReplayRecord[]> {
  if (isLive) return [];
  return db.transaction('rw', db.replays, async () => {
    const stale = await db.replays
      .where('endpoint')
      .equals(endpoint)
      .filter((r) => r.status === 'RUNNING' || r.status === 'PAUSED')
      .toArray();
    const marked = stale.map((r) => ({ ...r, status: 'INTERRUPTED' as const, endedAt: now, message: `The tab closed or reloaded after ${r.requestsDone.toLocaleString('en-US')} of ${r.requestsTotal.toLocaleString('en-US')} requests; every one of them is in the log. Resume to play the rest.` }));
    await db.replays.bulkPut(marked);
    return marked;
  });
}

/** The replays of an endpoint, newest first. */
export async function replaysOf(db: WorkbenchDatabase, endpoint: string): Promise<ReplayRecord[]> {
  const rows = await db.replays.where('endpoint').equals(endpoint).toArray();
  return rows.sort((a, b) => b.startedAt - a.startedAt);
}
