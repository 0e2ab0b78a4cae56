import { describe, expect, it } from 'vitest';
import { beatChampion, model, snapshotWith, version } from '../test-snapshots';
import { championMove, judgeOf } from './checks';

// Reachability: the lesson registers a one-epoch delay MLP (lr 0.001) as v1 and sets @champion,
// then a 20-epoch run with early stopping as v2; the second has the lower val_rmse, and moving
// the alias on the model page writes the history event { version: 2, previousVersion: 1 }.
const delayed = (n: number, auc: number) => version(n, { val_auc: auc, val_accuracy: 0.773 }, { task: 'classification', target: 'delayed' });

describe('beat-the-champion check', () => {
  it('passes when @champion moved from v1 to a v2 with a lower val_rmse', () => {
    const result = beatChampion.check(snapshotWith({ models: [model('flights-delay', [version(1, { val_rmse: 33.1 }), version(2, { val_rmse: 32.04 })], 2, [[1, null], [2, 1]])] }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('@champion of “flights-delay” moved from v1 to v2, and v2 is better on validation: val_rmse 32.04 against 33.1');
  });

  it('passes for a classification on a higher val_auc (accuracy, equal here, does not judge)', () => {
    const result = beatChampion.check(snapshotWith({ models: [model('late', [delayed(1, 0.62), delayed(2, 0.65)], 2, [[1, null], [2, 1]])] }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('val_auc 0.65 against 0.62');
  });

  it('finds the previous champion when the alias was removed in between', () => {
    const m = model('flights-delay', [version(1, { val_rmse: 33 }), version(2, { val_rmse: 32 })], 2, [[1, null], [null, 1], [2, null]]);
    expect(championMove(m)).toEqual({ previous: 1, rollback: false });
    expect(beatChampion.check(snapshotWith({ models: [m] })).passed).toBe(true);
  });

  it('passes when one of several models qualifies', () => {
    const idle = model('a-idle', [version(1, { val_rmse: 33 })], 1, [[1, null]]);
    const promoted = model('b-promoted', [version(1, { val_rmse: 33 }), version(2, { val_rmse: 32 })], 2, [[1, null], [2, 1]]);
    expect(beatChampion.check(snapshotWith({ models: [idle, promoted] })).passed).toBe(true);
  });

  it('fails with no registered model, saying where to register one', () => {
    const result = beatChampion.check(snapshotWith({}));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('Register this model');
  });

  it('fails when a model has no versions, or versions but no champion', () => {
    const empty = beatChampion.check(snapshotWith({ models: [model('new', [], null)] }));
    expect(empty.feedback).toContain('“new” has no versions yet');
    const noAlias = beatChampion.check(snapshotWith({ models: [model('flights-delay', [version(1, { val_rmse: 33 }), version(2, { val_rmse: 32 })], null)] }));
    expect(noAlias.passed).toBe(false);
    expect(noAlias.feedback).toContain('“flights-delay” has 2 versions, but none holds @champion');
  });

  it('fails while the first champion is the only version, asking for a better one', () => {
    const result = beatChampion.check(snapshotWith({ models: [model('flights-delay', [version(1, { val_rmse: 33 })], 1, [[1, null]])] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('@champion of “flights-delay” is v1 (val_rmse 33) and has not moved yet');
    expect(result.feedback).toContain('with a lower val_rmse');
  });

  it('fails when a better version waits and the alias has not moved, naming it', () => {
    const result = beatChampion.check(snapshotWith({ models: [model('flights-delay', [version(1, { val_rmse: 33 }), version(2, { val_rmse: 32.5 })], 1, [[1, null]])] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('v2 of “flights-delay” beats @champion v1 on validation (val_rmse 32.5 against 33, lower is better). Now move @champion to v2');
  });

  it('fails when the new versions do not beat the champion, naming them', () => {
    const archivedBetter = version(3, { val_rmse: 30 }, { archived: true });
    const result = beatChampion.check(snapshotWith({ models: [model('flights-delay', [version(1, { val_rmse: 33 }), version(2, { val_rmse: 34 }), archivedBetter], 1, [[1, null]])] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('v2 does not beat it');
    expect(result.feedback).not.toContain('v3');
  });

  it('fails when the alias moved to a worse or equal version', () => {
    for (const [value, text] of [
      [34, 'val_rmse 34 against 33 (lower is better)'],
      [33, 'val_rmse 33 against 33'],
    ] as const) {
      const result = beatChampion.check(snapshotWith({ models: [model('flights-delay', [version(1, { val_rmse: 33 }), version(2, { val_rmse: value })], 2, [[1, null], [2, 1]])] }));
      expect(result.passed).toBe(false);
      expect(result.feedback).toContain('moved from v1 to v2, but v2 is not better on validation');
      expect(result.feedback).toContain(text);
    }
  });

  it('fails on a rollback to an earlier champion, even a better one', () => {
    const m = model('flights-delay', [version(1, { val_rmse: 32 }), version(2, { val_rmse: 33 })], 1, [[1, null], [2, 1], [1, 2]]);
    expect(championMove(m)).toEqual({ previous: 2, rollback: true });
    const result = beatChampion.check(snapshotWith({ models: [m] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('went back from v2 to v1, which held it before: a rollback');
  });

  it('fails when the two champions predict different targets', () => {
    const result = beatChampion.check(snapshotWith({ models: [model('mixed', [version(1, { val_rmse: 33 }), delayed(2, 0.8)], 2, [[1, null], [2, 1]])] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('cannot be compared: v2 predicts delayed and v1 predicts delay');
  });

  it('fails when a champion has no validation metric recorded', () => {
    const moved = beatChampion.check(snapshotWith({ models: [model('flights-delay', [version(1, { val_rmse: 33 }), version(2, { loss: 900 })], 2, [[1, null], [2, 1]])] }));
    expect(moved.passed).toBe(false);
    expect(moved.feedback).toContain('v2 has no val_rmse recorded');
    const first = beatChampion.check(snapshotWith({ models: [model('flights-delay', [version(1, {})], 1, [[1, null]])] }));
    expect(first.feedback).toContain('v1, which has no val_rmse recorded');
  });

  it('does not trust an alias the history never recorded', () => {
    const result = beatChampion.check(snapshotWith({ models: [model('imported', [version(1, { val_rmse: 33 }), version(2, { val_rmse: 32 })], 2)] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('has not moved yet');
  });
});

describe('judgeOf', () => {
  it('judges regression on val_rmse, two classes on val_auc and more on val_log_loss, inferring an unknown task from the metrics', () => {
    expect(judgeOf(version(1, {}))).toEqual({ metric: 'val_rmse', lowerIsBetter: true });
    expect(judgeOf(delayed(1, 0.7))).toEqual({ metric: 'val_auc', lowerIsBetter: false });
    expect(judgeOf(version(1, { val_log_loss: 0.3, val_accuracy: 0.9 }, { task: 'classification', target: 'species' }))).toEqual({ metric: 'val_log_loss', lowerIsBetter: true });
    expect(judgeOf(version(1, { val_rmse: 3 }, { task: '' }))).toEqual({ metric: 'val_rmse', lowerIsBetter: true });
    expect(judgeOf(version(1, { val_auc: 0.7 }, { task: '' }))).toEqual({ metric: 'val_auc', lowerIsBetter: false });
  });
});
