import { defineLesson } from '@/lib/course/define';
import type { CheckResult, SnapshotRun, WorkbenchSnapshot } from '@/lib/course/types';
import { asSentence, FLIGHTS, latestRun, quoted } from '../runs';

/**
 * First run: passes once a run on the flights data has FINISHED, whatever its target or model.
 * Pure: reads only `snapshot.runs`.
 */
export function checkFirstRun(snapshot: WorkbenchSnapshot): CheckResult {
  const flights = snapshot.runs.filter((run) => run.datasetId === FLIGHTS);
  const finished = latestRun(flights.filter((run) => run.status === 'FINISHED'));
  if (finished) {
    const target = finished.params.target;
    return {
      passed: true,
      feedback: `${quoted(finished)} finished training on the flights data${typeof target === 'string' && target ? `, predicting ${target}` : ''}. It is on the Runs page with its settings, its loss curves and its evaluation against the baseline.`,
    };
  }
  const running = latestRun(flights.filter((run) => run.status === 'RUNNING'));
  if (running) {
    return {
      passed: false,
      feedback: `${quoted(running)} is still training. Wait until the progress bar on the Train page reaches the end, then check again.`,
      // Nothing has ended yet, so there is nothing to judge: not a try.
      notGradable: true,
    };
  }
  const stopped = latestRun(flights.filter((run) => run.status === 'FAILED' || run.status === 'KILLED'));
  if (stopped) {
    const why = stopped.failure ? ` ${asSentence(stopped.failure.message)}` : '';
    const which = flights.length === 1 ? `Your only flights run, ${quoted(stopped)}, ended early` : `None of your ${flights.length} flights runs has finished. The latest, ${quoted(stopped)}, ended early`;
    return {
      passed: false,
      feedback: `${which}: it is ${stopped.status}.${why} Start a new training and let it run to the end without pressing Cancel or closing the tab.`,
    };
  }
  const elsewhere = snapshot.runs.filter((run) => run.status === 'FINISHED');
  if (elsewhere.length > 0) {
    const datasets = [...new Set(elsewhere.map((run) => run.datasetId))].join(', ');
    return {
      passed: false,
      feedback: `Your finished runs use another dataset (${datasets}). This exercise needs the flights data: choose flights under Dataset on the Train page and start training.`,
    };
  }
  return {
    passed: false,
    feedback: 'There is no run on the flights data yet. Open Train, choose flights under Dataset, click Start training and wait for it to finish.',
    notGradable: true,
  };
}

/** Validation RMSE and the mean baseline's, when the run was evaluated. */
function rmsePair(run: SnapshotRun): { model: number; baseline: number } | null {
  const model = run.lastMetrics.val_rmse;
  const baseline = run.lastMetrics.baseline_val_rmse;
  return model !== undefined && baseline !== undefined && Number.isFinite(model) && Number.isFinite(baseline) ? { model, baseline } : null;
}

/**
 * Minutes with one decimal, or more when one decimal would show two different values as equal
 * (32.14 against 32.11 reads 32.14 against 32.11, not 32.1 against 32.1).
 */
function minutes(model: number, baseline: number): { model: string; baseline: string; margin: string } {
  let decimals = 1;
  while (decimals < 3 && (model.toFixed(decimals) === baseline.toFixed(decimals) || Math.abs(baseline - model).toFixed(decimals) === (0).toFixed(decimals))) decimals++;
  return { model: `${model.toFixed(decimals)} min`, baseline: `${baseline.toFixed(decimals)} min`, margin: `${Math.abs(baseline - model).toFixed(decimals)} min` };
}

/**
 * Beat the mean baseline: passes once a FINISHED flights run predicting `delay` has a validation
 * RMSE (`val_rmse`) below the mean baseline's (`baseline_val_rmse`). Pure: reads only `snapshot.runs`.
 */
