import { describe, expect, it } from 'vitest';
import { DELAY_PARAMS, DIVERGED, beatBaseline, delayRun, firstRun, run, snapshotOf } from '../test-snapshots';

describe('first-run check', () => {
  it('passes with a finished flights run, naming it and its target', () => {
    const result = firstRun.check(snapshotOf(run({ name: 'my first model' })));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('“my first model”');
    expect(result.feedback).toContain('delayed');
  });

  it('passes with any target, and names the latest finished run among failures', () => {
    const result = firstRun.check(
      snapshotOf(run({ name: 'broken', status: 'FAILED', failure: DIVERGED }), delayRun(32, 33, { name: 'minutes' }), run({ name: 'cancelled', status: 'KILLED' })),
    );
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('“minutes”');
  });

  it('fails with no runs at all, pointing to the Train page', () => {
    const result = firstRun.check(snapshotOf());
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('no run on the flights data');
    expect(result.feedback).toContain('Start training');
  });

  it('fails while the only flights run is still RUNNING, asking to wait', () => {
    const result = firstRun.check(snapshotOf(run({ name: 'in progress', status: 'RUNNING' }), run({ name: 'old', status: 'KILLED' })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“in progress” is still training');
    expect(result.feedback).toContain('Wait');
  });

  it('fails when every flights run ended FAILED or KILLED, saying so with the reason', () => {
    const interrupted = { message: 'Interrupted: the tab was closed or reloaded while this run was training.', hint: 'Start a new run.' };
    const result = firstRun.check(snapshotOf(run({ name: 'boom', status: 'FAILED', failure: DIVERGED }), run({ name: 'closed tab', status: 'KILLED', failure: interrupted })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('None of your 2 flights runs has finished');
    expect(result.feedback).toContain('“closed tab”');
    expect(result.feedback).toContain('KILLED');
    expect(result.feedback).toContain('the tab was closed');
  });

  it('fails for a single failed run, quoting its message', () => {
    const result = firstRun.check(snapshotOf(run({ name: 'boom', status: 'FAILED', failure: DIVERGED })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('Your only flights run, “boom”, ended early: it is FAILED.');
    expect(result.feedback).toContain(DIVERGED.message);
  });

  it('fails when the finished runs use another dataset, naming it', () => {
    const result = firstRun.check(snapshotOf(run({ datasetId: 'penguins', params: { target: 'species' } })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('penguins');
    expect(result.feedback).toContain('flights');
  });
});

describe('beat-mean-baseline check', () => {
  it('passes when a finished delay run beats the baseline, quoting both numbers in minutes', () => {
    const result = beatBaseline.check(snapshotOf(delayRun(32.115, 32.695, { name: 'mlp-delay' })));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('“mlp-delay”');
    expect(result.feedback).toContain('32.1 min');
    expect(result.feedback).toContain('32.7 min');
    expect(result.feedback).toContain('0.6 min better');
  });

  it('names the run with the widest margin when several win', () => {
    const result = beatBaseline.check(snapshotOf(delayRun(32.5, 32.7, { name: 'narrow' }), delayRun(31.9, 32.7, { name: 'wide' }), delayRun(33.5, 32.7, { name: 'loser' })));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('“wide”');
    expect(result.feedback).toContain('31.9 min');
  });

  it('shows more decimals when one decimal would make the two numbers look equal', () => {
    const result = beatBaseline.check(snapshotOf(delayRun(32.66, 32.69)));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('32.66 min');
    expect(result.feedback).toContain('32.69 min');
  });

  it('fails when no delay run beats the baseline, quoting the closest one and a hint', () => {
    const result = beatBaseline.check(snapshotOf(delayRun(34.02, 32.7, { name: 'far' }), delayRun(33.21, 32.7, { name: 'close' })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“close”');
    expect(result.feedback).toContain('33.2 min');
    expect(result.feedback).toContain('32.7 min');
    expect(result.feedback).toContain('0.5 min worse');
    expect(result.feedback).toContain('Early stopping patience');
    expect(result.feedback).not.toContain('“far”');
  });

  it('fails on a tie: equal is not better', () => {
    const result = beatBaseline.check(snapshotOf(delayRun(32.7, 32.7, { name: 'tie' })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('only ties with');
  });

  it('ignores runs that beat the baseline but are not finished', () => {
    const result = beatBaseline.check(snapshotOf(delayRun(31, 32.7, { name: 'cut short', status: 'KILLED' })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“cut short”');
    expect(result.feedback).toContain('KILLED');
  });

  it('fails while the delay run is still RUNNING', () => {
    const result = beatBaseline.check(snapshotOf(run({ name: 'training', status: 'RUNNING', params: DELAY_PARAMS, lastMetrics: { loss: 1200 } })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“training” is still training');
  });

  it('fails for classification runs on delayed, asking for the delay target', () => {
    const result = beatBaseline.check(snapshotOf(run({ lastMetrics: { val_accuracy: 0.78, baseline_val_accuracy: 0.77 } })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('choose delay under Target');
  });

  it('fails for a regression that beats its baseline on another dataset', () => {
    const cars = run({ datasetId: 'cars', params: { ...DELAY_PARAMS, target: 'Miles_per_Gallon' }, lastMetrics: { val_rmse: 3, baseline_val_rmse: 7 } });
    const result = beatBaseline.check(snapshotOf(cars));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('no run predicting delay on the flights data');
  });

  it('fails for a finished delay run that has no evaluation metrics', () => {
    const result = beatBaseline.check(snapshotOf(run({ name: 'no eval', params: DELAY_PARAMS, lastMetrics: { loss: 1100, val_loss: 1050 } })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“no eval” finished, but it has no evaluation');
  });
});
