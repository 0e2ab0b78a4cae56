import { describe, expect, it } from 'vitest';
import { checkRunFilter, closestKey, filterRuns, findUnknownKeys, parseRunFilter, runFilterKeys, unknownKeyError } from './run-filter';
import type { RunRecord } from './run-types';
import { testRun } from './test-runs';

const run = testRun;

// Params named as `runParams` names them (lib/ml/run-params.ts); one run has a tag and metrics the other lacks.
const PARAMS = { task: 'regression', target: 'delay', model: 'mlp', hiddenLayers: '32-16', dropout: 0, l2: 0, optimizer: 'adam', learningRate: 0.01, batchSize: 32, epochs: 20 };
const runs: RunRecord[] = [
  run('a', {
    params: PARAMS,
    tags: { stage: 'baseline' },
    bestMetrics: { loss: { value: 0.3, step: 4 }, val_loss: { value: 0.4, step: 4 }, val_rmse: { value: 11, step: 4 } },
    lastMetrics: { loss: 0.3, val_loss: 0.5, val_rmse: 12 },
  }),
  run('b', { params: { ...PARAMS, learningRate: 0.1 }, tags: { sweep: 'parent' }, lastMetrics: { train_mae: 3 } }),
];
const keys = runFilterKeys(runs);

function error(text: string, over: readonly RunRecord[] = runs) {
  const result = filterRuns(over, text);
  if (result.ok) throw new Error(`expected ${text} to fail`);
  return result.error;
}

/** The marked part of the text, to check positions readably. */
function marked(text: string): string {
  const e = error(text);
  return text.slice(e.position, e.position + e.length);
}

describe('runFilterKeys', () => {
  it('collects params, tags and the union of last and best metric keys, sorted', () => {
    expect(keys.runCount).toBe(2);
    expect(keys.metric).toEqual(['loss', 'train_mae', 'val_loss', 'val_rmse']);
    expect(keys.tag).toEqual(['stage', 'sweep']);
    expect(keys.param.slice(0, 4)).toEqual(['batchSize', 'dropout', 'epochs', 'hiddenLayers']);
  });
});

