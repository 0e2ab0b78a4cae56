import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkbenchDatabase } from '../tracking/db';
import { archiveVersion } from '../registry/registry';
import { dropDatabases, seedRun, track } from '../registry/test-fixtures';
import { BENCH_NAME, benchPreprocessing, benchReplayRequest, ensureBenchEndpoint, findBenchVersion, latencySummary, logWriteShare, registerBenchRun, typicalRowsBody, rowsPerSecond } from './bench-setup';
import { changeRoutes } from './endpoints';
import { validateBody } from './contract';
import { contractFromPreprocessing } from './data-contract';
import { exampleRequest } from '../registry/package/example';

afterEach(dropDatabases);

const fresh = () => track(new WorkbenchDatabase(`bench-serving-${crypto.randomUUID()}`));

describe('serving benchmark fixtures', () => {
  it('trains only when no servable version exists, then reuses the newest one', async () => {
    const db = fresh();
    expect(await findBenchVersion(db)).toBeNull();
    await seedRun(db, 'a', { task: 'classification' });
    await seedRun(db, 'b', { task: 'classification' });
    expect(await registerBenchRun(db, 'a', 2000)).toEqual({ version: 1, runId: 'a' });
    expect(await registerBenchRun(db, 'b', 2100)).toEqual({ version: 2, runId: 'b' });
    expect(await findBenchVersion(db)).toEqual({ version: 2, runId: 'b' });
    // An archived version, or one whose run lost its model, is skipped.
    await archiveVersion(db, BENCH_NAME, 2, 2200);
    expect(await findBenchVersion(db)).toEqual({ version: 1, runId: 'a' });
    await db.artifacts.where('runId').equals('a').delete();
    expect(await findBenchVersion(db)).toBeNull();
  });

  it('reuses a matching endpoint and rebuilds one that drifted from the benchmark setup', async () => {
    const db = fresh();
    await seedRun(db, 'a', { task: 'classification' });
    await seedRun(db, 'b', { task: 'classification' });
    await registerBenchRun(db, 'a', 2000);
    await registerBenchRun(db, 'b', 2100);
    const first = await ensureBenchEndpoint(db, 1, 3000);
    expect(first.routes).toEqual([{ version: 1, share: 100, role: 'primary' }]);
    expect(await ensureBenchEndpoint(db, 1, 3100)).toEqual(first);
    expect(await db.deployments.where('endpoint').equals(BENCH_NAME).count()).toBe(1);
    // Someone added a shadow by hand: the benchmark starts from a clean endpoint again.
    await changeRoutes(db, BENCH_NAME, { routes: [{ version: 1, share: 100, role: 'primary' }, { version: 2, share: 0, role: 'shadow' }], rollout: null, action: 'shadow-start', version: 2, strategy: 'shadow' }, 3200);
    const rebuilt = await ensureBenchEndpoint(db, 2, 3300);
    expect(rebuilt.routes).toEqual([{ version: 2, share: 100, role: 'primary' }]);
    expect(rebuilt.createdAt).toBe(3300);
  });

  it('builds request bodies the contract parses, with as many rows as asked', async () => {
    const db = fresh();
    await seedRun(db, 'a', { task: 'classification', inputs: ['distance', 'origin'] });
    const prep = await benchPreprocessing(db, 'a');
    const body = typicalRowsBody(prep, 1000, 'batch-1');
    const parsed = JSON.parse(body) as { id: string; columns: string[]; rows: unknown[][] };
    expect(parsed.id).toBe('batch-1');
    expect(parsed.columns).toEqual(['distance', 'origin']);
    expect(parsed.rows).toHaveLength(1000);
    // No row repeats another (a repeat is flagged), and every row passes the contract.
    expect(new Set(parsed.rows.map((r) => JSON.stringify(r))).size).toBe(1000);
    const verdicts = validateBody(parsed, contractFromPreprocessing(prep), 'reject').rows.map((r) => r.verdict);
    expect(verdicts.every((v) => v === 'ok')).toBe(true);
    expect(JSON.parse(typicalRowsBody(prep, 1, 'one')).rows).toEqual([exampleRequest(prep).rows[0]]);
    await expect(benchPreprocessing(db, 'gone')).rejects.toThrow(/preprocessing\.json/);
  });

  it('reports the figures the issue names', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(latencySummary(samples)).toEqual({ p50Ms: 50.5, p95Ms: 95.05 });
    // Ten 1,000-row requests in 100 ms in all: 100,000 rows/s.
    expect(rowsPerSecond(Array.from({ length: 10 }, () => 10), 1000)).toBe(100_000);
    expect(rowsPerSecond([], 1000)).toBe(0);
    expect(logWriteShare({ wallMs: 20_000, logWriteMs: 612.345 })).toBe(0.0306);
    expect(logWriteShare({ wallMs: 0, logWriteMs: 0 })).toBe(0);
    const replay = benchReplayRequest();
    expect(replay.days * replay.requestsPerDay * replay.rowsPerRequest).toBe(100_000);
    expect(replay).toMatchObject({ endpoint: BENCH_NAME, scenario: 'control', speed: 'max', dirtyRate: 0 });
  });
});
