import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchDatabase } from '../db';
import { exportBundle } from './export';
import { LIMITS } from './format';
import { importBundle } from './import';
import { parseBundle } from './parse';
import { closeAll, dump, freshDb, seedSmall } from './test-fixtures';

/*
 * Hostile and damaged files. Every case must end in `{ ok: false, error }` with a sentence, or
 * in a valid import — never a throw, never a partial write (the target database is compared
 * with a dump taken before each attempt).
 */

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests poke at raw JSON

let valid = '';
let target: WorkbenchDatabase;
let baseline = '';

/** The target holds unrelated records, so "nothing written" is checked against real content. */
async function resetTarget(): Promise<void> {
  await Promise.all([target.runs, target.metricChunks, target.artifacts, target.datasets, target.registeredModels, target.modelVersions, target.aliasEvents, target.exerciseProgress, target.lessonVisits].map((t) => t.clear()));
  await target.lessonVisits.put({ lessonId: 'local-only', visitedAt: 1 });
  await target.runs.put({ id: 'local-run', experiment: 'e', name: 'mine', status: 'FINISHED', startedAt: 1, endedAt: 2, params: {}, tags: {}, notes: '', dataset: { id: 'cars', hash: 'h', split: 's' }, backend: 'cpu', seed: 1, lastMetrics: {}, bestMetrics: {}, failure: null, parentRunId: null });
  baseline = await dump(target);
}

beforeAll(async () => {
  const source = freshDb();
  await seedSmall(source);
  valid = (await exportBundle(source, { runIds: ['run-1'], modelNames: ['m'], includeProgress: true }, 0)).json;
  target = freshDb();
  await resetTarget();
});
afterAll(closeAll);
afterEach(async () => {
  // A valid import in one case must not change the next case's starting point.
  if ((await dump(target)) !== baseline) await resetTarget();
});

/** Imports `text` and checks the contract; returns the outcome. */
async function attempt(text: string) {
  const result = await importBundle(target, text, 1000);
  if (!result.ok) {
    expect(result.error).toMatch(/\S.*\.$/);
    expect(await dump(target)).toBe(baseline);
  }
  return result;
}

function edited(edit: (file: Json) => void): string {
  const file = JSON.parse(valid) as Json;
  edit(file);
  return JSON.stringify(file);
}