describe('filterRuns: keys no run has', () => {
  it('suggests learningRate for lr (initials of a camelCase name), pointing at the field', () => {
    const text = 'metrics.val_loss < 0.5 and params.lr = 0.01';
    expect(error(text)).toEqual({ message: 'No param `lr` in these runs (at column 28); did you mean `learningRate`?', position: 27, length: 9 });
    expect(marked(text)).toBe('params.lr');
    expect(error('params.bs = 32').message).toContain('did you mean `batchSize`?');
    expect(error('params.hl = "32-16"').message).toContain('did you mean `hiddenLayers`?');
  });

  it('suggests val_loss for the typo val_los, and catches swapped letters', () => {
    expect(error('metrics.val_los < 1')).toEqual({ message: 'No metric `val_los` in these runs (at column 1); did you mean `val_loss`?', position: 0, length: 15 });
    expect(error('metrics.val_lsos < 1').message).toContain('did you mean `val_loss`?');
    expect(error('metrics.rmse < 12').message).toContain('did you mean `val_rmse`?');
  });

  it('finds a key that differs only in case or separators first', () => {
    expect(error('params.LearningRate = 0.01').message).toContain('did you mean `learningRate`?');
    expect(error('params.learning_rate = 0.01').message).toContain('did you mean `learningRate`?');
    expect(error('metrics.VAL_LOSS < 1').message).toContain('did you mean `val_loss`?');
  });

  it('checks tags, suggesting stage for stag', () => {
    const text = 'name = "a" or tags.stag = "baseline"';
    expect(error(text).message).toBe('No tag `stag` in these runs (at column 15); did you mean `stage`?');
    expect(marked(text)).toBe('tags.stag');
  });

  it('checks last.<key> against every metric key, last or best', () => {
    expect(error('last.val_los < 1')).toMatchObject({ message: 'No metric `val_los` in these runs (at column 1); did you mean `val_loss`?', length: 12 });
    // train_mae is only a last value and val_rmse a best one too: both are known to both prefixes.
    expect(filterRuns(runs, 'metrics.train_mae < 5 or last.train_mae < 5').ok).toBe(true);
    expect(filterRuns(runs, 'last.val_rmse < 20')).toMatchObject({ ok: true, runs: [runs[0]] });
  });

  it('accepts a key that some runs have and others lack, and filters as before', () => {
    expect(filterRuns(runs, 'tags.sweep = "parent"')).toEqual({ ok: true, runs: [runs[1]] });
    expect(filterRuns(runs, 'tags.stage like "%"')).toEqual({ ok: true, runs: [runs[0]] });
    expect(filterRuns(runs, 'metrics.val_loss < 1')).toEqual({ ok: true, runs: [runs[0]] });
  });

  it('does not complain when there are no runs at all: nothing to know', () => {
    expect(filterRuns([], 'params.lr = 0.01 and tags.anything = "x"')).toEqual({ ok: true, runs: [] });
    expect(unknownKeyError(parseOk('params.lr = 1'), runFilterKeys([]))).toBeNull();
  });

  it('lists known names when nothing is close, or says there are none of that kind', () => {
    expect(error('params.zzz = 1').message).toBe(
      'No param `zzz` in these runs (at column 1); params here: batchSize, dropout, epochs, hiddenLayers, l2, learningRate, … (10 in all).',
    );
    expect(error('tags.owner = "me"').message).toBe('No tag `owner` in these runs (at column 1); tags here: stage, sweep.');
    expect(error('tags.x = "y"', [run('bare')]).message).toBe('No tag `x` in these runs (at column 1); these runs have no tags.');
  });

  it('offers the same name under another prefix', () => {
    expect(error('tags.model = "mlp"').message).toBe('No tag `model` in these runs (at column 1); did you mean params.model?');
    expect(error('params.val_loss < 1').message).toBe('No param `val_loss` in these runs (at column 1); did you mean metrics.val_loss?');
  });

  it('marks the first unknown key and names the others, each once', () => {
    const text = '(params.lr = 0.01 or metrics.val_los < 1) and last.val_los < 2 and params.lr in (1)';
    expect(error(text)).toEqual({
      message: 'No param `lr` in these runs (at column 2); did you mean `learningRate`? Also in no run: metrics.val_los.',
      position: 1,
      length: 9,
    });
    expect(findUnknownKeys(parseOk(text), keys).map((u) => [u.field, u.at.position, u.suggestion])).toEqual([
      ['params.lr', 1, { key: 'learningRate' }],
      ['metrics.val_los', 21, { key: 'val_loss' }],
    ]);
  });

  it('leaves attributes, quick searches and empty filters alone; syntax errors come first', () => {
    expect(filterRuns(runs, 'status = "FINISHED" and backend = "wasm"').ok).toBe(true);
    expect(filterRuns(runs, 'lr learningRate')).toEqual({ ok: true, runs: [] });
    expect(filterRuns(runs, '').ok).toBe(true);
    expect(checkRunFilter('params.lr <', keys)).toMatchObject({ ok: false, error: { message: 'Expected a value after "<" at column 12' } });
  });
});

describe('closestKey', () => {
  it('ranks case and separators, then prefixes, then initials, then containment, then edit distance', () => {
    expect(closestKey('LR', ['l2', 'learningRate'])).toBe('learningRate');
    expect(closestKey('learn', ['l2', 'learningRate'])).toBe('learningRate');
    expect(closestKey('lrate', ['learningRate', 'lr_schedule'])).toBe('learningRate');
    expect(closestKey('lr', ['learningRate', 'lrSchedule'])).toBe('lrSchedule');
    expect(closestKey('loss', ['train_loss', 'val_loss'])).toBe('val_loss');
    expect(closestKey('vla_loss', ['loss', 'val_loss'])).toBe('val_loss');
    expect(closestKey('optimiser', ['optimizer'])).toBe('optimizer');
  });

  it('suggests nothing when nothing is near', () => {
    expect(closestKey('zzz', ['learningRate', 'val_loss'])).toBeUndefined();
    expect(closestKey('x', ['l2'])).toBeUndefined();
    expect(closestKey('accuracy', ['val_loss'])).toBeUndefined();
    expect(closestKey('lr', [])).toBeUndefined();
  });
});

function parseOk(text: string) {
  const parsed = parseRunFilter(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.ast;
}
