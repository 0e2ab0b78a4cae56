import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '@/lib/tracking/db';
import type { RunRecord } from '@/lib/tracking/run-types';
import type { SweepSummary } from '@/lib/tracking/sweep-types';
import type { AliasEvent, ModelVersion, RegisteredModel } from '@/lib/registry/types';
import { snapshotFromRecords, snapshotModel, snapshotSweep } from './snapshot';
import { buildSnapshot, sweepParentIds } from './snapshot-domains';

const dbs: WorkbenchDatabase[] = [];
const freshDb = () => {
  const db = new WorkbenchDatabase(`snapshot-${dbs.length}-${Date.now()}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function runRecord(id: string, startedAt: number, patch: Partial<RunRecord> = {}): RunRecord {
  return {
    id,
    experiment: 'flights',
    name: `run ${id}`,
    status: 'FINISHED',
    startedAt,
    endedAt: startedAt + 10,
    params: { target: 'delay', learningRate: 0.01 },
    tags: {},
    notes: '',
    dataset: { id: 'flights', hash: 'h-flights', split: 'time' },
    backend: 'cpu',
    seed: 42,
    lastMetrics: { val_loss: 1100 },
    bestMetrics: { val_loss: { value: 1000, step: 4 } },
    failure: null,
    parentRunId: null,
    ...patch,
  };
}

const summary: SweepSummary = {
  search: 'random',
  space: [
    { param: 'learningRate', kind: 'range', min: 0.0001, max: 0.1, scale: 'log', integer: false },
    { param: 'batchSize', kind: 'values', values: [32, 64, 128] },
  ],
  objective: { metric: 'val_loss', direction: 'minimize' },
  earlyStopping: 'median',
  budget: { maxTrials: 8, maxMinutes: null },
  folds: 3,
  seed: 7,
  trials: [
    { runId: 'c1', params: { learningRate: 0.01, batchSize: 64 }, value: 0.45, std: 0.01, status: 'FINISHED', epochs: 10 },
    { runId: 'c2', params: { learningRate: 0.3, batchSize: 32 }, value: null, std: null, status: 'FAILED', epochs: 1 },
  ],
  importance: {
    method: 'variance explained (η²)',
    scores: [
      { param: 'batchSize', score: 0.1 },
      { param: 'learningRate', score: 0.7 },
    ],
  },
  status: 'FINISHED',
};

const model: RegisteredModel = { name: 'delay-mlp', description: 'Arrival delay', tags: {}, aliases: { champion: 2 }, createdAt: 1, updatedAt: 5 };
const version = (n: number, runId: string, metrics: Record<string, number>): ModelVersion => ({
  name: 'delay-mlp',
  version: n,
  runId,
  description: '',
  tags: {},
  createdAt: n * 10,
  archived: n === 1,
  archivedAt: n === 1 ? 50 : null,
  dataset: { id: 'flights', hash: 'h-flights', split: 'time' },
  task: 'regression',
  target: 'delay',
  metrics,
});
const event = (id: string, at: number, versionNumber: number | null, previousVersion: number | null, name = 'delay-mlp'): AliasEvent => ({
  id,
  name,
  alias: 'champion',
  version: versionNumber,
  previousVersion,
  at,
  actor: 'you',
  reason: '',
});

describe('buildSnapshot', () => {
  it('reads runs, the registry with its alias history, and the sweep summaries of parent runs', async () => {
    const db = freshDb();
    await db.runs.bulkPut([
      runRecord('solo', 300, { tags: { winner: '' } }),
      runRecord('parent', 100, { name: 'lr sweep', tags: { sweep: 'parent', important: 'learningRate' }, lastMetrics: {}, bestMetrics: {} }),
      runRecord('c1', 110, { parentRunId: 'parent' }),
      runRecord('c2', 120, { parentRunId: 'parent', status: 'FAILED' }),
      // A parent found through its children only, and a tagged parent without a summary yet.
      runRecord('untagged-parent', 200),
      runRecord('c3', 210, { parentRunId: 'untagged-parent' }),
      runRecord('empty-parent', 400, { tags: { sweep: 'parent' } }),
    ]);
    await db.artifacts.bulkPut([
      { runId: 'parent', name: 'sweep.json', contentType: 'application/json', data: summary, bytes: null, createdAt: 150 },
      { runId: 'untagged-parent', name: 'sweep.json', contentType: 'application/json', data: { ...summary, importance: null, status: 'RUNNING' }, bytes: null, createdAt: 250 },
      // Not a sweep parent: its look-alike artifact is never read.
      { runId: 'solo', name: 'sweep.json', contentType: 'application/json', data: summary, bytes: null, createdAt: 350 },
    ]);
    await db.registeredModels.put(model);
    await db.modelVersions.bulkPut([version(2, 'c1', { val_rmse: 31.5 }), version(1, 'solo', { val_rmse: 32.4 })]);
    await db.aliasEvents.bulkPut([event('e2', 40, 2, 1), event('e1', 20, 1, null), event('x', 30, 1, null, 'other-model')]);

    const snapshot = await buildSnapshot(db, [], 999);

    expect(snapshot.takenAt).toBe(999);
    expect(snapshot.runs.map((r) => r.id)).toEqual(['parent', 'c1', 'c2', 'untagged-parent', 'c3', 'solo', 'empty-parent']);
    expect(snapshot.runs.find((r) => r.id === 'c1')!.parentRunId).toBe('parent');
    expect(snapshot.runs.find((r) => r.id === 'solo')!.bestMetrics).toEqual({ val_loss: 1000 });

    expect(snapshot.sweeps.map((s) => s.parentRunId)).toEqual(['parent', 'untagged-parent']);
    const [sweep, running] = snapshot.sweeps;
    expect(sweep).toEqual({
      parentRunId: 'parent',
      name: 'lr sweep',
      startedAt: 100,
      datasetId: 'flights',
      tags: { sweep: 'parent', important: 'learningRate' },
      search: 'random',
      searched: ['learningRate', 'batchSize'],
      maxTrials: 8,
      earlyStopping: 'median',
      folds: 3,
      objective: { metric: 'val_loss', direction: 'minimize' },
      trials: [
        { runId: 'c1', params: { learningRate: 0.01, batchSize: 64 }, value: 0.45, std: 0.01, status: 'FINISHED' },
        { runId: 'c2', params: { learningRate: 0.3, batchSize: 32 }, value: null, std: null, status: 'FAILED' },
      ],
      importance: { method: 'variance explained (η²)', scores: [{ param: 'learningRate', score: 0.7 }, { param: 'batchSize', score: 0.1 }] },
      status: 'FINISHED',
    });
    expect(running).toMatchObject({ importance: null, status: 'RUNNING' });

    expect(snapshot.models).toEqual([
      {
        name: 'delay-mlp',
        description: 'Arrival delay',
        aliases: { champion: 2 },
        versions: [
          { version: 1, runId: 'solo', archived: true, createdAt: 10, metrics: { val_rmse: 32.4 }, datasetId: 'flights', datasetHash: 'h-flights', task: 'regression', target: 'delay' },
          { version: 2, runId: 'c1', archived: false, createdAt: 20, metrics: { val_rmse: 31.5 }, datasetId: 'flights', datasetHash: 'h-flights', task: 'regression', target: 'delay' },
        ],
        aliasHistory: [
          { alias: 'champion', version: 1, previousVersion: null, at: 20, actor: 'you' },
          { alias: 'champion', version: 2, previousVersion: 1, at: 40, actor: 'you' },
        ],
      },
    ]);
  });

  it('gives empty lists for an empty database', async () => {
    const snapshot = await buildSnapshot(freshDb(), [], 1);
    expect(snapshot).toMatchObject({ runs: [], models: [], sweeps: [], progress: { exercises: [], visits: [], completedLessons: [] } });
  });
});

describe('snapshotFromRecords', () => {
  it('defaults to no models and no sweeps, and keeps a summary only when its parent run is known', () => {
    const records = { exercises: [], visits: [] };
    expect(snapshotFromRecords(records, [], 5, [runRecord('a', 1)])).toMatchObject({ models: [], sweeps: [] });
    const withOrphan = snapshotFromRecords(records, [], 5, [runRecord('a', 1)], { sweeps: [{ runId: 'gone', summary }] });
    expect(withOrphan.sweeps).toEqual([]);
  });

  it('reads a run saved without parentRunId as a run of its own', () => {
    const legacy = runRecord('old', 1) as Partial<RunRecord>;
    delete legacy.parentRunId;
    expect(snapshotFromRecords({ exercises: [], visits: [] }, [], 5, [legacy as RunRecord]).runs[0]!.parentRunId).toBeNull();
  });

  it('lists models by name, each with only its own versions', () => {
    const other: RegisteredModel = { ...model, name: 'a-first', aliases: {} };
    const snapshot = snapshotFromRecords({ exercises: [], visits: [] }, [], 5, [], { models: [model, other], versions: [version(1, 'r', {})] });
    expect(snapshot.models.map((m) => [m.name, m.versions.length])).toEqual([
      ['a-first', 0],
      ['delay-mlp', 1],
    ]);
  });
});

describe('snapshotSweep', () => {
  const parent = runRecord('p', 1, { tags: { sweep: 'parent' } });

  it('is null for anything that is not a summary with trials', () => {
    for (const bad of [null, 42, 'sweep', [], {}, { trials: 'many' }]) expect(snapshotSweep(parent, bad)).toBeNull();
  });

  it('drops malformed trials and scores, and falls back to safe defaults for unknown values', () => {
    const sweep = snapshotSweep(parent, {
      search: 'bayes',
      earlyStopping: 'hyperband',
      status: 'PAUSED',
      folds: 'three',
      trials: [
        { runId: 'ok', params: { lr: 0.1, nested: { x: 1 } }, value: Number.NaN, std: 'n/a', status: 'STOPPED_EARLY' },
        { runId: 'bad-status', params: {}, value: 1, std: null, status: 'DONE' },
        'not a trial',
      ],
      importance: { method: 'η²', scores: [{ param: 'lr', score: 0.2 }, { param: 'x', score: 'high' }, { score: 1 }] },
    });
    expect(sweep).toMatchObject({
      search: 'random',
      earlyStopping: 'none',
      status: 'RUNNING',
      folds: null,
      maxTrials: 0,
      searched: [],
      objective: { metric: '', direction: 'minimize' },
      trials: [{ runId: 'ok', params: { lr: 0.1 }, value: null, std: null, status: 'STOPPED_EARLY' }],
      importance: { method: 'η²', scores: [{ param: 'lr', score: 0.2 }] },
    });
  });
});

describe('snapshotModel', () => {
  it('orders alias events by time, keeping the given order on a tie', () => {
    const m = snapshotModel(model, [], [event('b', 10, 2, 1), event('a', 10, 3, 2), event('c', 5, 1, null)]);
    expect(m.aliasHistory.map((e) => e.version)).toEqual([1, 2, 3]);
  });
});

describe('sweepParentIds', () => {
  it('finds parents by tag or by children', () => {
    const runs = [runRecord('a', 1, { tags: { sweep: 'parent' } }), runRecord('b', 2), runRecord('c', 3, { parentRunId: 'b' }), runRecord('d', 4, { tags: { sweep: 'child' } })];
    expect(sweepParentIds(runs)).toEqual(['a', 'b']);
  });
});
