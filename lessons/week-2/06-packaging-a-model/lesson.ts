import { defineLesson } from '@/lib/course/define';
import { checkChampionToPackage } from './checks';

export default defineLesson({
  id: 'packaging-a-model',
  week: 2,
  order: 6,
  title: 'Packaging a model (level 3)',
  summary:
    'Turn the @champion into something production can run: weights and topology, the fitted preprocessing, a model card, a serving app with a clear request/response contract, and a Dockerfile.',
  maturityLevel: 3,
  minutes: 20,
  objectives: [
    'List what a deployable model package holds, and what it leaves out',
    'Explain training/serving skew with a concrete example, and why the fitted preprocessing ships with the model',
    'Describe the request/response contract {id, columns, rows} → {id, predictions} and the errors it must refuse',
    'Package the registered @champion, not whichever run came last',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'what-goes-in',
      title: 'What goes in the zip?',
      prompt: 'You package flights-delay@champion for a team that will run it on their own servers. Which of these belong in the package? Pick every one that does.',
      multiple: true,
      hints: [
        'Ask of each item: does the serving side need it to turn a raw request into the right prediction, or to know what the model is for?',
        'The package serves; it does not train again.',
        'Four items belong.',
      ],
      choices: [
        { id: 'weights-topology', text: 'model.json and the weights', correct: true, explanation: 'Yes: the topology rebuilds the network and the weights are what training learned.' },
        {
          id: 'preprocessing',
          text: 'preprocessing.json, with the fill values, means, standard deviations and category lists fitted on the training rows',
          correct: true,
          explanation: 'Yes: without it the server cannot prepare a raw row the way training did, and predictions go silently wrong.',
        },
        {
          id: 'model-card',
          text: 'A model card with the data, the metrics against the baseline, the intended use and the limits',
          correct: true,
          explanation: 'Yes: the people who deploy and use the model need to know what it is good for and where it fails, and the card travels with it.',
        },
        {
          id: 'serving-docker',
          text: 'A small serving app and a Dockerfile',
          correct: true,
          explanation: 'Yes: they make the model callable over HTTP and runnable the same way on any machine.',
        },
        {
          id: 'training-rows',
          text: 'The training rows, so the server can refit the scaling when it starts',
          correct: false,
          explanation:
            'No. Refitting is exactly what must not happen: serving applies the values fitted in training. The rows are large, may be sensitive, and the lineage already names them by hash.',
        },
        {
          id: 'all-runs',
          text: 'Every run of the experiment, so the team can pick another model if this one disappoints',
          correct: false,
          explanation: 'No. Choosing a model is the registry’s job, before packaging. A package holds one version; if it disappoints, promote another and package that.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'serving-skew',
      title: 'The unscaled distance',
      prompt:
        'A colleague wrote a serving app by hand. It loads the weights and passes distance to the network in miles, unscaled, while training scaled it with the training mean and standard deviation. What happens?',
      hints: ['Does the network know what unit or scale its inputs are in?', 'Would any error be raised?'],
      choices: [
        {
          id: 'silent-nonsense',
          text: 'The network sees values hundreds of times larger than in training and returns wrong predictions, with no error',
          correct: true,
          explanation:
            'Right. That is training/serving skew: the inputs are valid numbers, just not the numbers the network learned from. Nothing crashes; the predictions are simply wrong.',
        },
        {
          id: 'error-raised',
          text: 'The model raises an error because the input is out of range',
          correct: false,
          explanation: 'A network has no idea of a valid range: it multiplies whatever it gets. That is what makes skew dangerous.',
        },
        {
          id: 'network-adapts',
          text: 'Nothing much: neural networks learn to cope with the scale of their inputs',
          correct: false,
          explanation: 'They cope with the scale they were trained on. The weights were fitted to scaled inputs and do not change in serving.',
        },
        {
          id: 'slightly-off',
          text: 'Predictions are slightly off, within the model’s usual error',
          correct: false,
          explanation: 'An input about a thousand times too large is not a small shift: the prediction can land anywhere.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'contract-errors',
      title: 'A row too short',
      prompt:
        'A request to POST /predict lists 6 columns, and its second row holds only 5 values. What should the serving app answer?',
      hints: ['Would the caller notice if you guessed?', 'Every prediction must line up with its row.'],
      choices: [
        {
          id: 'clear-error',
          text: 'An error response that says row 2 has 5 values for 6 columns, and no predictions',
          correct: true,
          explanation: 'Right. The caller learns exactly what to fix, and nobody receives a prediction made from made-up input.',
        },
        {
          id: 'impute',
          text: 'Fill the missing value with the training mean and predict as usual',
          correct: false,
          explanation: 'Imputation is for values that are missing in the data, not for a malformed request. Which column is missing? The server would have to guess, and the caller would never know.',
        },
        {
          id: 'skip-row',
          text: 'Predict the other rows and leave row 2 out of the predictions',
          correct: false,
          explanation: 'Then the predictions no longer line up with the rows: the caller reads row 3’s prediction as row 2’s.',
        },
        {
          id: 'crash',
          text: 'Whatever happens, as long as the server does not crash',
          correct: false,
          explanation: 'Not crashing is the minimum. The contract should also say what a bad request gets back, so callers can handle it.',
        },
      ],
    },
    {
      kind: 'check',
      id: 'champion-to-package',
      title: 'A champion worth packaging',
      prompt: 'Have a registered model whose @champion points at a version that is not archived and beats its baseline on validation: the version you would package.',
      hints: [
        'The last lesson’s exercise leaves you with exactly that: a promoted @champion.',
        'A champion that loses to the mean (or majority-class) baseline does not count: promote a better version first.',
      ],
      solution:
        'If you have no model yet, do the last lesson’s exercise. Then open /workbench/model?name=flights-delay, make sure @champion is on a version whose val_rmse is below its baseline_val_rmse, and download its package.',
      workbenchLink: '/workbench/model?name=flights-delay',
      check: checkChampionToPackage,
    },
  ],
});
