import { describe, expect, it } from 'vitest';
import { dirtyWithoutErrors, endpoint, replay, snapshotWith, stats, window } from '../test-snapshots';
import { dirtyOutcome } from './checks';

// Reachability: a replay writes windows whose `source` is its id. Under impute, the dirty overlay
// flags rows (issues counted one per row they flag) and answers them; under reject, a request
// with a renamed, missing or extra column is refused whole (errors +1, rows +0, no issues).
const imputed = (source: string, day: number) =>
  window(day, source, { '2': stats(500, { flagged: 40, rejected: 1 }) }, { issues: { missing: 12, 'malformed-number': 11, 'unseen-category': 9, 'duplicate-row': 8, 'malformed-row': 1, 'empty-batch': 2 } });

describe('dirty-without-errors check', () => {
  it('passes for a finished 10 % dirty replay with no errors and every caught row explained', () => {
    const snapshot = snapshotWith({ endpoints: [endpoint({ policy: 'impute' })], replays: [replay('r1', 1, { dirtyRate: 0.1 })], trafficWindows: [imputed('r1', 1), imputed('r1', 2)] });
    const result = dirtyWithoutErrors.check(snapshot);
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('finished with 10 % dirty data: 1,000 requests, 1,000 rows, 0 errors. 2 rows were rejected and 80 flagged');
    expect(result.feedback).toContain('missing 24, malformed-number 22, unseen-category 18, duplicate-row 16 and 2 more kinds');
  });

  it('sums only the windows of that replay', () => {
    const outcome = dirtyOutcome(replay('r1', 1, { dirtyRate: 0.1 }), [imputed('r1', 1), window(2, 'other', { '2': stats(500, { errors: 9 }) })]);
    expect(outcome).toMatchObject({ requests: 500, errors: 0, rejected: 1, flagged: 40, rowIssues: 41 });
  });

  it('accepts exactly 5 % and refuses less', () => {
    const at = (rate: number) => dirtyWithoutErrors.check(snapshotWith({ replays: [replay('r1', 1, { dirtyRate: rate })], trafficWindows: [imputed('r1', 1)] }));
    expect(at(0.05).passed).toBe(true);
    const low = at(0.04);
    expect(low.passed).toBe(false);
    expect(low.feedback).toContain('at most 4 % dirty data');
  });

  it('fails on clean replays, asking for dirty data', () => {
    const result = dirtyWithoutErrors.check(snapshotWith({ replays: [replay('r1', 1)], trafficWindows: [window(1, 'r1', { '2': stats(500) })] }));
    expect(result.passed).toBe(false);
    expect(result.notGradable).toBeUndefined();
    expect(result.feedback).toContain('clean data (0 % dirty)');
  });

  it('passes under reject with requests refused whole: each got a 400 saying why, counted apart from errors', () => {
    const refused = window(1, 'r1', { '2': stats(500, { rejected: 45, refused: 6 }) }, { issues: { missing: 20, 'out-of-range': 25 } });
    const result = dirtyWithoutErrors.check(snapshotWith({ endpoints: [endpoint({ policy: 'reject' })], replays: [replay('r1', 1, { dirtyRate: 0.1 })], trafficWindows: [refused] }));
    expect(result.passed).toBe(true);
  });

  it('fails with errors under reject, saying what an error is and that refusals are counted apart', () => {
    const failed = window(1, 'r1', { '2': stats(500, { rejected: 45, errors: 3, refused: 2 }) }, { issues: { missing: 20, 'out-of-range': 25 } });
    const result = dirtyWithoutErrors.check(snapshotWith({ endpoints: [endpoint({ policy: 'reject' })], replays: [replay('r1', 1, { dirtyRate: 0.1 })], trafficWindows: [failed] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('finished with 3 errors');
    expect(result.feedback).toContain('Requests refused whole are counted apart');
    expect(result.feedback).toContain('Serve a version whose training finished with finite losses');
  });

  it('fails with errors under pass, naming values the model cannot read', () => {
    const failed = window(1, 'r1', { '2': stats(500, { flagged: 45, errors: 20 }) }, { issues: { 'malformed-number': 45 } });
    const result = dirtyWithoutErrors.check(snapshotWith({ endpoints: [endpoint({ policy: 'pass' })], replays: [replay('r1', 1, { dirtyRate: 0.1 })], trafficWindows: [failed] }));
    expect(result.feedback).toContain('Under the pass policy');
  });

  it('fails when caught rows outnumber their reasons', () => {
    const unexplained = window(1, 'r1', { '2': stats(500, { rejected: 30 }) }, { issues: { missing: 10, 'empty-batch': 25 } });
    const result = dirtyWithoutErrors.check(snapshotWith({ replays: [replay('r1', 1, { dirtyRate: 0.1 })], trafficWindows: [unexplained] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('rejected or flagged 30 rows but counted only 10 issues by kind');
  });

  it('fails when nothing was caught', () => {
    const result = dirtyWithoutErrors.check(snapshotWith({ replays: [replay('r1', 1, { dirtyRate: 0.1 })], trafficWindows: [window(1, 'r1', { '2': stats(500) })] }));
    expect(result.feedback).toContain('no row rejected or flagged');
  });

  it('fails for a dirty replay that was stopped, quoting why', () => {
    const stopped = replay('r1', 1, { dirtyRate: 0.1, status: 'INTERRUPTED', requestsDone: 1200, message: 'The tab closed or reloaded after 1,200 of 7,000 requests.' });
    const result = dirtyWithoutErrors.check(snapshotWith({ replays: [stopped], trafficWindows: [imputed('r1', 1)] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('did not finish: it is INTERRUPTED after 1,200 requests. The tab closed');
  });

  it('passes on an earlier good replay even when a later one failed', () => {
    const bad = window(3, 'r2', { '2': stats(500, { errors: 2, rejected: 5 }) }, { issues: { missing: 5 } });
    const result = dirtyWithoutErrors.check(snapshotWith({ replays: [replay('r1', 1, { dirtyRate: 0.1 }), replay('r2', 2, { dirtyRate: 0.1 })], trafficWindows: [imputed('r1', 1), bad] }));
    expect(result.passed).toBe(true);
  });
});
