import { defineLesson } from '@/lib/course/define';
import { checkBeatTheChampion } from './checks';

export default defineLesson({
  id: 'model-registry',
  week: 2,
  order: 5,
  title: 'The model registry (level 2)',
  summary:
    'Stop deploying “the last run”. Register the models worth serving as numbered versions with their lineage, point @champion at the one that serves, and move it only to a version that beats it.',
  maturityLevel: 2,
  minutes: 25,
  objectives: [
    'Explain why deploying the most recent run is not a release process',
    'Register a run’s model as a version and read its lineage: data hash, run, version',
    'Use aliases such as @champion and @challenger as movable pointers, and roll back by moving one',
    'Archive a version instead of deleting it, and say what that preserves',
    'Decide what “better” means before comparing, and promote a version only when it beats the champion',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'alias-rollback',
      title: 'Roll back',
      prompt:
        'The app loads flights-delay@champion. You moved @champion from v3 to v4 this morning, and v4 predicts nonsense for flights from a new airport. What is the quickest safe fix?',
      hints: ['What does the serving code ask the registry for: a version number, or an alias?', 'Is v3 still in the registry, unchanged?'],
      choices: [
        {
          id: 'move-alias-back',
          text: 'Move @champion back to v3. The serving code picks it up without a change, and the history records the rollback.',
          correct: true,
          explanation:
            'Right. Versions are frozen, so v3 is exactly the model that served yesterday. One alias move restores it, and the history shows when and why.',
        },
        {
          id: 'edit-serving-code',
          text: 'Change the serving code to load version 3',
          correct: false,
          explanation:
            'It works, but it throws away the point of the alias: now every later promotion needs a code change too, and the registry no longer says what serves.',
        },
        {
          id: 'delete-v4',
          text: 'Delete v4 so that the champion falls back to the previous version',
          correct: false,
          explanation:
            'Aliases do not fall back on their own, and deleting v4 erases the evidence you need to understand what went wrong. Move the alias, then archive v4 if it must never serve.',
        },
        {
          id: 'retrain-v3',
          text: 'Retrain the v3 settings and register the result as v5',
          correct: false,
          explanation:
            'Slow, and not even the same model: a new training gives new weights. v3 itself is still in the registry; point the alias at it.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'archive-or-delete',
      title: 'Archive or delete?',
      prompt:
        'You discover that v2 of flights-delay was trained with a feature that leaks the future. It served for two weeks last month. What do you do with v2?',
      hints: ['Will anyone need to know later what served during those two weeks?', 'What can an archived version no longer do?'],
      choices: [
        {
          id: 'archive',
          text: 'Archive it: it can no longer hold an alias, but its metrics and lineage stay for anyone who investigates those two weeks',
          correct: true,
          explanation: 'Right. Archiving stops it from serving again and keeps the record of what served, which an incident review will need.',
        },
        {
          id: 'delete',
          text: 'Delete it, so nobody can deploy it by mistake',
          correct: false,
          explanation:
            'Archiving already prevents that. Deleting also erases which data and settings produced the predictions of those two weeks.',
        },
        {
          id: 'keep-as-is',
          text: 'Leave it as it is, since it no longer holds @champion',
          correct: false,
          explanation: 'Nothing stops someone from pointing an alias at it again. Archive it so the registry itself refuses.',
        },
        {
          id: 'reuse-number',
          text: 'Delete it and register the fixed model as v2 again',
          correct: false,
          explanation: 'Version numbers are never reused: “v2” must mean one model forever, or every record that mentions it becomes ambiguous.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'why-not-last-run',
      title: 'Why not the last run?',
      prompt: 'A teammate suggests a simpler rule: “the app always serves the most recent finished run”. Which problems does that rule have? Pick every one that applies.',
      multiple: true,
      hints: ['Who trains runs, and why?', 'What would a rollback look like under this rule?', 'Three answers are problems.'],
      choices: [
        {
          id: 'experiments-ship',
          text: 'Any experiment, even a quick or broken one, goes to production as soon as it finishes',
          correct: true,
          explanation: 'Right. Runs are experiments; most are not meant to serve. The registry separates “trained” from “chosen”.',
        },
        {
          id: 'no-comparison',
          text: 'Nothing checks that the new model beats the one it replaces',
          correct: true,
          explanation: 'Right. Newer is not better. Promotion should require beating the champion on validation.',
        },
        {
          id: 'no-rollback',
          text: 'Rolling back means deleting runs or training again, and nothing records what served when',
          correct: true,
          explanation: 'Right. With an alias and its history, a rollback is one move and the record writes itself.',
        },
        {
          id: 'too-slow',
          text: 'Loading the latest run is slower than loading a registered version',
          correct: false,
          explanation: 'Speed is not the issue: both load the same kind of weights. The problem is which model gets chosen, and that nobody chose it.',
        },
      ],
    },
    {
      kind: 'check',
      id: 'beat-the-champion',
      title: 'Promote a better version',
      prompt:
        'Register a version that beats your model’s current @champion on validation (lower val_rmse for a regression, higher val_accuracy for a classification), then move @champion to it.',
      hints: [
        'Start with a weak champion: register the one-epoch run as version 1 of a new model and set @champion on it.',
        'Train a better run on the same target, register it as a new version of the same model, and compare it with the champion on the model’s page.',
        'Only a move to a version that is better on validation counts, and moving the alias back to an earlier champion is a rollback, not a promotion.',
      ],
      solution:
        'Train /workbench/train?dataset=flights&target=delay&model=mlp&lr=0.001&epochs=1, register it from its run page as a new model flights-delay and set @champion on version 1. Train /workbench/train?dataset=flights&target=delay&model=mlp&lr=0.003&epochs=20, register it as version 2 of flights-delay, and on /workbench/model?name=flights-delay move @champion to version 2 if its val_rmse is lower.',
      workbenchLink: '/workbench/model?name=flights-delay',
      check: checkBeatTheChampion,
    },
  ],
});
