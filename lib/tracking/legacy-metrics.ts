import type { Transaction } from 'dexie';
import { currentMetricKey, summarizeSeries } from './metric-model';
import { METRIC_CHUNK_POINTS, type MetricChunk, type RunRecord } from './run-types';

/**
 * Runs recorded before the one metric model have old names (`acc`, `val_acc`) and a second
 * point at the last step of `val_mae` / `val_accuracy` (the evaluation, logged on top of the
 * epoch's value). This rewrites one run's chunks to the current model: every key under its
 * current name, one point per step (the epoch's own value kept, later ones at the same step
 * dropped), chunked again by `METRIC_CHUNK_POINTS`. Pure; chunks of a key are read in chunk order.
 */
export function rewriteLegacyChunks(chunks: readonly MetricChunk[]): MetricChunk[] {
  const sorted = [...chunks].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.chunk - b.chunk));
  // Renamed series first, so that at a shared step the per-epoch value (val_acc) wins over the evaluation's (val_accuracy).
  sorted.sort((a, b) => Number(currentMetricKey(a.key) === a.key) - Number(currentMetricKey(b.key) === b.key));
  const series = new Map<string, { steps: number[]; values: number[]; seen: Set<number>; writtenAt: number; runId: string }>();
  for (const c of sorted) {
    const key = currentMetricKey(c.key);
    const s = series.get(key) ?? { steps: [], values: [], seen: new Set<number>(), writtenAt: 0, runId: c.runId };
    c.steps.forEach((step, i) => {
      if (s.seen.has(step)) return;
      s.seen.add(step);
      s.steps.push(step);
      s.values.push(c.values[i]!);
    });
    s.writtenAt = Math.max(s.writtenAt, c.writtenAt);
    series.set(key, s);
  }
  const out: MetricChunk[] = [];
  for (const [key, s] of [...series].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const order = s.steps.map((_, i) => i).sort((a, b) => s.steps[a]! - s.steps[b]!);
    for (let start = 0, chunk = 0; start < order.length; start += METRIC_CHUNK_POINTS, chunk++) {
      const part = order.slice(start, start + METRIC_CHUNK_POINTS);
      out.push({ runId: s.runId, key, chunk, steps: part.map((i) => s.steps[i]!), values: part.map((i) => s.values[i]!), writtenAt: s.writtenAt });
    }
  }
  return out;
}

/** Whether a run's chunks need `rewriteLegacyChunks`: an old name, or a step logged twice under one key. */
export function hasLegacyMetrics(chunks: readonly MetricChunk[]): boolean {
  const steps = new Map<string, Set<number>>();
  for (const c of chunks) {
    if (currentMetricKey(c.key) !== c.key) return true;
    const seen = steps.get(c.key) ?? new Set<number>();
    for (const step of c.steps) {
      if (seen.has(step)) return true;
      seen.add(step);
    }
    steps.set(c.key, seen);
  }
  return false;
}

/** A run's cached last and best values, recomputed from its chunks by the metric model's rule. */
export function summariesOf(chunks: readonly MetricChunk[]): Pick<RunRecord, 'lastMetrics' | 'bestMetrics'> {
  const lastMetrics: RunRecord['lastMetrics'] = {};
  const bestMetrics: RunRecord['bestMetrics'] = {};
  const keys = [...new Set(chunks.map((c) => c.key))];
  for (const key of keys) {
    const own = chunks.filter((c) => c.key === key).sort((a, b) => a.chunk - b.chunk);
    const summary = summarizeSeries(key, own.flatMap((c) => c.steps), own.flatMap((c) => c.values));
    if (summary.last) lastMetrics[key] = summary.last.value;
    if (summary.best) bestMetrics[key] = summary.best;
  }
  return { lastMetrics, bestMetrics };
}

/**
 * Database version 5: every run without `savedModel` (recorded before it existed) gets its
 * metrics rewritten by `rewriteLegacyChunks` and its cached summaries recomputed, in the
 * upgrade's transaction (all or nothing). Runs recorded since are left as they are.
 */
export async function upgradeLegacyMetrics(tx: Transaction): Promise<void> {
  const runs = tx.table<RunRecord, string>('runs');
  const chunks = tx.table<MetricChunk, [string, string, number]>('metricChunks');
  const legacy = await runs.filter((run) => !run.savedModel).toArray();
  for (const run of legacy) {
    const own = await chunks.where('runId').equals(run.id).toArray();
    if (own.length === 0) continue;
    const rewritten = rewriteLegacyChunks(own);
    await chunks.where('runId').equals(run.id).delete();
    await chunks.bulkPut(rewritten);
    await runs.put({ ...run, ...summariesOf(rewritten) });
  }
}