/** Adds an own enumerable key (as JSON.parse would) — plain assignment of `__proto__` would set the prototype instead. */
function withKey(obj: Json, key: string): void {
  Object.defineProperty(obj, key, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
}

/** mulberry32: a tiny seeded PRNG, so a failing flip can be reproduced. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('bundle fuzzing', () => {
  it('the fixture is a valid, complete bundle', async () => {
    expect(valid.length).toBeGreaterThan(1500);
    expect(valid.length).toBeLessThan(6000);
    const result = await importBundle(freshDb(), valid, 1);
    expect(result).toMatchObject({ ok: true, added: { runs: 1, metricChunks: 2, artifacts: 2, datasets: 1, models: 1, versions: 1, aliasEvents: 1, exercises: 1, visits: 1 } });
  });

  it('refuses every truncation of the file (each prefix length) as incomplete JSON', () => {
    for (let cut = 0; cut < valid.length; cut++) {
      const result = parseBundle(valid.slice(0, cut));
      expect(result.ok, `prefix of ${cut} characters`).toBe(false);
      expect(!result.ok && result.error).toMatch(/^The file (is not complete JSON \(it may be truncated or damaged\)|is empty)/);
    }
  });

  it('writes nothing for truncated files, sampled across the file', async () => {
    for (let cut = 1; cut < valid.length; cut += Math.ceil(valid.length / 40)) {
      expect((await attempt(valid.slice(0, cut))).ok).toBe(false);
    }
  });

  it('refuses wrong formats and versions with their own message', async () => {
    const cases: Array<[Json, RegExp]> = [
      [{ version: 4 }, /^This bundle is version 4; this workbench reads versions 1, 2 and 3\./],
      [{ version: 99 }, /version 99/],
      [{ version: -1 }, /version -1;/],
      [{ version: 1.5 }, /version 1\.5;/],
      [{ version: '1' }, /no valid version number/],
      [{ version: null }, /no valid version number/],
      [{ format: 'mlops-workbench/progress' }, /progress file/],
      [{ format: 'MLOPS-WORKBENCH/BUNDLE' }, /not an MLOps Workbench bundle/],
      [{ format: 42 }, /no "format" field/],
    ];
    for (const [patch, message] of cases) {
      const result = await attempt(edited((f) => Object.assign(f, patch)));
      expect(!result.ok && result.error).toMatch(message);
    }
    for (const text of ['null', '"bundle"', '42', '[]', 'true', '{}']) expect((await attempt(text)).ok).toBe(false);
  });

  it('refuses __proto__, constructor and prototype keys at every depth, and pollutes nothing', async () => {
    const places: Array<(f: Json) => Json> = [
      (f) => f,
      (f) => f.runs[0],
      (f) => f.runs[0].params,
      (f) => f.runs[0].bestMetrics.loss,
      (f) => f.runs[0].dataset,
      (f) => f.metricChunks[0],
      (f) => f.artifacts.find((a: Json) => a.name === 'model.json').data.modelTopology,
      (f) => f.datasets[0].report,
      (f) => f.registeredModels[0].aliases,
      (f) => f.modelVersions[0].metrics,
      (f) => f.aliasEvents[0],
      (f) => f.lessonVisits[0],
      (f) => f.exerciseProgress[0],
    ];
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      for (const [i, place] of places.entries()) {
        const result = await attempt(edited((f) => withKey(place(f), key)));
        expect(!result.ok && result.error, `${key} at place ${i}`).toContain(`the key "${key}"`);
      }
      // Inside an array, and as raw text with escapes that JSON decodes to the same key.
      expect((await attempt(edited((f) => f.exerciseProgress[0].lastAnswer.push(JSON.parse(`{"${key}": 1}`))))).ok).toBe(false);
    }
    expect((await attempt(valid.replace('"runs":[{', '"runs":[{"\\u005f_proto__":{"polluted":true},'))).ok).toBe(false);
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses huge numbers, unsafe integers, huge strings and huge lists', async () => {
    const raw: Array<[string, string]> = [
      ['"seed":7', '"seed":1e400'],
      ['"seed":7', '"seed":-1e400'],
      ['"steps":[1,2]', '"steps":[1,1e309]'],
      ['"steps":[1,2]', '"steps":[1,9007199254740993]'],
      ['"seed":7', '"seed":9007199254740993'],
      ['"version":3,', '"version":1e999,'],
      ['"startedAt":10', '"startedAt":1e300'],
      ['"attempts":1', '"attempts":1.0000001'],
    ];
    for (const [from, to] of raw) {
      expect(valid.includes(from), from).toBe(true);
      expect((await attempt(valid.replace(from, to))).ok, to).toBe(false);
    }
    const big = 'x'.repeat(LIMITS.jsonString + 1);
    const edits: Array<(f: Json) => void> = [
      (f) => (f.runs[0].name = big),
      (f) => (f.runs[0].notes = big),
      (f) => (f.runs[0].params.lr = big),
      (f) => (f.runs[0].tags[big.slice(0, 5000)] = 'v'),
      (f) => (f.artifacts[0].data = { nested: [big] }),
      (f) => (f.aliasEvents[0].reason = big),
      (f) => (f.metricChunks[0].steps = Array.from({ length: 1001 }, (_, i) => i)),
      (f) => (f.runs[0].lastMetrics = Object.fromEntries(Array.from({ length: LIMITS.mapEntries + 1 }, (_, i) => [`m${i}`, 1]))),
      (f) => (f.lessonVisits = Array.from({ length: LIMITS.visits + 1 }, (_, i) => ({ lessonId: `l${i}`, visitedAt: 1 }))),
      (f) => (f.runs = Array.from({ length: LIMITS.runs + 1 }, (_, i) => ({ ...f.runs[0], id: `r${i}` }))),
    ];
    for (const [i, edit] of edits.entries()) expect((await attempt(edited(edit))).ok, `edit ${i}`).toBe(false);
  });

  it('refuses ids that collide inside the file', async () => {
    const twins: Array<(f: Json) => void> = [
      (f) => f.runs.push({ ...f.runs[0] }),
      (f) => f.metricChunks.push({ ...f.metricChunks[0], writtenAt: 99 }),
      (f) => f.artifacts.push({ ...f.artifacts[0], createdAt: 99 }),
      (f) => f.datasets.push({ ...f.datasets[0], name: 'other' }),
      (f) => f.registeredModels.push({ ...f.registeredModels[0] }),
      (f) => f.modelVersions.push({ ...f.modelVersions[0], description: 'other' }),
      (f) => f.aliasEvents.push({ ...f.aliasEvents[0] }),
      (f) => f.exerciseProgress.push({ ...f.exerciseProgress[0] }),
      (f) => f.lessonVisits.push({ ...f.lessonVisits[0], visitedAt: 1 }),
    ];
    for (const [i, edit] of twins.entries()) {
      const result = await attempt(edited(edit));
      expect(!result.ok && result.error, `case ${i}`).toContain('appears twice in the file');
    }
  });

  it('refuses ids that exist here with different content, whatever the kind', async () => {
    const source = freshDb();
    await seedSmall(source);
    const changes: Array<[(db: WorkbenchDatabase) => Promise<unknown>, string]> = [
      [(db) => db.runs.update('run-1', { name: 'renamed' }), 'run “tiny” (run-1)'],
      [(db) => db.metricChunks.update(['run-1', 'loss', 0], { values: [0.75, 0.4] }), 'chunk 0 of “loss”'],
      [(db) => db.artifacts.update(['run-1', 'weights.bin'], { bytes: new Float32Array([1, 2]).buffer }), 'artifact “weights.bin”'],
      [(db) => db.datasets.update('upload-1', { text: 'a,b\n9,9\n' }), 'dataset “d” (upload-1)'],
      [(db) => db.modelVersions.update(['m', 1], { runId: 'local-run' }), 'm v1'],
      [(db) => db.aliasEvents.update('ev-1', { actor: 'ci' }), 'alias event ev-1'],
    ];
    for (const [change, label] of changes) {
      await resetTarget();
      expect((await importBundle(target, valid, 1)).ok).toBe(true);
      await change(target);
      baseline = await dump(target);
      const result = await attempt(valid);
      expect(result).toMatchObject({ ok: false, reason: 'collision' });
      expect(!result.ok && result.error).toContain(label);
    }
    await resetTarget();
  });

  it('survives random character flips (seeded): a clear refusal with no writes, or a valid import', async () => {
    const next = random(20240601);
    const alphabet = '{}[]":,.-+eE0123456789abcdefnrtuxyzAZ_/\\ \u00e9\u0000';
    let refused = 0;
    let imported = 0;
    for (let trial = 0; trial < 250; trial++) {
      const chars = valid.split('');
      const flips = 1 + Math.floor(next() * 3);
      for (let f = 0; f < flips; f++) chars[Math.floor(next() * chars.length)] = alphabet[Math.floor(next() * alphabet.length)]!;
      const text = chars.join('');
      let result;
      try {
        result = await attempt(text);
      } catch (error) {
        throw new Error(`trial ${trial} threw: ${String(error)}`);
      }
      if (result.ok) {
        imported++;
        // A valid damaged file is still an ordinary bundle: importing it again adds nothing.
        const again = await importBundle(target, text, 1001);
        expect(again.ok && Object.values(again.added).every((n) => n === 0), `trial ${trial}`).toBe(true);
        await resetTarget();
      } else refused++;
    }
    expect(refused).toBeGreaterThan(100);
    expect(refused + imported).toBe(250);
    expect(({} as Json).polluted).toBeUndefined();
  });
});
