import { defineLesson } from '@/lib/course/define';

export default defineLesson({
  id: 'what-is-mlops',
  week: 1,
  order: 1,
  title: 'What is MLOps?',
  summary:
    'A trained model is the start of the work, not the end. Meet the eight phases of the MLOps loop, learn why models decay once they are live, and see how MLOps builds on DevOps.',
  maturityLevel: 0,
  minutes: 20,
  objectives: [
    'Explain in one sentence what MLOps is and what problem it solves',
    'Name the eight phases of the MLOps loop, from data gathering to re-training, in order',
    'Give three reasons why a model gets worse in production even when its code never changes',
    'Say what MLOps borrows from DevOps and what it has to add',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'phase-after-evaluation',
      title: 'Where does the model go next?',
      prompt:
        'Your model has just passed evaluation on the held-out test set. Which phase of the loop comes next?',
      hints: [
        'Evaluation answers "is it good enough?". What has to happen before anyone can use it?',
        'Monitoring needs something to watch: the model must already be answering real requests.',
        'The model has to be put behind an endpoint that applications can call.',
      ],
      choices: [
        {
          id: 'serving',
          text: 'Model serving',
          correct: true,
          explanation:
            'Right. Once a model is good enough, it is deployed so applications can send it requests and get predictions back.',
        },
        {
          id: 'monitoring',
          text: 'Model monitoring',
          correct: false,
          explanation:
            'Not yet. Monitoring watches a model that is already live. Until it is served, there is no production traffic to watch.',
        },
        {
          id: 're-training',
          text: 'Re-training',
          correct: false,
          explanation:
            'Too early. Re-training is triggered when monitoring shows the live model has become worse, which comes after serving.',
        },
        {
          id: 'data-cleaning',
          text: 'Data cleaning',
          correct: false,
          explanation:
            'Cleaning happens before training. A model that passed evaluation has already been trained on cleaned data.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'why-models-decay',
      title: 'Why do models decay?',
      prompt:
        'A model was 92% accurate at launch. Six months later it is at 81%, and nobody has touched its code or weights. Which of these could explain the drop? Pick every one that applies.',
      multiple: true,
      hints: [
        'The weights are frozen. What else is part of a prediction?',
        'Think about the inputs the model receives and the world those inputs describe.',
        'Three answers describe a change in the data or in the world; one describes a change in the file itself, which does not happen, and one only affects speed.',
      ],
      choices: [
        {
          id: 'behaviour-changed',
          text: 'Customers started behaving differently, so the link between inputs and the right answer changed',
          correct: true,
          explanation:
            'Yes. This is concept drift: the same inputs now call for different answers, so patterns learned from old data are partly wrong.',
        },
        {
          id: 'upstream-units',
          text: 'An upstream system now sends a field in different units (kilometres instead of miles)',
          correct: true,
          explanation:
            'Yes. The model still expects the old units. Silent schema and unit changes are a classic data-quality failure in production.',
        },
        {
          id: 'seasonal-inputs',
          text: 'The season changed, so the inputs now come from a range the training data barely covered',
          correct: true,
          explanation:
            'Yes. This is covariate shift: the model is asked about inputs unlike the ones it learned from, and it extrapolates poorly.',
        },
        {
          id: 'weights-wear-out',
          text: 'The saved weights slowly degrade on disk as the model is used',
          correct: false,
          explanation:
            'No. A saved model file does not change when it is used. The model stays the same; the world around it moves.',
        },
        {
          id: 'more-traffic',
          text: 'The endpoint now gets twice as many requests per second',
          correct: false,
          explanation:
            'Not by itself. More traffic can make responses slower, but each prediction is computed the same way, so accuracy does not drop.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'mlops-vs-devops',
      title: 'What MLOps adds to DevOps',
      prompt: 'A team already has solid DevOps: CI, automated tests, one-click deploys. What does MLOps add on top?',
      hints: [
        'DevOps assumes the behaviour of a release is fixed by its code.',
        'In ML, behaviour also depends on two things that are not code.',
        'Look for the answer that mentions data and models, and watching them after release.',
      ],
      choices: [
        {
          id: 'data-and-models',
          text: 'Versioning and testing of data and models, not only code, and monitoring of prediction quality after release',
          correct: true,
          explanation:
            'Right. A model is code plus data plus training. MLOps tracks all three and keeps watching the model once it is live, because it can decay without any code change.',
        },
        {
          id: 'replace-devops',
          text: 'Nothing: MLOps replaces DevOps, so the existing CI and deploys can be dropped',
          correct: false,
          explanation:
            'No. MLOps builds on DevOps. Version control, CI and automated releases stay; MLOps extends them to data and models.',
        },
        {
          id: 'bigger-servers',
          text: 'Faster hardware, such as GPUs, for serving',
          correct: false,
          explanation:
            'Hardware can help, but it is not what MLOps is about. A fast model that has drifted still gives wrong answers.',
        },
        {
          id: 'uptime-only',
          text: 'Tighter uptime and latency monitoring for the prediction endpoint',
          correct: false,
          explanation:
            'DevOps already watches uptime and latency. An endpoint can be fast and always up while its predictions quietly get worse.',
        },
      ],
    },
  ],
});
