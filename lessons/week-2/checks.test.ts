import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckExercise, Lesson, SnapshotRun, WorkbenchSnapshot } from '@/lib/course/types';
import yourFirstModel from './01-your-first-model/lesson';
import whyTrackExperiments from './02-why-track-experiments/lesson';

const WEEK_DIR = fileURLToPath(new URL('.', import.meta.url));
const LESSON_FOLDERS = readdirSync(WEEK_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /^\d{2}-/.test(entry.name))
  .map((entry) => entry.name)
  .sort();

/** The params the Train form records for a small MLP classifying `delayed` on the flights. */
const PARAMS: SnapshotRun['params'] = {
  task: 'classification',
  target: 'delayed',
  features: 'hour,weekday,month,distance,origin,destination',
  split: 'time',
  model: 'mlp',
  hiddenLayers: '32-16',
  activation: 'relu',
  dropout: 0,
  l2: 0,
  optimizer: 'adam',
  learningRate: 0.01,
  batchSize: 64,
  epochs: 10,
  patience: 5,
  seed: 42,
};

const DELAY_PARAMS: SnapshotRun['params'] = { ...PARAMS, task: 'regression', target: 'delay', epochs: 15 };

const DIVERGED = { message: 'The loss became NaN in epoch 1: training diverged.', hint: 'The learning rate 10 is very high for this model: the weights overshoot and grow without bound. Try 0.01 or lower.' };

type RunInput = Omit<Partial<SnapshotRun>, 'params'> & { params?: Partial<SnapshotRun['params']> };

let counter = 0;

/**
 * A run as the snapshot holds it: a FINISHED flights run with the default params unless told
 * otherwise. `params` are merged over the defaults; runs start one second apart, in creation order.
 */
function run(input: RunInput = {}): SnapshotRun {
  counter += 1;
  const { params, ...rest } = input;
  const startedAt = rest.startedAt ?? 1_700_000_000_000 + counter * 1000;
  return {
    id: `run-${counter}`,
    name: `run ${counter}`,
    status: 'FINISHED',
    startedAt,
    endedAt: rest.status === 'RUNNING' ? null : startedAt + 500,
    tags: {},
    notes: '',
    datasetId: 'flights',
    backend: 'webgl',
    lastMetrics: {},
    bestMetrics: {},
    failure: null,
    ...rest,
    params: Object.fromEntries(Object.entries({ ...PARAMS, ...params }).filter(([, v]) => v !== undefined)) as SnapshotRun['params'],
  };
}

/** A finished flights run predicting `delay`, evaluated against the mean baseline. */
function delayRun(valRmse: number, baselineRmse: number, input: RunInput = {}): SnapshotRun {
  return run({
    ...input,
    params: { ...DELAY_PARAMS, ...input.params },
    lastMetrics: { loss: 1100, val_loss: 1040, val_rmse: valRmse, baseline_val_rmse: baselineRmse, ...input.lastMetrics },
  });
}

/** A finished run of the learning-rate comparison with its best (and, unless told, last) val_loss. */
function lrRun(learningRate: number, bestValLoss: number, input: RunInput = {}): SnapshotRun {
  return run({
    ...input,
    params: { ...input.params, learningRate },
    bestMetrics: { loss: bestValLoss - 0.02, val_loss: bestValLoss, ...input.bestMetrics },
    lastMetrics: { loss: bestValLoss - 0.01, val_loss: bestValLoss + 0.01, ...input.lastMetrics },
  });
}

function snapshotOf(...runs: SnapshotRun[]): WorkbenchSnapshot {
  return {
    takenAt: 1_800_000_000_000,
    progress: { exercises: [], visits: [], completedLessons: [] },
    runs: [...runs].sort((a, b) => a.startedAt - b.startedAt),
  };
}

function checkOf(lesson: Lesson, id: string): CheckExercise {
  const exercise = lesson.exercises.find((e) => e.id === id);
  if (!exercise || exercise.kind !== 'check') throw new Error(`${id} check exercise not found`);
  return exercise;
}

const firstRun = checkOf(yourFirstModel, 'first-run');
const beatBaseline = checkOf(yourFirstModel, 'beat-mean-baseline');
const trio = checkOf(whyTrackExperiments, 'learning-rate-trio');
const failedRun = checkOf(whyTrackExperiments, 'failed-run');

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

