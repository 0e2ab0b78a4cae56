import { describe, expect, it } from 'vitest';
import { compareValue, filterRuns, matchesRunFilter, parseRunFilter } from './run-filter';
import type { RunRecord } from './run-types';
import { testRun } from './test-runs';

const run = (id: string, over: Partial<RunRecord> = {}): RunRecord =>
  testRun(id, { experiment: 'default', startedAt: Date.UTC(2025, 0, 1), endedAt: Date.UTC(2025, 0, 1, 0, 5), dataset: { id: 'flights', hash: 'h', split: 'time' }, ...over });

// Best and last differ on purpose: a run that overfits ends worse than its best epoch.
const runs: RunRecord[] = [
  run('overfit', {
    params: { learningRate: 0.1, optimizer: 'adam', shuffle: true },
    tags: { stage: 'baseline' },
    bestMetrics: { val_rmse: { value: 10, step: 3 }, val_loss: { value: 0.2, step: 3 } },
    lastMetrics: { val_rmse: 15, val_loss: 0.5 },
  }),
  run('steady', {
    params: { learningRate: '0.01', optimizer: 'sgd', layers: '32,16' },
    tags: { stage: 'tuned', best: '' },
    bestMetrics: { val_rmse: { value: 11, step: 9 }, 'val loss': { value: 0.3, step: 9 } },
    lastMetrics: { val_rmse: 11 },
    startedAt: Date.UTC(2025, 1, 1),
    backend: 'webgl',
  }),
  run('failed', { status: 'FAILED', params: { learningRate: 1 }, bestMetrics: { val_rmse: { value: Number.NaN, step: 0 } }, lastMetrics: { val_rmse: Number.NaN }, backend: null, endedAt: null }),
  run('trial-1', { parentRunId: 'steady', params: { learningRate: 0.001 }, dataset: { id: 'cars', hash: 'c', split: 'random' } }),
];

function ids(text: string): string[] {
  const result = filterRuns(runs, text);
  if (!result.ok) throw new Error(result.error.message);
  return result.runs.map((r) => r.id);
}

