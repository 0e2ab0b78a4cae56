import type { WorkbenchDatabase } from './db';
import { SWEEP_ARTIFACT } from './sweep-types';
import { foldPoint, type SeriesSummary } from './metric-model';
import { METRIC_CHUNK_POINTS, type MetricChunk, type RunRecord, type RunStatus } from './run-types';

export type NewRun = Pick<RunRecord, 'experiment' | 'name' | 'params' | 'dataset' | 'seed'> & Partial<Pick<RunRecord, 'tags' | 'notes' | 'parentRunId' | 'backend'>>;

/** Starts a run: stored at once as RUNNING, so a closed tab leaves a trace to recover. */
export async function createRun(db: WorkbenchDatabase, input: NewRun, now: number, id: string = crypto.randomUUID()): Promise<RunRecord> {
  const run: RunRecord = {
    id,
    status: 'RUNNING',
    startedAt: now,
    endedAt: null,
    tags: {},
    notes: '',
    parentRunId: null,
    backend: null,
    lastMetrics: {},
    bestMetrics: {},
    failure: null,
    ...input,
  };
  await db.runs.add(run);
  return run;
}

/**
 * Buffers metric points and writes them in batches: one transaction per `flush()` (call it once
 * an epoch), appending to fixed-size chunks — never one row per step (≈100 µs a row in Chromium).
 * Also keeps the run's last and best values current, so lists never read the histories.
 */
export class MetricWriter {
  private pending = new Map<string, { steps: number[]; values: number[] }>();
  private cursors = new Map<string, { chunk: number; length: number }>();
  /** The chunk each key is appending to, as last written: saves a read per key per flush. */
  private open = new Map<string, MetricChunk>();

  constructor(
    private readonly db: WorkbenchDatabase,
    readonly runId: string,
  ) {}

  /** Queues one value per metric at `step`; nothing is written until `flush`. */
  log(step: number, metrics: Readonly<Record<string, number>>): void {
    for (const [key, value] of Object.entries(metrics)) {
      const buffer = this.pending.get(key) ?? { steps: [], values: [] };
      buffer.steps.push(step);
      buffer.values.push(value);
      this.pending.set(key, buffer);
    }
  }

  /** Writes everything queued in one transaction; resolves to the number of points written. */
  async flush(now: number): Promise<number> {
    if (this.pending.size === 0) return 0;
    const batch = this.pending;
    this.pending = new Map();
    let written = 0;
    try {
      await this.db.transaction('rw', this.db.metricChunks, this.db.runs, async () => {
        const run = await this.db.runs.get(this.runId);
        if (!run) throw new Error(`run ${this.runId} does not exist`);
        for (const [key, points] of batch) {
          written += points.values.length;
          await this.append(key, points, now);
          summarize(run, key, points);
        }
        await this.db.runs.put(run);
      });
    } catch (error) {
      // Nothing was written: forget the cached positions (re-read next time) and keep the points queued.
      this.open.clear();
      this.cursors.clear();
      for (const [key, points] of batch) {
        const later = this.pending.get(key);
        this.pending.set(key, { steps: [...points.steps, ...(later?.steps ?? [])], values: [...points.values, ...(later?.values ?? [])] });
      }
      throw error;
    }
    return written;
  }

  private async append(key: string, points: { steps: number[]; values: number[] }, now: number): Promise<void> {
    let cursor = this.cursors.get(key) ?? (await this.lastChunk(key));
    let offset = 0;
    while (offset < points.values.length) {
      if (cursor.length >= METRIC_CHUNK_POINTS) cursor = { chunk: cursor.chunk + 1, length: 0 };
      const take = Math.min(METRIC_CHUNK_POINTS - cursor.length, points.values.length - offset);
      const primaryKey: [string, string, number] = [this.runId, key, cursor.chunk];
      const cached = this.open.get(key);
      const existing = cursor.length === 0 ? undefined : cached && cached.chunk === cursor.chunk ? cached : await this.db.metricChunks.get(primaryKey);
      const chunk: MetricChunk = existing ?? { runId: this.runId, key, chunk: cursor.chunk, steps: [], values: [], writtenAt: now };
      chunk.steps.push(...points.steps.slice(offset, offset + take));
      chunk.values.push(...points.values.slice(offset, offset + take));
      chunk.writtenAt = now;
      await this.db.metricChunks.put(chunk);
      this.open.set(key, chunk);
      cursor = { chunk: cursor.chunk, length: cursor.length + take };
      offset += take;
    }
    this.cursors.set(key, cursor);
  }

  private async lastChunk(key: string): Promise<{ chunk: number; length: number }> {
    const chunks = await this.db.metricChunks.where('[runId+key+chunk]').between([this.runId, key, -Infinity], [this.runId, key, Infinity]).toArray();
    const last = chunks.at(-1);
    return last ? { chunk: last.chunk, length: last.values.length } : { chunk: 0, length: 0 };
  }
}

/**
 * Keeps the run's cached last and best values current, by the metric model's one rule
 * (`foldPoint`). Points are appended in step order, so a new point is always the last.
 */