describe('week 2 checks are pure', () => {
  it.each([firstRun, beatBaseline, trio, failedRun])('$id: same answer twice, snapshot untouched', (exercise) => {
    const snapshot = snapshotOf(lrRun(0.001, 0.48), lrRun(0.01, 0.45, { tags: { best: '' } }), delayRun(32.1, 32.7), run({ status: 'FAILED', failure: DIVERGED }));
    const before = JSON.stringify(snapshot);
    Object.freeze(snapshot.runs);
    snapshot.runs.forEach((r) => Object.freeze(r));
    const first = exercise.check(snapshot);
    expect(exercise.check(snapshot)).toEqual(first);
    expect(JSON.stringify(snapshot)).toBe(before);
  });
});

/** Workbench pages the lessons may link to, and the URL params the Train page understands. */
const WORKBENCH_PAGES = new Set(['/workbench/data', '/workbench/train', '/workbench/runs', '/workbench/run']);
const TRAIN_PARAMS: Record<string, (value: string) => boolean> = {
  dataset: (v) => ['flights', 'seattle-weather', 'penguins', 'cars'].includes(v),
  target: (v) => v.length > 0,
  model: (v) => ['linear', 'mlp'].includes(v),
  lr: (v) => Number(v) > 0,
  optimizer: (v) => ['adam', 'sgd', 'rmsprop'].includes(v),
  epochs: (v) => Number.isInteger(Number(v)) && Number(v) > 0,
};

function workbenchLinks(text: string): string[] {
  return [...text.matchAll(/\/workbench\/[^\s)"',]*/g)].map((m) => m[0].replace(/[.]$/, ''));
}

describe('week 2 lessons', () => {
  it('has the expected lesson folders', () => {
    expect(LESSON_FOLDERS).toEqual(['01-your-first-model', '02-why-track-experiments']);
  });

  describe.each(LESSON_FOLDERS)('%s', (folder) => {
    const load = async (): Promise<Lesson> => {
      const mod = (await import(`./${folder}/lesson.ts`)) as { default: Lesson };
      return mod.default;
    };
    const mdx = () => readFileSync(join(WEEK_DIR, folder, 'content.mdx'), 'utf8');

    it('has id, week and order matching its folder', async () => {
      const lesson = await load();
      expect(folder).toBe(`${String(lesson.order).padStart(2, '0')}-${lesson.id}`);
      expect(lesson.week).toBe(2);
    });

    it('has quizzes and checks, with 2–3 hints each and every quiz choice explained', async () => {
      const lesson = await load();
      expect(lesson.exercises.some((e) => e.kind === 'quiz')).toBe(true);
      expect(lesson.exercises.some((e) => e.kind === 'check')).toBe(true);
      for (const exercise of lesson.exercises) {
        expect(exercise.hints.length, exercise.id).toBeGreaterThanOrEqual(2);
        expect(exercise.hints.length, exercise.id).toBeLessThanOrEqual(3);
        if (exercise.kind === 'quiz') {
          for (const choice of exercise.choices) expect(choice.explanation.trim(), choice.id).not.toBe('');
        }
      }
    });

    it('places every declared exercise exactly once in content.mdx, and no undeclared one', async () => {
      const lesson = await load();
      const placed = [...mdx().matchAll(/<Exercise\s+id="([^"]+)"\s*\/>/g)].map((m) => m[1]);
      expect([...placed].sort()).toEqual(lesson.exercises.map((e) => e.id).sort());
    });

    it('uses section headings and no h1 in content.mdx', () => {
      expect(mdx()).toMatch(/^## /m);
      expect(mdx()).not.toMatch(/^# /m);
      expect(mdx()).not.toMatch(/^\s*(import|export)\s/m);
    });

    it('links only to workbench pages that exist, with Train params the form understands', async () => {
      const lesson = await load();
      const texts = [mdx(), ...lesson.exercises.map((e) => (e.kind === 'check' ? e.solution : ''))];
      const links = texts.flatMap(workbenchLinks);
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        const url = new URL(link, 'https://workbench.test');
        expect(WORKBENCH_PAGES.has(url.pathname), link).toBe(true);
        for (const [key, value] of url.searchParams) {
          expect(url.pathname, link).toBe('/workbench/train');
          expect(TRAIN_PARAMS[key]?.(value), `${link}: ${key}=${value}`).toBe(true);
        }
      }
    });
  });

  it('teaches level 0 first, then level 2', () => {
    expect([yourFirstModel.maturityLevel, whyTrackExperiments.maturityLevel]).toEqual([0, 2]);
  });

  it('asks why-it-failed with the learning rate as the one right answer', () => {
    const quiz = whyTrackExperiments.exercises.find((e) => e.id === 'why-it-failed');
    if (!quiz || quiz.kind !== 'quiz') throw new Error('why-it-failed quiz not found');
    expect(quiz.choices.filter((c) => c.correct).map((c) => c.id)).toEqual(['learning-rate-too-high']);
  });
});