describe('matchesRunFilter', () => {
  it('reads metrics.<key> as the best value and last.<key> as the last one', () => {
    expect(ids('metrics.val_rmse < 12')).toEqual(['overfit', 'steady']);
    expect(ids('last.val_rmse < 12')).toEqual(['steady']);
    expect(ids('metrics.val_loss <= 0.2')).toEqual(['overfit']);
    expect(ids('metrics.`val loss` = 0.3')).toEqual(['steady']);
  });

  it('compares a param stored as text with a number numerically, and the other way round', () => {
    expect(ids('params.learningRate = 0.01')).toEqual(['steady']);
    expect(ids('params.learningRate = 1e-2')).toEqual(['steady']);
    expect(ids('params.learningRate = "0.1"')).toEqual(['overfit']);
    expect(ids('params.learningRate < 0.05')).toEqual(['steady', 'trial-1']);
    expect(ids('params.learningRate in (0.1, "1")')).toEqual(['overfit', 'failed']);
  });

  it('compares text exactly, like/ilike by pattern, booleans as "true"/"false"', () => {
    expect(ids('params.optimizer = "adam"')).toEqual(['overfit']);
    expect(ids('params.optimizer = "ADAM"')).toEqual([]);
    expect(ids('params.optimizer ilike "AD%"')).toEqual(['overfit']);
    expect(ids('params.optimizer like "_gd"')).toEqual(['steady']);
    expect(ids('params.shuffle = true')).toEqual(['overfit']);
    expect(ids('params.layers = "32,16"')).toEqual(['steady']);
    expect(ids('name like "trial-%"')).toEqual(['trial-1']);
  });

  it('never matches a missing value, not even with !=, not in or not like', () => {
    expect(ids('tags.stage != "baseline"')).toEqual(['steady']);
    expect(ids('tags.stage not in ("tuned")')).toEqual(['overfit']);
    expect(ids('tags.stage not like "b%"')).toEqual(['steady']);
    expect(ids('tags.best = ""')).toEqual(['steady']);
    expect(ids('tags.best like "%"')).toEqual(['steady']);
    // A NaN metric (a diverged run) counts as missing.
    expect(ids('metrics.val_rmse > 0 or metrics.val_rmse <= 0')).toEqual(['overfit', 'steady']);
    expect(ids('last.val_rmse != 3')).toEqual(['overfit', 'steady']);
    expect(ids('backend != "wasm"')).toEqual(['steady']);
    expect(ids('ended > 0')).toEqual(['overfit', 'steady', 'trial-1']);
  });

  it('does not find inherited properties as params or tags', () => {
    // Evaluated directly: filterRuns now rejects these keys first, as no run has them (below).
    const matching = (text: string) => {
      const parsed = parseRunFilter(text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      return runs.filter((r) => matchesRunFilter(parsed.ast, r)).map((r) => r.id);
    };
    expect(matching('params.constructor like "%"')).toEqual([]);
    expect(matching('tags.toString like "%"')).toEqual([]);
    expect(matching('metrics.__proto__ > 0 or last.hasOwnProperty >= 0')).toEqual([]);
    expect(filterRuns(runs, 'params.constructor like "%"')).toMatchObject({ ok: false, error: { position: 0, length: 18 } });
    expect(filterRuns(runs, 'metrics.__proto__ > 0')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^No metric `__proto__` in these runs/) } });
  });

  it('reads attributes: status, dataset, backend, parent, id, started', () => {
    expect(ids('status = "failed"')).toEqual(['failed']);
    expect(ids('status != "FINISHED"')).toEqual(['failed']);
    expect(ids('dataset = "cars"')).toEqual(['trial-1']);
    expect(ids('backend = "webgl"')).toEqual(['steady']);
    expect(ids('parent = "steady"')).toEqual(['trial-1']);
    expect(ids('id in ("overfit", "nope")')).toEqual(['overfit']);
    expect(ids('started >= "2025-01-15"')).toEqual(['steady']);
    expect(ids(`started < ${Date.UTC(2025, 0, 15)}`)).toEqual(['overfit', 'failed', 'trial-1']);
    expect(ids('seed = 1 and experiment = "default"')).toHaveLength(4);
  });

  it('combines with and / or / parentheses', () => {
    expect(ids('tags.stage = "baseline" or params.learningRate <= 0.001')).toEqual(['overfit', 'trial-1']);
    expect(ids('(tags.stage = "baseline" or tags.stage = "tuned") and last.val_rmse < 12')).toEqual(['steady']);
    expect(ids('tags.stage = "baseline" or tags.stage = "tuned" and last.val_rmse < 12')).toEqual(['overfit', 'steady']);
  });

  it('quick search: every word in the name, a tag key or a tag value, ignoring case', () => {
    expect(ids('STEADY')).toEqual(['steady']);
    expect(ids('BASE')).toEqual(['overfit']);
    expect(ids('stage')).toEqual(['overfit', 'steady']);
    expect(ids('best')).toEqual(['steady']);
    expect(ids('t tuned')).toEqual(['steady']);
    expect(ids('nothing')).toEqual([]);
  });

  it('an empty filter keeps every run, in order, as a new array', () => {
    const result = filterRuns(runs, '  ');
    expect(result.ok && result.runs).toEqual(runs);
    expect(result.ok && result.runs).not.toBe(runs);
    expect(runs.every((r) => matchesRunFilter(null, r))).toBe(true);
  });

  it('returns the syntax error instead of runs for a bad filter', () => {
    expect(filterRuns(runs, 'metrics.x <')).toEqual({ ok: false, error: { message: 'Expected a value after "<" at column 12', position: 11, length: 0 } });
  });

  it('matches a parsed filter against one run', () => {
    const parsed = parseRunFilter('metrics.val_rmse < 12 and params.learningRate = 0.1');
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(runs.map((r) => matchesRunFilter(parsed.ast, r))).toEqual([true, false, false, false]);
  });
});

describe('compareValue', () => {
  it('orders numbers and numeric text as numbers', () => {
    expect(compareValue('10', '>', 9)).toBe(true);
    expect(compareValue(10, '>', '9')).toBe(true);
    expect(compareValue(' 2 ', '=', 2)).toBe(true);
  });
  it('leaves a number and non-numeric text unordered: only != holds', () => {
    expect(compareValue('adam', '=', 1)).toBe(false);
    expect(compareValue('adam', '<', 1)).toBe(false);
    expect(compareValue('adam', '>', 1)).toBe(false);
    expect(compareValue('adam', '!=', 1)).toBe(true);
    expect(compareValue(true, '=', 1)).toBe(false);
  });
  it('compares two texts as text, even when both look numeric', () => {
    expect(compareValue('0.010', '=', '0.01')).toBe(false);
    expect(compareValue('b', '>', 'a')).toBe(true);
    expect(compareValue(false, '=', 'false')).toBe(true);
  });
});
