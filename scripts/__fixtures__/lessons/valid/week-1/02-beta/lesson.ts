import { defineLesson } from '../../../../../../lib/course/define';

export default defineLesson({
  id: 'beta',
  week: 1,
  order: 2,
  title: 'Fixture beta',
  summary: 'A fixture lesson.',
  maturityLevel: 0,
  minutes: 5,
  objectives: ['Know the thing.'],
  exercises: [
    {
      kind: 'quiz',
      id: 'q1',
      title: 'Question',
      prompt: 'Pick one.',
      hints: ['A hint.'],
      choices: [
        { id: 'a', text: 'A', correct: true, explanation: 'Right.' },
        { id: 'b', text: 'B', correct: false, explanation: 'Wrong.' },
      ],
    },
  ],
});
