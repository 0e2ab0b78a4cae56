import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/data/random';
import { eightTrials, mostImportant, run, snapshotWith, sweep, sweepOfEight, trial, tried, tuning } from '../test-snapshots';
import { IMPORTANT_EXERCISE_ID, LESSON_ID } from './checks';

// Reachability: the lesson's sweep link opens flights/delay/mlp; a random search over the
// learning rate (log range) and batch size with a budget of 10 trials gives ≥ 8 FINISHED or
// STOPPED_EARLY trials and an η² importance (with its shuffled baseline) once 3 have finished.
// The learner then edits the parent run's tags (the parent is an ordinary run, with Edit tags
// on its run page). The check recomputes importance from the trials, as the results page does.

describe('sweep-of-eight check', () => {
  it('passes with 8 finished trials, describing the search and its best trial', () => {
    const result = sweepOfEight.check(snapshotWith({ sweeps: [sweep({ name: 'delay sweep' })] }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('“delay sweep” ran 8 trials: a random search over learningRate and batchSize with the median stopping rule');
    expect(result.feedback).toContain('Its best trial reached val_loss 0.44');
  });

  it('counts trials stopped early, and reports cross-validated results as mean ± std', () => {
    const trials = eightTrials().map((t, i) => (i < 3 ? { ...t, status: 'STOPPED_EARLY' as const } : { ...t, std: 0.012 }));
    const result = sweepOfEight.check(snapshotWith({ sweeps: [sweep({ trials, folds: 3, search: 'grid', earlyStopping: 'successive-halving' })] }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('a grid search over learningRate and batchSize with successive halving, 3-fold cross-validation');
    expect(result.feedback).toContain('3 of them were stopped early');
    expect(result.feedback).toContain('val_loss 0.44 ± 0.012');
  });

  it('passes while the sweep is still running once 8 trials are done, and with a maximised objective', () => {
    const trials = eightTrials().map((t) => ({ ...t, value: 1 - t.value! }));
    const result = sweepOfEight.check(snapshotWith({ sweeps: [sweep({ status: 'RUNNING', trials, objective: { metric: 'val_accuracy', direction: 'maximize' } })] }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('val_accuracy 0.56');
  });

  it('fails with no sweep at all, pointing to the Sweep page', () => {
    const result = sweepOfEight.check(snapshotWith({ runs: [run()] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('You have not run a sweep yet');
  });

  it('fails when trial runs exist but their sweep summary is gone', () => {
    const result = sweepOfEight.check(snapshotWith({ runs: [run({ parentRunId: 'deleted' })] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('no sweep summary was found');
  });

  it('fails while the sweep is running with fewer than 8 trials done', () => {
    const result = sweepOfEight.check(snapshotWith({ sweeps: [sweep({ name: 'busy', status: 'RUNNING', trials: eightTrials().slice(0, 5) })] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“busy” is still running: 5 trials done so far');
  });

  it('fails when the sweep was cancelled early', () => {
    const result = sweepOfEight.check(snapshotWith({ sweeps: [sweep({ name: 'stopped', status: 'KILLED', trials: eightTrials().slice(0, 3) })] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“stopped” was cancelled after 3 completed trials; 8 are needed');
  });

  it('fails when the budget was too small, saying so (and how to size a grid)', () => {
    const random = sweepOfEight.check(snapshotWith({ sweeps: [sweep({ name: 'small', maxTrials: 6, trials: eightTrials().slice(0, 6) })] }));
    expect(random.passed).toBe(false);
    expect(random.feedback).toContain('“small” finished with 6 completed trials; this exercise needs 8');
    expect(random.feedback).toContain('Its budget allowed only 6 trials');
    const grid = sweepOfEight.check(snapshotWith({ sweeps: [sweep({ search: 'grid', maxTrials: 4, trials: eightTrials().slice(0, 4) })] }));
    expect(grid.feedback).toContain('2 learning rates × 4 batch sizes make 8');
  });

  it('fails when a grid has fewer combinations than 8, whatever the budget', () => {
    const result = sweepOfEight.check(snapshotWith({ sweeps: [sweep({ search: 'grid', maxTrials: 8, trials: eightTrials().slice(0, 6) })] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('A grid runs each combination once, and its lists make only 6');
    expect(result.feedback).not.toContain('budget allowed');
  });

  it('does not count FAILED or KILLED trials, and says why trials fail', () => {
    const trials = [...eightTrials().slice(0, 5), trial(null, { learningRate: 3 }, { status: 'FAILED' }), trial(null, { learningRate: 5 }, { status: 'FAILED' }), trial(0.5, { learningRate: 0.1 }, { status: 'KILLED' })];
    const result = sweepOfEight.check(snapshotWith({ sweeps: [sweep({ trials })] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('finished with 5 completed trials');
    expect(result.feedback).toContain('2 of its trials FAILED');
  });

  it('passes when an older sweep qualifies even if the newest one is small', () => {
    const result = sweepOfEight.check(snapshotWith({ sweeps: [sweep({ name: 'old', startedAt: 1 }), sweep({ name: 'new', trials: eightTrials().slice(0, 2) })] }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('“old”');
  });
});

describe('most-important-param check', () => {
  it('is wired to its own lesson and exercise id, so it can read its own attempts', () => {
    expect(tuning.id).toBe(LESSON_ID);
    expect(mostImportant.id).toBe(IMPORTANT_EXERCISE_ID);
  });

  it('passes when the parent run is tagged with the top param, quoting its score, the method and its shuffled baseline', () => {
    const result = mostImportant.check(snapshotWith({ sweeps: [sweep({ name: 'delay sweep', tags: { sweep: 'parent', important: 'learningRate' } })] }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('in “delay sweep”, learningRate explains the most of the variance in val_loss: η² = 100% (method: Variance explained (η², one-way ANOVA) against a shuffled baseline)');
    // 4 learning rates over 8 trials: shuffled objectives explain about 3/7 on average.
    expect(result.feedback).toMatch(/It stands out from noise: shuffled objectives explain 4\d% on average and \d+% at their 95th percentile \(p = 0\.0[0-5]\d?\)/);
    expect(result.feedback).toContain('That is where the next sweep should search more finely');
  });

  it('passes on a noisy sweep too, but says the top param does not stand out from noise', () => {
    // An objective unrelated to the params: with 8 trials, one of them still explains a lot.
    const random = seededRandom(3);
    const trials = [0.001, 0.003, 0.01, 0.03].flatMap((learningRate) => [32, 128].map((batchSize) => trial(0.5 + 0.01 * random(), { learningRate, batchSize })));
    const result = mostImportant.check(snapshotWith({ sweeps: [sweep({ name: 'noisy', trials, tags: { important: 'batchSize' } })] }));
    expect(result.passed).toBe(true);
    expect(result.feedback).toContain('in “noisy”, batchSize explains the most of the variance in val_loss: η² = 64%');
    expect(result.feedback).toMatch(/But it does not stand out from noise: with 8 trials, shuffled objectives explain \d+% on average and \d+% at their 95th percentile \(p = 0\.\d\d\)/);
    expect(result.feedback).toContain('importance is mostly noise unless it beats the shuffled baseline');
    expect(result.feedback).not.toContain('search more finely');
  });

  it('accepts the name written as a person would, and either param of a tie', () => {
    for (const answer of ['Learning rate', ' learning_rate ', 'LEARNINGRATE']) {
      expect(mostImportant.check(snapshotWith({ sweeps: [sweep({ tags: { important: answer } })] })).passed, answer).toBe(true);
    }
    // Both params move the objective by the same step in a balanced grid: η² = 0.5 each.
    const tie = [0.01, 0.1, 0.01, 0.1].flatMap((learningRate) => [32, 128].map((batchSize) => trial(0.5 + (learningRate === 0.1 ? 0.01 : 0) + (batchSize === 128 ? 0.01 : 0), { learningRate, batchSize })));
    expect(mostImportant.check(snapshotWith({ sweeps: [sweep({ trials: tie, tags: { important: 'batchSize' } })] })).passed).toBe(true);
    expect(mostImportant.check(snapshotWith({ sweeps: [sweep({ trials: tie, tags: { important: 'learningRate' } })] })).passed).toBe(true);
  });

  it('passes when any sweep is answered right, even if a newer one is not tagged', () => {
    const result = mostImportant.check(snapshotWith({ sweeps: [sweep({ startedAt: 1, tags: { important: 'learningRate' } }), sweep()] }));
    expect(result.passed).toBe(true);
  });

  it('fails with no sweep', () => {
    const result = mostImportant.check(snapshotWith({}));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('You have no sweep yet');
  });

  it('fails while no sweep has an importance yet', () => {
    // Importance comes from the trials: 2 with a value are too few, whatever sweep.json holds.
    const running = mostImportant.check(snapshotWith({ sweeps: [sweep({ name: 'young', importance: null, trials: eightTrials().slice(0, 2), status: 'RUNNING', tags: { important: 'learningRate' } })] }));
    expect(running.passed).toBe(false);
    expect(running.feedback).toContain('“young” has no parameter importance yet');
    expect(running.feedback).toContain('still running');
    // No searched params and no stored scores: nothing to rank.
    const empty = mostImportant.check(snapshotWith({ sweeps: [sweep({ searched: [], importance: { method: 'η²', scores: [] } })] }));
    expect(empty.feedback).toContain('no parameter importance yet');
  });

  it('fails without a tag, and names the top param only after three tries or the solution', () => {
    const sweeps = [sweep({ name: 'delay sweep' })];
    const early = mostImportant.check(snapshotWith({ sweeps, exercises: [tried(tuning, IMPORTANT_EXERCISE_ID, 2)] }));
    expect(early.passed).toBe(false);
    expect(early.feedback).toContain('“delay sweep” ranks its params by importance, but its parent run has no important tag yet');
    expect(early.feedback).toContain('read Parameter importance');
    expect(early.feedback).not.toContain('The top param there is');
    const late = mostImportant.check(snapshotWith({ sweeps, exercises: [tried(tuning, IMPORTANT_EXERCISE_ID, 3)] }));
    expect(late.feedback).toContain('The top param there is learningRate: tag the parent run important=learningRate');
    // Another exercise's attempts do not count.
    const other = mostImportant.check(snapshotWith({ sweeps, exercises: [tried(tuning, 'sweep-of-eight', 5)] }));
    expect(other.feedback).not.toContain('The top param there is');
  });

  it('fails when the answer tag sits on a run that is not a sweep parent', () => {
    const result = mostImportant.check(snapshotWith({ sweeps: [sweep()], runs: [run({ name: 'a trial', parentRunId: 'p', tags: { important: 'learningRate' } })] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('“a trial” carries an important tag, but it is not a sweep’s parent run');
  });

  it('fails with a bare tag, asking for the param as its value', () => {
    const result = mostImportant.check(snapshotWith({ sweeps: [sweep({ tags: { important: '' } })] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('carries a bare important tag');
  });

  it('fails when the tag names a param the sweep did not search, listing those it did', () => {
    const result = mostImportant.check(snapshotWith({ sweeps: [sweep({ tags: { important: 'dropout' } })] }));
    expect(result.passed).toBe(false);
    expect(result.feedback).toContain('dropout is not one of the params it searched (learningRate and batchSize)');
  });

  it('fails when the tag names a less important param, revealing the answer once the solution is shown', () => {
    const hidden = mostImportant.check(snapshotWith({ sweeps: [sweep({ tags: { important: 'batchSize' } })] }));
    expect(hidden.passed).toBe(false);
    expect(hidden.feedback).toContain('batchSize is not the param with the highest importance in that sweep');
    expect(hidden.feedback).not.toContain('learningRate');
    const shown = mostImportant.check(snapshotWith({ sweeps: [sweep({ tags: { important: 'batchSize' } })], exercises: [tried(tuning, IMPORTANT_EXERCISE_ID, 1, true)] }));
    expect(shown.feedback).toContain('The top param there is learningRate');
  });
});
