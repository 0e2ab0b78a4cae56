import { describe, expect, it } from 'vitest';
import { model, readyToPackage, snapshotWith, version } from '../test-snapshots';

// Reachability: the previous lesson's exercise leaves @champion on a 20-epoch delay MLP, whose
// val_rmse beats baseline_val_rmse (lesson 1's beat-the-baseline exercise shows that it can).
const good = version(2, { val_rmse: 32.04, baseline_val_rmse: 32.7 }, { datasetHash: 'abcdef0123456789' });

describe('champion-to-package check', () => {
  it('passes with a champion that beats its baseline, naming lineage and what the package holds', () => {
    const result = readyToPackage.check(snapshotWith({ models: [model('flights-delay', [version(1, { val_rmse: 33 }), good], 2, [[1, null], [2, 1]])] }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('@champion of “flights-delay” is v2, trained on flights (content hash abcdef012345) to predict delay');
    expect(result.feedback).toContain('val_rmse is 32.04, against 32.7 for the baseline');
    expect(result.feedback).toContain('Download package');
  });

  it('passes for a classification above its majority baseline, and when no baseline was recorded', () => {
    const classifier = version(1, { val_accuracy: 0.79, baseline_val_accuracy: 0.77 }, { task: 'classification', target: 'delayed' });
    expect(readyToPackage.check(snapshotWith({ models: [model('late', [classifier], 1)] })).passed).toBe(true);
    const bare = readyToPackage.check(snapshotWith({ models: [model('bare', [version(1, { val_rmse: 30 })], 1)] }));
    expect(bare.passed).toBe(true);
    expect(bare.feedback).not.toContain('baseline');
  });

  it('fails with no registered model', () => {
    const result = readyToPackage.check(snapshotWith({}));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('no registered model yet');
  });

  it('fails when no version holds @champion, or there are no versions', () => {
    const noAlias = readyToPackage.check(snapshotWith({ models: [model('flights-delay', [good], null)] }));
    expect(noAlias.passed).toBe(false);
    expect(noAlias.feedback).toContain('“flights-delay” has versions, but none holds @champion');
    const empty = readyToPackage.check(snapshotWith({ models: [model('new', [], null)] }));
    expect(empty.feedback).toContain('no versions yet');
  });

  it('fails when the champion loses to its own baseline', () => {
    const weak = version(1, { val_rmse: 35.2, baseline_val_rmse: 32.7 });
    const result = readyToPackage.check(snapshotWith({ models: [model('flights-delay', [weak], 1, [[1, null]])] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('does not beat its own baseline: val_rmse 35.2 against 32.7');
  });

  it('fails when the champion points at an archived version', () => {
    const result = readyToPackage.check(snapshotWith({ models: [model('flights-delay', [{ ...good, archived: true }], 2)] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('points at v2, which is archived');
  });
});
