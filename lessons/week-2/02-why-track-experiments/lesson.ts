import { defineLesson } from '@/lib/course/define';
import { checkFailedRun, checkLearningRateTrio } from './checks';

export default defineLesson({
  id: 'why-track-experiments',
  week: 2,
  order: 2,
  title: 'Why track experiments (level 2)',
  summary:
    'Every training in the workbench is recorded as a run. See what a run keeps, why that makes results reproducible and comparable, and use it the way a team would: a fair comparison, a tagged winner, and a failure you can explain.',
  maturityLevel: 2,
  minutes: 25,
  objectives: [
    'List what a tracked run records, from params and data version to metrics and status',
    'Explain when the same settings reproduce the same metrics, and when they may not',
    'Tell a run’s best metric from its last one, and know which one the saved model has',
    'Compare runs fairly by changing one setting at a time, and mark the result with a tag',
    'Read a failed run’s message and fix the setting that caused it',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'best-vs-last',
      title: 'Best or last?',
      prompt:
        'A run trains for 30 epochs with Early stopping patience off. Its val_loss is lowest at epoch 12, at 0.46, then creeps up to 0.52 by epoch 30. The run shows a best val_loss of 0.46 and a last val_loss of 0.52. Which is true of the model saved with this run?',
      hints: [
        'The tracker records metrics. Does it change the weights?',
        'Only early stopping puts the weights of an earlier epoch back.',
      ],
      choices: [
        {
          id: 'last-epoch-model',
          text: 'It is the model from epoch 30, with a validation loss of 0.52. With early stopping on, the epoch 12 weights would have been kept.',
          correct: true,
          explanation:
            'Right. Training went on past its best epoch and overfitted, and without early stopping the last weights are what gets saved and evaluated. The best value still matters: it tells you a better model existed.',
        },
        {
          id: 'tracker-keeps-best',
          text: 'It is the model from epoch 12, because the tracker always keeps the best epoch',
          correct: false,
          explanation:
            'The tracker only writes down what happened. It records the best value so you can see it, but it does not go back and restore weights. That is early stopping’s job.',
        },
        {
          id: 'same-thing',
          text: 'Best and last are the same measurement, rounded differently',
          correct: false,
          explanation:
            'They are two different epochs: the best is the lowest val_loss of any epoch, the last is the value at the end. Here they differ because the model overfitted after epoch 12.',
        },
        {
          id: 'should-fail',
          text: 'None: a run whose validation loss goes up is marked FAILED and keeps no model',
          correct: false,
          explanation:
            'A rising validation loss is overfitting, not a failure. The run FINISHED normally. FAILED is for runs that cannot complete, such as a loss that becomes NaN.',
        },
      ],
    },
    {
      kind: 'check',
      id: 'learning-rate-trio',
      title: 'Three learning rates, one winner',
      prompt:
        'Train at least three runs that are identical except for the learning rate, with three different values. Then give the one with the lowest best val_loss the tag best.',
      hints: [
        'Use the three links in the text: they differ only in lr. Do not change anything else between runs, not even the Seed.',
        'Only FINISHED runs count. Compare the best val_loss of the three on the Runs page or on each run page.',
        'On the winner’s run page, click Edit tags and add best (a bare key is enough). No other run of the comparison should carry it.',
      ],
      solution:
        'Start three runs from /workbench/train?dataset=flights&target=delayed&model=mlp&lr=0.001&epochs=10, then the same link with lr=0.01 and with lr=0.1, changing nothing else. When all three have finished, open the Runs page, find the one with the lowest best val_loss, open it, click Edit tags and add best.',
      workbenchLink: '/workbench/train?dataset=flights&target=delayed&model=mlp&lr=0.001&epochs=10',
      check: checkLearningRateTrio,
    },
    {
      kind: 'check',
      id: 'failed-run',
      title: 'Make a run fail',
      prompt:
        'Start a run whose loss diverges, so that the workbench stops it as FAILED with a NaN or infinite loss.',
      hints: [
        'A learning rate far too large makes the loss explode. Try 10.',
        'adam limits how far each step moves a weight, so it may survive a large learning rate. Set Optimizer to sgd.',
        'A run you cancel ends KILLED, not FAILED. Let it run until the workbench stops it.',
      ],
      solution:
        'Open /workbench/train?dataset=flights&target=delay&model=linear&lr=10&optimizer=sgd&epochs=5 and click Start training. Within the first epoch the loss becomes infinite or NaN and the run ends FAILED with a message and a hint.',
      workbenchLink: '/workbench/train?dataset=flights&target=delay&model=linear&lr=10&optimizer=sgd&epochs=5',
      check: checkFailedRun,
    },
    {
      kind: 'quiz',
      id: 'why-it-failed',
      title: 'Why did it fail?',
      prompt:
        'A run with a learning rate of 10 ended FAILED: “The loss became NaN in epoch 1: training diverged.” What caused it, and what should you change?',
      hints: [
        'The failure happened in the very first epoch. What does the learning rate control?',
        'Think of a step that overshoots the bottom of a valley and lands higher on the other side, again and again.',
      ],
      choices: [
        {
          id: 'learning-rate-too-high',
          text: 'The learning rate is far too high: each update overshoots, the weights grow without bound until the numbers overflow. Lower it, to 0.01 for example.',
          correct: true,
          explanation:
            'Right. Each step jumps past the minimum and lands further away than it started, so the error and the weights grow until they no longer fit in a number. A smaller learning rate takes steps that actually go down.',
        },
        {
          id: 'missing-values',
          text: 'The data has missing values that turn into NaN. Drop the incomplete rows.',
          correct: false,
          explanation:
            'Missing values are imputed with training statistics before training, so the inputs contain no NaN. The same data trains fine with a learning rate of 0.01.',
        },
        {
          id: 'model-too-small',
          text: 'The model is too small for the data. Add hidden layers.',
          correct: false,
          explanation:
            'A small model can underfit, but it does not make numbers explode. A bigger model with the same learning rate diverges just as quickly.',
        },
        {
          id: 'too-few-epochs',
          text: 'It stopped too early. Train for more epochs.',
          correct: false,
          explanation:
            'It did not stop early; it stopped because the loss was already NaN. More epochs would only repeat the same broken steps.',
        },
        {
          id: 'backend-bug',
          text: 'The backend has a bug. Switch from WebGL to CPU.',
          correct: false,
          explanation:
            'The divergence comes from the maths, not from the backend: with a learning rate of 10, every backend blows up. Backends differ only in the last digits of the results.',
        },
      ],
    },
  ],
});
