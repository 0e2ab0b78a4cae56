import { defineLesson } from '@/lib/course/define';
import { checkCanaryToFull, checkGuardRollback } from './checks';

export default defineLesson({
  id: 'canary-releases',
  week: 3,
  order: 3,
  title: 'Canary releases and automatic rollback (level 3)',
  summary:
    'Replace a model all at once and every user meets its mistakes together. Send a new version a small share of the traffic first, grow it in steps while guards watch errors, latency, rejects and the live metric, and let a breached guard roll it back by itself.',
  maturityLevel: 3,
  minutes: 30,
  objectives: [
    'Explain why replacing a version all at once is risky, and how a canary limits the damage',
    'Plan a canary: steps, how long each is held, and the guards that judge it',
    'Say which guards can judge in the first minutes and which must wait for labels',
    'Take a canary to 100 % and read its steps on the deployment timeline',
    'Watch a breached guard roll a canary back without anyone clicking',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'metric-guard-waits',
      title: 'The quiet guard',
      prompt:
        'A canary of v3 has passed its 5 % and 25 % steps. The error, latency and reject guards judged both steps, but the live-metric guard still says it has not judged. What is the most likely reason?',
      hints: ['What does the metric guard need that the other three do not?', 'How long after a prediction does the true delay of a flight arrive?'],
      choices: [
        {
          id: 'labels',
          text: 'The metric needs true labels, which arrive hours later; the guard waits until both versions have enough labelled rows in the step',
          correct: true,
          explanation:
            'Right. Errors, latency and rejects are known the moment a request is answered; accuracy is known only when the truth arrives. Hold each step long enough for labels, or the metric guard never gets a say.',
        },
        {
          id: 'broken',
          text: 'The guard is broken: a guard that has not judged should roll the canary back',
          correct: false,
          explanation: 'A guard that has nothing to judge yet cannot say anything true. Rolling back on no evidence would make every canary fail in its first minutes.',
        },
        {
          id: 'too-good',
          text: 'v3 is so much better that the guard has nothing to report',
          correct: false,
          explanation: 'A better metric would be reported as within the limit. “Not judged” means there were not enough labelled rows to compare at all.',
        },
      ],
    },
    {
      kind: 'check',
      id: 'canary-to-full',
      title: 'Take a canary to 100 %',
      prompt:
        'Start a canary of another version of your model on your endpoint, send it traffic, and let it climb every step until it is promoted to serve all traffic.',
      hints: [
        'A canary needs a version other than the one serving. Train a new run on the same target and register it as the next version of the same model.',
        'Start it on the endpoint’s Overview tab under Rollouts with the default plan, then send clean traffic (0 % dirty) on the Production traffic tab.',
        'At the default hold of 200 requests a step, the canary needs about 5,400 requests to pass 5, 25, 50 and 100 %: 14 days at 500 requests a day is enough.',
      ],
      solution:
        'Train /workbench/train?dataset=flights&target=delay&model=mlp&lr=0.001&epochs=30, register it from its run page under the model name flights-delay (it becomes the next version). On /workbench/endpoint?name=flights-delay-api, under Rollouts, choose Canary and that version and click Start. On the Production traffic tab choose “No drift (control)”, 14 days, 500 requests a day, Dirty data 0, and start traffic. The canary advances by itself and is promoted after its 100 % step.',
      workbenchLink: '/workbench/endpoint?name=flights-delay-api',
      check: checkCanaryToFull,
    },
    {
      kind: 'check',
      id: 'guard-rollback',
      title: 'Watch a guard roll back',
      prompt: 'Start a canary that breaches one of its guards, send traffic, and let the guard roll it back by itself.',
      hints: [
        'A guard compares the candidate’s own traffic with a fixed limit, from its 50th request in a step.',
        'The rejected-rows guard is the easiest to breach on purpose: put the endpoint’s policy on reject, set that guard to 1 %, and send traffic with 10 % dirty data.',
        'Do not click Roll back yourself: only a rollback written by the canary guard counts.',
      ],
      solution:
        'On /workbench/endpoint?name=flights-delay-api, under Serving, set “Rows that break the data contract” to reject. Under Rollouts choose Canary and version 1, set “Roll back above this share of rejected rows (%)” to 1 and click Start. On the Production traffic tab choose “No drift (control)”, 14 days, 500 requests a day, Dirty data 10, and start traffic. Within a simulated day or two the timeline shows a rollback by the canary guard.',
      workbenchLink: '/workbench/endpoint?name=flights-delay-api&tab=traffic',
      check: checkGuardRollback,
    },
  ],
});
