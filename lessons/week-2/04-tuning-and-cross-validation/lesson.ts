import { defineLesson } from '@/lib/course/define';
import { checkMostImportantParam, checkSweepOfEight } from './checks';

export default defineLesson({
  id: 'tuning-and-cross-validation',
  week: 2,
  order: 4,
  title: 'Tuning and cross-validation (level 2)',
  summary:
    'Let a sweep search the settings for you: declare a space, choose grid or random search, stop hopeless trials early, cross-validate, and read which param mattered most without touching the test split.',
  maturityLevel: 2,
  minutes: 35,
  objectives: [
    'Declare a search space with lists and ranges, on a log scale where the order of magnitude matters',
    'Choose between grid and random search for a given budget',
    'Explain the median stopping rule and successive halving, and what they may cost',
    'Report a cross-validated score as mean ± std and tell a real difference from noise',
    'Read parameter importance (variance explained, η²) and name its limits',
    'Explain why tuning uses the validation split and the test split is scored once, at the end',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'grid-or-random',
      title: 'Nine trials',
      prompt:
        'You can afford 9 trials over two params: the learning rate, which matters a lot, and dropout, which hardly matters here. How do a 3 × 3 grid and 9 random trials compare?',
      hints: ['Count how many different learning rates each search tries.', 'If dropout hardly matters, what are the trials that differ only in dropout worth?'],
      choices: [
        {
          id: 'random-more-rates',
          text: 'Random search tries 9 different learning rates; the grid tries only 3, each three times with a different dropout. Random search learns more about the param that matters.',
          correct: true,
          explanation:
            'Right. When one param dominates, a grid spends most of its budget repeating the same few values of it. Random search gives every trial a new value of every param.',
        },
        {
          id: 'grid-covers-all',
          text: 'The grid is better because it covers the whole space evenly',
          correct: false,
          explanation:
            'It covers the combinations evenly, but only 3 values per param. Along the learning rate, the axis that matters, that is three points, however many trials you spend.',
        },
        {
          id: 'same-thing',
          text: 'They are equivalent: both run 9 trainings',
          correct: false,
          explanation:
            'Same cost, different information. The grid repeats each learning rate three times; random search tries nine.',
        },
        {
          id: 'random-unreproducible',
          text: 'Random search cannot be used because its results cannot be reproduced',
          correct: false,
          explanation: 'With a seed, a random search draws exactly the same trials again. The sweep records its seed like a run does.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'median-rule',
      title: 'Stop or continue?',
      prompt:
        'A sweep uses the median stopping rule on val_loss. Trial 7 has reached a best val_loss of 0.52 after 5 epochs. The earlier trials had reached, by their own epoch 5, a median of 0.47. What happens, and what is the risk?',
      hints: ['The rule compares a trial with the others at the same epoch.', 'Is 0.52 better or worse than 0.47 for a loss?'],
      choices: [
        {
          id: 'stopped-risk-slow-starter',
          text: 'Trial 7 is stopped as STOPPED_EARLY. The risk: it might have been a slow starter, such as a small learning rate, that would have ended well.',
          correct: true,
          explanation:
            'Right. Its best so far is worse than the median at the same epoch, so the rule spends its remaining epochs elsewhere. Most of the time that is a good bet; sometimes it cuts a late bloomer.',
        },
        {
          id: 'continues-until-end',
          text: 'It continues: the rule only judges trials at their last epoch',
          correct: false,
          explanation: 'Judging at the last epoch would save nothing. The point of early termination is to stop during training.',
        },
        {
          id: 'marked-failed',
          text: 'It is marked FAILED and its result is thrown away',
          correct: false,
          explanation:
            'A stopped trial is STOPPED_EARLY, not FAILED: nothing went wrong, and its best value so far stays in the sweep.',
        },
        {
          id: 'compare-with-best',
          text: 'It is stopped because it is worse than the best trial so far',
          correct: false,
          explanation:
            'That would be far harsher: nearly every trial is worse than the best one. The median rule only stops trials in the worse half, at the same epoch.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'test-split-untouched',
      title: 'Which split picks the winner?',
      prompt:
        'After a sweep of 40 trials, a teammate proposes to pick the winner by its score on the test split, "because that is the honest one". What do you answer?',
      hints: ['What happens to a score once you use it to choose among 40 candidates?', 'After the choice, what is left to give an honest estimate?'],
      choices: [
        {
          id: 'test-once-at-end',
          text: 'Pick by validation (or cross-validated mean ± std), then score only the winner on test, once. Choosing by test would make the test score optimistic too.',
          correct: true,
          explanation:
            'Right. Picking the best of 40 by a score fits the choice to that score’s luck. Validation absorbs that; test stays unseen, so its single score is an honest estimate of production.',
        },
        {
          id: 'test-is-fine',
          text: 'Agree: the test split was never used for training, so it stays honest whatever you do with it',
          correct: false,
          explanation:
            'Choosing is a form of fitting. The trial with the best test score out of 40 is partly the luckiest one on those rows, so its test score overstates what production will see.',
        },
        {
          id: 'train-score',
          text: 'Pick the trial with the lowest training loss instead',
          correct: false,
          explanation: 'Training loss rewards memorising the training rows. The most overfitted trial would win.',
        },
        {
          id: 'merge-splits',
          text: 'Merge validation and test into one larger split and pick by it',
          correct: false,
          explanation: 'A larger split is less noisy, but you would have no unseen rows left to estimate the winner honestly.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'importance-limits',
      title: 'What η² can and cannot say',
      prompt:
        'A random sweep of 12 trials ranks learningRate first with η² = 0.71 and batchSize last with η² = 0.03. Which conclusions are sound? Pick every one that is.',
      multiple: true,
      hints: [
        'η² looks at one param at a time, over the values you searched.',
        'What if batch size only matters in combination with the learning rate?',
        'Two statements are sound.',
      ],
      choices: [
        {
          id: 'search-lr-finer',
          text: 'The next sweep should search the learning rate more finely, around its best values',
          correct: true,
          explanation: 'Sound. The learning rate explains most of the spread in the objective, so that is where a finer search can gain the most.',
        },
        {
          id: 'range-bound',
          text: 'Within the ranges searched, batch size explained little of the spread, so it can be fixed at a sensible value for now',
          correct: true,
          explanation:
            'Sound, with the right qualifier: "within the ranges searched". Outside them, or in combination with other values, it might matter more.',
        },
        {
          id: 'batch-never-matters',
          text: 'Batch size does not affect this model, whatever its value',
          correct: false,
          explanation:
            'η² only covers the values you tried, and one param at a time. A batch size of 4,096 or an interaction with the learning rate could still matter.',
        },
        {
          id: 'precise-with-12',
          text: 'With 12 trials the scores are precise to two decimals',
          correct: false,
          explanation: 'With 12 trials the estimate is noisy, and in a random search params can vary together by chance and share the credit. Read the ranking, not the decimals.',
        },
        {
          id: 'causal-everywhere',
          text: 'The learning rate will be the most important param on any dataset',
          correct: false,
          explanation: 'Importance describes this data, this model and this space. It is often the learning rate, but a sweep elsewhere has to show it again.',
        },
      ],
    },
    {
      kind: 'check',
      id: 'sweep-of-eight',
      title: 'A sweep of eight',
      prompt: 'Run a sweep with at least 8 trials that finish or are stopped early by the sweep’s rule.',
      hints: [
        'Open the Sweep page from the link in the text and tick at least two params to search.',
        'Set Trials (budget) to 8 or more. A grid needs enough values: 2 × 4 is 8 combinations, while the default 3 learning rates × 2 layer shapes make only 6.',
        'Failed and cancelled trials do not count. If trials fail, the learning-rate range reaches too high.',
      ],
      solution:
        'Open /workbench/sweep?dataset=flights&target=delay&model=mlp, search learningRate as a range from 0.0003 to 0.1 with Log scale ticked and batchSize in 32, 64, 128, 256, choose Random search, the median stopping rule under Early termination and 10 under Trials (budget), and start it. Wait until it finishes.',
      workbenchLink: '/workbench/sweep?dataset=flights&target=delay&model=mlp',
      check: checkSweepOfEight,
    },
    {
      kind: 'check',
      id: 'most-important-param',
      title: 'Name the most important param',
      prompt:
        'Read your sweep’s parameter importance, then tag the sweep’s parent run important=<param> with the param that has the highest importance.',
      hints: [
        'In the sweep’s results, find Parameter importance, a bar chart with a table: params are listed from most to least important.',
        'The tag goes on the sweep’s parent run (Open the parent run, under the results), not on a trial. Write it as important=learningRate, with the param’s name as shown.',
        'Importance appears once at least 3 trials have finished. If a newer sweep ranks the params differently, tag that sweep.',
      ],
      solution:
        'When the sweep has finished, read the first row of the Parameter importance table in its results, click Open the parent run, then Edit tags, and add important=<that param>, for example important=learningRate.',
      workbenchLink: '/workbench/runs',
      check: checkMostImportantParam,
    },
  ],
});