export function checkBeatMeanBaseline(snapshot: WorkbenchSnapshot): CheckResult {
  const flights = snapshot.runs.filter((run) => run.datasetId === FLIGHTS);
  const delayRuns = flights.filter((run) => run.params.target === 'delay');
  const evaluated = delayRuns.flatMap((run) => {
    const pair = run.status === 'FINISHED' ? rmsePair(run) : null;
    return pair ? [{ run, ...pair }] : [];
  });
  const winners = evaluated.filter((e) => e.model < e.baseline);
  if (winners.length > 0) {
    const best = winners.reduce((a, b) => (b.baseline - b.model > a.baseline - a.model ? b : a));
    const m = minutes(best.model, best.baseline);
    return {
      passed: true,
      feedback: `${quoted(best.run)} beats the mean baseline: its validation RMSE is ${m.model}, against ${m.baseline} for always predicting the average training delay. That is ${m.margin} better. A small margin is normal here: a few very late flights dominate the error, and nobody can foresee them from the timetable.`,
    };
  }
  if (evaluated.length > 0) {
    const closest = evaluated.reduce((a, b) => (b.model < a.model ? b : a));
    const m = minutes(closest.model, closest.baseline);
    const equal = closest.model === closest.baseline;
    return {
      passed: false,
      feedback: `Not yet. Your closest delay run, ${quoted(closest.run)}, has a validation RMSE of ${m.model} against ${m.baseline} for the mean baseline, so it ${equal ? 'only ties with' : `is ${m.margin} worse than`} always predicting the average. Keep Early stopping patience on (5) so the weights of the best epoch are kept, use adam with a learning rate of 0.01, and give it 15 epochs or more. If the neural network still loses, try the linear model: any margin counts.`,
    };
  }
  const unevaluated = latestRun(delayRuns.filter((run) => run.status === 'FINISHED'));
  if (unevaluated) {
    return {
      passed: false,
      feedback: `${quoted(unevaluated)} finished, but it has no evaluation against the baseline (val_rmse and baseline_val_rmse are missing). Train again and wait until the evaluation step after the last epoch is done.`,
    };
  }
  const running = latestRun(delayRuns.filter((run) => run.status === 'RUNNING'));
  if (running) {
    return { passed: false, feedback: `${quoted(running)} is still training. Wait for it to finish and be evaluated, then check again.`, notGradable: true };
  }
  const stopped = latestRun(delayRuns);
  if (stopped) {
    const why = stopped.failure ? ` ${asSentence(stopped.failure.message)}` : '';
    return {
      passed: false,
      feedback: `Your delay runs all ended early. The latest, ${quoted(stopped)}, is ${stopped.status}.${why} Start a new one and let it finish.`,
    };
  }
  if (flights.some((run) => run.params.target === 'delayed')) {
    return {
      passed: false,
      feedback: 'Your flights runs predict delayed, the yes-or-no label, which is scored by accuracy against the majority class. This exercise needs the minutes: choose delay under Target and train again.',
    };
  }
  return {
    passed: false,
    feedback: 'There is no run predicting delay on the flights data yet. Open Train with the flights data, choose delay under Target, and start training.',
    notGradable: true,
  };
}

