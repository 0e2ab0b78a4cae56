import { defineLesson } from '../../../../../../lib/course/define';

export default defineLesson({
  id: 'alpha',
  week: 1,
  order: 1,
  title: 'Fixture alpha',
  summary: 'A fixture lesson.',
  maturityLevel: 0,
  minutes: 5,
  
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
