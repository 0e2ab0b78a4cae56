import { describe, expect, it } from 'vitest';
import { bestNotLast, comparingRuns, lossRun, run, snapshotOf, snapshotWith, tried } from '../test-snapshots';
import { EXERCISE_ID, LESSON_ID } from './checks';

// Reachability: an MLP on delayed with lr 0.01, 40 epochs and Early stopping patience cleared
// overfits the flights within the first 10–15 epochs, so its last val_loss ends above its best;
// the three runs of lesson 2 (patience 5) are the comparison. Both are one click from the lesson.
const overfit = { params: { epochs: 40, patience: 'off' } };

describe('best-not-last check', () => {
  it('is wired to its own lesson and exercise id, so it can read its own attempts', () => {
    expect(comparingRuns.id).toBe(LESSON_ID);
    expect(bestNotLast.id).toBe(EXERCISE_ID);
  });

  it('passes when the run with the lowest best val_loss is tagged winner, calling out the last-value trap', () => {
    const result = bestNotLast.check(snapshotOf(lossRun(0.43, 0.51, { ...overfit, name: 'long', tags: { winner: '' } }), lossRun(0.45, 0.46, { name: 'stopped early' })));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('“long” has the lowest best val_loss, 0.43, of your 2 finished flights runs predicting delayed');
    expect(result.feedback).toContain('Sorted by the last value you would have picked “stopped early” (last val_loss 0.46)');
  });

  it('passes when best and last agree on the order, naming the run with the widest gap', () => {
    const result = bestNotLast.check(snapshotOf(lossRun(0.43, 0.44, { name: 'a', tags: { winner: '' } }), lossRun(0.45, 0.52, { name: 'b' })));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('the last values happen to agree, but “b” shows the gap: best 0.45, last 0.52');
  });

  it('accepts the tag in any case and with a value, a tie for the lowest, and regression runs', () => {
    const delay = { params: { target: 'delay', task: 'regression' } };
    const result = bestNotLast.check(snapshotOf(lossRun(1040, 1090, { ...delay, tags: { ' Winner': 'yes' } }), lossRun(1040, 1040, delay), lossRun(1100, 1100, delay)));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('predicting delay');
  });

  it('passes on one target even when the other target has no winner', () => {
    const result = bestNotLast.check(snapshotOf(lossRun(0.43, 0.5, { tags: { winner: '' } }), lossRun(0.45, 0.45), lossRun(1000, 1100, { params: { target: 'delay' } }), lossRun(990, 990, { params: { target: 'delay' } })));
    expect(result.passed).toBe(true);
  });

  it('ignores sweep trials, sweep parents, other datasets and unfinished runs when judging the winner', () => {
    const result = bestNotLast.check(
      snapshotOf(
        lossRun(0.43, 0.5, { name: 'mine', tags: { winner: '' } }),
        lossRun(0.45, 0.45),
        lossRun(0.3, 0.3, { parentRunId: 'sweep-parent' }),
        lossRun(0.3, 0.3, { id: 'sweep-parent' }),
        lossRun(0.2, 0.4, { tags: { sweep: 'parent' } }),
        lossRun(0.1, 0.2, { datasetId: 'seattle-weather' }),
        lossRun(0.2, 0.3, { status: 'KILLED' }),
      ),
    );
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('“mine”');
  });

  it('fails with no finished flights runs, explaining how to make one overfit', () => {
    const result = bestNotLast.check(snapshotOf(run({ status: 'RUNNING' })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('no finished flights runs with a validation loss');
    expect(result.feedback).toContain('clear Early stopping patience');
    expect(result.feedback).toContain('still training');
  });

  it('does not count a finished run without val_loss', () => {
    const result = bestNotLast.check(snapshotOf(run({ lastMetrics: { loss: 0.4 }, bestMetrics: { loss: 0.4 } })));
    expect(result.feedback).toContain('no finished flights runs with a validation loss');
  });

  it('fails with one run per target, asking for a second on the same target', () => {
    const result = bestNotLast.check(snapshotOf(lossRun(0.43, 0.5, { name: 'solo' }), lossRun(1000, 1100, { name: 'minutes', params: { target: 'delay' } })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('Each target has a single finished flights run so far (“solo” and “minutes”)');
  });

  it('fails when no run trained past its best epoch: there is no trap yet', () => {
    const result = bestNotLast.check(snapshotOf(lossRun(0.43, 0.43), lossRun(0.45, 0.45)));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('all end on their best epoch');
    expect(result.feedback).toContain('40-epoch link');
  });

  it('fails when nobody is tagged, and names the winner only after three tries', () => {
    const runs = [lossRun(0.43, 0.51, { name: 'long' }), lossRun(0.45, 0.45, { name: 'short' })];
    const early = bestNotLast.check(snapshotWith({ runs, exercises: [tried(comparingRuns, EXERCISE_ID, 2)] }));
    expect(early.passed).toBe(false);
    expect(early.feedback).toContain('“long” trained past its best epoch. Now tag the run with the lowest best val_loss winner');
    expect(early.feedback).toContain('Sort the Runs table by the val_loss best column');
    expect(early.feedback).not.toContain('It is “long”');
    const late = bestNotLast.check(snapshotWith({ runs, exercises: [tried(comparingRuns, EXERCISE_ID, 3)] }));
    expect(late.feedback).toContain('It is “long”, with a best val_loss of 0.43');
    const shown = bestNotLast.check(snapshotWith({ runs, exercises: [tried(comparingRuns, EXERCISE_ID, 0, true)] }));
    expect(shown.feedback).toContain('It is “long”');
  });

  it('fails when the tag is on the run with the lowest last value: the trap itself', () => {
    const runs = [lossRun(0.43, 0.51, { name: 'long' }), lossRun(0.45, 0.46, { name: 'short', tags: { winner: '' } })];
    const result = bestNotLast.check(snapshotOf(...runs));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“short” has the lowest last val_loss (0.46), but the winner is judged by the best value of any epoch, and its best, 0.45, is not the lowest');
    expect(result.feedback).not.toContain('“long” reaches');
    const revealed = bestNotLast.check(snapshotWith({ runs, exercises: [tried(comparingRuns, EXERCISE_ID, 4)] }));
    expect(revealed.feedback).toContain('“long” reaches 0.43');
  });

  it('fails when the tag is on a run that is neither best nor last-best', () => {
    const result = bestNotLast.check(snapshotOf(lossRun(0.43, 0.51), lossRun(0.45, 0.46), lossRun(0.48, 0.52, { name: 'meh', tags: { winner: '' } })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“meh” carries the winner tag, but its best val_loss, 0.48, is not the lowest of your 3 finished flights runs predicting delayed');
  });

  it('fails when the winner is tagged but another run is too', () => {
    const result = bestNotLast.check(snapshotOf(lossRun(0.43, 0.51, { name: 'long', tags: { winner: '' } }), lossRun(0.45, 0.46, { name: 'short', tags: { winner: '' } })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“long” is the right pick, but “short” carries the winner tag too');
  });

  it('fails when the right run is tagged but no run trained past its best', () => {
    const result = bestNotLast.check(snapshotOf(lossRun(0.43, 0.43, { name: 'a', tags: { winner: '' } }), lossRun(0.45, 0.45)));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“a” is the right pick among your 2 finished flights runs predicting delayed, but none of them trained past its best epoch');
  });

  it('fails when the tagged run is the only one on its target', () => {
    const result = bestNotLast.check(snapshotOf(lossRun(0.43, 0.5, { name: 'alone', tags: { winner: '' } }), lossRun(1000, 1100, { params: { target: 'delay' } })));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“alone” is your only finished flights run predicting delayed');
  });

  it('explains why a tagged run outside the comparison does not count', () => {
    const ready = [lossRun(0.43, 0.51), lossRun(0.45, 0.46)];
    const cases: Array<[ReturnType<typeof lossRun>, string]> = [
      [lossRun(0.4, 0.4, { name: 'trial', parentRunId: 'p', tags: { winner: '' } }), 'it belongs to a sweep'],
      [lossRun(0.4, 0.4, { name: 'penguins', datasetId: 'penguins', tags: { winner: '' } }), 'it was trained on penguins'],
      [lossRun(0.4, 0.4, { name: 'busy', status: 'RUNNING', tags: { winner: '' } }), 'it is RUNNING, and only finished runs count'],
    ];
    for (const [stray, reason] of cases) {
      const result = bestNotLast.check(snapshotOf(...ready, stray));
      expect(result.passed).toBe(false);
      expect(result.feedback).toContain(`${'“' + stray.name + '”'} carries the winner tag, but ${reason}`);
    }
  });
});
