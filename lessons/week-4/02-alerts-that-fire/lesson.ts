import { defineLesson } from '@/lib/course/define';
import { checkAlertOnShiftQuietOnControl } from './checks';

export default defineLesson({
  id: 'alerts-that-fire',
  week: 4,
  order: 2,
  title: 'Alerts that fire when they should (level 4)',
  summary:
    'A dashboard nobody opens protects nothing, and an alert that cries wolf is soon ignored. Write alert rules that wait for a few windows before firing, acknowledge or silence what you already know, and tune a rule until it fires on a real shift and stays quiet on traffic that does not drift.',
  maturityLevel: 4,
  minutes: 25,
  objectives: [
    'Describe an alert rule: a metric, a comparison, a threshold, K consecutive windows and a severity',
    'Follow an alert from pending to firing to resolved, window by window',
    'Explain alert fatigue, and choose K by weighing the delay it adds against the false alarms it removes',
    'Tell acknowledging an alert, silencing a rule and turning a rule off apart',
    'Tune a rule that fires within three windows of a real shift and never on a no-drift control',
  ],
  exercises: [
    {
      kind: 'quiz',
      id: 'choosing-k',
      title: 'A rule nobody reads',
      prompt:
        'A rule fires when `distance` drifts in a window (K = 1). On no-drift traffic it fires about three times a month, and the team has stopped reading it. The shifts you care about last for days. What is the best change?',
      hints: ['Does a chance crossing of the threshold tend to repeat the next day? Does a real shift?', 'What does each extra window of K cost when the shift is real?'],
      choices: [
        {
          id: 'k-two-or-three',
          text: 'Raise K to 2 or 3: chance crossings rarely happen several windows in a row, a lasting shift does; the price is one or two windows of delay',
          correct: true,
          explanation:
            'Right. If noise trips the condition in 10 % of windows independently, K = 2 cuts false alarms to about 1 % of windows and K = 3 to 0.1 %. A real sudden shift holds every window, so it fires K − 1 windows after it began.',
        },
        {
          id: 'acknowledge-fast',
          text: 'Keep K = 1 and ask the team to acknowledge every alert quickly',
          correct: false,
          explanation: 'Acknowledging tells others someone is looking; it removes no false alarm. The team would still be interrupted three times a month for nothing.',
        },
        {
          id: 'k-fourteen',
          text: 'Raise K to 14: then only a real shift can ever fire',
          correct: false,
          explanation: 'It would be quiet, and two weeks late. A shift that lasts a week would never fire at all. K trades delay for quiet; pick the smallest K that makes false alarms rare.',
        },
        {
          id: 'turn-off',
          text: 'Turn the rule off: the built-in dataset drift rule will catch any shift that matters',
          correct: false,
          explanation: 'Dataset drift needs half of the columns to drift. A shift of one input the model relies on can hurt a lot and never reach that share.',
        },
      ],
    },
    {
      kind: 'quiz',
      id: 'acknowledge-or-silence',
      title: 'Acknowledge, silence or turn off',
      prompt: 'Which of these statements about handling alerts in the workbench are true? Pick every one.',
      multiple: true,
      hints: ['Which of the three still judges every window?', 'Which one is about one alert, and which about a rule?', 'Three statements are true.'],
      choices: [
        {
          id: 'ack-keeps-firing',
          text: 'Acknowledging a firing alert says “someone is on it”: the alert stays firing and keeps its history, and it leaves the header’s Alerts badge',
          correct: true,
          explanation: 'True. An acknowledgement is about one alert and changes nothing about the rule. The alert resolves only when its condition stops holding.',
        },
        {
          id: 'silence-still-judges',
          text: 'Silencing a rule for a day keeps it judging every window: its alerts still go pending and firing, only without the badge',
          correct: true,
          explanation: 'True. Silence is for noise you already expect, such as a planned migration: the record stays complete, and nobody is disturbed.',
        },
        {
          id: 'off-stops',
          text: 'Turning a rule off stops it judging: its open alert resolves, and windows that close while it is off are never judged, even after it is turned back on',
          correct: true,
          explanation: 'True. A rule that is off leaves a gap in the record. Prefer silence when you only want quiet for a while.',
        },
        {
          id: 'ack-resolves',
          text: 'Acknowledging an alert resolves it',
          correct: false,
          explanation: 'No. Resolved means the condition stopped holding in a window. An acknowledged alert can stay firing for days, and should, while the problem lasts.',
        },
        {
          id: 'silence-fixes',
          text: 'Silencing is the right answer to a rule that fires on every control day',
          correct: false,
          explanation: 'A rule that fires on traffic that does not drift is broken: change its threshold, its K or the window it judges. Silencing it hides the problem and the real shifts with it.',
        },
      ],
    },
    {
      kind: 'check',
      id: 'alert-on-shift-quiet-on-control',
      title: 'Fire on the shift, stay quiet on the control',
      prompt:
        'On one endpoint, have one alert rule that is on fire within three windows of the start of a covariate shift, and stay quiet through a whole no-drift control replay. Both replays must have finished.',
      hints: [
        'Add the rule before you play traffic: a rule judges only the windows that close after you add it.',
        'A rule on the one input that moves (“One column drifted (1 or 0)”) reacts sooner than one that waits for half the columns; “For consecutive windows” of 2 keeps single noisy windows from firing it.',
        'Play “Covariate shift, sudden” with a chosen input and a magnitude of 2, then “No drift (control)”, both for 14 days at 500 requests a day.',
      ],
      solution:
        'On /workbench/endpoint?name=flights-delay-api&tab=monitor, under “Add a rule”, name it “distance moved”, choose Metric “One column drifted (1 or 0)”, Column distance, ≥ 1, For consecutive windows 2, and click Add rule. Then on /workbench/endpoint?name=flights-delay-api&tab=traffic choose “Covariate shift, sudden”, 14 days, 500 requests a day, drift starting on day 7, Magnitude 2, Input that changes distance, speed “As fast as possible”, and start traffic. When it has finished, choose “No drift (control)”, 14 days, 500 requests a day, and start traffic again. Check when both have finished.',
      workbenchLink: '/workbench/endpoint?name=flights-delay-api&tab=monitor',
      check: checkAlertOnShiftQuietOnControl,
    },
  ],
});
