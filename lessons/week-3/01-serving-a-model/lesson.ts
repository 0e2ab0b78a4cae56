import { defineLesson } from '@/lib/course/define';
import { checkServeAThousand } from './checks';

export default defineLesson({
  id: 'serving-a-model',
  week: 3,
  order: 1,
  title: 'Serving a model: online, batch and streaming (level 3)',
  summary:
    'Put the @champion behind an endpoint that answers a fixed request contract, check every row against the data contract it was trained on, and choose between answering one request at a time, scoring a file in bulk, or reading a stream.',
  maturityLevel: 3,
  minutes: 25,
  objectives: [
    'Tell online, batch and streaming serving apart, and pick one from how soon a prediction is needed',
    'Describe the request contract {id, columns, rows} → {id, predictions} and what the endpoint adds to each answer',
    'Explain what a data contract records about the training data and how the endpoint uses it on each row',
    'Deploy the @champion to an endpoint, read its deployment record, and serve it real traffic',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'when-batch',
      title: 'Batch or online?',
      prompt:
        'Which of these jobs are better served by batch scoring (a file of rows scored together, on a schedule) than by an online endpoint that answers each request as it comes? Pick every one.',
      multiple: true,
      hints: [
        'For each job, ask: does anyone wait for the answer while the request is open?',
        'Batch scoring suits predictions that can be computed ahead of time for a known list of rows.',
        'Two jobs suit batch scoring.',
      ],
      choices: [
        {
          id: 'nightly-board',
          text: 'Every evening, predict tomorrow’s delay for each of the 5,000 scheduled departures, for the operations team’s morning report',
          correct: true,
          explanation: 'Yes. The rows are known in advance and nobody waits on a single one: one scheduled job scores them all, cheaply, and the report reads the file.',
        },
        {
          id: 'booking-page',
          text: 'Show a traveller the expected delay on the booking page, the moment they pick a flight',
          correct: false,
          explanation: 'No: the traveller is waiting on this one answer, and which flight they pick is not known ahead. That is online serving, where latency matters.',
        },
        {
          id: 'quarterly-audit',
          text: 'Re-score last quarter’s 2 million flights with a new version, to compare it with what the old one predicted',
          correct: true,
          explanation: 'Yes. A large, fixed set of rows and no one waiting: batch scoring does it with the same contract and validation, at throughput rather than latency.',
        },
        {
          id: 'gate-alert',
          text: 'Warn a gate agent within seconds when the delay predicted for their flight jumps because of new weather reports',
          correct: false,
          explanation: 'No: the answer must follow each new event within seconds. That is streaming (or online) serving: a prediction per event as it arrives, not a nightly file.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'one-bad-row',
      title: 'One bad row in a batch',
      prompt:
        'An endpoint that rejects rows breaking its data contract receives one request with 50 rows. Row 17 has "12,5" in the distance column, written with a decimal comma. What should the response hold?',
      hints: ['Is the request as a whole unreadable, or only one value in one row?', 'Think about the 49 clients of the other rows: what do they need?'],
      choices: [
        {
          id: 'row-rejected',
          text: '49 predictions and a null for row 17, with a validation entry saying its distance is a malformed number',
          correct: true,
          explanation: 'Right. One bad value costs one row, and the response says which row and why, so the caller can fix it. The other 49 answers are unaffected.',
        },
        {
          id: 'whole-400',
          text: 'A 400 error for the whole request, since it contains invalid data',
          correct: false,
          explanation: 'A 400 is for a request that cannot be read at all (invalid JSON, no rows array, columns named twice). Throwing away 49 good rows for one bad value makes every client pay for one mistake.',
        },
        {
          id: 'parse-it',
          text: '50 predictions: the endpoint reads "12,5" as 125, the digits without the comma',
          correct: false,
          explanation: 'That is a guess, and a wrong one: 12.5 miles and 125 miles are very different flights. Quietly repairing values hides a broken client.',
        },
        {
          id: 'crash',
          text: 'Nothing: the endpoint fails, and the client retries later',
          correct: false,
          explanation: 'No input, however malformed, should crash an endpoint. A crash loses the other rows and every request queued behind them.',
        },
      ],
    },
    {
      kind: 'check',
      id: 'serve-a-thousand',
      title: 'Deploy @champion and serve 1,000 requests',
      prompt: 'Deploy your model’s @champion to an endpoint, then send it production traffic until it has answered at least 1,000 requests.',
      hints: [
        'The Endpoints page has a Deploy form: pick the model, keep @champion under Serve, and click Deploy.',
        'On the endpoint’s Production traffic tab, the “No drift (control)” scenario for 14 days at 500 requests a day sends 7,000 requests; “As fast as possible” takes seconds.',
        'Only requests answered by the version @champion resolved to count, so deploy by the alias, not by a version number.',
      ],
      solution:
        'Open /workbench/endpoints?model=flights-delay&alias=champion, keep the endpoint name flights-delay-api and click Deploy. On /workbench/endpoint?name=flights-delay-api&tab=traffic choose the scenario “No drift (control)”, 14 days, 500 requests a day, speed “As fast as possible”, and click Start traffic. When it has finished, check again.',
      workbenchLink: '/workbench/endpoints?model=flights-delay&alias=champion',
      check: checkServeAThousand,
    },
  ],
});
