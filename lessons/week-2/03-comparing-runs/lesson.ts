import { defineLesson } from '@/lib/course/define';
import { checkBestNotLast } from './checks';

export default defineLesson({
  id: 'comparing-runs',
  week: 2,
  order: 3,
  title: 'Comparing runs (level 2)',
  summary:
    'Find the best of many runs without falling for the last value of a metric. Rank by the best epoch, narrow the list with filters, and compare curves, params and metrics side by side.',
  maturityLevel: 2,
  minutes: 25,
  objectives: [
    'Tell which value of a metric, best or last, describes a run’s saved model, with and without early stopping',
    'Rank runs by their best validation value, and explain how a table of last values misleads',
    'Write filters with and, or, in (…) and parentheses over params, best and last metrics, and tags',
    'Read overlaid curves, parallel coordinates and a table of differing params to explain why one run beats another',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'which-run-wins',
      title: 'Which run wins?',
      prompt:
        'Two runs predict delayed. Run A has Early stopping patience off and 40 epochs: its best val_loss is 0.43, at epoch 9, and its last is 0.51. Run B has patience 5: its best val_loss is 0.45, at epoch 14, and it stopped at epoch 19 with a last val_loss of 0.47. Which is the better configuration, and what do you do next?',
      hints: [
        'Which value measures what a configuration can reach: the best or the last?',
        'Without early stopping, which epoch’s weights does run A keep? Can you get the good ones back?',
      ],
      choices: [
        {
          id: 'a-retrain-with-early-stopping',
          text: 'A is the better configuration. Train it again with early stopping on, so the saved model keeps its best epoch.',
          correct: true,
          explanation:
            'Right. A reached 0.43, lower than anything B ever reached; it just trained for too long. Its own saved model is the epoch 40 one (0.51), so retrain the same settings with patience on, or with about 10 epochs, and keep that model.',
        },
        {
          id: 'b-lower-last',
          text: 'B, because its last val_loss (0.47) is lower than A’s (0.51)',
          correct: false,
          explanation:
            'That is the last-value trap. The last value of A says it trained too long, not that its settings are worse. At their best, A reaches 0.43 and B only 0.45.',
        },
        {
          id: 'a-deploy-as-is',
          text: 'A, and its saved model can be deployed as it is, with a val_loss of 0.43',
          correct: false,
          explanation:
            'A is the better configuration, but its saved model is not the 0.43 one. Without early stopping, the weights of the last epoch are saved, and those score 0.51. The tracker records the best value; it does not bring back the best weights.',
        },
        {
          id: 'tie',
          text: 'Neither: the runs used different settings, so they cannot be compared',
          correct: false,
          explanation:
            'They can be compared on the same validation flights; what you cannot say is which setting made the difference. Here the question is which configuration to keep, and the best val_loss answers it.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'filter-syntax',
      title: 'Write the filter',
      prompt:
        'You want the runs whose best val_loss is below 0.45 and whose learning rate is 0.01 or 0.001. Which filters find exactly those? Pick every one that does.',
      multiple: true,
      hints: [
        'metrics.<key> is the best value, last.<key> the last one.',
        'and binds tighter than or. Where does the or in each filter apply?',
        'Two filters are right.',
      ],
      choices: [
        {
          id: 'in-list',
          text: 'metrics.val_loss < 0.45 and params.learningRate in (0.01, 0.001)',
          correct: true,
          explanation: 'Right: the best val_loss below 0.45, and a learning rate that is one of the two values.',
        },
        {
          id: 'parenthesised-or',
          text: 'metrics.val_loss < 0.45 and (params.learningRate = 0.01 or params.learningRate = 0.001)',
          correct: true,
          explanation: 'Right: the parentheses make the or choose between the two learning rates, and the and applies to both.',
        },
        {
          id: 'bare-or',
          text: 'metrics.val_loss < 0.45 and params.learningRate = 0.01 or params.learningRate = 0.001',
          correct: false,
          explanation:
            'and binds tighter than or, so this reads (val_loss below 0.45 and rate 0.01) or (rate 0.001): every run at 0.001 comes back, whatever its loss.',
        },
        {
          id: 'last-value',
          text: 'last.val_loss < 0.45 and params.learningRate in (0.01, 0.001)',
          correct: false,
          explanation:
            'last.val_loss is the value at the final epoch. A run that reached 0.43 and then overfitted to 0.51 is left out, though its best is below 0.45.',
        },
      ],
    },
    {
      kind: 'check',
      id: 'best-not-last',
      title: 'The best run, by its best value',
      prompt:
        'Among your finished flights runs on one target (delayed or delay), have at least two, at least one of which trained past its best epoch (its last val_loss is worse than its best). Tag the run with the lowest best val_loss winner, and no other.',
      hints: [
        'A run trains past its best when early stopping is off and it has many epochs: use the 40-epoch link in the text and clear Early stopping patience.',
        'Sort by the val_loss best column, not val_loss last. Only finished flights runs you trained from the Train page count; sweep trials do not.',
        'On the winner’s run page, click Edit tags and add winner. Remove the tag from any other run.',
      ],
      solution:
        'Train /workbench/train?dataset=flights&target=delayed&model=mlp&lr=0.01&epochs=40 with the Early stopping patience field cleared, and have at least one other finished run predicting delayed (the learning-rate runs of the last lesson count). Open /workbench/runs?filter=params.target%20%3D%20%22delayed%22&sort=metrics.val_loss (sorted by val_loss best), open the run at the top, click Edit tags and add winner.',
      workbenchLink: '/workbench/train?dataset=flights&target=delayed&model=mlp&lr=0.01&epochs=40&patience=off',
      check: checkBestNotLast,
    },
  ],
});
