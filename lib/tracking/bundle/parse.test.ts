import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from './export';
import { MAX_BUNDLE_BYTES } from './format';
import { parseBundle } from './parse';
import { closeAll, freshDb, seedWorkbench } from './test-fixtures';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests poke at raw JSON

let valid = '';
beforeAll(async () => {
  const db = freshDb();
  await seedWorkbench(db);
  valid = (await exportBundle(db, { runIds: ['sweep-1', 'failed-1', 'long-1'], modelNames: ['flights-delay'], includeProgress: true }, 0)).json;
});
afterEach(closeAll);

/** The error for a copy of the valid bundle changed by `edit`. */
function errorAfter(edit: (file: Json) => void): string {
  const file = JSON.parse(valid) as Json;
  edit(file);
  const result = parseBundle(JSON.stringify(file));
  if (result.ok) throw new Error('expected the bundle to be refused');
  return result.error;
}

describe('parseBundle', () => {
  it('accepts an exported bundle', () => {
    const result = parseBundle(valid);
    expect(result.ok).toBe(true);
    expect(result.ok && result.bundle.runs.map((r) => r.id)).toEqual(['sweep-1', 'trial-a', 'trial-b', 'failed-1', 'long-1']);
  });

  it('names the path and the rule for schema errors', () => {
    expect(errorAfter((f) => (f.runs[3].status = 'DONE'))).toBe(
      'The file does not match the bundle format: runs[3].status: expected one of RUNNING, FINISHED, FAILED, KILLED. Nothing was changed.',
    );
    expect(errorAfter((f) => delete f.runs[0].name)).toContain('runs[0].name: is required');
    expect(errorAfter((f) => (f.runs[0].extra = 1))).toContain('runs[0]: has an unknown field "extra"');
    expect(errorAfter((f) => (f.runs[0].seed = 1.5))).toContain('runs[0].seed: must be a whole number');
    expect(errorAfter((f) => (f.metricChunks[0].steps[0] = 2 ** 53 + 2))).toContain('metricChunks[0].steps[0]: is too large for a whole number');
    expect(errorAfter((f) => (f.metricChunks[0].values.length = 1))).toContain('metricChunks[0].values: must have one value per step');
    expect(errorAfter((f) => (f.metricChunks[0].values[0] = 'lots'))).toContain('metricChunks[0].values[0]: must be a finite number, or "NaN", "Infinity" or "-Infinity"');
    expect(errorAfter((f) => (f.artifacts.find((a: Json) => a.bytes).bytes = 'AAA*'))).toMatch(/artifacts\[\d\]\.bytes: must be base64/);
    expect(errorAfter((f) => (f.artifacts.find((a: Json) => a.bytes).bytes = 'AAAAA'))).toMatch(/multiple of 4/);
    expect(errorAfter((f) => (f.runs[0].id = '../etc'))).toContain('runs[0].id: must be an id made of letters');
    expect(errorAfter((f) => (f.registeredModels[0].aliases = { 'Bad Alias': 1 }))).toContain('registeredModels[0].aliases');
    expect(errorAfter((f) => (f.runs = {}))).toContain('runs: must be a list (got an object)');
  });

  it('lists a few problems and counts the rest', () => {
    const error = errorAfter((f) => f.runs.forEach((r: Json) => (r.status = 'x')));
    expect(error).toMatch(/runs\[0\]\.status.*; runs\[1\]\.status.*; runs\[2\]\.status.* \(and 2 more problems\)\. Nothing was changed\.$/);
  });

  it('tells a wrong version, a progress file and a foreign file apart', () => {
    expect(errorAfter((f) => (f.version = 4))).toBe(
      'This bundle is version 4; this workbench reads versions 1, 2 and 3. It was made by a newer workbench: reload the page to update this one, then try again. Nothing was changed.',
    );
    expect(errorAfter((f) => (f.version = 0))).toBe('This bundle is version 0; this workbench reads versions 1, 2 and 3. Nothing was changed.');
    expect(errorAfter((f) => (f.version = '1'))).toContain('no valid version number');
    expect(errorAfter((f) => delete f.version)).toContain('no valid version number');
    expect(errorAfter((f) => (f.format = 'mlops-workbench/progress'))).toContain('This is a progress file, not a bundle');
    expect(errorAfter((f) => (f.format = 'mlflow'))).toContain('its format is "mlflow"');
    expect(parseBundle('[1,2]')).toEqual({ ok: false, error: expect.stringContaining('does not hold a JSON object') });
    expect(parseBundle('   ')).toEqual({ ok: false, error: 'The file is empty. Nothing was changed.' });
  });

  it('refuses truncated JSON with a sentence that says so', () => {
    const result = parseBundle(valid.slice(0, valid.length / 2));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/^The file is not complete JSON \(it may be truncated or damaged\): .+\. Nothing was changed\.$/);
  });

  it('refuses inconsistent references', () => {
    expect(errorAfter((f) => (f.metricChunks[0].runId = 'ghost'))).toContain('metricChunks[0].runId: the run "ghost" is not in the bundle.');
    expect(errorAfter((f) => (f.runs[1].parentRunId = 'ghost'))).toContain('runs[1].parentRunId: the parent run "ghost" is neither in the bundle nor listed in absentRunIds.');
    expect(errorAfter((f) => (f.runs[0].parentRunId = 'trial-a'))).toContain('is its own ancestor');
    expect(errorAfter((f) => (f.modelVersions[1].runId = 'ghost'))).toContain('modelVersions[1].runId: the run "ghost" is neither in the bundle nor listed in absentRunIds.');
    expect(errorAfter((f) => (f.absentRunIds = ['long-1']))).toContain('absentRunIds[0]: the run "long-1" is in the bundle');
    expect(errorAfter((f) => (f.modelVersions[1].archived = true))).toContain('registeredModels[0].aliases.champion: flights-delay v2 is archived');
    expect(errorAfter((f) => (f.registeredModels[0].aliases.champion = 7))).toContain('flights-delay has no version 7 in the bundle');
    expect(errorAfter((f) => (f.aliasEvents[0].previousVersion = 9))).toContain('aliasEvents[0].previousVersion: flights-delay has no version 9');
    expect(errorAfter((f) => (f.aliasEvents[0].name = 'other'))).toContain('aliasEvents[0].name: the model "other" is not in the bundle.');
  });

  it('refuses ids that appear twice in the file', () => {
    expect(errorAfter((f) => f.runs.push({ ...f.runs[0], name: 'twin' }))).toContain('runs[5]: the run id "sweep-1" appears twice in the file (also at runs[0]).');
    expect(errorAfter((f) => f.modelVersions.push(f.modelVersions[0]))).toContain('the version "flights-delay v1" appears twice');
    expect(errorAfter((f) => f.aliasEvents.push({ ...f.aliasEvents[0], reason: 'other' }))).toContain('the alias event id "ev-1" appears twice');
    expect(errorAfter((f) => f.metricChunks.push(f.metricChunks[0]))).toContain('appears twice');
  });

  it('checks progress rows against the course when given a catalog', () => {
    const catalog = { 'what-is-mlops': ['quiz-1'] };
    expect(parseBundle(valid, { catalog }).ok).toBe(true);
    const result = parseBundle(valid, { catalog: { 'what-is-mlops': ['other'] } });
    expect(!result.ok && result.error).toBe('exerciseProgress[0] refers to the exercise "quiz-1", which the lesson "what-is-mlops" does not have. Nothing was changed.');
  });

  it('refuses text over the size limit before parsing it', () => {
    const result = parseBundle(' '.repeat(MAX_BUNDLE_BYTES + 1));
    expect(!result.ok && result.error).toBe('The file is 200.0 MB, more than the 200.0 MB a bundle can be. Nothing was changed.');
  });
});
