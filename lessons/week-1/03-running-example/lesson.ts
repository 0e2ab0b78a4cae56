import { defineLesson } from '@/lib/course/define';
import type { CheckResult, WorkbenchSnapshot } from '@/lib/course/types';

/** Lessons the week 1 review waits for, with the titles the learner sees. */
export const WEEK_1_REVIEW_LESSONS: ReadonlyArray<{ id: string; title: string }> = [
  { id: 'what-is-mlops', title: 'What is MLOps?' },
  { id: 'maturity-model', title: 'The MLOps maturity model' },
];

/**
 * Week 1 review: passes once both earlier lessons of the week are complete.
 * Pure: reads only `snapshot.progress.completedLessons`.
 */
export function checkWeekReview(snapshot: WorkbenchSnapshot): CheckResult {
  const done = new Set(snapshot.progress.completedLessons);
  const missing = WEEK_1_REVIEW_LESSONS.filter((lesson) => !done.has(lesson.id));
  if (missing.length === 0) {
    return {
      passed: true,
      feedback:
        'Week 1 is done: you know the MLOps loop, the maturity ladder and the flights data. Next week you train your first model on the earliest flights and check it on later ones.',
    };
  }
  const names = missing.map((lesson) => `“${lesson.title}”`);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return {
    passed: false,
    feedback: `${missing.length === 1 ? 'Nearly there.' : 'Not quite yet.'} Still to do: ${list}. Finish the exercises there, then come back and check again.`,
  };
}

export default defineLesson({
  id: 'running-example',
  week: 1,
  order: 3,
  title: 'The running example: three months of US flights',
  summary:
    'Meet the dataset you will carry through the whole course: 20,000 US flights from January to March 2001. Frame it as a delay-prediction problem, read its real monthly figures, and see why a model trained on the first weeks will drift.',
  maturityLevel: 0,
  minutes: 20,
  objectives: [
    'Describe the five fields of the flights dataset and their units',
    'Frame delay prediction as a regression or a classification problem',
    'Read the monthly figures and spot how February differs from January',
    'Explain why a model trained on earlier weeks meets real drift on later ones',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'january-delayed-share',
      title: 'How often is a January flight late?',
      prompt:
        'Your training data starts in January. In the January data, what share of flights arrived more than 15 minutes late?',
      hints: [
        'Look at the "delayed more than 15 min" column of the table, in the January row.',
        'It is roughly one flight in five.',
      ],
      choices: [
        {
          id: 'share-4-8',
          text: '4.8%',
          correct: false,
          explanation:
            'That is the share of January flights more than an hour late. The 15-minute threshold catches far more flights.',
        },
        {
          id: 'share-6-4',
          text: '6.4%',
          correct: false,
          explanation:
            'Careful with units: 6.4 is January’s mean delay in minutes, not a share of flights.',
        },
        {
          id: 'share-20-8',
          text: '20.8%',
          correct: true,
          explanation:
            'Right: 1,442 of 6,937 January flights, about one in five. So a model that always answers "on time" would already be right 79.2% of the time, which is why accuracy alone is a weak metric here.',
        },
        {
          id: 'share-50-4',
          text: '50.4%',
          correct: false,
          explanation:
            'That is the share of January flights that arrived early (negative delay). Being delayed more than 15 minutes is much rarer.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'hardest-month',
      title: 'Which month will surprise the model most?',
      prompt:
        'You train on January and replay February and March as production traffic. Judging by the monthly figures alone, which month looks least like the training data?',
      hints: [
        'Compare each month’s delayed share and mean delay with January’s.',
        'One month has a mean delay about 50% higher than January’s.',
      ],
      choices: [
        {
          id: 'january',
          text: 'January',
          correct: false,
          explanation: 'January is the training data itself, so by definition it matches what the model learned.',
        },
        {
          id: 'february',
          text: 'February',
          correct: true,
          explanation:
            'Right. February has the highest share of flights delayed more than 15 minutes (23.8% against 20.8%) and a mean delay of 9.6 minutes against 6.4 in January.',
        },
        {
          id: 'march',
          text: 'March',
          correct: false,
          explanation:
            'March moves back towards January: 20.9% delayed and a 7.4-minute mean delay. It still differs in ways the monthly averages hide, such as its route mix.',
        },
        {
          id: 'none',
          text: 'None: the three months look the same',
          correct: false,
          explanation:
            'Not quite. The figures are close in absolute terms, but February’s mean delay is about 50% higher than January’s. That is the kind of shift monitoring should catch.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'drift-sources',
      title: 'Where will the drift come from?',
      prompt:
        'Which of these are real reasons why February and March traffic will differ from the January training data? Pick every one that applies.',
      multiple: true,
      hints: [
        'Think about weather, the calendar and which flights are in the data.',
        'One wrong answer is about units, which are the same across the whole file. The other confuses volume with quality.',
        'Three answers are right: weather, holidays and the route mix.',
      ],
      choices: [
        {
          id: 'winter-weather',
          text: 'Weather changes from week to week, so a stormy spell can bring a burst of delays unlike the training weeks',
          correct: true,
          explanation:
            'Yes. Weather is the classic seasonal driver of delays, and it changes the input distribution and the outcome from week to week.',
        },
        {
          id: 'holiday-weekend',
          text: 'Holiday traffic, such as the Presidents’ Day weekend in mid-February, crowds airports',
          correct: true,
          explanation:
            'Yes. Friday 16 February 2001, just before Presidents’ Day, had 43% of its flights delayed more than 15 minutes, about double the January rate.',
        },
        {
          id: 'route-mix',
          text: 'The mix of routes changes: some February and March flights fly routes that never appear in January',
          correct: true,
          explanation:
            'Yes. About 12% of February flights in this sample fly an origin–destination pair not seen in January. The model meets unseen categories.',
        },
        {
          id: 'units-change',
          text: 'The delay column switches from minutes to hours in March',
          correct: false,
          explanation:
            'No. Delay is in minutes throughout the file. Later lessons inject dirty data like this on purpose, but the real data is consistent.',
        },
        {
          id: 'fewer-flights',
          text: 'February has fewer flights, and fewer flights make the model’s predictions wrong',
          correct: false,
          explanation:
            'No. February has fewer flights mostly because it has 28 days. Volume alone does not change what each prediction should be.',
        },
      ],
    },
    {
      kind: 'check',
      id: 'week-review',
      title: 'Week 1 review',
      prompt:
        'Before moving on to week 2, make sure the whole week is done: complete the lessons “What is MLOps?” and “The MLOps maturity model”, then run this check.',
      required: false,
      hints: [
        'The check looks at which lessons are complete, not at this page.',
        'A lesson counts as complete once all of its required exercises have passed.',
        'Open the week 1 list and look for a lesson without a completion mark.',
      ],
      solution:
        'Go back to “What is MLOps?” and “The MLOps maturity model”, answer every exercise there until it passes, then return here and run the check again.',
      check: checkWeekReview,
    },
  ],
});
