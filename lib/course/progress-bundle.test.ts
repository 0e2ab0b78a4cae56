import { describe, expect, it } from 'vitest';
import { emptyProgress } from './grading';
import { MAX_PROGRESS_FILE_BYTES, parseProgressFile, serializeProgress } from './progress-bundle';

const catalog = { 'what-is-mlops': ['q1', 'q2'], 'maturity-model': ['m1'] };
const row = { ...emptyProgress('what-is-mlops', 'q1', 1000), status: 'passed' as const, attempts: 2, passedAt: 1000 };
const visit = { lessonId: 'what-is-mlops', visitedAt: 2000 };
const file = (over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'mlops-workbench/progress', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', exercises: [row], visits: [visit], ...over });
const errorOf = (text: string) => {
  const result = parseProgressFile(text, catalog);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error).toMatch(/Nothing was imported; your progress is unchanged\.$/);
  return result.error;
};

describe('progress files', () => {
  it('round-trips an export', () => {
    const text = serializeProgress([row], [visit], Date.UTC(2026, 0, 2));
    const result = parseProgressFile(text, catalog);
    expect(result).toEqual({ ok: true, exercises: [row], visits: [visit], summary: '1 exercise record (1 passed) and 1 lesson visit' });
    expect(JSON.parse(text).exportedAt).toBe('2026-01-02T00:00:00.000Z');
  });

  it('refuses text that is not JSON, empty or truncated', () => {
    expect(errorOf('not json')).toMatch(/^The file is not valid JSON/);
    expect(errorOf('   ')).toMatch(/^The file is empty\./);
    expect(errorOf(file().slice(0, 40))).toMatch(/^The file is not valid JSON/);
  });

  it('refuses files over the size limit before parsing', () => {
    expect(errorOf(' '.repeat(MAX_PROGRESS_FILE_BYTES + 1))).toMatch(/^The file is 2\.0 MB, more than the 2\.0 MB/);
  });

  it('refuses prototype-polluting keys anywhere, and pollutes nothing', () => {
    expect(errorOf(file().replace('{', '{"__proto__":{"polluted":1},'))).toMatch(/contains the key "__proto__"/);
    const nested = JSON.stringify({ ...JSON.parse(file()), exercises: [{ ...row, constructor: { prototype: { polluted: 1 } } }] });
    expect(errorOf(nested)).toMatch(/contains the key "(constructor|prototype)"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the field of a schema error', () => {
    expect(errorOf(file({ format: 'something-else' }))).toMatch(/format is not "mlops-workbench\/progress"/);
    expect(errorOf(file({ version: 2 }))).toMatch(/version must be 1/);
    expect(errorOf(file({ exercises: [{ ...row, attempts: -1 }] }))).toMatch(/exercises\[0\]\.attempts/);
    expect(errorOf(file({ exercises: [{ ...row, status: 'done' }] }))).toMatch(/exercises\[0\]\.status/);
    expect(errorOf(file({ extra: true }))).toMatch(/Unrecognized key/);
    expect(errorOf(file({ visits: undefined }))).toMatch(/visits is required/);
    expect(errorOf(file({ exercises: [{ ...row, attempts: 1e300 }] }))).toMatch(/exercises\[0\]\.attempts/);
    expect(errorOf(file({ exercises: [{ ...row, lastFeedback: 'x'.repeat(5000) }] }))).toMatch(/lastFeedback/);
  });

  it('refuses lessons and exercises the course does not have, and duplicates', () => {
    expect(errorOf(file({ exercises: [{ ...row, lessonId: 'ghost' }] }))).toMatch(/exercises\[0\] refers to the lesson "ghost"/);
    expect(errorOf(file({ exercises: [{ ...row, exerciseId: 'zz' }] }))).toMatch(/exercise "zz", which the lesson "what-is-mlops" does not have/);
    expect(errorOf(file({ exercises: [row, row] }))).toMatch(/exercises\[1\] repeats/);
    expect(errorOf(file({ visits: [{ lessonId: 'toString', visitedAt: 1 }] }))).toMatch(/visits\[0\] refers to the lesson "tostring"|visits\[0\]/i);
    expect(errorOf(file({ visits: [visit, visit] }))).toMatch(/visits\[1\] repeats/);
  });
});
