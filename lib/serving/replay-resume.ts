import type { WorkbenchDatabase } from '../tracking/db';
import { readLogPage } from '../tracking/prediction-log-read';
import type { ReplayRecord } from '../tracking/serving-types';
import type { LabelQueue, Said } from './replay-labels';
import type { ReplayWindows } from './replay-windows';
import type { TrafficStream } from './traffic';

/**
 * Picks up an interrupted replay where its log ends: its windows carry on from their stored
 * figures, and the labels still owed to requests answered before the reload (those due after the
 * last flush) are queued again, joined to what each version answered as the log holds it. The
 * stream is deterministic, so request i is regenerated from its index. Returns how many
 * requests' labels were queued again.
 */
export async function resumeReplay(db: WorkbenchDatabase, record: ReplayRecord, stream: TrafficStream, windows: ReplayWindows, labels: LabelQueue): Promise<number> {
  const stored = (await db.trafficWindows.where('endpoint').equals(record.endpoint).toArray()).filter((w) => w.source === record.id);
  windows.resume(stored);
  const delay = stream.info.labelDelayMs;
  let first = record.requestsDone;
  while (first > 0 && stream.request(first - 1).at + delay > record.simNow) first--;
  if (first === record.requestsDone) return 0;
  const owed = Array.from({ length: record.requestsDone - first }, (_, k) => stream.request(first + k));
  const from = record.windowOffset + owed[0]!.day;
  const to = record.windowOffset + owed.at(-1)!.day;
  const logged = await readLogPage(db, record.endpoint, { filter: { windows: { from, to } }, order: 'oldest', limit: Number.MAX_SAFE_INTEGER });
  const byRequest = new Map<string, typeof logged>();
  for (const row of logged) byRequest.set(row.requestId, [...(byRequest.get(row.requestId) ?? []), row]);
  for (const request of owed) {
    const rows = byRequest.get(request.id) ?? [];
    const said: Said[][] = request.labels.map((_, i) => rows.filter((r) => r.rowIndex === i && r.status !== 'error').map((r) => ({ version: r.version, role: r.role, prediction: r.prediction })));
    labels.pushLogged({ requestId: request.id, at: request.at, window: record.windowOffset + request.day }, request.labels, said);
  }
  return owed.length;
}
