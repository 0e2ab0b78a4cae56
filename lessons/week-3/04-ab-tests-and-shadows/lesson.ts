import { defineLesson } from '@/lib/course/define';
import { checkShadowAgreement, checkSignificantWinner } from './checks';

export default defineLesson({
  id: 'ab-tests-and-shadows',
  week: 3,
  order: 4,
  title: 'A/B tests and shadow deployments (level 3)',
  summary:
    'A canary asks whether a version is safe; an A/B test asks whether it is better, on live traffic, with a fixed split and a significance test. A shadow asks how it would answer, without answering anyone.',
  maturityLevel: 3,
  minutes: 35,
  objectives: [
    'Explain what an A/B test answers that validation and a canary do not',
    'Explain sticky assignment by a hash of the request id, and why it matters',
    'Read a significance test: p-value, α, confidence interval, and the minimum sample size',
    'Name a winner only once the test is significant, and explain the cost of peeking',
    'Run a shadow deployment and read how often the challenger agrees with the answer',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'sticky-assignment',
      title: 'Why hash the request id?',
      prompt: 'The endpoint sends each request to A or B by a hash of its id, not by a fresh coin flip on every call. What does that buy?',
      hints: ['What happens when a client sends the same request twice, say after a timeout?', 'Would a coin flip give the same split as a hash over thousands of requests?'],
      choices: [
        {
          id: 'same-variant',
          text: 'The same id always gets the same variant: a retried request is answered by the same version, and the assignment can be reproduced later from the id alone',
          correct: true,
          explanation:
            'Right. Sticky assignment keeps one unit on one variant, so its experience is not a mix of both, and anyone can recompute which variant an id saw. When ids carry a user or a session, the same holds for a whole user.',
        },
        {
          id: 'exact-split',
          text: 'It makes every day’s split exactly 50/50',
          correct: false,
          explanation: 'No: a hash spreads ids like a fair coin does, so each day’s split is close to the target, not exact. Stickiness, not precision, is the point.',
        },
        {
          id: 'faster-significance',
          text: 'It makes the test reach significance with fewer rows',
          correct: false,
          explanation: 'No: how many rows a test needs depends on the size of the difference and its noise, not on how variants are assigned.',
        },
        {
          id: 'speed',
          text: 'Hashing is faster than drawing a random number',
          correct: false,
          explanation: 'Both take microseconds. The reason is consistency, not speed.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'minimum-sample-size',
      title: 'Stop or go on?',
      prompt:
        'Before an A/B test, you compute that telling an accuracy of 80 % from 82 % at α = 0.05 with 80 % power needs about 6,000 labelled rows per variant. After 400 labelled rows per variant, A is at 80 % and B at 85.5 %, and the p-value is 0.04. What do you do?',
      hints: [
        'What happens to false alarms if you check the p-value after every batch and stop the first time it dips below α?',
        'The sample size was chosen before looking, for a reason.',
      ],
      choices: [
        {
          id: 'keep-going',
          text: 'Keep the test running until each variant has about 6,000 labelled rows, then decide',
          correct: true,
          explanation:
            'Right. A p-value checked again and again will dip below α by chance far more often than α says. Decide the sample size first, and stop when it is reached (or use a method built for repeated looks).',
        },
        {
          id: 'stop-now',
          text: 'Stop now and promote B: p = 0.04 is below α = 0.05',
          correct: false,
          explanation: 'That is peeking. Early leads on few rows are often noise: a lead far larger than the 2 points you planned for is a warning sign, not a prize, and it usually shrinks as rows come in.',
        },
        {
          id: 'stop-a',
          text: 'Stop now and keep A, since 400 rows prove nothing',
          correct: false,
          explanation: 'Stopping early in either direction wastes the test. The plan was 6,000 rows a variant; keep going and let the full test decide.',
        },
        {
          id: 'lower-alpha',
          text: 'Raise α to 0.1 so that the result counts sooner',
          correct: false,
          explanation: 'Changing α after seeing the data makes the test mean nothing: you would be choosing the rule that gives the answer you hoped for.',
        },
      ],
    },
    {
      kind: 'check',
      id: 'significant-winner',
      title: 'Name the winner only once it is significant',
      prompt:
        'Run an A/B test of the version your endpoint serves against another version, send traffic until the comparison is significant, then keep the variant it names.',
      hints: [
        'Start it on the endpoint’s Overview tab under Rollouts, with A/B test, another version and a 50 % share.',
        'The result under the test says how many labelled rows per variant a difference of the size seen would need. Small differences need a lot: send more rows a request and more days.',
        'Keep B (v…) or Keep A (v…) only once the sentence says a variant wins.',
      ],
      solution:
        'On /workbench/endpoint?name=flights-delay-api, under Rollouts, choose A/B test, version 1 and 50 % to B, and click Start. On the Production traffic tab choose “No drift (control)”, 30 days, 500 requests a day, 20 rows a request, Dirty data 0, speed “As fast as possible”, and start traffic. Back on the Overview, read the result: when it says a variant wins, click Keep on that variant; if it still needs more rows, run more traffic first.',
      workbenchLink: '/workbench/endpoint?name=flights-delay-api',
      check: checkSignificantWinner,
    },
    {
      kind: 'check',
      id: 'shadow-agreement',
      title: 'Shadow a challenger',
      prompt: 'Start a shadow deployment of another version on your endpoint and send traffic until the traffic table shows how often it agrees with the answers.',
      hints: [
        'A shadow is a rollout like the others: Overview tab, Rollouts, Shadow.',
        'The shadow only sees copies of requests that arrive while it runs: start traffic after starting the shadow.',
      ],
      solution:
        'On /workbench/endpoint?name=flights-delay-api, under Rollouts, choose Shadow and another version, and click Start. On /workbench/endpoint?name=flights-delay-api&tab=traffic start “No drift (control)” for 2 days at 500 requests a day. The Shadow agreement column fills in; end the shadow on the Overview tab when you have read it.',
      workbenchLink: '/workbench/endpoint?name=flights-delay-api&tab=traffic',
      check: checkShadowAgreement,
    },
  ],
});
