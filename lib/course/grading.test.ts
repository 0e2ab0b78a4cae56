import { describe, expect, it } from 'vitest';
import { applyAttempt, applyCheckResult, canRevealSolution, emptyProgress, gradeQuiz, revealNextHint, revealSolution, shouldAutoRecheck, SOLUTION_AFTER_ATTEMPTS } from './grading';

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

describe('check results: what counts as an attempt', () => {
  const start = emptyProgress('l', 'c', 1);
  const nothingYet = { passed: false, feedback: 'You have no registered model yet.', notGradable: true } as const;
  const wrong = { passed: false, feedback: 'v2 is not better.' };
  const right = { passed: true, feedback: 'Promoted.' };

  it('counts a clicked, gradable result as one attempt, as applyAttempt does', () => {
    expect(applyCheckResult(start, wrong, 'click', 2)).toEqual(applyAttempt(start, wrong, [], 2));
    expect(applyCheckResult(start, right, 'click', 2)).toMatchObject({ status: 'passed', attempts: 1, passedAt: 2 });
  });

  it('shows a clicked check with nothing to grade without counting it, so clicking cannot unlock the solution', () => {
    let p = start;
    for (let i = 0; i < SOLUTION_AFTER_ATTEMPTS + 2; i++) p = applyCheckResult(p, { ...nothingYet, feedback: `nothing yet ${i}` }, 'click', 10 + i);
    expect(p).toMatchObject({ status: 'not-started', attempts: 0, lastFeedback: `nothing yet ${SOLUTION_AFTER_ATTEMPTS + 1}`, passedAt: null });
    expect(canRevealSolution(p)).toBe(false);
    const tried = applyCheckResult(applyCheckResult(start, wrong, 'click', 2), nothingYet, 'click', 3);
    expect(tried).toMatchObject({ status: 'attempted', attempts: 1, lastFeedback: nothingYet.feedback });
  });

  it('never counts an automatic re-run, but updates its feedback', () => {
    const failed = applyCheckResult(start, wrong, 'click', 2);
    const rerun = applyCheckResult(failed, { passed: false, feedback: 'Closer: v3 ties.' }, 'auto', 5);
    expect(rerun).toMatchObject({ status: 'attempted', attempts: 1, lastFeedback: 'Closer: v3 ties.', updatedAt: 5, passedAt: null });
  });

  it('records a pass found by an automatic re-run like a clicked one, without an attempt', () => {
    const failed = applyCheckResult(start, wrong, 'click', 2);
    const passed = applyCheckResult(failed, right, 'auto', 7);
    expect(passed).toMatchObject({ status: 'passed', attempts: 1, passedAt: 7, lastFeedback: 'Promoted.', updatedAt: 7 });
    // Even after an empty check that never counted: the pass is still the learner's.
    expect(applyCheckResult(applyCheckResult(start, nothingYet, 'click', 2), right, 'auto', 3)).toMatchObject({ status: 'passed', attempts: 0, passedAt: 3 });
  });

  it('ignores notGradable on a pass, and keeps a pass once earned', () => {
    expect(applyCheckResult(start, { ...right, notGradable: true }, 'click', 2)).toMatchObject({ status: 'passed', attempts: 1 });
    const passed = applyCheckResult(start, right, 'click', 2);
    expect(applyCheckResult(passed, wrong, 'auto', 3)).toMatchObject({ status: 'passed', passedAt: 2, attempts: 1 });
    expect(applyCheckResult(passed, nothingYet, 'click', 4)).toMatchObject({ status: 'passed', passedAt: 2, attempts: 1 });
  });

  it('returns the same row when an automatic re-run changes nothing, so no write is needed', () => {
    const failed = applyCheckResult(start, wrong, 'click', 2);
    expect(applyCheckResult(failed, wrong, 'auto', 9)).toBe(failed);
    expect(applyCheckResult(failed, wrong, 'click', 9)).not.toBe(failed);
  });

  it('re-runs automatically only checks already run and not yet passed', () => {
    expect(shouldAutoRecheck(undefined)).toBe(false);
    expect(shouldAutoRecheck(start)).toBe(false);
    expect(shouldAutoRecheck(applyCheckResult(start, nothingYet, 'click', 2))).toBe(true);
    expect(shouldAutoRecheck(applyCheckResult(start, wrong, 'click', 2))).toBe(true);
    expect(shouldAutoRecheck(applyCheckResult(start, right, 'click', 2))).toBe(false);
    // A quiz never tried but with hints revealed has no feedback yet: nothing to re-run.
    expect(shouldAutoRecheck(revealNextHint(start, 2, 3))).toBe(false);
  });
});
