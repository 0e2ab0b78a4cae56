import { defineLesson } from '@/lib/course/define';
import { checkDirtyWithoutErrors } from './checks';

export default defineLesson({
  id: 'dirty-production-traffic',
  week: 3,
  order: 2,
  title: 'Production traffic arrives dirty (level 3)',
  summary:
    'Real requests carry missing values, malformed numbers, unknown airports and renamed columns. Choose what the endpoint does with each bad row, count every issue by kind, and keep answering without a single crash.',
  maturityLevel: 3,
  minutes: 25,
  objectives: [
    'Name the usual kinds of dirty input and where they come from',
    'Compare the reject, impute and pass policies by what each costs the caller and the model',
    'Read a day of traffic: requests, rejected, flagged and failed rows, issues by kind',
    'Explain why the live metric of today is incomplete: labels arrive after a delay',
    'Serve dirty traffic with no errors, every caught row explained',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'policy-trade-offs',
      title: 'What each policy costs',
      prompt: 'Which of these statements about the endpoint’s three validation policies are true? Pick every one.',
      multiple: true,
      hints: [
        'Reject refuses bad rows; impute replaces bad values with what training used for missing ones; pass sends them on untouched.',
        'Think about the caller, the model, and whoever watches the traffic afterwards.',
        'Three statements are true.',
      ],
      choices: [
        {
          id: 'reject-schema',
          text: 'Under reject, a request in which a column was renamed is refused whole, with a 400 that names the column it does not know',
          correct: true,
          explanation: 'True. Under reject the columns must match the contract, so a renamed column fails the whole request; every row of it goes unanswered.',
        },
        {
          id: 'impute-answers',
          text: 'Under impute, a flagged row still gets a prediction, made with the training mean or most common value in place of the bad one',
          correct: true,
          explanation: 'True. The caller gets an answer and a flag; the answer is a guess about that one value, so it is usually less accurate than for a clean row.',
        },
        {
          id: 'pass-fails',
          text: 'Under pass, a value such as "N/A" reaches the model as sent, and the row can fail instead of being answered',
          correct: true,
          explanation: 'True. Pass trusts the caller completely. The row is flagged, but a text where a number belongs gives the model nothing it can compute with.',
        },
        {
          id: 'impute-free',
          text: 'Imputing is free: an imputed row is predicted as well as a clean one',
          correct: false,
          explanation: 'No. The model answers as if the value were typical. For a flight whose real distance is unusual, the answer can be far off, which is why the row is flagged.',
        },
        {
          id: 'reject-hides',
          text: 'Rejecting rows hides the problem, since rejected rows are not counted anywhere',
          correct: false,
          explanation: 'No. Every issue is counted by kind in each day’s traffic, whatever the policy. A reject is the loudest signal of the three.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'todays-metric',
      title: 'Today’s live error',
      prompt:
        'Halfway through a simulated day, the traffic table shows a live RMSE for today based on only a few hundred rows, while yesterday’s is based on every request. Why?',
      hints: ['When does the endpoint learn how late a flight really was?', 'The flights’ true delays are joined to the logged predictions by request id.'],
      choices: [
        {
          id: 'labels-late',
          text: 'The true delays arrive hours after the predictions; only today’s earlier requests have their labels yet',
          correct: true,
          explanation: 'Right. Ground truth comes late: a delay is known once the flight lands. Until then a prediction is logged but cannot be scored, so the latest day is always judged on fewer rows.',
        },
        {
          id: 'sampling',
          text: 'The endpoint only scores a sample of each day’s requests, to save time',
          correct: false,
          explanation: 'No: every logged row is scored once its label arrives. The small count today is about timing, not sampling.',
        },
        {
          id: 'rejected',
          text: 'Most of today’s rows were rejected by validation',
          correct: false,
          explanation: 'Rejected rows are counted in their own column. The gap between requests and labelled rows comes from labels that have not arrived yet.',
        },
      ],
    },
    {
      kind: 'check',
      id: 'dirty-without-errors',
      title: 'Serve dirty traffic without an error',
      prompt:
        'Replay production traffic with at least 5 % dirty data until it finishes, with 0 errors, and with every rejected or flagged row explained by an issue counted by kind.',
      hints: [
        'Set Dirty data on the Production traffic tab to 5 or more (percent of rows).',
        'An error is a row the endpoint accepted and then could not answer: the model gave no finite number. Requests refused whole with a 400 are counted apart. Look at which version answered, and at its training run.',
        'Under impute, the endpoint answers every readable row and flags what it fixed; change the policy on the Overview tab, then replay again.',
      ],
      solution:
        'On /workbench/endpoint?name=flights-delay-api, under Serving, set “Rows that break the data contract” to impute. Then on /workbench/endpoint?name=flights-delay-api&tab=traffic choose “No drift (control)”, 14 days, 500 requests a day, Dirty data 10, speed “As fast as possible”, and click Start traffic. When the replay has finished, check again.',
      workbenchLink: '/workbench/endpoint?name=flights-delay-api&tab=traffic',
      check: checkDirtyWithoutErrors,
    },
  ],
});