export default defineLesson({
  id: 'your-first-model',
  week: 2,
  order: 1,
  title: 'Your first model (level 0)',
  summary:
    'Turn the flights into features and a target, split them by time, prepare the inputs without leaking the future, and train your first models in the browser. A model only counts if it beats a trivial baseline.',
  maturityLevel: 0,
  minutes: 25,
  objectives: [
    'Frame a prediction problem as input features and a target',
    'Explain why the flights are split by time, and why preprocessing is fitted on the training rows only',
    'Compare a model with the mean or majority-class baseline before trusting its score',
    'Choose between a linear model and a small neural network, and set epochs, learning rate and batch size',
    'Read training and validation loss curves to spot underfitting, overfitting and a learning rate that is too high',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'leakage',
      title: 'Spot the leaks',
      prompt:
        'You are preparing the flights to predict delays, with validation flights that come after the training flights. Which of these let information from the validation flights (or from the future) into training? Pick every one that applies.',
      multiple: true,
      hints: [
        'Ask of each step: which rows did it learn its numbers from?',
        'Anything computed over all 20,000 flights has seen the validation flights.',
        'Three answers leak. The two that do not only ever learn from training flights.',
      ],
      choices: [
        {
          id: 'scale-on-all-rows',
          text: 'Scaling distance with the mean and standard deviation of all 20,000 flights',
          correct: true,
          explanation:
            'A leak. The scaling numbers now depend on the validation flights, so the validation score no longer measures flights the model has never seen. Fit them on the training rows, then apply them everywhere.',
        },
        {
          id: 'route-average-delay',
          text: 'Adding a feature with the average delay of each route, computed over the whole file',
          correct: true,
          explanation:
            'A leak, and a bad one: the feature contains the target of the validation flights themselves. The model looks brilliant in validation and falls flat in production, where those averages do not exist yet.',
        },
        {
          id: 'random-split',
          text: 'Shuffling the flights and splitting at random, so every day appears in both training and validation',
          correct: true,
          explanation:
            'A leak in time. A storm that delays every flight on one afternoon then sits in both parts, and the model is scored on days it has already seen. In production it only ever meets days it has not.',
        },
        {
          id: 'top-airports-from-training',
          text: 'Choosing the 20 most frequent origin airports from the training flights and mapping every other airport to “(other)”',
          correct: false,
          explanation:
            'No leak. The list of categories is learned from training rows only. A validation flight from a rarer airport simply lands in “(other)”, exactly as it would in production.',
        },
        {
          id: 'reuse-training-statistics',
          text: 'Filling a missing distance in a validation flight with the mean distance of the training flights',
          correct: false,
          explanation:
            'No leak: this is the right way. The fill value was learned from training rows and is reused unchanged on validation, test and live requests.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'why-baseline',
      title: 'Is 77% accuracy good?',
      prompt:
        'Your first classifier for delayed (more than 15 minutes late) gets 77% accuracy on the validation flights. About 23% of those flights were in fact delayed. How good is the model?',
      hints: [
        'What accuracy would a model get that ignores its inputs and always gives the same answer?',
        'Most validation flights are not delayed.',
      ],
      choices: [
        {
          id: 'no-better-than-majority',
          text: 'No better than always answering “on time”, which is also right about 77% of the time',
          correct: true,
          explanation:
            'Right. The majority-class baseline scores about 77% on these flights without looking at anything. The model has learned nothing useful until it beats that, which is why every run is evaluated next to its baseline.',
        },
        {
          id: 'three-in-four',
          text: 'Good: it is right about three times out of four',
          correct: false,
          explanation:
            'Three out of four sounds good, but a model that never predicts a delay gets the same score. An accuracy means little until you compare it with a baseline.',
        },
        {
          id: 'under-ninety',
          text: 'Bad: a classifier under 90% accuracy is useless',
          correct: false,
          explanation:
            'There is no universal bar. On some problems 60% is excellent, on others 99% is worthless. What counts is the improvement over the baseline on the same rows.',
        },
        {
          id: 'need-training-accuracy',
          text: 'You cannot tell without the training accuracy',
          correct: false,
          explanation:
            'Training accuracy tells you whether the model overfits, not whether it is useful. The comparison that settles usefulness is against a baseline on the validation rows.',
        },
      ],
    },
    {
      kind: 'check',
      id: 'first-run',
      title: 'Train your first model',
      prompt:
        'Train any model on the flights data and let it finish. The link in the text opens the Train page with a linear classifier for delayed already chosen.',
      hints: [
        'Open Train from the header, choose flights under Dataset and click Start training.',
        'Wait for the progress bar to reach the end. Cancel, or closing the tab, leaves the run KILLED, and that does not count.',
        'The run appears on the Runs page as soon as it starts; it counts once its status is FINISHED.',
      ],
      solution:
        'Open /workbench/train?dataset=flights&target=delayed&model=linear&lr=0.01&epochs=10, keep the other settings, click Start training, wait until it finishes, then come back and run the check.',
      workbenchLink: '/workbench/train?dataset=flights&target=delayed&model=linear&lr=0.01&epochs=10',
      check: checkFirstRun,
    },
    {
      kind: 'check',
      id: 'beat-mean-baseline',
      title: 'Beat the mean baseline',
      prompt:
        'Train a model that predicts delay, the arrival delay in minutes, and beats the mean baseline: its validation RMSE must be lower than the baseline’s. Any margin counts.',
      hints: [
        'Target must be delay (minutes), not delayed (yes or no). The evaluation on the run page shows both RMSE values.',
        'Start from the neural network: adam, learning rate 0.01, 15 epochs, and keep Early stopping patience on so the best epoch’s weights are kept.',
        'Delays have a long tail, so expect to win by less than a minute. If the network loses, try the linear model with the same settings.',
      ],
      solution:
        'Open /workbench/train?dataset=flights&target=delay&model=mlp&lr=0.01&epochs=15, check that Optimizer is adam and Early stopping patience is 5 (not off), and start training. When it finishes, compare val_rmse with baseline_val_rmse on the run page. If it does not win, train again with Model set to Linear / logistic regression.',
      workbenchLink: '/workbench/train?dataset=flights&target=delay&model=mlp&lr=0.01&epochs=15',
      check: checkBeatMeanBaseline,
    },
  ],
});
