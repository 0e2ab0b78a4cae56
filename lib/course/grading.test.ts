import { describe, expect, it } from 'vitest';
import { applyAttempt, canRevealSolution, emptyProgress, gradeQuiz, revealNextHint, revealSolution, SOLUTION_AFTER_ATTEMPTS } from './grading';

const single = {
  multiple: false,
  choices: [
    { id: 'a', text: 'A', correct: true, explanation: 'A is right' },
    { id: 'b', text: 'B', correct: false, explanation: 'B is wrong' },
  ],
};
const multi = {
  multiple: true,
  choices: [
    { id: 'a', text: 'A', correct: true, explanation: 'yes a' },
    { id: 'b', text: 'B', correct: true, explanation: 'yes b' },
    { id: 'c', text: 'C', correct: false, explanation: 'no c' },
  ],
};

describe('gradeQuiz', () => {
  it('grades single choice and explains the picked choice', () => {
    expect(gradeQuiz(single, ['a'])).toEqual({ passed: true, feedback: 'Correct.', explanations: [{ choiceId: 'a', correct: true, text: 'A is right' }] });
    expect(gradeQuiz(single, ['b'])).toMatchObject({ passed: false, explanations: [{ choiceId: 'b', correct: false, text: 'B is wrong' }] });
    expect(gradeQuiz(single, ['a', 'b']).passed).toBe(false);
  });

  it('requires exactly the correct set for multiple choice and says how far off it is', () => {
    expect(gradeQuiz(multi, ['a', 'b']).passed).toBe(true);
    expect(gradeQuiz(multi, ['a']).feedback).toBe('Not quite. You found 1 of 2 right answers.');
    expect(gradeQuiz(multi, ['a', 'b', 'c']).feedback).toBe('Not quite. You found 2 of 2 right answers and picked 1 that is not right.');
  });

  it('fails an empty answer and ignores unknown ids', () => {
    expect(gradeQuiz(single, [])).toMatchObject({ passed: false, feedback: 'Pick an answer first.' });
    expect(gradeQuiz(single, ['zzz']).passed).toBe(false);
  });
});

describe('progress transitions', () => {
  const start = emptyProgress('l', 'e', 1);

  it('counts attempts and keeps a pass once earned', () => {
    const failed = applyAttempt(start, { passed: false, feedback: 'no' }, ['b'], 2);
    expect(failed).toMatchObject({ status: 'attempted', attempts: 1, lastAnswer: ['b'], passedAt: null, updatedAt: 2 });
    const passed = applyAttempt(failed, { passed: true, feedback: 'yes' }, ['a'], 3);
    expect(passed).toMatchObject({ status: 'passed', attempts: 2, passedAt: 3 });
    const again = applyAttempt(passed, { passed: false, feedback: 'no' }, ['b'], 4);
    expect(again).toMatchObject({ status: 'passed', attempts: 3, passedAt: 3, lastFeedback: 'no' });
  });

  it('reveals hints one at a time up to the number of hints', () => {
    let p = start;
    for (let i = 0; i < 5; i++) p = revealNextHint(p, 2, 10 + i);
    expect(p.hintsRevealed).toBe(2);
  });

  it('unlocks the solution only after enough tries or a pass', () => {
    let p = start;
    expect(canRevealSolution(undefined)).toBe(false);
    for (let i = 0; i < SOLUTION_AFTER_ATTEMPTS - 1; i++) p = applyAttempt(p, { passed: false, feedback: '' }, ['b'], i);
    expect(canRevealSolution(p)).toBe(false);
    expect(revealSolution(p, 9).solutionRevealed).toBe(false);
    p = applyAttempt(p, { passed: false, feedback: '' }, ['b'], 9);
    expect(revealSolution(p, 10).solutionRevealed).toBe(true);
    expect(canRevealSolution(applyAttempt(start, { passed: true, feedback: '' }, ['a'], 1))).toBe(true);
  });
});
