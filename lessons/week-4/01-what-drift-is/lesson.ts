import { defineLesson } from '@/lib/course/define';
import { checkFindTheDriftedFeature } from './checks';

export default defineLesson({
  id: 'what-drift-is',
  week: 4,
  order: 1,
  title: 'What drift is and how to measure it (level 3)',
  summary:
    'A model that has not changed can still get worse when the traffic it answers moves away from its training data. Tell data, prior and concept drift apart, see why Evidently judges small samples with p-values and large ones with distances, and find a hidden shift on the monitoring heat map.',
  maturityLevel: 3,
  minutes: 25,
  objectives: [
    'Tell data (covariate) drift, prior drift and concept drift apart, and say where each one can be seen',
    'Explain why a p-value flags a tiny shift on a large sample while a distance reports how big the shift is',
    'Predict which test Evidently picks for a column, and when that column counts as drifted',
    'Recognise columns with many categories that read as drifted on small windows, and choose a remedy',
    'Read dataset drift and the drift field of an endpoint’s response',
    'Find a hidden covariate shift on the heat map and set an alert rule on the input that moved',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'p-values-on-big-samples',
      title: 'Significant, and irrelevant',
      prompt:
        'A reference and a day of traffic each hold 100,000 rows. The input `distance` moved by 0.02 standard deviations, a change nobody would act on. The Kolmogorov–Smirnov test gives p = 0.00002 and flags drift; the normed Wasserstein distance is 0.02, far under its 0.1 threshold. Why do they disagree?',
      hints: [
        'What question does a p-value answer, and what question does a distance answer?',
        'What happens to a test’s power to detect a fixed, tiny difference as the number of rows grows?',
      ],
      choices: [
        {
          id: 'different-questions',
          text: 'The p-value asks whether the two samples could come from the same distribution; with 100,000 rows a side even a tiny real difference answers “no”. The distance measures how far the distribution moved, in standard deviations, and that stays 0.02 at any sample size.',
          correct: true,
          explanation:
            'Right. A test’s power grows with the number of rows, so on big samples it detects differences far too small to matter. A distance estimates the size of the change, which is what you act on; more rows only make that estimate more precise.',
        },
        {
          id: 'ks-approximate',
          text: 'The K-S p-value is only an approximation on large samples, and here the approximation is wrong',
          correct: false,
          explanation: 'The p-value is right: the shift is real, and 100,000 rows are enough to prove it. The trouble is that “real” is not “large enough to matter”.',
        },
        {
          id: 'wasserstein-needs-rows',
          text: 'The Wasserstein distance needs even more rows before it can notice a shift',
          correct: false,
          explanation: 'A distance does not grow with the sample; it estimates the shift itself. With more rows it gets closer to 0.02, the true size of this shift.',
        },
        {
          id: 'p-is-size',
          text: 'The shift is bigger than it looks: a p-value as small as 0.00002 means a large change',
          correct: false,
          explanation: 'A p-value is not an effect size. A tiny shift on many rows and a big shift on few rows can give the same p-value.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'which-test',
      title: 'Which test would Evidently pick?',
      prompt: 'For each column below, the statement names the drift test Evidently’s defaults pick and when it flags drift. Which statements are right? Pick every one.',
      multiple: true,
      hints: [
        'First look at the reference: up to 1,000 rows means a p-value test, more means a distance.',
        'Then the column: a number with more than 5 unique values is compared as a number; anything else as categories, with the z-test when there are only 2 values.',
        'Three statements are right.',
      ],
      choices: [
        {
          id: 'ks-800',
          text: 'Reference of 800 rows, numerical column with 40 unique values: Kolmogorov–Smirnov, drift when p ≤ 0.05',
          correct: true,
          explanation: 'Right. A small reference and a number with many values: K-S compares the two cumulative distributions.',
        },
        {
          id: 'js-5000',
          text: 'Reference of 5,000 rows, categorical column `origin`: Jensen–Shannon distance, drift at 0.1 or more',
          correct: true,
          explanation: 'Right. Above 1,000 rows, categories are compared with the Jensen–Shannon distance between the two shares of each category.',
        },
        {
          id: 'z-500',
          text: 'Reference of 500 rows, a yes/no column with 2 values: z-test of two proportions, drift when p < 0.05',
          correct: true,
          explanation: 'Right. With two values, the only question is whether the share of one of them moved, and the z-test asks exactly that.',
        },
        {
          id: 'ks-few-values',
          text: 'Reference of 900 rows, numerical column `hour` with 4 unique values: Kolmogorov–Smirnov',
          correct: false,
          explanation: 'A number with 5 unique values or fewer is compared as categories. With 4 values (more than 2) on a small reference, that is the chi-square test.',
        },
        {
          id: 'ks-5000',
          text: 'Reference of 5,000 rows, numerical column `distance` with 300 unique values: Kolmogorov–Smirnov, because it has many values',
          correct: false,
          explanation: 'Above 1,000 reference rows, numbers get the normed Wasserstein distance, drifting at 0.1 or more: K-S would flag every trivial difference on that many rows.',
        },
        {
          id: 'js-1000',
          text: 'Reference of exactly 1,000 rows, categorical column with 12 values: Jensen–Shannon distance',
          correct: false,
          explanation: 'The switch happens above 1,000 rows, not at 1,000. With exactly 1,000 rows and 12 categories, it is the chi-square test, drifting when p < 0.05.',
        },
      ],
    },
    {
      kind: 'check',
      id: 'find-the-drifted-feature',
      title: 'Find the input that moved',
      prompt:
        'Play a covariate shift with what it changes hidden, find on the heat map the input that moved, and add an alert rule that watches that one column on the same endpoint.',
      hints: [
        'On the Production traffic tab, choose “Covariate shift, sudden” and tick “Hide what changes” before you start traffic; let the replay finish.',
        'On the Monitoring tab, the heat map has one row per input. The input that moved is a number: from the drift day on it has the highest score in every window, and before that day it did not drift. Airports that light up from the first day are sampling noise.',
        'Under “Add a rule”, pick the metric “One column drifted (1 or 0)” and that input as the Column, then click Add rule.',
      ],
      solution:
        'On /workbench/endpoint?name=flights-delay-api&tab=traffic choose “Covariate shift, sudden”, 14 days, 500 requests a day, drift starting on day 7, tick “Hide what changes”, speed “As fast as possible”, and click Start traffic. When it has finished, open /workbench/endpoint?name=flights-delay-api&tab=monitor. In “Drift by feature and window”, find the numeric input whose cells are red in every window from the replay’s day 7 on, with the highest score of all, and were not red before. Under “Add a rule”, choose Metric “One column drifted (1 or 0)”, that input as Column, keep ≥ 1 for 1 window, and click Add rule.',
      workbenchLink: '/workbench/endpoint?name=flights-delay-api&tab=traffic',
      check: checkFindTheDriftedFeature,
    },
  ],
});