function summarize(run: RunRecord, key: string, points: { steps: number[]; values: number[] }): void {
  let summary: SeriesSummary = {
    last: Object.hasOwn(run.lastMetrics, key) ? { value: run.lastMetrics[key]!, step: -Infinity } : null,
    best: Object.hasOwn(run.bestMetrics, key) ? run.bestMetrics[key]! : null,
  };
  points.values.forEach((value, i) => (summary = foldPoint(summary, key, points.steps[i]!, value)));
  if (summary.last) run.lastMetrics[key] = summary.last.value;
  if (summary.best) run.bestMetrics[key] = summary.best;
}

/** One metric's full history, chunks joined in order. */
export async function readMetric(db: WorkbenchDatabase, runId: string, key: string): Promise<{ steps: number[]; values: number[] }> {
  const chunks = await db.metricChunks.where('[runId+key+chunk]').between([runId, key, -Infinity], [runId, key, Infinity]).toArray();
  return { steps: chunks.flatMap((c) => c.steps), values: chunks.flatMap((c) => c.values) };
}

/** Ends a run with its final status (and, for FAILED or KILLED, the reason and a hint). */
export async function finishRun(db: WorkbenchDatabase, runId: string, status: Exclude<RunStatus, 'RUNNING'>, now: number, failure: RunRecord['failure'] = null): Promise<void> {
  await db.transaction('rw', db.runs, async () => {
    const run = await db.runs.get(runId);
    if (!run) throw new Error(`run ${runId} does not exist`);
    if (run.status !== 'RUNNING') return; // already ended (e.g. cancelled, then the worker reported)
    await db.runs.put({ ...run, status, endedAt: now, failure });
  });
}

/** Records the model a run saved: its epoch and every metric's value there (see `RunRecord.savedModel`). */
export async function recordSavedModel(db: WorkbenchDatabase, runId: string, savedModel: NonNullable<RunRecord['savedModel']>): Promise<void> {
  await db.transaction('rw', db.runs, async () => {
    const run = await db.runs.get(runId);
    if (!run) throw new Error(`run ${runId} does not exist`);
    await db.runs.put({ ...run, savedModel });
  });
}

/**
 * A running training moved to another backend (its GPU was lost): the run's backend becomes
 * `backend` and `note` is added to its notes on a line of its own.
 */
export async function recordBackendSwitch(db: WorkbenchDatabase, runId: string, backend: string, note: string): Promise<void> {
  await db.transaction('rw', db.runs, async () => {
    const run = await db.runs.get(runId);
    if (!run) throw new Error(`run ${runId} does not exist`);
    await db.runs.put({ ...run, backend, notes: run.notes ? `${run.notes}\n${note}` : note });
  });
}

/**
 * On start-up: runs still RUNNING belong to a tab that closed mid-training. They become KILLED
 * ("interrupted"), ending at their last metric write; every metric already written is kept.
 * Runs in `activeRunIds` are still training in another tab or worker (they hold a lock, see
 * `RUN_LOCK_PREFIX`) and are left alone. Returns how many runs were recovered.
 */
export async function recoverInterruptedRuns(db: WorkbenchDatabase, now: number, activeRunIds: ReadonlySet<string> = new Set()): Promise<number> {
  return db.transaction('rw', db.runs, db.metricChunks, db.artifacts, async () => {
    const stale = (await db.runs.where('status').equals('RUNNING').toArray()).filter((run) => !activeRunIds.has(run.id));
    for (const run of stale) {
      await endInterruptedSweep(db, run.id);
      const chunks = await db.metricChunks.where('runId').equals(run.id).toArray();
      const lastWrite = chunks.reduce((latest, c) => Math.max(latest, c.writtenAt), run.startedAt);
      await db.runs.put({
        ...run,
        status: 'KILLED',
        endedAt: Math.min(now, lastWrite),
        failure: { message: 'Interrupted: the tab was closed or reloaded while this run was training.', hint: 'Metrics logged before the interruption are kept; start a new run to train again.' },
      });
    }
    return stale.length;
  });
}

/** A sweep's summary (`sweep.json` on its parent run) left RUNNING by a closed tab becomes KILLED too. */
async function endInterruptedSweep(db: WorkbenchDatabase, runId: string): Promise<void> {
  const summary = await db.artifacts.get([runId, SWEEP_ARTIFACT]);
  const data = summary?.data as { status?: unknown } | null | undefined;
  if (summary && data && typeof data === 'object' && data.status === 'RUNNING') await db.artifacts.put({ ...summary, data: { ...data, status: 'KILLED' } });
}

/** Name prefix of the Web Lock a trainer holds while a run trains (`navigator.locks`). */
export const RUN_LOCK_PREFIX = 'mlops-workbench-run:';

/** Deletes a run with its metrics and artifacts, in one transaction. */
export async function deleteRun(db: WorkbenchDatabase, runId: string): Promise<void> {
  await db.transaction('rw', db.runs, db.metricChunks, db.artifacts, async () => {
    await db.metricChunks.where('runId').equals(runId).delete();
    await db.artifacts.where('runId').equals(runId).delete();
    await db.runs.delete(runId);
  });
}
