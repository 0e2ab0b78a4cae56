import { defineLesson } from '@/lib/course/define';
import { checkEstimateBeforeLabels } from './checks';

export default defineLesson({
  id: 'performance-before-labels',
  week: 4,
  order: 3,
  title: 'Performance before the labels (level 4)',
  summary:
    'Labels arrive late, sometimes months late, and drift alone does not say whether the model got worse. Estimate a classifier’s accuracy from its calibrated scores (CBPE) and a regressor’s error from its inputs (DLE), know which drifts they can and cannot see, and judge each estimate by its sampling error and its reference band.',
  maturityLevel: 4,
  minutes: 25,
  objectives: [
    'Explain why input drift alone does not say whether a model got worse, and why waiting for labels is often too slow',
    'Describe what CBPE and DLE need: calibrated scores or a model of the loss, fitted on a labelled reference',
    'Say which drifts an estimate can see (a covariate shift that moves the model’s outputs) and which it cannot (concept drift; prior shift only through the inputs)',
    'Read a sampling error and a reference band: mean ± 3 standard deviations of the realized metric over reference chunks',
    'Catch a drop in estimated performance before the labels arrive, and confirm it when they do',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'what-cbpe-sees',
      title: 'What an estimate can see',
      prompt:
        'CBPE estimates a classifier’s accuracy from its calibrated scores, with calibration fitted on a labelled reference. Which of these statements are true? Pick every one.',
      multiple: true,
      hints: [
        'CBPE assumes that the chance a row is positive, given its score, is the same as in the reference.',
        'Which kinds of drift keep that assumption, and which break it?',
        'Three statements are true.',
      ],
      choices: [
        {
          id: 'covariate-moves-scores',
          text: 'A covariate shift that sends more flights into conditions where the model is unsure (scores near 0.5) lowers the estimated accuracy, before any label arrives',
          correct: true,
          explanation: 'True. The inputs moved, the scores moved with them, and the rule from score to outcome is unchanged: exactly the case CBPE is built for.',
        },
        {
          id: 'ignored-input',
          text: 'A covariate shift of an input the model barely uses leaves the estimate flat, and that is right: the accuracy does not change either',
          correct: true,
          explanation: 'True. The heat map turns red, but the scores do not move, so neither does the estimate. This is how an estimate tells a harmless drift from a harmful one.',
        },
        {
          id: 'prior-through-inputs',
          text: 'A prior shift shows only as far as the inputs show it: more late flights move the estimate when those flights look late to the model, and the estimate misses the rest of the change',
          correct: true,
          explanation: 'True. CBPE sees the new mix of answers only through the scores. Its calibration still holds the reference’s share of late flights, so the estimate follows a prior shift partly, and can be off.',
        },
        {
          id: 'concept',
          text: 'Concept drift (the same inputs now lead to different outcomes) lowers the estimate as soon as it starts',
          correct: false,
          explanation: 'False. The inputs and the scores look exactly as before, so the estimate does not move. Only labels reveal concept drift: this is why realized performance is still needed.',
        },
        {
          id: 'no-reference',
          text: 'CBPE needs no labels at all, not even for the reference',
          correct: false,
          explanation: 'False. The calibration (from score to the chance of being right) and the alert band are both fitted on a labelled reference. CBPE needs no labels for the windows it estimates.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'reference-band',
      title: 'Reading the band',
      prompt:
        'On the chart “Estimated and realized performance”, each window’s estimated MAE is drawn with a band, for example 9.8 to 12.6 minutes. Where does that band come from?',
      hints: ['The band comes from the labelled reference, not from this window.', 'How much does the realized metric vary between chunks of the reference, where nothing drifted?'],
      choices: [
        {
          id: 'chunks',
          text: 'The reference is cut into chunks, the realized MAE of each chunk is measured, and the band is their mean ± 3 standard deviations, rescaled to the number of rows in this window',
          correct: true,
          explanation:
            'Right. It is how much the metric moves by chance when nothing drifted. A smaller window is noisier, so its band is wider (the spread shrinks with the square root of the rows). An estimate outside the band is hard to explain by sampling alone.',
        },
        {
          id: 'validation-10',
          text: 'It is the validation MAE plus or minus 10 %',
          correct: false,
          explanation: 'A fixed percentage knows nothing about noise: it would be too tight for small windows and too loose for large ones. The band is measured from the reference’s own spread.',
        },
        {
          id: 'confidence-interval',
          text: 'It is a 95 % confidence interval of this window’s estimate',
          correct: false,
          explanation: 'The spread of one estimate is its sampling error, shown as ±. The band is centred on the reference’s mean, not on the estimate, and at 3 standard deviations it is much wider than a 95 % interval.',
        },
        {
          id: 'wrong-estimates',
          text: 'Estimates outside the band are wrong estimates and can be ignored',
          correct: false,
          explanation: 'The opposite: an estimate outside the band is a signal. It says the model’s performance has probably moved beyond what chance explains, which is what the built-in rule alerts on.',
        },
      ],
    },
    {
      kind: 'check',
      id: 'estimate-before-labels',
      title: 'See it before the labels do',
      prompt:
        'Replay a shift that hurts the model. In two windows of that replay, the later one’s estimated performance must be worse than the earlier one’s by more than twice its sampling error, and the labels must confirm that it got worse.',
      hints: [
        'A shift hurts when it moves an input the model relies on, far enough to reach flights it predicts badly. The delays at the origin airport the day before matter a lot to a delay model.',
        'Play “Covariate shift, sudden” with “Input that changes” origin_delay and a magnitude of 3, for 14 days at 500 requests a day.',
        'Compare a window before the drift day with one after it in the table under “Estimated and realized performance”: the estimate, its ± sampling error, and the realized value once labels arrived.',
      ],
      solution:
        'On /workbench/endpoint?name=flights-delay-api&tab=traffic choose “Covariate shift, sudden”, 14 days, 500 requests a day, drift starting on day 7, Magnitude 3, Input that changes origin_delay, speed “As fast as possible”, and start traffic. When it has finished, open /workbench/endpoint?name=flights-delay-api&tab=monitor and read the table under “Estimated and realized performance”: from the drift day on, the estimated error rises by several sampling errors, and the realized error, once the labels arrive, rises with it. Then check.',
      workbenchLink: '/workbench/endpoint?name=flights-delay-api&tab=monitor',
      check: checkEstimateBeforeLabels,
    },
  ],
});
