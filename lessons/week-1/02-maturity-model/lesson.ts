import { defineLesson } from '@/lib/course/define';
import type { QuizChoice } from '@/lib/course/types';

type Level = 0 | 1 | 2 | 3 | 4;

const LEVEL_NAMES: Record<Level, string> = {
  0: 'Level 0: No MLOps',
  1: 'Level 1: DevOps but no MLOps',
  2: 'Level 2: Automated training',
  3: 'Level 3: Automated model deployment',
  4: 'Level 4: Full MLOps automated operations',
};

/**
 * The five level choices of a team-placement quiz, in order, with `correct` set on one level.
 * Each quiz writes its own explanation for every level, so the learner learns why each one fits
 * or not for that team.
 */
function levelChoices(correct: Level, explanations: Record<Level, string>): QuizChoice[] {
  return ([0, 1, 2, 3, 4] as const).map((level) => ({
    id: `level-${level}`,
    text: LEVEL_NAMES[level],
    correct: level === correct,
    explanation: explanations[level],
  }));
}

export default defineLesson({
  id: 'maturity-model',
  week: 1,
  order: 2,
  title: 'The MLOps maturity model',
  summary:
    'Five levels, from a notebook on one laptop to a system that retrains itself. Learn what each level looks like, place real-looking teams on the ladder, and decide how far a team should climb.',
  maturityLevel: 0,
  minutes: 25,
  objectives: [
    'Name the five maturity levels, 0 to 4, and what each one automates',
    'Place a team on the ladder from a description of how it works day to day',
    'Choose a sensible target level from the number of models and proven use cases',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'place-team-notebook',
      title: 'Place the team: the emailed model',
      prompt:
        'A data scientist retrains the churn model in a Jupyter notebook on her laptop every quarter. She emails the pickle file to a backend developer, who copies it onto the server by hand and restarts the service. Nobody keeps a record of which data or settings produced it. Which level is this team at?',
      hints: [
        'Look for anything that happens automatically. Is there any?',
        'Builds, deployments and training are all manual, and nothing is tracked.',
        'With no automation at all, the team is at the bottom of the ladder.',
      ],
      choices: levelChoices(0, {
        0: 'Right. Training in a notebook, a hand-off by email, manual deploys and no tracking: this is level 0.',
        1: 'Not quite. Level 1 needs automated builds, tests and releases of the application. Here even the deploy is a manual copy.',
        2: 'No. Level 2 means a training pipeline with tracked runs and a registry. A notebook on a laptop with no records is the opposite.',
        3: 'No. Level 3 deploys models automatically behind evaluation gates. Here a person copies a file to a server.',
        4: 'No. Level 4 retrains and redeploys with no human step. Here every step is a human step.',
      }),
    },
    {
      kind: 'quiz',
      id: 'place-team-ci',
      title: 'Place the team: green builds, mystery model',
      prompt:
        'A fraud-detection service lives in Git. Every pull request runs unit and integration tests, and merges to main deploy automatically. Dashboards show requests per second and latency. The model file inside the service is replaced a few times a year by the data team, who train it by hand; no one can say which dataset the current model came from. Which level?',
      hints: [
        'Some things are automated here. Are they specific to machine learning?',
        'The tests and deploys cover the application code. How is the model itself produced?',
        'Automation for the software, none for the model: that is the level just above the bottom.',
      ],
      choices: levelChoices(1, {
        0: 'Too low. This team has real automation: tests on every change and automatic deploys. Level 0 has none.',
        1: 'Right. Solid DevOps for the application, but the model is still trained by hand and cannot be traced or reproduced. That is level 1.',
        2: 'Too high. Level 2 needs automated, tracked training. Here training is manual and the data behind the model is unknown.',
        3: 'Too high. Automated deploys of the application are not automated model deployment; there are no evaluation gates or model comparisons.',
        4: 'Too high. Nothing here watches prediction quality, let alone retrains the model on its own.',
      }),
    },
    {
      kind: 'quiz',
      id: 'place-team-pipeline',
      title: 'Place the team: tracked runs, manual release',
      prompt:
        'A recommendations team runs a train.py script with a config file as a scheduled pipeline. Each run logs its parameters, metrics and dataset version to an experiment tracker, and the best models are registered with version numbers. Releasing a new version still needs an engineer to review the metrics and click "promote", though that only takes a few minutes. Which level?',
      hints: [
        'Is training automated and traceable?',
        'Is deployment automated, or does a person still decide and act?',
        'Automated, tracked training with a registry, but a human release: the middle of the ladder.',
      ],
      choices: levelChoices(2, {
        0: 'Too low. Training runs as a pipeline and every run is tracked; level 0 has neither.',
        1: 'Too low. Level 1 automates only the application. This team also automates and tracks model training.',
        2: 'Right. A training pipeline, experiment tracking and a model registry, with releases that are manual but low friction: level 2.',
        3: 'Close, but no. At level 3 a model that passes its evaluation gates is deployed without a person clicking "promote".',
        4: 'Too high. Nothing here monitors the live model or retrains it automatically.',
      }),
    },
    {
      kind: 'quiz',
      id: 'place-team-gated-deploy',
      title: 'Place the team: gates and canaries',
      prompt:
        'A search-ranking team retrains weekly with a tracked pipeline. When a run finishes, an evaluation gate compares it with the live model; if it wins, it is deployed automatically as an A/B test against the current version and rolled back if it loses. Deciding when the data has changed enough to need an extra retrain is still done by an analyst reading a dashboard. Which level?',
      hints: [
        'Training and deployment: automated or manual?',
        'What still needs a person?',
        'Automatic gated deploys with A/B tests, but a human watches for drift: one step below the top.',
      ],
      choices: levelChoices(3, {
        0: 'Far too low. Training, evaluation and deployment are all automated.',
        1: 'Too low. This team automates the model itself, not just the application around it.',
        2: 'Too low. At level 2 a person releases each model. Here a gate and an A/B test decide.',
        3: 'Right. Evaluation gates and automatic A/B deployment with rollback are level 3. A human still reads the monitoring.',
        4: 'Not yet. At level 4 monitoring would trigger retraining by itself; here an analyst decides.',
      }),
    },
    {
      kind: 'quiz',
      id: 'place-team-self-healing',
      title: 'Place the team: the pipeline that wakes up at night',
      prompt:
        'A pricing team monitors its deployed models for data drift and prediction quality. One night, a drift alert fires. The alert starts a retraining run on fresh data; the new model beats the current one on the evaluation gate, goes out as a canary to 5% of traffic, and is fully rolled out by morning. Nobody was paged. Which level?',
      hints: [
        'Find the first step in this story that a human did.',
        'Monitoring, retraining, evaluation and deployment all happened on their own.',
        'No human decision anywhere in the loop is the top of the ladder.',
      ],
      choices: levelChoices(4, {
        0: 'Far too low. Almost everything here is automated.',
        1: 'Too low. This goes far beyond automated builds and tests of the application.',
        2: 'Too low. Training is automated, but so is everything after it, including deployment and the decision to retrain.',
        3: 'Close. Level 3 has the gates and the canary, but a person still decides when to retrain. Here an alert did that.',
        4: 'Right. Monitoring triggered retraining, and the new model was tested and rolled out with no human step: level 4.',
      }),
    },
    {
      kind: 'quiz',
      id: 'choose-target-level',
      title: 'How far should they climb?',
      prompt:
        'A small startup has one model: a proof of concept that scores sales leads, about to go to production for the first time. Which of these plans are sensible? Pick every one that applies.',
      multiple: true,
      hints: [
        'The right level depends on how many models and proven use cases there are.',
        'One unproven model does not justify a platform. But going to production still needs some discipline.',
        'Two plans keep it light but safe; two spend heavily before the model has proven its value.',
      ],
      choices: [
        {
          id: 'aim-level-1',
          text: 'Ship it like any web service, with version control, automated tests and automated releases (level 1)',
          correct: true,
          explanation:
            'Sensible. Level 1 is a good fit for a proof of concept going to production: cheap, and releases stop being painful.',
        },
        {
          id: 'track-runs-lightly',
          text: 'Start logging parameters, metrics and the data version of each training run, even by hand',
          correct: true,
          explanation:
            'Sensible. Recording runs costs little and makes the model reproducible. It also prepares the move to level 2 once more use cases appear.',
        },
        {
          id: 'build-level-4',
          text: 'Build full automated retraining with drift-triggered redeploys before launch (level 4)',
          correct: false,
          explanation:
            'Too much, too soon. Level 4 pays off with many business-critical models. For one unproven model, the effort outweighs the benefit.',
        },
        {
          id: 'buy-platform',
          text: 'Buy an ML platform with A/B testing and a model registry for the whole company first',
          correct: false,
          explanation:
            'Premature. Invest in ML infrastructure once there are several proven use cases. Right now the question is whether this one model is worth it.',
        },
      ],
    },
  ],
});
