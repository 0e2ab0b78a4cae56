import { describe, expect, it } from 'vitest';
import { DELAY_PARAMS, DIVERGED, failedRun, lrRun, run, snapshotOf, trio } from '../test-snapshots';

describe('learning-rate-trio check', () => {
  it('passes when three runs differ only in learning rate and the best one is tagged', () => {
    const result = trio.check(snapshotOf(lrRun(0.001, 0.48, { name: 'slow' }), lrRun(0.01, 0.45, { name: 'steady', tags: { best: '' } }), lrRun(0.1, 0.47, { name: 'fast' })));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('“slow”, “steady” and “fast”');
    expect(result.feedback).toContain('0.001, 0.01 and 0.1');
    expect(result.feedback).toContain('“steady”, with a learning rate of 0.01');
    expect(result.feedback).toContain('0.45');
  });

  it('accepts a best tag with any value, more than three runs, and repeated learning rates', () => {
    const result = trio.check(
      snapshotOf(lrRun(0.001, 0.48), lrRun(0.01, 0.46), lrRun(0.01, 0.44, { name: 'winner', tags: { best: 'yes', owner: 'sam' } }), lrRun(0.1, 0.47), lrRun(0.3, 0.52)),
    );
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('“winner”');
  });

  it('judges by best val_loss, not by the last one', () => {
    const runs = [
      lrRun(0.001, 0.48, { name: 'best-epoch-winner', lastMetrics: { val_loss: 0.55 } }),
      lrRun(0.01, 0.5, { name: 'last-epoch-winner', lastMetrics: { val_loss: 0.5 } }),
      lrRun(0.1, 0.51),
    ];
    expect(trio.check(snapshotOf(...runs.map((r) => (r.name === 'best-epoch-winner' ? { ...r, tags: { best: '' } } : r)))).passed).toBe(true);
    const wrong = trio.check(snapshotOf(...runs.map((r) => (r.name === 'last-epoch-winner' ? { ...r, tags: { best: '' } } : r))));
    expect(wrong.passed).toBe(false);
    expect(wrong.feedback).toContain('“last-epoch-winner” carries the best tag, but “best-epoch-winner”');
  });

  it('passes when any one qualifying group is right, even if another is not', () => {
    const regression = { ...DELAY_PARAMS };
    const result = trio.check(
      snapshotOf(
        lrRun(0.001, 1060, { params: regression }),
        lrRun(0.01, 1040, { params: regression }),
        lrRun(0.1, 1050, { params: regression, tags: { best: '' } }),
        lrRun(0.001, 0.48),
        lrRun(0.01, 0.45, { tags: { best: '' } }),
        lrRun(0.1, 0.47),
      ),
    );
    expect(result.passed).toBe(true);
  });

  it('fails with no finished runs, suggesting three learning rates', () => {
    const result = trio.check(snapshotOf(run({ status: 'FAILED', failure: DIVERGED })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('no finished runs');
    expect(result.feedback).toContain('0.001, 0.01 and 0.1');
  });

  it('fails when the trio is untagged, naming the run to tag', () => {
    const result = trio.check(snapshotOf(lrRun(0.001, 0.48), lrRun(0.01, 0.45, { name: 'steady' }), lrRun(0.1, 0.47)));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('Now mark the winner');
    expect(result.feedback).toContain('“steady”, with a learning rate of 0.01');
    expect(result.feedback).toContain('Edit tags');
  });

  it('fails when the wrong run is tagged, naming the real winner and both values', () => {
    const result = trio.check(snapshotOf(lrRun(0.001, 0.48), lrRun(0.01, 0.45, { name: 'steady' }), lrRun(0.1, 0.47, { name: 'fast', tags: { best: '' } })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“fast” carries the best tag, but “steady” (learning rate 0.01)');
    expect(result.feedback).toContain('0.45 against 0.47');
  });

  it('fails when the winner is tagged but so is another run of the comparison', () => {
    const result = trio.check(snapshotOf(lrRun(0.001, 0.48, { name: 'slow', tags: { best: '' } }), lrRun(0.01, 0.45, { name: 'steady', tags: { best: '' } }), lrRun(0.1, 0.47)));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“steady” is tagged best');
    expect(result.feedback).toContain('“slow” carries the tag too');
  });

  it('fails on a near miss where the third run also changes two other params, naming them', () => {
    const result = trio.check(
      snapshotOf(
        lrRun(0.001, 0.48, { name: 'a' }),
        lrRun(0.01, 0.45, { name: 'b', tags: { best: '' } }),
        lrRun(0.1, 0.47, { name: 'c', params: { batchSize: 128, seed: 7 } }),
      ),
    );
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('Two learning rates so far');
    expect(result.feedback).toContain('“c”');
    expect(result.feedback).toContain('batchSize from 64 to 128');
    expect(result.feedback).toContain('seed from 42 to 7');
  });

  it('fails when the third run used another dataset', () => {
    const result = trio.check(snapshotOf(lrRun(0.001, 0.48), lrRun(0.01, 0.45, { tags: { best: '' } }), lrRun(0.1, 0.47, { name: 'weather', datasetId: 'seattle-weather' })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('dataset from "flights" to "seattle-weather"');
  });

  it('fails when only two distinct learning rates were tried, even with three runs', () => {
    const result = trio.check(snapshotOf(lrRun(0.01, 0.48), lrRun(0.01, 0.45, { tags: { best: '' } }), lrRun(0.1, 0.47)));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('Two learning rates so far');
    expect(result.feedback).toContain('0.01 and 0.1');
  });

  it('does not count a third run that is still RUNNING or that FAILED', () => {
    const base = [lrRun(0.001, 0.48), lrRun(0.01, 0.45, { tags: { best: '' } })];
    const running = trio.check(snapshotOf(...base, run({ status: 'RUNNING', params: { learningRate: 0.1 }, bestMetrics: { val_loss: 0.4 } })));
    expect(running.passed).toBe(false);
    expect(running.feedback).toContain('One run is still training');
    const failed = trio.check(snapshotOf(...base, run({ status: 'FAILED', params: { learningRate: 10 }, failure: DIVERGED, bestMetrics: { val_loss: 0.7 } })));
    expect(failed.passed).toBe(false);
    expect(failed.feedback).toContain('Two learning rates so far');
  });

  it('fails when every run differs in more than the learning rate', () => {
    const result = trio.check(
      snapshotOf(lrRun(0.001, 0.48, { params: { model: 'linear', hiddenLayers: '' } }), lrRun(0.01, 0.45, { params: { batchSize: 32 } }), lrRun(0.1, 0.47, { params: { optimizer: 'sgd' } })),
    );
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('None of your 3 finished runs has a partner');
    expect(result.feedback).toContain('Close:');
  });

  it('fails with a single finished run, asking for two more', () => {
    const result = trio.check(snapshotOf(lrRun(0.01, 0.45, { name: 'only' })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('One finished run so far, “only”');
  });
});

describe('failed-run check', () => {
  it('passes with a run that FAILED because the loss became NaN, quoting message and hint', () => {
    const result = failedRun.check(snapshotOf(run({ name: 'lr-10', status: 'FAILED', params: { learningRate: 10, optimizer: 'sgd' }, failure: DIVERGED })));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('“lr-10”');
    expect(result.feedback).toContain(DIVERGED.message);
    expect(result.feedback).toContain(DIVERGED.hint);
  });

  it('passes with an infinite loss too', () => {
    const failure = { message: 'The loss became infinite in epoch 1: training diverged.', hint: '' };
    const result = failedRun.check(snapshotOf(run({ status: 'FAILED', failure })));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('infinite');
  });

  it('fails with a FAILED run that did not diverge, quoting its message', () => {
    const failure = { message: 'Training stopped with an error: the WebGL context was lost', hint: 'Choose WebAssembly or CPU under Backend.' };
    const result = failedRun.check(snapshotOf(run({ name: 'gpu trouble', status: 'FAILED', failure })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“gpu trouble” FAILED, but not because the loss diverged');
    expect(result.feedback).toContain('the WebGL context was lost.');
    expect(result.feedback).toContain('sgd');
  });

  it('fails with a KILLED run: cancelled is not failed', () => {
    const result = failedRun.check(snapshotOf(run({ name: 'stopped', status: 'KILLED', failure: { message: 'Cancelled during epoch 1.', hint: '' } })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“stopped” is KILLED, not FAILED');
  });

  it('fails while a run is still RUNNING', () => {
    const result = failedRun.check(snapshotOf(run({ name: 'lr-10', status: 'RUNNING', params: { learningRate: 10 } })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“lr-10” is still training');
  });

  it('fails when a high learning rate finished with adam, suggesting sgd', () => {
    const result = failedRun.check(snapshotOf(run({ name: 'survivor', params: { learningRate: 10, optimizer: 'adam' } })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“survivor” used a learning rate of 10 and still finished');
    expect(result.feedback).toContain('Set Optimizer to sgd');
  });

  it('fails with only normal finished runs, or none', () => {
    for (const snapshot of [snapshotOf(run()), snapshotOf()]) {
      const result = failedRun.check(snapshot);
      expect(result.passed).toBe(false);
      expect(result.feedback).toContain('None of your runs has failed yet');
    }
  });
});
